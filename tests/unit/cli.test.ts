/** The extract CLI as a user runs it: `tsx scripts/extract.ts <file.html | -> --url <u> [--text] [--force] [--sanitize]`. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dangersIn } from '../security/dangers';
import { articleDom, PAGES, ROOT, viewHtml } from '../support/dom';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(join(tmpdir(), 'lectern-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI (asynchronously, so the cases run side by side: each start of tsx costs a second or two). */
function cli(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/extract.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const page = (slug: string): string => join(PAGES, slug, 'source.html');
const url = (slug: string): string => (JSON.parse(readFileSync(join(PAGES, slug, 'meta.json'), 'utf8')) as { url: string }).url;

/** A real 1x1 PNG: signature, IHDR, IDAT, IEND (CRCs are not checked by anything here, so they are zero). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.concurrent('extract CLI', () => {
  it('prints an article as JSON and exits 0', async () => {
    const { code, stdout, stderr } = await cli([page('article--metadata'), '--url', url('article--metadata')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { ok: boolean; article: { title: string; url: string; textContent: string } };
    expect(result.ok).toBe(true);
    expect(result.article.title).toBe('The keepers who measured the storms');
    expect(result.article.url).toBe('http://127.0.0.1/history/keepers-storms.html');
    expect(result.article.textContent).toContain('Skerrow light');
  });

  it('--text prints the title, the byline line and the text', async () => {
    const { code, stdout } = await cli([page('article--metadata'), '--text', `--url=${url('article--metadata')}`]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('The keepers who measured the storms');
    expect(lines[1]).toBe('Iona MacLeod · Coastal Notes · 2024-03-18T07:30:00Z');
    expect(stdout).toContain('\n\nFor sixty-one years the keepers of the Skerrow light');
    expect(stdout).not.toMatch(/^\s*\{/);
    expect(stdout).not.toContain('<p>');
  });

  it('- reads the page from standard input', async () => {
    const html = readFileSync(page('images--lazy-noscript'), 'utf8');
    const { code, stdout } = await cli(['-', '--url', url('images--lazy-noscript'), '--text'], html);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe("What a lighthouse keeper's logbook tells us about storms");
  });

  it('a page that is not an article exits 1 with { ok: false } JSON on stdout', async () => {
    const { code, stdout, stderr } = await cli([page('not-article--search-results'), '--url', url('not-article--search-results')]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, reason: 'not-article' });
  });

  it('--force reads it anyway', async () => {
    const { code, stdout } = await cli([page('not-article--search-results'), '--url', url('not-article--search-results'), '--force']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('--sanitize: the article\'s HTML as the reader view renders it, with no handler, script or javascript: link left', async () => {
    const slug = 'sanitize--hostile-article';
    const [raw, clean] = await Promise.all([cli([page(slug), '--url', url(slug)]), cli([page(slug), '--url', url(slug), '--sanitize'])]);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    type Ok = { ok: true; article: { content: string; textContent: string } };
    const before = (JSON.parse(raw.stdout) as Ok).article;
    const after = (JSON.parse(clean.stdout) as Ok).article;
    // Without it, the page's own markup: an <img onerror> and javascript: links inside the article.
    expect(before.content).toMatch(/<img [^>]*onerror="alert\(3\)"/);
    expect(before.content).toMatch(/<a [^>]*href="\s*javascript:/i);
    expect(dangersIn(articleDom(before.content))).not.toEqual([]);
    // With it, none of that, and exactly what the reader view shows (its sanitizer, its configuration).
    expect(after.content).not.toMatch(/onerror|onmouseover|onclick|javascript:|<script|<iframe|<svg/i);
    expect(dangersIn(articleDom(after.content))).toEqual([]);
    expect(after.content).toBe(viewHtml(before.content));
    // The article stays: its text, the image without its handler, the link's words without the link.
    expect(after.textContent).toBe(before.textContent);
    expect(articleDom(after.content).querySelector('img[alt="Key contacts"]')?.getAttribute('src')).toBe('http://127.0.0.1/blog/x.jpg');
    expect(articleDom(after.content).textContent?.replace(/\s+/g, ' ')).toContain('view the schematic');
  });

  it('--sanitize on a hand-made article: <img src=x onerror> and <a href="javascript:"> go, the paragraph stays', async () => {
    const file = join(tmp, 'xss-article.html');
    const prose = 'The harbour ferry ran every hour through the winter, and the crossing took forty minutes in fair weather. ';
    writeFileSync(file, `<!doctype html><html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>
      <p>${prose.repeat(4)}<img src=x onerror=alert(1)> <a href="javascript:alert(2)">timetable</a></p>
      <p>${prose.repeat(4)}</p></article></body></html>`);
    const { code, stdout } = await cli([file, '--url', 'http://127.0.0.1/ferry.html', '--sanitize']);
    expect(code).toBe(0);
    const { content } = (JSON.parse(stdout) as { article: { content: string } }).article;
    expect(content).not.toMatch(/onerror|javascript:/i);
    expect(content).toContain('The harbour ferry ran every hour');
    expect(content).toContain('timetable');
  });

  const badInputs: Array<[string, () => string[]]> = [
    ['a missing file', () => [join(tmp, 'no-such-page.html'), '--url', 'http://127.0.0.1/']],
    ['a directory', () => [PAGES, '--url', 'http://127.0.0.1/']],
    ['a non-HTML text file (package.json)', () => [join(ROOT, 'package.json'), '--url', 'http://127.0.0.1/']],
    ['a PNG image', () => {
      const file = join(tmp, 'photo.png');
      writeFileSync(file, png());
      return [file, '--url', 'http://127.0.0.1/'];
    }],
    ['an invalid --url', () => [page('article--metadata'), '--url', 'not a url']],
    ['an unknown option', () => [page('article--metadata'), '--colour']],
    ['no input at all', () => []],
  ];

  it.each(badInputs)('%s: exit 2, one line on stderr, nothing on stdout', async (_name, args) => {
    const { code, stdout, stderr } = await cli(args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^extract: /);
  });
});
