/**
 * Step `readability`: Mozilla's Readability on the clone, handing back the article element itself (its `serializer`
 * option) so the later steps work on DOM, not on a string. Classes are kept for the caption step (it reads hints such
 * as `caption`, `credit`, `toggle-caption`); the view's sanitizer drops them.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

/** Readability's own defaults, named here because the readerable pre-check and the not-article decision use them. */
export const READERABLE_MIN_CONTENT_LENGTH = 140;
export const READERABLE_MIN_SCORE = 20;
/** An extracted article with less text than this is not an article. */
export const MIN_ARTICLE_CHARS = 140;

export interface ReadabilityOutput {
  root: HTMLElement;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
}

/**
 * A page that fails the pre-check is still an article when Readability finds prose in it: this much text, in at least
 * PROSE_MIN_PARAGRAPHS paragraphs of PROSE_PARAGRAPH_CHARS or more, with at most this share of it inside links.
 * (The pre-check alone calls 6 of the 180 real news articles in the aeb corpus "not an article".)
 */
export const PROSE_MIN_CHARS = 400;
export const PROSE_MIN_PARAGRAPHS = 2;
export const PROSE_PARAGRAPH_CHARS = 80;
export const PROSE_MAX_LINK_DENSITY = 0.25;

/** Second look for pages that failed the pre-check: does the extracted article read as prose? */
export function looksLikeProse(root: Element): boolean {
  const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < PROSE_MIN_CHARS) return false;
  const linkChars = Array.from(root.querySelectorAll('a'), (a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim().length)
    .reduce((sum, n) => sum + n, 0);
  if (linkChars / text.length > PROSE_MAX_LINK_DENSITY) return false;
  const paragraphs = Array.from(root.querySelectorAll('p, pre, blockquote')).filter(
    (p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim().length >= PROSE_PARAGRAPH_CHARS,
  );
  return paragraphs.length >= PROSE_MIN_PARAGRAPHS;
}

export function looksReaderable(doc: Document): boolean {
  return isProbablyReaderable(doc, { minContentLength: READERABLE_MIN_CONTENT_LENGTH, minScore: READERABLE_MIN_SCORE });
}

/**
 * Run Readability on `doc` (which it mutates: pass the clone). `article` is null when it finds none. `retried` says
 * its first pass found too little text, so it tried again with fewer removals (the `unlikely` step's cue to start over
 * without its own removals).
 */
export function runReadability(doc: Document): { article: ReadabilityOutput | null; retried: boolean } {
  const reader = new Readability<HTMLElement>(doc, {
    keepClasses: true,
    serializer: (node) => node as HTMLElement,
  });
  const parsed = reader.parse();
  // Readability 0.6.0 (pinned) keeps each failed pass in `_attempts`; tests/unit/unlikely.test.ts checks it still does.
  const retried = ((reader as unknown as { _attempts?: unknown[] })._attempts?.length ?? 0) > 0;
  if (!parsed?.content) return { article: null, retried };
  return {
    retried,
    article: {
      root: parsed.content,
      title: parsed.title ?? null,
      byline: parsed.byline ?? null,
      siteName: parsed.siteName ?? null,
      publishedTime: parsed.publishedTime ?? null,
      lang: parsed.lang ?? null,
      dir: parsed.dir ?? null,
      excerpt: parsed.excerpt ?? null,
    },
  };
}
