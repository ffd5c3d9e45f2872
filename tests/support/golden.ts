/**
 * Golden outputs (issue #24): what extraction gives for every fixture page (tests/pages) and every page of the corpora,
 * kept as files under tests/golden and compared on every test run (tests/corpus/golden.test.ts); `npm run golden`
 * (scripts/golden.ts) checks them from the command line and `npm run golden -- --update` rewrites them.
 *
 * Layout: tests/golden/<group>/<id>.txt and .html, where the group is `pages` (tests/pages/<slug>) or the corpus's
 * folder name (aeb, readability-0.6.0, trafilatura-dev, read in place from $LECTERN_CORPORA: scripts/lib/corpora.ts).
 * What the files hold: golden-format.ts.
 *
 * Each page is read as the extension reads it: `extractArticle(document, { url })` on a jsdom document of the page at
 * its meta.json URL, and for a page that is refused as not an article, once more with `force: true` ("Show anyway"),
 * as the bench's Lectern engine runs it (scripts/bench/engines.ts). Pages are spread over child processes
 * (golden-worker.ts), one per core: about 700 jsdom parses.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { extractArticle } from '../../src/extract/index';
import { readCorpus } from '../../scripts/bench/corpus';
import { CORPUS_NAMES, corporaDir, missingCorpus } from '../../scripts/lib/corpora';
import { fixtureSlugs, makeDom, PAGES, readPage, ROOT } from './dom';
import { goldenFiles, type GoldenFiles } from './golden-format';

/** One sentence naming the missing folder and LECTERN_CORPORA, or null (scripts/lib/corpora.ts). */
export { missingCorpus };

export const GOLDEN = join(ROOT, 'tests', 'golden');
/** The group of the fixture pages, tests/pages/<slug>. */
export const PAGES_GROUP = 'pages';
/** The corpora with golden outputs: the ones the tests and the bench read by default. */
export const GOLDEN_CORPORA = CORPUS_NAMES;

export interface GoldenCase {
  /** `pages` or a corpus name. */
  group: string;
  id: string;
  /** The folder with source.html. */
  dir: string;
  url: string;
}

export interface CaseOutput extends GoldenFiles {
  group: string;
  id: string;
}

export const caseName = (c: { group: string; id: string }): string => `${c.group}/${c.id}`;

/** The cases of one group, sorted by id. A missing corpus throws its one-sentence message (missingCorpus). */
export function groupCases(group: string): GoldenCase[] {
  if (group === PAGES_GROUP) {
    return fixtureSlugs().map((slug) => ({ group, id: slug, dir: join(PAGES, slug), url: readPage(slug).url }));
  }
  const missing = missingCorpus(group);
  if (missing) throw new Error(missing);
  return readCorpus(join(corporaDir(), group)).cases.map((c) => ({ group, id: c.id, dir: c.dir, url: c.url }));
}

/** The golden files of one case, read the way the extension reads the page. Never throws for a page's sake. */
export function renderCase(c: GoldenCase): CaseOutput {
  const html = readFileSync(join(c.dir, 'source.html'), 'utf8');
  let dom: ReturnType<typeof makeDom>;
  try {
    dom = makeDom(html, c.url);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    const doc = makeDom('').window.document;
    return { group: c.group, id: c.id, ...goldenFiles(doc, { ok: false, reason: 'dom-error', message }) };
  }
  try {
    const doc = dom.window.document;
    const env = { win: dom.window as unknown as Window & typeof globalThis };
    const first = extractArticle(doc, { url: c.url }, env);
    const forced = !first.ok && first.reason === 'not-article' ? extractArticle(doc, { url: c.url, force: true }, env) : undefined;
    return { group: c.group, id: c.id, ...goldenFiles(doc, first, forced) };
  } finally {
    dom.window.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Running many cases: child processes, each fed one case at a time (biggest pages first), so the cores stay busy.

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const WORKER = join(ROOT, 'tests', 'support', 'golden-worker.ts');

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Render every case in `workers` child processes. A worker that dies fails the case it was on (its `txt` says so) and
 * a fresh one takes the rest. `onResult` is called as results come in (progress).
 */
export async function renderAll(
  cases: GoldenCase[], options: { workers?: number; onResult?: (out: CaseOutput) => void } = {},
): Promise<Map<string, CaseOutput>> {
  const results = new Map<string, CaseOutput>();
  const sizeOf = (c: GoldenCase): number => statSync(join(c.dir, 'source.html')).size;
  const queue = cases.map((c) => ({ c, size: sizeOf(c) })).sort((a, b) => b.size - a.size).map((x) => x.c);
  const done = (out: CaseOutput): void => {
    results.set(caseName(out), out);
    options.onResult?.(out);
  };
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), queue.length));
  const runOne = (): Promise<void> => new Promise((resolve) => {
    // A larger young generation cuts the garbage collector's share (jsdom allocates a lot), as corpus-worker does.
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim() };
    const child = spawn(TSX, [WORKER], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let current: GoldenCase | undefined;
    let err = '';
    const next = (): void => {
      current = queue.shift();
      if (current) child.stdin.write(`${JSON.stringify(current)}\n`);
      else child.stdin.end();
    };
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      done(JSON.parse(line) as CaseOutput);
      next();
    });
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (current) {
        const lines = err.split('\n').map((l) => l.trim()).filter(Boolean);
        const why = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[0] ?? '';
        done({ group: current.group, id: current.id, txt: `ok: false\nreason: worker-died\nmessage: exit ${code}: ${why}\n`, html: null });
        current = undefined;
        // The rest go to a fresh worker.
        if (queue.length) return void runOne().then(resolve);
      }
      resolve();
    });
    next();
  });
  await Promise.all(Array.from({ length: workers }, runOne));
  return results;
}

// ---------------------------------------------------------------------------------------------------------------------
// Expected files and comparisons.

export function goldenPath(c: { group: string; id: string }, ext: 'txt' | 'html'): string {
  return join(GOLDEN, c.group, `${c.id}.${ext}`);
}

export function readGolden(c: { group: string; id: string }): GoldenFiles | null {
  const txt = goldenPath(c, 'txt');
  if (!existsSync(txt)) return null;
  const html = goldenPath(c, 'html');
  return { txt: readFileSync(txt, 'utf8'), html: existsSync(html) ? readFileSync(html, 'utf8') : null };
}

/** Ids that have expected files in tests/golden/<group> (either extension). */
export function goldenIds(group: string): string[] {
  const dir = join(GOLDEN, group);
  if (!existsSync(dir)) return [];
  const ids = new Set(readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).map((f) => f.replace(/\.(txt|html)$/, '')));
  return [...ids].sort();
}

/** The first difference between an expected and an actual file, as two short lines; null when they are equal. */
export function firstDifference(file: string, expected: string | null, actual: string | null): string | null {
  if (expected === actual) return null;
  if (expected === null) return `${file}: not expected, now written (${actual?.length ?? 0} chars)`;
  if (actual === null) return `${file}: expected (${expected.length} chars), now not written`;
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const col = commonPrefix(a[i] ?? '', b[i] ?? '');
  return `${file} line ${i + 1}:\n  expected: ${excerpt(a[i], col)}\n  actual:   ${excerpt(b[i], col)}`;
}

function commonPrefix(x: string, y: string): number {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** About 120 characters of `line` around column `col`; `(end of file)` past the last line. */
function excerpt(line: string | undefined, col: number): string {
  if (line === undefined) return '(end of file)';
  const from = Math.max(0, col - 40);
  const to = from + 120;
  return JSON.stringify(`${from > 0 ? '…' : ''}${line.slice(from, to)}${line.length > to ? '…' : ''}`);
}

/** Every difference of one case: `.txt` first, then `.html`; [] when it matches. */
export function caseDifferences(expected: GoldenFiles, actual: GoldenFiles, c: { group: string; id: string }): string[] {
  const rel = (ext: string): string => `tests/golden/${c.group}/${c.id}.${ext}`;
  return [firstDifference(rel('txt'), expected.txt, actual.txt), firstDifference(rel('html'), expected.html, actual.html)]
    .filter((d): d is string => d !== null);
}
