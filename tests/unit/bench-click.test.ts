// @vitest-environment node
/**
 * The click-to-article and cold first-read benches' arithmetic, on hand-made stamps (the timing itself runs in
 * Chromium: `npm run bench`). No times are measured here.
 */
import { describe, expect, it } from 'vitest';
import {
  answerTime, blocksFromBeats, eventTimes, longTaskStats, medianTimeline, openTimes, POPUP_STAGES, stageTimes, summarize, summarizeVariant,
  type ClickResult, type RawOpen,
} from '../../scripts/bench/click';
import { againstSummary, eagerSummary, firstReadSummary, type FirstReadPage } from '../../scripts/bench/first-read';
import { parseArgs } from '../../scripts/bench/index';
import { clickRows, firstReadRows, markdownReport, stageRowsFor, textReport, type BenchResult } from '../../scripts/bench/report';

const T0 = 1_700_000_000_000;

/** A popup open with every stamp, `at` ms after the click per event (an extraction of `extract` ms). */
function popupOpen(extract: number, options: { fcp?: number; earlier?: boolean } = {}): RawOpen {
  const at = (name: string, ms: number) => ({ name, t: T0 + ms });
  const x = extract;
  return {
    t0: T0,
    view: {
      surface: 'popup',
      timeOrigin: T0 + 10,
      domContentLoaded: T0 + 40,
      paints: [at('first-paint', 60), ...(options.fcp === undefined ? [] : [at('first-contentful-paint', options.fcp)])],
      stamps: [
        at('ui:main', 38), at('loading-inserted', 39), at('loading-painted', 55), at('ui:read-sent', 50), at('ui:result', 70 + x),
        at('ui:render-article', 70.5 + x), at('ui:sanitize-start', 71 + x), at('ui:sanitize-end', 74 + x),
        at('article-inserted', 80 + x), at('article-painted', 90 + x),
      ],
    },
    worker: [at('bg:received', 52), at('bg:inject-start', 53), at('bg:inject-end', 60), at('bg:read-end', 68 + x), at('bg:replied', 68.5 + x)],
    // A stamp from an earlier open (before the click) must not count.
    content: [...(options.earlier ? [{ name: 'cs:read-start', t: T0 - 500 }] : []), at('cs:evaluated', 58), at('cs:read-start', 61), at('cs:read-end', 61 + x)],
  };
}

describe('summarize', () => {
  it('gives n, median, p95 and mean of the numbers, skipping missing ones', () => {
    const s = summarize([4, undefined, 1, 3, 2, Number.NaN]);
    expect(s).toMatchObject({ n: 4, median: 2.5, mean: 2.5 });
    expect(s.p95).toBeCloseTo(3.85, 9);
    const none = summarize([]);
    expect(none.n).toBe(0);
    expect(none.median).toBeNaN();
    expect(none.mean).toBeNaN();
  });
});

describe('eventTimes and answerTime: one open as milliseconds after the click', () => {
  it('takes each stamp\'s first occurrence at or after the click, and the view page\'s own timings', () => {
    const e = eventTimes(popupOpen(20, { earlier: true }));
    expect(e['view:start']).toBe(10);
    expect(e['view:dcl']).toBe(40);
    expect(e['cs:read-start']).toBe(61); // not the stamp from before the click
    expect(e['cs:read-end']).toBe(81);
    expect(e['article-painted']).toBe(110);
  });

  it('headlines the first contentful paint when it follows the insertion, else the frame after the insertion', () => {
    expect(eventTimes(popupOpen(20, { fcp: 115 })).answer).toBe(115);
    expect(eventTimes(popupOpen(20)).answer).toBe(110);
    // A contentful paint before the article reached the DOM (e.g. a sentence first) is not the article's.
    expect(eventTimes(popupOpen(20, { fcp: 45 })).answer).toBe(110);
    expect(answerTime({ 'status-inserted': 30, 'status-painted': 35 })).toBe(35);
    expect(answerTime({ 'loading-inserted': 30, 'loading-painted': 35 })).toBeUndefined();
  });

  it('openTimes: loading = first paint, answer, whether it was an article', () => {
    expect(openTimes(popupOpen(20, { fcp: 115 }))).toMatchObject({ loading: 60, answer: 115, article: true });
  });
});

describe('stages', () => {
  it('run from one stamp to the next and add up to the click-to-article time', () => {
    const e = eventTimes(popupOpen(20, { fcp: 115 }));
    const stages = stageTimes(e, POPUP_STAGES);
    expect(stages.every((s) => s !== undefined)).toBe(true);
    expect(stages.reduce((a, b) => (a as number) + (b as number), 0)).toBeCloseTo(115, 9);
    const extraction = POPUP_STAGES.findIndex((s) => s.label === 'extraction');
    expect(stages[extraction]).toBe(20);
    const injection = POPUP_STAGES.findIndex((s) => s.label.startsWith('injection'));
    expect(stages[injection]).toBe(7);
  });

  it('are undefined where a stamp is missing', () => {
    const e = eventTimes(popupOpen(20));
    delete e['bg:inject-end'];
    const stages = stageTimes(e, POPUP_STAGES);
    expect(stages.filter((s) => s === undefined)).toHaveLength(2);
  });

  it('summarizeVariant: stage means add up to the mean total; failures count as opens, not articles', () => {
    const opens = [openTimes(popupOpen(10)), openTimes(popupOpen(20)), openTimes(popupOpen(60))];
    const status = openTimes({ ...popupOpen(5), view: { ...popupOpen(5).view!, stamps: [{ name: 'status-inserted', t: T0 + 30 }, { name: 'status-painted', t: T0 + 36 }] } });
    const v = summarizeVariant('popup-first', [...opens, status]);
    expect(v.opens).toBe(4);
    expect(v.articles).toBe(3);
    // Totals 100, 110, 150: median 110, mean 120.
    expect(v.article.median).toBe(110);
    expect(v.article.mean).toBeCloseTo(120, 9);
    expect(v.stages.reduce((sum, s) => sum + s.mean, 0)).toBeCloseTo(v.article.mean, 9);
    expect(v.stages.find((s) => s.label === 'extraction')?.median).toBe(20);
    expect(v.fromViewStart.median).toBe(100);
    expect(v.loading.n).toBe(4);
    expect(v.timeline['cs:read-end']).toBe(81);
  });

  it('medianTimeline orders the events by their median time', () => {
    const t = medianTimeline([openTimes(popupOpen(10)), openTimes(popupOpen(30))]);
    const names = Object.keys(t);
    expect(names.indexOf('view:start')).toBeLessThan(names.indexOf('ui:read-sent'));
    expect(names.indexOf('cs:read-end')).toBeLessThan(names.indexOf('article-painted'));
    expect(t['cs:read-end']).toBe(81);
  });
});

describe('long tasks from the page\'s heartbeat', () => {
  it('blocksFromBeats: each gap beyond the interval is a block starting at the earlier beat', () => {
    expect(blocksFromBeats([100, 105, 110, 190, 195, 196], 5)).toEqual([
      { t: 100, d: 0 }, { t: 105, d: 0 }, { t: 110, d: 75 }, { t: 190, d: 0 }, { t: 195, d: 0 },
    ]);
    expect(blocksFromBeats([1])).toEqual([]);
  });

  it('longTaskStats: blocks that started within the window: longest, long-task count, time beyond 50 ms', () => {
    const blocks = [{ t: 90, d: 300 }, { t: 100, d: 70 }, { t: 150, d: 10 }, { t: 200, d: 120 }, { t: 500, d: 900 }];
    expect(longTaskStats(blocks, 100, 400)).toEqual({ longest: 120, count: 2, blocking: 20 + 70 });
    expect(longTaskStats([{ t: 5, d: 30 }], 0, 10)).toEqual({ longest: 30, count: 0, blocking: 0 });
    expect(longTaskStats([], 0, 1)).toEqual({ longest: 0, count: 0, blocking: 0 });
  });
});

describe('againstSummary (--against for the first read)', () => {
  it('takes the pages both trees read: the revision\'s quantiles and this tree\'s per-page ratios (hand-computed)', () => {
    const t = (evalMs: number, runMs: number) => ({ evalMs, runMs, found: 1 });
    const pages: FirstReadPage[] = [
      { id: 'a', lectern: t(4, 36), against: t(8, 32) },
      { id: 'b', lectern: t(5, 45), against: t(10, 40) },
      { id: 'c', lectern: t(5, 25), against: t(5, 25) },
      { id: 'd', lectern: t(5, 25) },
    ];
    const a = againstSummary(pages, 'abc1234', 120);
    // Revision totals [40, 50, 30] -> 40; eval [8, 10, 5] -> 8; run [32, 40, 25] -> 32.
    expect(a.total.median).toBe(40);
    expect(a.eval.median).toBe(8);
    expect(a.run.median).toBe(32);
    // Per page: totals 40/40, 50/50, 30/30 -> 1; runs 36/32, 45/40, 25/25 -> 1.125.
    expect(a.pageTotal).toBeCloseTo(1, 9);
    expect(a.pageRun).toBeCloseTo(1.125, 9);
    expect(a.rev).toBe('abc1234');
    expect(a.bytes).toBe(120);
  });
});

describe('eagerSummary (--first-read-eager)', () => {
  it('takes the pages with all four reads: each engine compiled whole (hand-computed)', () => {
    const t = (evalMs: number, runMs: number) => ({ evalMs, runMs, found: 1 });
    const pages: FirstReadPage[] = [
      { id: 'a', lectern: t(5, 40), readability: t(1, 15), lecternEager: t(16, 28), readabilityEager: t(4, 12) },
      { id: 'b', lectern: t(5, 50), readability: t(1, 20), lecternEager: t(14, 30), readabilityEager: t(3, 14) },
      { id: 'c', lectern: t(5, 45), readability: t(1, 18), lecternEager: t(15, 26), readabilityEager: t(5, 13) },
      { id: 'd', lectern: t(5, 45), readability: t(1, 18), lecternEager: t(99, 99) },
    ];
    const e = eagerSummary(pages);
    // Lectern compiled whole: eval [16, 14, 15] -> 15, run [28, 30, 26] -> 28, total [44, 44, 41] -> 44; page d has no Readability read.
    expect(e?.lectern.eval.median).toBe(15);
    expect(e?.lectern.run.median).toBe(28);
    expect(e?.lectern.total.median).toBe(44);
    expect(e?.readability.eval.median).toBe(4);
    expect(e?.readability.total.median).toBe(17); // [16, 17, 18]
  });
});

describe('firstReadSummary', () => {
  it('takes the pages both engines read: eval, run and total quantiles, and the ratios (hand-computed)', () => {
    const pages: FirstReadPage[] = [
      { id: 'a', lectern: { evalMs: 6, runMs: 40, found: 1 }, readability: { evalMs: 1, runMs: 20, found: 1 } },
      { id: 'b', lectern: { evalMs: 8, runMs: 60, found: 1 }, readability: { evalMs: 1, runMs: 40, found: 1 } },
      { id: 'c', lectern: { evalMs: 4, runMs: 20, found: 1 }, readability: { evalMs: 2, runMs: 30, found: 1 } },
      { id: 'd', error: 'timeout' },
      { id: 'e', lectern: { evalMs: 5, runMs: 5, found: 1 } },
    ];
    const s = firstReadSummary(pages, { lectern: 100, readability: 30 });
    expect(s.measured).toBe(3);
    // Lectern eval [6, 8, 4] -> 6, run [40, 60, 20] -> 40, total [46, 68, 24] -> 46; Readability 1, 30, 32.
    expect(s.lectern.eval.median).toBe(6);
    expect(s.lectern.run.median).toBe(40);
    expect(s.lectern.total.median).toBe(46);
    expect(s.readability.total.median).toBe(32);
    expect(s.ratio.eval).toBe(6);
    expect(s.ratio.run).toBeCloseTo(40 / 30, 9);
    expect(s.ratio.total).toBeCloseTo(46 / 32, 9);
    // Per page totals: 46/21, 68/41, 24/32 -> median 68/41; runs 2, 1.5, 0.667 -> 1.5.
    expect(s.ratio.pageTotal).toBeCloseTo(68 / 41, 9);
    expect(s.ratio.pageRun).toBeCloseTo(1.5, 9);
    expect(s.lectern.bytes).toBe(100);
    expect(s.stages).toEqual([]);
  });

  it('sums Lectern\'s stages per stage over the pages, in the order they first appear (hand-computed)', () => {
    const t = (runMs: number, stages: Record<string, number>) => ({ evalMs: 1, runMs, found: 1, stages });
    const r = { evalMs: 1, runMs: 10, found: 1 };
    const pages: FirstReadPage[] = [
      { id: 'a', lectern: t(10, { clone: 2, readability: 6, boilerplate: 2 }), readability: r },
      { id: 'b', lectern: t(20, { clone: 4, readability: 12 }), readability: r },
      { id: 'c', lectern: t(30, { clone: 3, readability: 9, boilerplate: 18 }), readability: r },
    ];
    // clone [2, 4, 3] -> median 3, mean 3; readability [6, 12, 9] -> 9, 9; boilerplate [2, 0, 18] -> 2, mean 20/3.
    const s = firstReadSummary(pages, { lectern: 1, readability: 1 });
    expect(s.stages.map((x) => x.stage)).toEqual(['clone', 'readability', 'boilerplate']);
    expect(s.stages[0]).toEqual({ stage: 'clone', median: 3, mean: 3 });
    expect(s.stages[1]).toEqual({ stage: 'readability', median: 9, mean: 9 });
    expect(s.stages[2]?.median).toBe(2);
    expect(s.stages[2]?.mean).toBeCloseTo(20 / 3, 9);
  });
});

describe('bench options', () => {
  it('click and first read run by default, can be switched off, and take their page counts', () => {
    const d = parseArgs([]);
    expect(d.click).toBe(true);
    expect(d.firstRead).toBe(true);
    const a = parseArgs(['--no-click', '--no-first-read']);
    expect(a.click).toBe(false);
    expect(a.firstRead).toBe(false);
    expect(parseArgs(['--click-pages', '7', '--first-read-pages', '9'])).toMatchObject({ clickPages: 7, firstReadPages: 9 });
    expect(parseArgs(['--quick'])).toMatchObject({ clickPages: 5, firstReadPages: 20 });
    expect(parseArgs(['--first-read-eager'])).toMatchObject({ firstRead: true, firstReadEager: true });
    expect(parseArgs([]).firstReadEager).toBeUndefined();
    expect(parseArgs(['--quick', '--click-pages', '3'])).toMatchObject({ clickPages: 3 });
  });
});

describe('reports', () => {
  const versions = { lectern: 'working-tree', readability: '0.6.0', defuddle: '0.0.0' };
  const variants = (['popup-first', 'popup-repeat', 'panel-first', 'panel-repeat'] as const).map((k) =>
    summarizeVariant(k, [openTimes(popupOpen(10, { fcp: 105 })), openTimes(popupOpen(30, { fcp: 125 }))]),
  );
  const click: ClickResult = {
    corpus: 'aeb',
    pages: 2,
    variants,
    floor: null,
    longTasks: [{ id: 'elements-90k', elements: 90_000, answer: 'article', clickToAnswer: 900, longest: 400, longTasks: 2, blocking: 500, extraction: 380 }],
    results: [{ id: 'p1', opens: {} }, { id: 'p2', opens: {}, error: 'no popup' }],
  };
  const firstRead = {
    corpus: 'aeb', pages: 3, results: [],
    ...firstReadSummary([{ id: 'a', lectern: { evalMs: 6, runMs: 40, found: 1 }, readability: { evalMs: 1, runMs: 20, found: 1 } }], { lectern: 2048, readability: 1024 }),
  };
  const r: BenchResult = { date: '2026-01-01T00:00:00Z', node: '20', versions, quality: [], ablations: [], speed: [], stress: [], size: null, click, firstRead };

  it('tabulate click to article per open kind, and the stages with their total', () => {
    const rows = clickRows(click);
    expect(rows[1]).toEqual(['popup, first open', '2/2', '60.0 / 60.0', '115.0 / 124.0', '105.0 / 114.0']);
    const stages = stageRowsFor(click, 'popup');
    expect(stages[0]).toEqual(['stage', 'popup, first open ms (median / mean)', 'popup, repeat ms (median / mean)']);
    expect(stages.at(-1)).toEqual(['total (to the article painted)', '115.0 / 115.0', '115.0 / 115.0']);
  });

  it('tabulate the cold first read with the ratios', () => {
    const rows = firstReadRows(firstRead, versions);
    expect(rows[1]).toEqual(['Lectern', '2.0 KiB', '6.0 / 6.0', '40.0 / 40.0', '46.0 / 46.0']);
    expect(rows[3]).toEqual(['Lectern / Readability (ratio of medians)', '', '6.00x', '2.00x', '2.19x']);
    expect(rows.some((row) => row[0]?.includes('compiled whole'))).toBe(false);
    const t = (median: number) => ({ median, p95: median });
    const eager = { lectern: { eval: t(16), run: t(28), total: t(44) }, readability: { eval: t(4), run: t(12), total: t(16) } };
    const withEager = firstReadRows({ ...firstRead, eager }, versions);
    expect(withEager.at(-2)).toEqual(['Lectern, compiled whole', '', '16.0 / 16.0', '28.0 / 28.0', '44.0 / 44.0']);
    expect(withEager.at(-1)?.[0]).toMatch(/^Readability .*, compiled whole$/);
  });

  it('put the new tables in the text and markdown reports', () => {
    const text = textReport(r);
    expect(text).toContain('Click to article in Chromium');
    expect(text).toContain('Pages that failed: p2 (no popup)');
    expect(text).toContain('Longest task in the page');
    expect(text).toContain('First read, cold');
    const md = markdownReport(r, 'chart.svg');
    for (const heading of ['## Click to article', '## Longest task', '## First read (cold)']) expect(md).toContain(heading);
    expect(md).toContain('| elements-90k | 90000 | article | 900.0 | 380.0 | 400.0 | 2 | 500.0 |');
  });
});
