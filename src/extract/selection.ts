/**
 * Read only what the reader selected: the selected nodes, cleaned like an article (absolute URLs, one caption per
 * photo; the view sanitizes it like any article), with the page's own title, site, byline and language. Readability
 * is skipped: the reader has already said what the article is.
 */
import { baseUrlOf, type StepContext } from './context';
import { absolutizeUrls } from './steps/absolute-urls';
import { cleanCaptions } from './steps/captions';
import { bylineLine, cleanByline } from './byline';
import { publishedTimeOf } from './dates';
import { withoutSiteName } from './title';
import { blockText, readingTimeMinutes, squash } from './text';
import { noneRemoved } from './steps/index';
import type { ExtractOptions, ExtractResult } from './types';

function meta(doc: Document, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = squash(doc.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

/**
 * `selection` holds copies of the selected nodes (e.g. `range.cloneContents()` appended to a detached element);
 * it is changed in place, the document is only read.
 */
export function extractSelection(
  doc: Document,
  selection: Element,
  options: ExtractOptions,
  env: { win?: Window & typeof globalThis } = {},
): ExtractResult {
  try {
    const win = env.win ?? doc.defaultView;
    const ctx: StepContext = { doc, url: options.url, baseUrl: baseUrlOf(doc, options.url), win };
    const absoluteUrls = options.steps?.absoluteUrls === false ? 0 : absolutizeUrls(selection, ctx);
    const captions = options.steps?.captions === false ? 0 : cleanCaptions(selection, ctx);
    const textContent = blockText(selection);
    if (!squash(textContent)) return { ok: false, reason: 'empty', message: 'Select some text on the page first.' };
    const dir = squash(doc.documentElement.getAttribute('dir')).toLowerCase();
    return {
      ok: true,
      article: {
        title: withoutSiteName(meta(doc, 'meta[property="og:title"]') ?? squash(doc.title), meta(doc, 'meta[property="og:site_name"]'), options.url, doc) || new URL(options.url).hostname,
        byline: cleanByline(meta(doc, 'meta[name="author"]', 'meta[property="article:author"]')) ?? bylineLine(doc),
        siteName: meta(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]'),
        publishedTime: publishedTimeOf(null, doc),
        lang: squash(doc.documentElement.getAttribute('lang')) || null,
        dir: dir === 'rtl' || dir === 'ltr' ? dir : null,
        excerpt: null,
        // The reader chose this text: no notice that it may not be an article.
        weak: false,
        content: selection.innerHTML,
        textContent,
        length: textContent.length,
        readingTimeMinutes: readingTimeMinutes(textContent),
        url: options.url,
        removed: { ...noneRemoved(), absoluteUrls, captions },
      },
    };
  } catch (error) {
    return { ok: false, reason: 'error', message: `Lectern could not read the selection.${error instanceof Error ? ` (${error.name})` : ''}` };
  }
}
