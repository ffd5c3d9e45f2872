/** Reading positions (#26): which positions are kept (valid, unexpired, newest MAX_POSITIONS) and under what key. */
import { describe, expect, it } from 'vitest';
import { MAX_AGE_DAYS, MAX_POSITIONS, positionKey, prune } from '../../src/shared/positions';

const NOW = Date.UTC(2026, 11, 5);
const DAY = 86_400_000;

describe('reading positions', () => {
  it('key an article by its address without a fragment', () => {
    expect(positionKey('https://news.example/a?id=3#section-2')).toBe('https://news.example/a?id=3');
    expect(positionKey('https://news.example/a')).toBe('https://news.example/a');
  });

  it('keep valid positions younger than the limit and drop junk and old ones', () => {
    const kept = prune({
      a: { fraction: 0.5, heading: 'Two', at: NOW - DAY },
      old: { fraction: 0.5, heading: null, at: NOW - (MAX_AGE_DAYS + 1) * DAY },
      bad: { fraction: 7, heading: null, at: NOW },
      worse: 'x',
      noHeading: { fraction: 0.1, at: NOW },
    }, NOW);
    expect(Object.keys(kept)).toEqual(['a']);
    expect(prune(null, NOW)).toEqual({});
    expect(prune([1, 2], NOW)).toEqual({});
  });

  it(`keep the newest ${MAX_POSITIONS} when there are more`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_POSITIONS + 25 }, (_, i) => [`u${i}`, { fraction: 0.3, heading: null, at: NOW - i * 1000 }]));
    const kept = prune(many, NOW);
    expect(Object.keys(kept)).toHaveLength(MAX_POSITIONS);
    expect(kept.u0).toBeDefined();
    expect(kept[`u${MAX_POSITIONS + 24}`]).toBeUndefined();
  });
});
