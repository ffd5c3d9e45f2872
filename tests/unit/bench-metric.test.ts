/**
 * The bench's quality metric, checked on cases computed by hand (../shared/corpora/README.md defines it), and the
 * quality bench run on a small corpus this test writes, to prove it works on any folder in the corpus format.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap, counts, f1Of, scorePage, shingles, summarize, tokens, type PageScore } from '../../scripts/bench/metric';
import { measureQuality, textWithoutCaptions } from '../../scripts/bench/quality';
import { noCaptionsLine } from '../../scripts/bench/report';

const key = (...t: string[]): string => t.join('\u0001');

describe('tokens', () => {
  it('are maximal runs of letters, digits and underscore, in any script', () => {
    expect(tokens("Hello, world_1! naïve 42-nd l'été Привет 東京")).toEqual(['Hello', 'world_1', 'naïve', '42', 'nd', 'l', 'été', 'Привет', '東京']);
    expect(tokens('  ... — !!')).toEqual([]);
  });
});

describe('shingles', () => {
  it('are every 4 consecutive tokens, as a multiset', () => {
    expect(shingles('a b c d e')).toEqual(new Map([[key('a', 'b', 'c', 'd'), 1], [key('b', 'c', 'd', 'e'), 1]]));
    // a b c d a b c d -> abcd, bcda, cdab, dabc, abcd
    expect(shingles('a b c d a b c d').get(key('a', 'b', 'c', 'd'))).toBe(2);
    expect([...shingles('a b c d a b c d').values()].reduce((x, y) => x + y)).toBe(5);
  });

  it('give one shorter shingle for 1-3 tokens and none for no token', () => {
    expect(shingles('a b')).toEqual(new Map([[key('a', 'b'), 1]]));
    expect(shingles('a b c d')).toEqual(new Map([[key('a', 'b', 'c', 'd'), 1]]));
    expect(shingles(' , ').size).toBe(0);
  });
});

describe('per-page score', () => {
  it('counts shared, predicted-only and true-only shingles', () => {
    // predicted: abcd bcde cdef; truth: abcd bcde
    expect(counts('a b c d e f', 'a b c d e')).toEqual({ tp: 2, fp: 1, fn: 0 });
    // multiset: predicted has abcd twice, truth once
    expect(counts('a b c d a b c d', 'a b c d')).toEqual({ tp: 1, fp: 4, fn: 0 });
  });

  it('divides tp, fp and fn by their sum, then takes precision and recall', () => {
    const s = scorePage('a b c d e f', 'a b c d e');
    expect(s.tp).toBeCloseTo(2 / 3, 12);
    expect(s.fp).toBeCloseTo(1 / 3, 12);
    expect(s.fn).toBe(0);
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBe(1);
    // truth abcd bcde cdef defg, predicted abcd bcde: tp 2 fp 0 fn 2 -> /4
    const r = scorePage('a b c d e', 'a b c d e f g');
    expect([r.tp, r.fp, r.fn]).toEqual([0.5, 0, 0.5]);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.5);
  });

  it('is 1 when fp = fn = 0 (both empty too) and 0 when tp = 0', () => {
    expect(scorePage('', '')).toEqual({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(scorePage('One two three four.', 'one two three four')).toMatchObject({ precision: 0, recall: 0 }); // case counts
    expect(scorePage('a b c d', 'a b c d')).toMatchObject({ tp: 1, precision: 1, recall: 1 });
    expect(scorePage('', 'a b c d e')).toMatchObject({ tp: 0, fn: 1, precision: 0, recall: 0 });
    expect(scorePage('a b c d e', '')).toMatchObject({ tp: 0, fp: 1, precision: 0, recall: 0 });
    expect(scorePage('x y z', 'a b c')).toMatchObject({ precision: 0, recall: 0 });
  });
});

describe('corpus summary', () => {
  const page = (precision: number, recall: number): PageScore => ({ tp: 0, fp: 0, fn: 0, precision, recall });

  it('reports the means of precision and recall and the F1 of those means (not a mean of F1s)', () => {
    const s = summarize([page(1, 0.5), page(0.5, 1)]);
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.75);
    expect(s.f1).toBe(0.75); // the mean of the per-page F1s would be 2/3
    expect(f1Of(0, 0)).toBe(0);
    expect(summarize([])).toEqual({ pages: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('bootstraps deterministically for a seed, with no spread when every page scores the same', () => {
    const scores = [page(1, 0.5), page(0.5, 1), page(0.9, 0.9), page(0.2, 0.8)];
    expect(bootstrap(scores, 200, 7)).toEqual(bootstrap(scores, 200, 7));
    expect(bootstrap(scores, 200, 7)).not.toEqual(bootstrap(scores, 200, 8));
    expect(bootstrap(scores, 200, 7).f1).toBeGreaterThan(0);
    const flat = bootstrap([page(0.8, 0.9), page(0.8, 0.9), page(0.8, 0.9)], 100, 1);
    for (const v of [flat.f1, flat.precision, flat.recall]) expect(v).toBeCloseTo(0, 12);
  });
});

describe('quality bench on a folder it has never seen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paragraphs = (words: string): string =>
    Array.from({ length: 6 }, (_, i) => `<p>${words} paragraph ${i} tells the story of the river town and its long winter, with enough words to read.</p>`).join('\n');
  const page = (body: string): string =>
    `<!doctype html><html><head><title>Story</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>` +
    `<article><h1>Story</h1>${body}</article><footer>Copyright the town paper</footer></body></html>`;
  const write = (id: string, files: Record<string, string>): void => {
    mkdirSync(join(dir, id));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, id, name), text);
  };
  const truth = (words: string): string =>
    Array.from({ length: 6 }, (_, i) => `${words} paragraph ${i} tells the story of the river town and its long winter, with enough words to read.`).join('\n');
  write('one', { 'source.html': page(paragraphs('First')), 'meta.json': '{"url":"https://example.test/one"}', 'truth.txt': truth('First') });
  write('two', { 'source.html': page(paragraphs('Second')), 'meta.json': '{"url":"https://example.test/two"}', 'truth.txt': truth('Second') });
  // jsdom cannot parse this style: the page fails for every engine, the run goes on.
  write('broken', {
    'source.html': page(`<div style="width: calc($a + 1px)">x</div>${paragraphs('Third')}`),
    'meta.json': '{"url":"https://example.test/three"}',
    'truth.txt': truth('Third'),
  });
  write('no-truth', { 'source.html': page(paragraphs('Fourth')), 'meta.json': '{"url":"https://example.test/four"}' });

  it('scores every engine on the pages with truth and turns a DOM failure into that page scoring 0', async () => {
    const q = await measureQuality(dir, { workers: 0, cache: false });
    expect(q.pages).toBe(4);
    expect(q.hasTruth).toBe(true);
    expect(q.domErrors).toEqual(['broken']);
    for (const engine of ['lectern', 'readability', 'defuddle'] as const) {
      const s = q.engines[engine];
      expect(s?.pages).toBe(3);
      // two pages read perfectly, one failed: mean precision and recall 2/3
      expect(s?.precision).toBeCloseTo(2 / 3, 2);
      expect(s?.recall).toBeCloseTo(2 / 3, 2);
      expect(s?.failures).toBe(1);
    }
    expect(q.results.find((r) => r.id === 'no-truth')?.engines.lectern?.score).toBeUndefined();
    expect(q.worseThanReadability).toEqual([]);
  });
});

describe('quality bench: photo captions not counted (a diagnostic for truth without captions)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-captions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sentences = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} tells the story of the harbour town and the storm that closed its port for a week.`);
  const caption = 'Fishing boats wait out the storm behind the harbour wall on Tuesday morning before the ferries stopped.';
  mkdirSync(join(dir, 'photo'));
  writeFileSync(join(dir, 'photo', 'source.html'),
    '<!doctype html><html><head><title>Storm</title></head><body><article><h1>Storm</h1>' +
    `<p>${sentences.slice(0, 3).join('</p><p>')}</p>` +
    `<figure><img src="https://example.test/boats.jpg" alt="Boats" width="800" height="500"><figcaption>${caption}</figcaption></figure>` +
    `<p>${sentences.slice(3).join('</p><p>')}</p></article></body></html>`);
  writeFileSync(join(dir, 'photo', 'meta.json'), '{"url":"https://example.test/storm"}');
  writeFileSync(join(dir, 'photo', 'truth.txt'), sentences.join('\n'));

  it('leaves figcaption text out of an output, and nothing else', () => {
    expect(textWithoutCaptions(`<p>${sentences[0]}</p><figure><img src="a.jpg"><figcaption>${caption}</figcaption></figure>`)).toBe(sentences[0]);
  });

  it('scores the caption against precision, and not when captions are not counted', async () => {
    const q = await measureQuality(dir, { workers: 0, cache: false, engines: ['lectern'], captions: false });
    const lectern = q.engines.lectern;
    expect(lectern?.precision).toBeLessThan(0.95);
    expect(lectern?.noCaptions?.precision).toBeCloseTo(1, 5);
    // Recall does not fall (shingles that ran across the caption's place may now match).
    expect(lectern?.noCaptions?.recall).toBeGreaterThanOrEqual(lectern?.recall ?? 1);
    expect(noCaptionsLine(q, (e) => e)).toMatch(/^F1 with photo captions \(figcaption\) not counted.*lectern 1\.000/);
  });
});
