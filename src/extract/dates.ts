/**
 * The article's publication date as the page states it, or null. Readability reads JSON-LD and
 * `article:published_time`; pages state it in other places too: meta tags of other conventions (Dublin Core,
 * `name="date"`), microdata (`itemprop="datePublished"`), `<time pubdate>`, or a `<time datetime>` under the headline.
 * Those are asked in turn when Readability found none. Content management systems print a placeholder where a post
 * has no date (.NET's 0001-01-01T00:00:00Z, the Unix epoch's first day, MySQL's 0000-00-00); the reader's header would
 * show "1 January 1" for it, so a placeholder is no date.
 */
import { squash, underHeadline } from './text';

/** Where pages state the date besides JSON-LD (asked in document order: the head's meta tags come first). */
const DATE_TAGS = [
  'meta[property="article:published_time"]', 'meta[property="og:published_time" i]', 'meta[name="date" i]',
  'meta[name="dc.date" i]', 'meta[name="dc.date.issued" i]', 'meta[name="dcterms.date" i]', 'meta[name="dcterms.issued" i]',
  'meta[name="dcterms.created" i]', 'meta[name="pubdate" i]', 'meta[name="publishdate" i]', 'meta[name="publish-date" i]',
  'meta[name="sailthru.date" i]', 'meta[name="parsely-pub-date" i]', 'meta[name="citation_publication_date" i]',
  '[itemprop="datePublished"]', 'time[pubdate]',
].join(', ');

/** The first day of the Unix epoch, in milliseconds: a date counted from 0 by a system that had none. */
const EPOCH_DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 as pages write it: a space for the `T`, one-digit months and days, a space before the offset. */
const ISO_LIKE = /^(\d{4}-\d{1,2}-\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A day first, as German and most of Europe write it: "20.06.2019", "20.06.2019 11:43". */
const DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/;
/** Unix seconds (2001 to 2033). */
const UNIX_SECONDS = /^1\d{9}$/;

const pad = (n: string): string => n.padStart(2, '0');

/** `value` unless it is empty or a placeholder; a text no date parser reads is kept as the page wrote it. */
export function plausibleDate(value: string | null | undefined): string | null {
  const text = squash(value);
  if (!text || /^0{4}-0{2}-0{2}/.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  if (new Date(time).getUTCFullYear() < 1000 || (time >= 0 && time < EPOCH_DAY_MS)) return null;
  return text;
}

/** A date tag's value as a date the header can read (ISO where the page's form allows), or null for anything else. */
export function readDate(value: string | null | undefined): string | null {
  const text = squash(value);
  const iso = ISO_LIKE.exec(text);
  if (iso?.[1]) {
    const [y, m, d] = iso[1].split('-') as [string, string, string];
    const time = iso[2] ? `T${iso[2].split(':').map((part, i) => (i < 2 ? pad(part) : part)).join(':')}` : '';
    return plausibleDate(`${y}-${pad(m)}-${pad(d)}${time}${iso[3] ?? ''}`);
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d = '', m = '', y = '', hh, mm] = dayFirst;
    return plausibleDate(`${y}-${pad(m)}-${pad(d)}${hh && mm ? `T${pad(hh)}:${mm}` : ''}`);
  }
  if (UNIX_SECONDS.test(text)) return new Date(Number(text) * 1000).toISOString();
  // Other forms only when a date parser reads them ("Fri Feb 18 10:27:24 2022"); never words or numbers alone.
  return /\d{4}/.test(text) && /[a-z]/i.test(text) && !Number.isNaN(Date.parse(text)) ? plausibleDate(text) : null;
}

/** Elements read after the headline for its `<time>`: a site's logo `<h1>` may come before a whole menu (msn: ~300). */
const MAX_TIME_LOOKAHEAD = 500;

/** The first `<time datetime>` under the headline (one inside the story is a date the story tells of). */
function timeUnderHeadline(doc: Document): string | null {
  return underHeadline(doc, MAX_TIME_LOOKAHEAD, (el) => (el.tagName === 'TIME' && el.hasAttribute('datetime') ? readDate(el.getAttribute('datetime')) : undefined));
}

/** Readability's date (`found`) if it is one, else the first real date among the page's date tags and its headline's time. */
export function publishedTimeOf(found: string | null | undefined, doc: Document): string | null {
  const date = plausibleDate(found);
  if (date) return date;
  const tagged = doc.querySelectorAll(DATE_TAGS);
  for (let i = 0; i < tagged.length; i++) {
    const el = tagged[i] as Element;
    const value = readDate(el.getAttribute('content') ?? el.getAttribute('datetime'));
    if (value) return value;
  }
  return timeUnderHeadline(doc);
}
