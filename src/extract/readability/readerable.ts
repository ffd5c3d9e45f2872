/**
 * Is this page an article? Readability's public pre-check (`isProbablyReaderable`) first; for a page it doubts, a
 * second look at what Readability extracted (`proseOf`): prose, thin prose (read with a quiet notice), or none.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { squash, textWeight } from '../text';

/** Readability's own defaults, named here because the readerable pre-check and the not-article decision use them. */
export const READERABLE_MIN_CONTENT_LENGTH = 140;
export const READERABLE_MIN_SCORE = 20;
/** An extracted article with less text than this is not an article. */
export const MIN_ARTICLE_CHARS = 140;

/**
 * A page that fails the pre-check is still an article when Readability finds prose in it: this much text, in at least
 * PROSE_MIN_PARAGRAPHS paragraphs of PROSE_PARAGRAPH_CHARS or more, with at most this share of it inside links.
 * (The pre-check alone calls 6 of the 180 real news articles in the aeb corpus "not an article".) Lengths are
 * `textWeight`s, so a Chinese or Japanese paragraph counts as what it says, not as its few characters.
 */
export const PROSE_MIN_CHARS = 400;
export const PROSE_MIN_PARAGRAPHS = 2;
export const PROSE_PARAGRAPH_CHARS = 80;
export const PROSE_MAX_LINK_DENSITY = 0.25;
/**
 * A thin page: no more than one such paragraph, or too little text, or too many links, but at least one paragraph of
 * PROSE_PARAGRAPH_CHARS with no more than half of it links (a short news item, a blog note, a ticker item full of
 * tag links). It is read, and the view says it may not be an article. Home pages, search results, login forms and
 * empty pages have no such paragraph (the not-article fixtures); every page of aeb and trafilatura-dev has one.
 */
export const THIN_MAX_LINK_DENSITY = 0.5;

export type Prose = 'prose' | 'thin' | 'none';

function linkWeight(el: Element): number {
  let sum = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) sum += textWeight(squash(a.textContent));
  return sum;
}

/** Second look for pages that failed the pre-check: does the extracted article read as prose, thin prose, or none? */
export function proseOf(root: Element): Prose {
  const weight = textWeight(squash(root.textContent));
  // The paragraphs long enough to count, each with its weight.
  const paragraphs: [Element, number][] = [];
  for (const p of Array.from(root.querySelectorAll('p, pre, blockquote'))) {
    const w = textWeight(squash(p.textContent));
    if (w >= PROSE_PARAGRAPH_CHARS) paragraphs.push([p, w]);
  }
  if (weight >= PROSE_MIN_CHARS && paragraphs.length >= PROSE_MIN_PARAGRAPHS && linkWeight(root) <= weight * PROSE_MAX_LINK_DENSITY) return 'prose';
  const own = paragraphs.some(([p, w]) => linkWeight(p) <= w * THIN_MAX_LINK_DENSITY);
  return own && weight >= MIN_ARTICLE_CHARS ? 'thin' : 'none';
}

/** Readability's public `isProbablyReaderable` pre-check, with its default thresholds named. */
export function looksReaderable(page: Document): boolean {
  return isProbablyReaderable(page, { minContentLength: READERABLE_MIN_CONTENT_LENGTH, minScore: READERABLE_MIN_SCORE });
}
