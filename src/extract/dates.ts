/**
 * The article's publication date as the page states it, or null. Content management systems print a placeholder where
 * a post has no date (.NET's 0001-01-01T00:00:00Z, the Unix epoch's first day, MySQL's 0000-00-00); the reader's header
 * would show "1 January 1" for it, so a placeholder is no date, and the page's other date tags are asked instead.
 */
import { squash } from './text';

/** Where pages state the date besides JSON-LD, which Readability reads first. */
const DATE_TAGS = ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'time[itemprop="datePublished"]'];

/** The first day of the Unix epoch, in milliseconds: a date counted from 0 by a system that had none. */
const EPOCH_DAY_MS = 24 * 60 * 60 * 1000;

/** `value` unless it is empty or a placeholder; a text no date parser reads is kept as the page wrote it. */
export function plausibleDate(value: string | null | undefined): string | null {
  const text = squash(value);
  if (!text || /^0{4}-0{2}-0{2}/.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  if (new Date(time).getUTCFullYear() < 1000 || (time >= 0 && time < EPOCH_DAY_MS)) return null;
  return text;
}

/** Readability's date (`found`) if it is one, else the first real date among the page's date tags. */
export function publishedTimeOf(found: string | null | undefined, doc: Document): string | null {
  const date = plausibleDate(found);
  if (date || !squash(found)) return date;
  for (const selector of DATE_TAGS) {
    const el = doc.querySelector(selector);
    const tagged = plausibleDate(el?.getAttribute('content') ?? el?.getAttribute('datetime'));
    if (tagged) return tagged;
  }
  return null;
}
