// @vitest-environment node
/**
 * The bench's snippet metric (scripts/bench/snippets.ts, the trafilatura-dev corpus's truth format) on hand-made cases
 * computed by hand (../shared/corpora/README.md defines it), the corpus loader reading a snippets case
 * (tests/fixtures/bench-snippets/), the quality run scoring it, and the refusals and tables the reports print.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpus, readSnippets, type Corpus } from '../../scripts/bench/corpus';
import { summarizeCorpus, measureQuality, type PageResult } from '../../scripts/bench/quality';
import { markdownReport, textReport, type BenchResult } from '../../scripts/bench/report';
import {
  foldSpace, parseSnippets, refusedLine, scoreSnippets, snippetAblationRows, snippetRows, summarizeSnippets, type SnippetPage,
} from '../../scripts/bench/snippets';

const FIXTURE = fileURLToPath(new URL('../fixtures/bench-snippets', import.meta.url));

describe('snippet found', () => {
  it('folds whitespace runs in the text and the snippet, trims the snippet, and keeps case', () => {
    expect(foldSpace('a \n\t b\u00a0c')).toBe('a b c');
    const text = 'The  quick\nbrown fox\tjumps.\n\nMenu Home';
    const page = scoreSnippets(text, {
      // Untrimmed, the 2nd "with" and the 1st "without" would not match at the text's start and end.
      with: ['quick brown fox', '\tThe  quick ', 'brown\n  fox', 'lazy dog'],
      without: [' Menu Home\n', 'Footer', 'THE QUICK'],
    });
    expect(page).toEqual({ with: 4, withFound: 3, without: 3, withoutFound: 1 });
  });

  it('finds nothing in an empty text', () => {
    expect(scoreSnippets('', { with: ['a'], without: ['b'] })).toEqual({ with: 1, withFound: 0, without: 1, withoutFound: 0 });
  });
});

describe('snippet summary', () => {
  // A: 3 of 4 "with" found, 1 of 3 "without" present; B: nothing found; C: all found, none present.
  const pages: SnippetPage[] = [
    { with: 4, withFound: 3, without: 3, withoutFound: 1 },
    { with: 1, withFound: 0, without: 1, withoutFound: 0 },
    { with: 1, withFound: 1, without: 1, withoutFound: 0 },
  ];

  it('sums tp, fn, fp, tn over every snippet of every page, then P, R, F1 and accuracy', () => {
    const s = summarizeSnippets(pages);
    expect([s.pages, s.tp, s.fn, s.fp, s.tn]).toEqual([3, 4, 2, 1, 4]);
    expect(s.precision).toBeCloseTo(4 / 5, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.f1).toBeCloseTo(8 / 11, 12); // 2 * 0.8 * 2/3 / (0.8 + 2/3)
    expect(s.accuracy).toBeCloseTo(8 / 11, 12); // (4 + 4) / 11
    expect(s.withFound).toBeCloseTo(2 / 3, 12);
    expect(s.withoutAbsent).toBeCloseTo(4 / 5, 12);
  });

  it('counts the pages with every "with" found and those with no "without" present', () => {
    const s = summarizeSnippets(pages);
    expect(s.pagesAllWith).toBe(1);
    expect(s.pagesNoWithout).toBe(2);
  });

  it('is 0 where a denominator is 0', () => {
    expect(summarizeSnippets([])).toEqual({
      pages: 0, tp: 0, fn: 0, fp: 0, tn: 0, precision: 0, recall: 0, f1: 0, accuracy: 0, withFound: 0, withoutAbsent: 0, pagesAllWith: 0, pagesNoWithout: 0,
    });
    const none = summarizeSnippets([{ with: 2, withFound: 0, without: 0, withoutFound: 0 }]);
    expect([none.precision, none.recall, none.f1, none.accuracy, none.withoutAbsent]).toEqual([0, 0, 0, 0, 0]);
    expect([none.pagesAllWith, none.pagesNoWithout]).toEqual([0, 1]);
  });
});

describe('snippets case in a corpus', () => {
  it('parses snippets.json, dropping what is not a string', () => {
    expect(parseSnippets('{"with": ["a", 3, null, "b"]}')).toEqual({ with: ['a', 'b'], without: [] });
  });

  it('is read by the corpus loader: url from meta.json, snippets.json instead of truth.txt', () => {
    const corpus = readCorpus(FIXTURE);
    expect(corpus.name).toBe('bench-snippets');
    expect([corpus.hasTruth, corpus.hasSnippets]).toEqual([false, true]);
    expect(corpus.cases.map((c) => [c.id, c.url, c.hasTruth, c.hasSnippets, c.hasExpected])).toEqual([
      ['river-town', 'https://example.test/news/river-town-winter', false, true, false],
    ]);
    const snippets = readSnippets(corpus.cases[0] as Corpus['cases'][number]);
    expect(snippets?.with).toHaveLength(5);
    expect(snippets?.with[2]).toBe('a levy that every household agreed to\n   share');
    expect(snippets?.without).toEqual(['News desk', 'Five recipes for a cold night', 'Copyright the town paper', 'in the old school hall']);
  });

  it('is scored by the quality run, per page and over the corpus', async () => {
    // The fixture's text has 4 of its 5 "with" (one is never said) and 1 of its 4 "without" (one is in the article).
    const q = await measureQuality(FIXTURE, { engines: ['readability'], workers: 0, cache: false, captions: false });
    expect(q.hasSnippets).toBe(true);
    expect(q.results[0]?.engines.readability?.snippets).toEqual({ with: 5, withFound: 4, without: 4, withoutFound: 1 });
    const s = q.engines.readability?.snippets;
    expect([s?.tp, s?.fn, s?.fp, s?.tn, s?.pagesAllWith, s?.pagesNoWithout]).toEqual([4, 1, 1, 3, 0, 0]);
    expect(s?.f1).toBeCloseTo(0.8, 12);
    expect(s?.accuracy).toBeCloseTo(7 / 9, 12);
    expect(q.engines.readability?.pages).toBe(0); // no truth.txt: no shingle score
  });
});

describe('snippet reports', () => {
  const corpus: Corpus = { name: 'snip', dir: '/nowhere', cases: [], hasTruth: false, hasSnippets: true };
  const result = (id: string, lectern: SnippetPage, refused: boolean, readability: SnippetPage): PageResult => ({
    id,
    parseMs: 0,
    engines: { lectern: { chars: 1, ms: 1, snippets: lectern, ...(refused ? { refused } : {}) }, readability: { chars: 1, ms: 1, snippets: readability } },
  });
  const all: SnippetPage = { with: 2, withFound: 2, without: 2, withoutFound: 0 };
  const half: SnippetPage = { with: 2, withFound: 1, without: 2, withoutFound: 1 };
  const q = summarizeCorpus(corpus, [result('p1', all, false, half), result('p2', half, true, all), result('p3', all, true, all)], ['lectern', 'readability']);
  const versions = { lectern: 'working-tree', readability: '0.6.0', defuddle: '0.0.0' };

  it('lists the refused pages and sums the snippets per engine', () => {
    expect(q.engines.lectern?.refusedIds).toEqual(['p2', 'p3']);
    expect(q.engines.lectern?.refused).toBe(2);
    expect(q.engines.readability?.refusedIds).toEqual([]);
    expect(q.engines.lectern?.snippets).toMatchObject({ tp: 5, fn: 1, fp: 1, tn: 5, pagesAllWith: 2, pagesNoWithout: 2 });
    expect(refusedLine('snip', q.engines.lectern)).toBe('Lectern refused 2 pages of snip (its "is this an article?" check; scored on "Show anyway"): p2, p3');
  });

  it('tabulates P, R, F1, accuracy, the shares, the page counts and refusals, and the ablation deltas', () => {
    const rows = snippetRows(q.engines, (e) => e);
    expect(rows[1]).toEqual(['lectern', '0.833', '0.833', '0.833', '0.833', '83.3%', '83.3%', '2/3', '2/3', '0', '2']);
    expect(rows[2]).toEqual(['readability', '0.833', '0.833', '0.833', '0.833', '83.3%', '83.3%', '2/3', '2/3', '0', '']);
    const off = summarizeCorpus(corpus, [result('p1', half, false, half), result('p2', half, false, half), result('p3', all, false, all)], ['lectern']);
    const ablation = snippetAblationRows(q.engines.lectern, [{ step: 'captions', without: off.engines.lectern! }]);
    // without: tp 4 fn 2 fp 2 tn 4 -> P = R = F1 = 2/3; the step adds 5/6 - 2/3 to each
    expect(ablation[2]).toEqual(['without captions', '0.667', '0.667', '0.667', '0.667', '0', '+0.1667', '+0.1667', '+0.1667']);
  });

  it('puts the snippet table and the refused list in the text and markdown reports', () => {
    const r: BenchResult = { date: '2026-01-01T00:00:00Z', node: '20', versions, quality: [q], ablations: [], speed: [], stress: [], size: null };
    const text = textReport(r);
    expect(text).toContain('Quality: snip (3 pages; snippet metric over 6 "with" and 6 "without" snippets)');
    expect(text).toContain('scored on "Show anyway"): p2, p3');
    expect(text).not.toContain('no truth');
    const md = markdownReport(r, 'chart.svg');
    expect(md).toContain('### snip (3 pages)');
    expect(md).toContain('| Lectern | 0.833 | 0.833 | 0.833 | 0.833 | 83.3% | 83.3% | 2/3 | 2/3 | 0 | 2 |');
    expect(md).toContain('scored on "Show anyway"): p2, p3.');
  });
});
