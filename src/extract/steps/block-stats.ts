/**
 * Cheap text measures for the clean-up steps that judge blocks by their text and links (siteNav, teasers, endMatter).
 * One walk of the article root gives every element's visible character count (whitespace not counted) and how many of
 * those sit inside links; a step then reads them from the maps instead of asking each element for its `textContent`
 * (doing that for nested blocks in a loop made an earlier step quadratic).
 */

export interface TextStats {
  /** Non-whitespace characters of text under the element. */
  chars: Map<Element, number>;
  /** Of those, the ones inside an `<a>`. */
  linkChars: Map<Element, number>;
}

const UNSEEN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function solidLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

export function measureText(root: Element): TextStats {
  const chars = new Map<Element, number>();
  const linkChars = new Map<Element, number>();
  const walk = (el: Element, inLink: boolean): [number, number] => {
    let n = 0;
    let l = 0;
    const link = inLink || el.tagName.toUpperCase() === 'A';
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const k = solidLength(node.nodeValue ?? '');
        n += k;
        if (link) l += k;
      } else if (node.nodeType === 1 && !UNSEEN.has((node as Element).tagName.toUpperCase())) {
        const [cn, cl] = walk(node as Element, link);
        n += cn;
        l += cl;
      }
    }
    chars.set(el, n);
    linkChars.set(el, l);
    return [n, l];
  };
  walk(root, false);
  return { chars, linkChars };
}

/** Share of an element's text inside links (0 for an element without text or not measured). */
export function linkDensity(stats: TextStats, el: Element): number {
  const n = stats.chars.get(el) ?? 0;
  return n ? (stats.linkChars.get(el) ?? 0) / n : 0;
}

/**
 * The words of an element's class and id, lower case: `relatedContent article-body__tablet-newsletter` gives related,
 * content, article, body, tablet, newsletter. The view's sanitizer drops class names; the steps still see them.
 */
export function hintWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (raw.length < 2) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1);
}

/** Content another step owns or that is never furniture. */
export const CONTENT_SELECTOR = 'figure, picture, table, pre, blockquote, video, audio, math';

/**
 * The removal steps (siteNav, teasers, boilerplate, endMatter) are about the small part of an article. When one would
 * take more than this share of its text (a page read with "Show anyway", say a home page of link lists), it is wrong
 * about the page and removes nothing.
 */
export const MAX_SHARE_REMOVED = 0.5;

/** Remove `doomed` unless their text is more than MAX_SHARE_REMOVED of `total` (or `allowMore` says so). Returns the count. */
export function removeWithinShare(doomed: readonly Element[], doomedChars: number, total: number, allowMore = false): number {
  if (doomed.length === 0 || (doomedChars > total * MAX_SHARE_REMOVED && !allowMore)) return 0;
  for (const el of doomed) el.remove();
  return doomed.length;
}
