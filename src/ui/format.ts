/** Plain functions that turn article fields into the words a reader sees. */

/** "5 min read"; an empty string for no text. */
export function formatReadingTime(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return '';
  return `${Math.round(minutes)} min read`;
}

/** The date in the reader's locale ("28 November 2026"), or the page's own text when it is not a date. */
export function formatPublished(value: string | null, locale?: string): string {
  if (!value) return '';
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(time));
}

/** The host of the article's URL without "www.", used when the page names no site. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
