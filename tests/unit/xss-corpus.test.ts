/**
 * Every vector of the XSS corpus (tests/security/xss-vectors.ts) through the sanitizer, and through the whole pipeline
 * and then the view's sanitize (what the reader view renders) in Node: nothing that can run, load or navigate survives, and the article around each vector is kept.
 * The real-browser run of the same corpus is tests/e2e/xss.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/ui/sanitize';
import { dangersIn } from '../security/dangers';
import { articlePage, FAMILIES, render, VECTORS } from '../security/xss-vectors';
import { extractHtml, makeDom } from '../support/dom';

const BEACON = 'http://127.0.0.1:9/';
const beacon = BEACON.slice(0, -1);
const win = makeDom('<!doctype html><body></body>').window as unknown as Window & typeof globalThis;
const parse = (html: string): HTMLElement => new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
/** Dangers in `html` as parsed, and again after a serialize-and-parse round trip (how mutation XSS gets in). */
const dangers = (html: string): string[] => {
  const once = parse(html);
  return [...dangersIn(once), ...dangersIn(parse(once.innerHTML))];
};

describe('the XSS corpus', () => {
  it('has at least 150 vectors with unique ids across every family', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(VECTORS.map((v) => v.id)).size).toBe(VECTORS.length);
    expect(FAMILIES).toEqual(['script', 'handler', 'url-scheme', 'encoded', 'svg', 'mathml', 'mutation', 'css', 'embedding', 'template', 'broken']);
    for (const v of VECTORS) expect(v.html, v.id).toMatch(/\$(B64)?(JS|ALERT|URL|HTML|SVG)|alert|msgbox|Execute|default-src|u0061/);
  });

  it('the checker sees danger in the unsanitized vectors', () => {
    const seen = VECTORS.filter((v) => dangers(render(v, beacon)).length > 0);
    // Vectors that hide their payload in text (mutation XSS) look harmless until a parser round trip goes wrong.
    expect(seen.length).toBeGreaterThanOrEqual(VECTORS.length * 0.85);
  });
});

describe('sanitizeHtml: no vector survives', () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
    const once = sanitizeHtml(render(vector, beacon), win).html;
    expect(dangers(once)).toEqual([]);
    // Sanitizing is stable: what comes out, sanitized again, is as clean.
    expect(dangers(sanitizeHtml(once, win).html)).toEqual([]);
  });
});

describe('the pipeline: each vector inside a readable article', () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))('%s', (id, vector) => {
    if (vector.alone) return void expect(vector.alone).toBe(true); // checked below with the page on its own
    const result = extractHtml(articlePage(`Vector ${id}`, [vector], beacon), { url: `${BEACON}x/${id}.html` });
    if (!result.ok) throw new Error(`${id}: ${result.reason}`);
    expect(dangers(sanitizeHtml(result.article.content, win).html)).toEqual([]);
    expect(result.article.textContent).toContain('The ferry left the harbor at dawn');
  });

  it.each(VECTORS.filter((v) => v.alone).map((v) => [v.id, v] as const))('%s (a page of its own, read with "Show anyway")', (id, vector) => {
    const result = extractHtml(articlePage(`Vector ${id}`, [vector], beacon), { url: `${BEACON}x/${id}.html`, force: true });
    if (result.ok) expect(dangers(sanitizeHtml(result.article.content, win).html)).toEqual([]);
    else expect(['not-article', 'empty']).toContain(result.reason);
  });
});

describe('media that the view would fetch', () => {
  const root = (html: string): HTMLElement => parse(sanitizeHtml(html, win).html);

  it('drops audio, video, their sources and subtitle tracks (their fallback text too: DOMPurify forbids their content)', () => {
    const out = root('<video src="https://e.org/v.mp4" poster="https://e.org/p.jpg"><source src="https://e.org/v.webm"><track src="https://e.org/s.vtt">Your browser has no video.</video><audio src="https://e.org/a.mp3"></audio><p>After</p>');
    for (const tag of ['video', 'audio', 'source', 'track']) expect(out.querySelector(tag), tag).toBeNull();
    expect(out.textContent).toBe('After');
  });

  it('keeps <picture> with its <source srcset> and <img srcset>', () => {
    const out = root('<picture><source media="(min-width: 800px)" srcset="https://e.org/wide.jpg 1600w"><img src="https://e.org/a.jpg" srcset="https://e.org/a-2x.jpg 2x" alt="A"></picture>');
    expect(out.querySelector('picture > source')?.getAttribute('srcset')).toBe('https://e.org/wide.jpg 1600w');
    expect(out.querySelector('picture > img')?.getAttribute('srcset')).toBe('https://e.org/a-2x.jpg 2x');
  });
});
