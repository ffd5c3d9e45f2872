/**
 * The extraction core: `extractArticle(document, { url })` -> `{ ok: true, article }` or `{ ok: false, reason }`.
 * Pure DOM code: runs under a Node DOM and in the page's content script alike, never touches the live document
 * (everything happens on a clone) and never calls an extension API.
 *
 * Pipeline, in order (ARCHITECTURE.md says why this order):
 *   lazyImages -> [readerable check] -> readability -> absoluteUrls -> captions -> boilerplate -> headerEcho -> sanitize
 */
import { baseUrlOf, type StepContext } from './context';
import { fixLazyImages } from './steps/lazy-images';
import { looksLikeProse, looksReaderable, MIN_ARTICLE_CHARS, runReadability } from './steps/readability';
import { absolutizeUrls } from './steps/absolute-urls';
import { cleanCaptions } from './steps/captions';
import { removeBoilerplate } from './steps/boilerplate';
import { removeHeaderEcho } from './steps/header-echo';
import { sanitizeHtml } from './steps/sanitize';
import { parseInert } from './html';
import { blockText, readingTimeMinutes, squash } from './text';
import { noneRemoved, type ExtractOptions, type ExtractResult, type FailureReason, type StepName } from './types';

export type { Article, ExtractOptions, ExtractResult, FailureReason, StepName } from './types';
export { STEP_NAMES } from './types';

/** Pages with more elements than this are refused: Readability's cost grows faster than linearly with them. */
export const DEFAULT_MAX_ELEMENTS = 100_000;

export const FAILURE_MESSAGES: Record<FailureReason, string> = {
  'not-article': 'This page does not look like an article.',
  empty: 'This page has no text to read.',
  'too-large': 'This page is too large to read in Lectern.',
  error: 'Lectern could not read this page.',
};

function fail(reason: FailureReason, detail?: string): ExtractResult {
  return { ok: false, reason, message: detail ? `${FAILURE_MESSAGES[reason]} ${detail}` : FAILURE_MESSAGES[reason] };
}

export interface ExtractEnvironment {
  /** The window whose DOM classes DOMPurify uses; defaults to `doc.defaultView`. */
  win?: Window & typeof globalThis;
}

export function extractArticle(doc: Document, options: ExtractOptions, env: ExtractEnvironment = {}): ExtractResult {
  try {
    return run(doc, options, env);
  } catch (error) {
    return fail('error', error instanceof Error ? `(${error.name})` : undefined);
  }
}

function run(doc: Document, options: ExtractOptions, env: ExtractEnvironment): ExtractResult {
  const enabled = (step: StepName): boolean => options.steps?.[step] !== false;
  // Links and images resolve against the page URL: an invalid one throws here and the caller gets `error`.
  const pageUrl = new URL(options.url);
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (doc.getElementsByTagName('*').length > maxElements) return fail('too-large');
  // Text a reader would see: script, style and noscript text do not count (an app shell is empty, not an article).
  if (!doc.body || !blockText(doc.body)) return fail('empty');

  const win = env.win ?? (doc.defaultView as (Window & typeof globalThis) | null);
  const clone = doc.cloneNode(true) as Document;
  const ctx: StepContext = { doc: clone, url: options.url, baseUrl: baseUrlOf(clone, options.url), win };
  const removed = noneRemoved();

  if (enabled('lazyImages')) removed.lazyImages = fixLazyImages(ctx);
  const readerable = options.force || looksReaderable(clone);

  const before = clone.getElementsByTagName('*').length;
  const parsed = runReadability(clone);
  if (!parsed) return fail('not-article');
  const { root } = parsed;
  if (!readerable && !looksLikeProse(root)) return fail('not-article');
  removed.readability = Math.max(0, before - root.getElementsByTagName('*').length);

  if (enabled('absoluteUrls')) removed.absoluteUrls = absolutizeUrls(root, ctx);
  if (enabled('captions')) removed.captions = cleanCaptions(root, ctx);
  if (enabled('boilerplate')) removed.boilerplate = removeBoilerplate(root, ctx);
  if (enabled('headerEcho')) removed.headerEcho = removeHeaderEcho(root, { title: parsed.title, byline: parsed.byline });

  let html = root.innerHTML;
  if (enabled('sanitize')) {
    if (!win) return fail('error', '(no window to sanitize with)');
    const clean = sanitizeHtml(html, win);
    html = clean.html;
    removed.sanitize = clean.removed;
  }

  // Text is taken from what the reader will see: the final HTML, parsed inert.
  const textContent = blockText(win ? parseInert(html, win) : root);
  if (squash(textContent).length < (options.force ? 1 : MIN_ARTICLE_CHARS)) {
    return fail(squash(textContent) ? 'not-article' : 'empty');
  }
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : null;
  return {
    ok: true,
    article: {
      title: squash(parsed.title) || squash(doc.title) || pageUrl.hostname,
      byline: squash(parsed.byline) || null,
      siteName: squash(parsed.siteName) || null,
      publishedTime: squash(parsed.publishedTime) || null,
      lang: squash(parsed.lang) || null,
      dir,
      excerpt: squash(parsed.excerpt) || null,
      content: html,
      textContent,
      length: textContent.length,
      readingTimeMinutes: readingTimeMinutes(textContent),
      url: options.url,
      removed,
    },
  };
}
