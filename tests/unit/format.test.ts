import { describe, expect, it } from 'vitest';
import { formatPublished, formatReadingTime, hostOf } from '../../src/ui/format';

describe('header facts', () => {
  it('formats reading time in whole minutes and hides it when there is none', () => {
    expect(formatReadingTime(4)).toBe('4 min read');
    expect(formatReadingTime(0)).toBe('');
    expect(formatReadingTime(Number.NaN)).toBe('');
  });

  it('formats a published date in the given locale and keeps text that is not a date', () => {
    expect(formatPublished('2023-02-17T05:00:00Z', 'en-GB')).toBe('17 February 2023');
    expect(formatPublished('2023-02-17T05:00:00Z', 'de-DE')).toBe('17. Februar 2023');
    expect(formatPublished('last Tuesday', 'en-GB')).toBe('last Tuesday');
    expect(formatPublished(null)).toBe('');
  });

  it('names the host without www', () => {
    expect(hostOf('https://www.npr.org/x')).toBe('npr.org');
    expect(hostOf('nonsense')).toBe('');
  });
});
