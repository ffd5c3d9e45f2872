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

  it('shows the calendar date the page wrote, in any time zone of the reader', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(formatPublished('2022-02-01', 'en-GB'), tz).toBe('1 February 2022');
        expect(formatPublished('2023-02-19T01:00:00+01:00', 'en-GB'), tz).toBe('19 February 2023');
        expect(formatPublished('2023-02-18T23:30:00-08:00', 'en-GB'), tz).toBe('18 February 2023');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('names the host without www', () => {
    expect(hostOf('https://www.npr.org/x')).toBe('npr.org');
    expect(hostOf('nonsense')).toBe('');
  });
});
