/**
 * Step `readability`: Mozilla's Readability on the clone, handing back the article element itself (its `serializer`
 * option) so the later steps work on DOM, not on a string. Classes are kept for the caption step (it reads hints such
 * as `caption`, `credit`, `toggle-caption`); the view's sanitizer drops them.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { innerHtmlOf, quicken, type Accessor } from './readability-quick';
import type { CopyDocument } from '../copy';
import { squash, textWeight } from '../text';

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

/** Readability's `isProbablyReaderable` on a page or on a copy's `<html>` element (which stays outside any document). */
export function looksReaderable(page: Document | Element): boolean {
  // It asks the page only `querySelectorAll`, which an element answers the same way for what is under it.
  return isProbablyReaderable(page as Document, { minContentLength: READERABLE_MIN_CONTENT_LENGTH, minScore: READERABLE_MIN_SCORE });
}

const OPTIONS = { keepClasses: true, serializer: (node: Node) => node as HTMLElement };

/**
 * Run Readability on `doc` (which it mutates: pass the clone). `article` is null when it finds none.
 *
 * Before its first pass Readability keeps the page's markup as a string (`body.innerHTML`), to start again from it when
 * that pass finds too little text; most pages never need it. With `furtherPasses`, it is given no string then, and
 * when it does start again it gets `furtherPasses()`: the markup to start from (the pipeline's is that of a fresh
 * copy without the `unlikely` step, see `markupBeforeFirstPass`). Readability 0.6.0 (pinned) reads and writes
 * `body.innerHTML` exactly there; tests/unit/unlikely.test.ts checks that it still does. `retried` says it started again.
 * With `urlsLater`, the article's URLs are left as written, for the `absoluteUrls` step to resolve (`leaveUrls`).
 */
export function runReadability(doc: CopyDocument, furtherPasses?: () => string, urlsLater = false): { article: ReadabilityOutput | null; retried: boolean } {
  const reader = new Readability<HTMLElement>(asDocument(doc), OPTIONS);
  quicken(reader);
  if (urlsLater) leaveUrls(reader);
  let retried = false;
  let markup: string | undefined;
  const parsed = furtherPasses
    ? withBodyMarkup(doc, (inner) => ({
        get: () => '',
        set(this: Element) {
          retried = true;
          inner.set.call(this, (markup ??= furtherPasses()));
        },
      }), () => reader.parse())
    : reader.parse();
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

/** What `leaveUrls` needs of a Readability instance. */
interface UrlFixer {
  _doc: Pick<Document, 'createTextNode' | 'createElement'>;
  _fixRelativeUris(content: Element): void;
}

/**
 * Readability 0.6.0's `_fixRelativeUris`, without the URLs, for a pipeline whose `absoluteUrls` step resolves every URL
 * of the article afterwards. Links to `javascript:` still become their text, or a `<span>` holding their children, as
 * the library makes them. The library resolves each `href`, `src`, `poster` and `srcset` URL against the copy's base,
 * `about:blank` unless the page has a `<base>`: a relative URL fails to resolve there and stays as written, and an
 * absolute one is written as the URL parser gives it, which the step, resolving every URL against the page's base,
 * then writes again. tests/unit/absolute-urls.test.ts holds the two ways to the same articles.
 */
function leaveUrls(reader: object): void {
  const lib = reader as Partial<UrlFixer>;
  if (typeof lib._fixRelativeUris !== 'function') return;
  Object.assign(reader, {
    _fixRelativeUris(this: UrlFixer, content: Element): void {
      const links = content.querySelectorAll('a');
      for (let i = 0; i < links.length; i++) {
        const link = links[i] as HTMLAnchorElement;
        const href = link.getAttribute('href');
        if (!href || href.indexOf('javascript:') !== 0) continue;
        if (link.childNodes.length === 1 && link.childNodes[0]?.nodeType === 3) {
          link.parentNode?.replaceChild(this._doc.createTextNode(link.textContent ?? ''), link);
        } else {
          const container = this._doc.createElement('span');
          while (link.firstChild) container.appendChild(link.firstChild);
          link.parentNode?.replaceChild(container, link);
        }
      }
    },
  });
}

/** Readability types its page as a Document; of the copy it reads only what CopyDocument holds (tests/unit/copy.test.ts). */
function asDocument(doc: CopyDocument): Document {
  return doc as Document;
}

/**
 * Stops Readability where it has read the markup of its page. Not an Error: one built as the script loads captures a
 * stack there, which cost about 11 ms of the script's first evaluation in Chromium (median 24.7 ms with it, 13.3 without).
 */
const STOP = { stop: 'read' } as const;

/**
 * The body markup Readability starts its passes from on `doc` (after its own preparation: `<noscript>` images
 * unwrapped, scripts and styles removed, `<br>` runs made paragraphs): Readability is run on `doc` until it reads it.
 */
export function markupBeforeFirstPass(doc: CopyDocument): string {
  let markup = '';
  try {
    withBodyMarkup(doc, (inner) => ({
      get(this: Element) {
        markup = inner.get.call(this) as string;
        throw STOP;
      },
    }), () => new Readability<HTMLElement>(asDocument(doc), OPTIONS).parse());
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return markup;
}

/** Run `read` with `doc.body.innerHTML` going through `accessor` (built on the inherited one), then restore it. */
function withBodyMarkup<T>(doc: CopyDocument, accessor: (inner: Accessor) => PropertyDescriptor, read: () => T): T {
  const body = doc.body;
  const inner = body ? innerHtmlOf(body) : undefined;
  if (!body || !inner) return read();
  Object.defineProperty(body, 'innerHTML', { configurable: true, ...accessor(inner) });
  try {
    return read();
  } finally {
    delete (body as unknown as { innerHTML?: string }).innerHTML;
  }
}
