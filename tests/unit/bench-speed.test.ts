// @vitest-environment node
/** The speed bench's summary statistics, on hand-computed cases (the timing itself runs in Chromium: `npm run bench`). */
import { describe, expect, it } from 'vitest';
import { quantile, ratioSpread, firstRunSummary, runOrders, RUNS, timedRuns, WARMUPS } from '../../scripts/bench/speed';

describe('quantile', () => {
  it('interpolates between the sorted values', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5, 10);
  });
});

describe('ratioSpread: the median ratios\' bootstrap spread over pages', () => {
  it('is 0 when every page has the same ratio, or there is one page', () => {
    const readability = [5, 12, 20, 31, 47];
    const same = ratioSpread(readability.map((r) => r * 1.2), readability);
    expect(same.ratio).toBeCloseTo(0, 10);
    expect(same.pageRatio).toBeCloseTo(0, 10);
    expect(ratioSpread([30], [20])).toEqual({ ratio: 0, pageRatio: 0 });
  });

  it('matches the hand-computed spread of two pages with ratios 1 and 2', () => {
    // Resamples: both page 1 (1/4): ratio 1; both page 2 (1/4): ratio 2; one of each (1/2): medians 2.5 / 1.5 = 5/3,
    // median per-page ratio 1.5. Standard deviations: 0.363 (ratio of medians) and 0.354 (median per-page ratio).
    const spread = ratioSpread([1, 4], [1, 2], 20_000);
    expect(spread.ratio).toBeCloseTo(0.363, 2);
    expect(spread.pageRatio).toBeCloseTo(0.354, 2);
  });

  it('is seeded (the same pages give the same spread) and grows with how much the pages disagree', () => {
    const readability = Array.from({ length: 60 }, (_, i) => 5 + i);
    const tight = readability.map((r, i) => r * (1.2 + (i % 3) * 0.01));
    const loose = readability.map((r, i) => r * (1.2 + (i % 3) * 0.3));
    expect(ratioSpread(loose, readability)).toEqual(ratioSpread(loose, readability));
    expect(ratioSpread(loose, readability).ratio).toBeGreaterThan(ratioSpread(tight, readability).ratio * 5);
    expect(ratioSpread(loose, readability).pageRatio).toBeGreaterThan(ratioSpread(tight, readability).pageRatio * 5);
  });
});

describe('firstRunSummary: first runs on freshly loaded pages, over the corpus', () => {
  it('takes the corpus medians of the per-page first runs and both median ratios (hand-computed)', () => {
    const pages = [
      { id: 'a', firstRun: { lectern: 2, readability: 1 } },
      { id: 'b', firstRun: { lectern: 3, readability: 2 } },
      { id: 'c', firstRun: { lectern: 10, readability: 4 } },
      { id: 'd' }, // no first runs (failed page): left out
      { id: 'e', firstRun: { lectern: 5, readability: 0 } }, // no time measured: left out
    ];
    // Lectern [2, 3, 10] -> 3; Readability [1, 2, 4] -> 2; per page [2, 1.5, 2.5] -> 2.
    expect(firstRunSummary(pages, 4)).toEqual({ loads: 4, lectern: 3, readability: 2, ratio: 1.5, pageRatio: 2 });
  });

  it('is undefined when no page has first runs', () => {
    expect(firstRunSummary([{ id: 'a' }], 4)).toBeUndefined();
  });
});

describe('run order: each engine follows each of its possible predecessors equally often', () => {
  /** Per engine, how many of its timed runs come right after each engine (the first timed round follows the warm-up). */
  function predecessors(rounds: ReturnType<typeof runOrders>, warmups: number): Record<string, Record<string, number>> {
    const counts: Record<string, Record<string, number>> = {};
    const sequence = rounds.flat();
    const firstTimed = rounds.slice(0, warmups).flat().length;
    for (let k = firstTimed; k < sequence.length; k++) {
      const engine = sequence[k] as string;
      const before = sequence[k - 1] as string;
      const after = (counts[engine] ??= {});
      after[before] = (after[before] ?? 0) + 1;
    }
    return counts;
  }

  it('rounds the timed runs up to an even number', () => {
    expect([1, 2, 3, 5, 6].map(timedRuns)).toEqual([2, 2, 4, 6, 6]);
  });

  it('plain: Lectern and Readability each follow themselves and the other the same number of times', () => {
    for (const warmups of [1, 4, WARMUPS]) {
      for (const requested of [3, 5, 6, RUNS]) {
        const runs = timedRuns(requested);
        expect(predecessors(runOrders(warmups + runs, false), warmups), `${warmups} + ${runs}`).toEqual({ l: { l: runs / 2, r: runs / 2 }, r: { l: runs / 2, r: runs / 2 } });
      }
    }
  });

  it('against: each revision follows Readability as often as itself; Readability follows each revision as often', () => {
    const runs = timedRuns(5);
    expect(predecessors(runOrders(1 + runs, true), 1)).toEqual({
      l: { l: 3, r: 3 },
      a: { a: 3, r: 3 },
      r: { l: 3, a: 3 },
    });
  });

  it('alternates which engine runs first, and runs every engine once a round', () => {
    const rounds = runOrders(4, true);
    expect(rounds.map((order) => order[0])).toEqual(['l', 'a', 'l', 'a']);
    for (const order of rounds) expect([...order].sort()).toEqual(['a', 'l', 'r']);
    expect(runOrders(3, false)).toEqual([['l', 'r'], ['r', 'l'], ['l', 'r']]);
  });
});
