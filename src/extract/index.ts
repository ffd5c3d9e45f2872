/**
 * The extraction core: `extractArticle(document, { url })` -> `{ ok: true, article }` or `{ ok: false, reason }`.
 * Pure DOM code: runs under a Node DOM and in the page's content script alike, never touches the live document
 * (everything happens on a copy) and never calls an extension API.
 *
 * Pipeline, in order (ARCHITECTURE.md says why this order):
 *   [size and text checks] -> copy -> [readerable check] -> math -> permalinks -> code -> controls -> embeds (social)
 *   -> lazyImages -> lostPhotos (note) -> readability -> lostPhotos (restore) -> embeds (players) -> absoluteUrls
 *   -> captions -> siteNav -> teasers -> boilerplate -> endMatter -> headerEcho
 * The article's HTML comes from the page and is not sanitized here: the reader view sanitizes it, once, where it is
 * rendered (src/ui/sanitize.ts).
 */
import { baseUrlOf, type StepContext } from './context';
import { copyForReading } from './copy';
import { bylineLine, cleanByline } from './byline';
import { publishedTimeOf } from './dates';
import { withoutSiteName } from './title';
import { runReadability } from './readability/adapter';
import { proseOf, looksReaderable, MIN_ARTICLE_CHARS } from './readability/readerable';
import { blockText, blockTextWeight, hasText, readingTimeMinutes, squash } from './text';
import { noneRemoved, PIPELINE, STEP_NAMES, type Pass, type StepName } from './steps/index';
import type { Article, ExtractOptions, ExtractResult, FailureReason } from './types';

export type { Article, ExtractOptions, ExtractResult, FailureReason, StepName } from './types';
export { STEP_NAMES, STEPS } from './steps/index';

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
    const result = run(doc, options, env);
    if (result !== LOST) return result;
    // The clean-up steps left no text (or no markup) of an article Readability found: read it again without them, so
    // the reader gets Readability's own article rather than nothing.
    const again = run(doc, { ...options, steps: Object.fromEntries(STEP_NAMES.map((name) => [name, false])) }, env);
    return again === LOST ? fail('error') : again;
  } catch (error) {
    return fail('error', error instanceof Error ? `(${error.name})` : undefined);
  }
}

/** What `run` says when Readability found text and the article came out without any (the guard above). */
const LOST = { ok: false, reason: 'error', message: 'lost' } as const satisfies ExtractResult;

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

  const win = env.win ?? doc.defaultView;
  const removed = noneRemoved();
  const clone = copyForReading(doc);
  lap('clone');
  const readerable = options.force || looksReaderable(clone);
  lap('readerable');
  const ctx: StepContext = { doc: clone, url: options.url, baseUrl: baseUrlOf(clone, options.url), win };
  const pass: Pass = { ctx, photos: [] };
  for (const step of PIPELINE) {
    if (step.stage !== 'copy' || !enabled(step.name)) continue;
    removed[step.name] += step.run(pass, clone.documentElement);
    lap(step.lap ?? step.name);
  }

  const parsed = runReadability(clone, { urlsLater: enabled('absoluteUrls') });
  if (!parsed) return fail('not-article');
  const { root } = parsed;
  // A page the pre-check doubts is read when Readability found prose in it; thin prose is read with a notice.
  const prose = readerable ? 'prose' : proseOf(root);
  if (prose === 'none') return fail('not-article');
  lap('readability');
  const found = hasText(root);
  pass.article = parsed;
  for (const step of PIPELINE) {
    if (step.stage !== 'article' || !enabled(step.name)) continue;
    removed[step.name] += step.run(pass, root);
    lap(step.lap ?? step.name);
  }

  const html = root.innerHTML;
  lap('serialize');

  const textContent = blockText(root);
  // Never an article without text or markup: when Readability had text, the guard in extractArticle reads it again.
  if (found && (!textContent || !html.trim())) return LOST;
  if (blockTextWeight(textContent) < (options.force ? 1 : MIN_ARTICLE_CHARS)) return fail(textContent ? 'not-article' : 'empty');
  lap('text');
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : null;
  const article: Article = {
    title: withoutSiteName(squash(parsed.title) || squash(doc.title), squash(parsed.siteName) || null, options.url, doc) || pageUrl.hostname,
    byline: cleanByline(parsed.byline) ?? bylineLine(doc),
    siteName: squash(parsed.siteName) || null,
    publishedTime: publishedTimeOf(parsed.publishedTime, doc),
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
