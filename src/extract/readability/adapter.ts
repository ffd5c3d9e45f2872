/**
 * The one place Lectern meets @mozilla/readability (pinned 0.6.0).
 *
 * Public API but for one member: `new Readability(document, options).parse()` on the pipeline's copy
 * (a real Document: Readability mutates it), with `keepClasses` (the caption step reads class hints such as `caption`,
 * `credit`, `toggle-caption`; the view's sanitizer drops them) and `serializer` handing back the article element itself,
 * so the later steps work on DOM rather than a string.
 *
 * Private members, all listed in PRIVATE_MEMBERS: `_fixRelativeUris`, replaced for correctness (see `leaveUrls`), and
 * the methods quick.ts gives the instance for speed (the library's own answers, sooner: they keep the warm pipeline
 * about 7% quicker per page and cost nothing measurable on a cold first read; docs/performance.md). When the library
 * no longer has one, that part is left out and the instance runs as shipped (never an empty article), and
 * tests/unit/readability-adapter.test.ts fails loudly, naming the member.
 */
import { Readability } from '@mozilla/readability';
import { PLAYER_HOSTS } from '../embed-providers';
import { QUICK_LISTS, QUICK_LOOPS, QUICK_METHODS, quicken } from './quick';

/** Every private member of a Readability instance Lectern reads or replaces (leaveUrls below, quick.ts). */
export const PRIVATE_MEMBERS = [
  // leaveUrls: replaces the first, creates nodes with the second.
  '_fixRelativeUris', '_doc',
  // quick.ts: the methods it replaces, and what they read.
  ...QUICK_METHODS, ...QUICK_LOOPS, ...QUICK_LISTS,
  '_getInnerText', 'REGEXPS', 'DIV_TO_P_ELEMS', 'PRESENTATIONAL_ATTRIBUTES', 'DEPRECATED_SIZE_ATTRIBUTE_ELEMS',
] as const;

/** The members of PRIVATE_MEMBERS that `reader`, a Readability instance, lacks. */
export function missingPrivateMembers(reader: object): string[] {
  const lib = reader as Record<string, unknown>;
  return PRIVATE_MEMBERS.filter((name) => lib[name] === undefined || lib[name] === null);
}

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

export interface RunOptions {
  /** Give the instance quick.ts's faster methods (default true). */
  quick?: boolean;
  /** Leave the article's URLs as written, for the `absoluteUrls` step to resolve (`leaveUrls`). */
  urlsLater?: boolean;
}

/**
 * `allowedVideoRegex`: the frames of every player the `embeds` step turns into a link card (the library's default
 * keeps YouTube, Vimeo and a few others, and drops audio players).
 */
const OPTIONS = { keepClasses: true, serializer: (node: Node) => node as HTMLElement, allowedVideoRegex: PLAYER_HOSTS };

/** Readability on `doc`, which it mutates (pass the copy). Null when it finds no article. */
export function runReadability(doc: Document, options: RunOptions = {}): ReadabilityOutput | null {
  const reader = new Readability<HTMLElement>(doc, OPTIONS);
  if (options.quick !== false) quicken(reader);
  if (options.urlsLater) leaveUrls(reader);
  const parsed = reader.parse();
  if (!parsed?.content) return null;
  return {
    root: parsed.content,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
    dir: parsed.dir ?? null,
    excerpt: parsed.excerpt ?? null,
  };
}

/** What `leaveUrls` needs of a Readability instance. */
interface UrlFixer {
  _doc: Pick<Document, 'createTextNode' | 'createElement'>;
  _fixRelativeUris(content: Element): void;
}

/**
 * Readability 0.6.0's `_fixRelativeUris`, without the URLs, for a pipeline whose `absoluteUrls` step resolves every URL
 * of the article afterwards. Kept for correctness, not speed: the library resolves against the copy's `about:blank`,
 * where Node's URL parser (the CLI, the bench, the golden outputs) turns `../notes.html#n1` into
 * `about:blank/notes.html#n1` (browsers refuse it, and the link stays as written). Links to `javascript:` still become their text, or a `<span>` holding their children, as
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
