/** Plain functions that turn article fields into the words a reader sees. */

/** "5 min read"; an empty string for no text. */
export function formatReadingTime(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return '';
  return `${Math.round(minutes)} min read`;
}

/** The date in the reader's locale ("28 November 2026"), or the page's own text when it is not a date. */
export function formatPublished(value: string | null, locale?: string): string {
  if (!value) return '';
  // An ISO date is shown as the calendar day the page wrote, in every reader's time zone ("2022-02-01" is 1 February
  // in Los Angeles too; "…T01:00:00+01:00" stays the 19th).
  const iso = ISO_DAY.exec(value);
  const time = iso ? Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) : Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', ...(iso ? { timeZone: 'UTC' } : {}) }).format(new Date(time));
}

/** The day at the start of an ISO 8601 date or date-time. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** The host of the article's URL without "www.", used when the page names no site. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
