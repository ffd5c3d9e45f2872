import { describe, expect, it } from 'vitest';
import { shingles, similarity, tokens } from './shingles';

describe('aeb shingle metric', () => {
  it('tokenizes on letters, digits and underscore, any script', () => {
    expect(tokens("Don't stop—café_2 über 東京")).toEqual(['Don', 't', 'stop', 'café_2', 'über', '東京']);
  });

  it('makes one shorter shingle for 1-3 tokens and none for no tokens', () => {
    expect([...shingles('one two')]).toEqual([['one two', 1]]);
    expect(shingles(' ,. ').size).toBe(0);
    expect([...shingles('a b c d e').keys()]).toEqual(['a b c d', 'b c d e']);
  });

  it('counts shingles as a multiset', () => {
    expect(shingles('a b c d a b c d').get('a b c d')).toBe(2);
  });

  it('gives 1 for identical texts and 0 for disjoint ones', () => {
    expect(similarity('the quick brown fox jumps', 'the quick brown fox jumps')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(similarity('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(similarity('alpha beta gamma delta', 'one two three four').f1).toBe(0);
  });

  it('separates lost text (recall) from added text (precision)', () => {
    const truth = 'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11';
    const half = similarity('w1 w2 w3 w4 w5', truth);
    expect(half.precision).toBe(1);
    expect(half.recall).toBeCloseTo(2 / 8);
    const extra = similarity(`${truth} x1 x2 x3 x4 x5 x6 x7 x8`, truth);
    expect(extra.recall).toBe(1);
    expect(extra.precision).toBeCloseTo(8 / 16);
  });
});
