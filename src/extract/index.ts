/**
 * The extraction core: `extractArticle(document, { url })` -> `{ ok: true, article }` or `{ ok: false, reason }`.
 * Pure DOM code: runs under a Node DOM and in the page's content script alike, never touches the live document
 * (everything happens on a copy) and never calls an extension API.
 *
 * Pipeline, in order (ARCHITECTURE.md says why this order):
 *   [size and text checks] -> copy -> [readerable check] -> lazyImages -> lostPhotos (note) -> unlikely -> readability
 *   -> lostPhotos (restore) -> absoluteUrls
 *   -> captions -> siteNav -> teasers -> boilerplate -> endMatter -> headerEcho
 * The article's HTML comes from the page and is not sanitized here: the reader view sanitizes it, once, where it is
 * rendered (src/ui/sanitize.ts).
 */
import { baseUrlOf, type StepContext } from './context';
import { copyForReading } from './copy';
import { removeUnlikely } from './steps/unlikely';
import { fixLazyImages } from './steps/lazy-images';
import { notePhotos, restorePhotos } from './steps/lost-photos';
import { proseOf, looksReaderable, markupBeforeFirstPass, MIN_ARTICLE_CHARS, runReadability } from './steps/readability';
import { absolutizeUrls } from './steps/absolute-urls';
import { cleanCaptions } from './steps/captions';
import { removeSiteNav } from './steps/site-nav';
import { removeTeasers } from './steps/teasers';
import { removeBoilerplate } from './steps/boilerplate';
import { removeEndMatter } from './steps/end-matter';
import { removeHeaderEcho } from './steps/header-echo';
import { blockText, blockTextWeight, hasText, readingTimeMinutes, squash } from './text';
import { noneRemoved, type Article, type ExtractOptions, type ExtractResult, type FailureReason, type StepName } from './types';

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
  /** The window whose DOMParser reads `<noscript>` markup (lazyImages); defaults to `doc.defaultView`. */
  win?: Window & typeof globalThis;
  /** When given, the milliseconds each stage took are added to it under the stage's name (the bench's profile). */
  timings?: Record<string, number>;
}

/** `lap(name)` books the time since the last lap under `name`; a no-op unless timings were asked for. */
function stopwatch(timings: Record<string, number> | undefined): (name: string) => void {
  if (!timings) return () => undefined;
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + now - last;
    last = now;
  };
}

export function extractArticle(doc: Document, options: ExtractOptions, env: ExtractEnvironment = {}): ExtractResult {
  try {
    return run(doc, options, env);
  } catch (error) {
    return fail('error', error instanceof Error ? `(${error.name})` : undefined);
  }
}

/** The markup Readability would start from on a copy of `doc` prepared as far as Readability, without `unlikely`. */
function markupForFurtherPasses(doc: Document, ctx: StepContext, lazyImages: boolean): string {
  const copy = copyForReading(doc);
  if (lazyImages) fixLazyImages({ ...ctx, doc: copy });
  return markupBeforeFirstPass(copy);
}

function run(doc: Document, options: ExtractOptions, env: ExtractEnvironment): ExtractResult {
  const enabled = (step: StepName): boolean => options.steps?.[step] !== false;
  const lap = stopwatch(env.timings);
  // Links and images resolve against the page URL: an invalid one throws here and the caller gets `error`.
  const pageUrl = new URL(options.url);
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (doc.getElementsByTagName('*').length > maxElements) return fail('too-large');
  // Text a reader would see: script, style and noscript text do not count (an app shell is empty, not an article).
  if (!doc.body || !hasText(doc.body)) return fail('empty');
  lap('checks');

  const win = env.win ?? (doc.defaultView as (Window & typeof globalThis) | null);
  const removed = noneRemoved();
  const clone = copyForReading(doc);
  lap('clone');
  const readerable = options.force || looksReaderable(clone.documentElement);
  lap('readerable');
  const ctx: StepContext = { doc: clone, url: options.url, baseUrl: baseUrlOf(clone, options.url), win };
  if (enabled('lazyImages')) removed.lazyImages = fixLazyImages(ctx);
  lap('lazyImages');
  // Before `unlikely`: a photo's credit or caption may carry a class Readability's test reads as unlikely.
  const photos = enabled('lostPhotos') ? notePhotos(ctx) : [];
  lap('notePhotos');
  if (enabled('unlikely')) removed.unlikely = removeUnlikely(clone.documentElement);
  lap('unlikely');

  // `<html>` and every element under it.
  const before = 1 + clone.getElementsByTagName('*').length;
  // Readability's further passes, if it needs any, keep the blocks `unlikely` removed: they start from markup without it.
  const { article: parsed, retried } = runReadability(clone, () => markupForFurtherPasses(doc, ctx, enabled('lazyImages')), enabled('absoluteUrls'));
  if (retried) removed.unlikely = 0;
  if (!parsed) return fail('not-article');
  const { root } = parsed;
  // A page the pre-check doubts is read when Readability found prose in it; thin prose is read with a notice.
  const prose = readerable ? 'prose' : proseOf(root);
  if (prose === 'none') return fail('not-article');
  removed.readability = Math.max(0, before - root.getElementsByTagName('*').length);
  lap('readability');
  // Counts the photos put back, not removed.
  if (enabled('lostPhotos')) removed.lostPhotos = restorePhotos(root, photos);
  lap('lostPhotos');

  if (enabled('absoluteUrls')) removed.absoluteUrls = absolutizeUrls(root, ctx);
  lap('absoluteUrls');
  if (enabled('captions')) removed.captions = cleanCaptions(root, ctx);
  lap('captions');
  if (enabled('siteNav')) removed.siteNav = removeSiteNav(root, ctx);
  lap('siteNav');
  if (enabled('teasers')) removed.teasers = removeTeasers(root, ctx);
  lap('teasers');
  if (enabled('boilerplate')) removed.boilerplate = removeBoilerplate(root, ctx);
  lap('boilerplate');
  if (enabled('endMatter')) removed.endMatter = removeEndMatter(root, ctx, parsed.byline);
  lap('endMatter');
  if (enabled('headerEcho')) removed.headerEcho = removeHeaderEcho(root, { title: parsed.title, byline: parsed.byline, published: parsed.publishedTime });
  lap('headerEcho');

  const html = root.innerHTML;
  lap('serialize');

  const textContent = blockText(root);
  if (blockTextWeight(textContent) < (options.force ? 1 : MIN_ARTICLE_CHARS)) return fail(textContent ? 'not-article' : 'empty');
  lap('text');
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : null;
  const article: Article = {
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
    weak: prose === 'thin',
    removed,
  };
  lap('result');
  return { ok: true, article };
}
