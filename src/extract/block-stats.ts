/**
 * Cheap text measures for the clean-up steps that judge blocks by their text and links (captions' stray-text pass,
 * siteNav, teasers, boilerplate, endMatter). One walk of the article root gives every element's visible character
 * count (whitespace not counted) and how many of those sit inside links; the steps read them from the maps instead of
 * asking each element for its `textContent` (doing that for nested blocks in a loop made an earlier step quadratic),
 * and share them (`statsOf`), keeping them true as they remove blocks (`removeMeasured`).
 */

import type { StepContext, TextStats } from './context';
import { isSpaceCode, squash, textWeight, UNSEEN_TAGS } from './text';

export type { TextStats } from './context';

/** The characters of `text` that are not white space (`\s`): folding its spaces never makes it shorter than this. */
function solidLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160 && (c < 0x1680 || !isSpaceCode(c))) n++;
  }
  return n;
}

export function measureText(root: Element): TextStats {
  const chars = new Map<Element, number>();
  const linkChars = new Map<Element, number>();
  /** Measures `el` and returns its character count; its link characters are in `linkChars`. */
  const walk = (el: Element, inLink: boolean): number => {
    let n = 0;
    let l = 0;
    const link = inLink || el.tagName.toUpperCase() === 'A';
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const k = solidLength(node.nodeValue ?? '');
        n += k;
        if (link) l += k;
      } else if (node.nodeType === 1 && !UNSEEN_TAGS.has((node as Element).tagName.toUpperCase())) {
        n += walk(node as Element, link);
        l += linkChars.get(node as Element) as number;
      }
    }
    chars.set(el, n);
    linkChars.set(el, l);
    return n;
  };
  walk(root, false);
  return { root, chars, linkChars, texts: new Map(), hints: new Map() };
}

/**
 * `squash(el.textContent)`, read once per element and shared: the stray-text pass, boilerplate and endMatter each
 * read the text of the same short blocks. `removeMeasured` forgets the texts it changes.
 */
export function textOf(el: Element, stats: TextStats): string {
  let text = stats.texts.get(el);
  if (text === undefined) {
    text = squash(el.textContent);
    stats.texts.set(el, text);
  }
  return text;
}

/**
 * The measures of `root` for this run of the pipeline: taken by the first step that asks (captions' stray-text pass),
 * then shared by the removal steps after it, which each used to walk the whole article for the same numbers.
 */
export function statsOf(root: Element, ctx: StepContext): TextStats {
  if (ctx.textStats?.root !== root) ctx.textStats = measureText(root);
  return ctx.textStats;
}

/** Remove `el`, taking its text out of its ancestors' measures (and forgetting their texts) so that `stats` stay true. */
export function removeMeasured(el: Element, stats: TextStats | undefined): void {
  if (stats && stats.root.contains(el)) {
    const n = stats.chars.get(el) ?? 0;
    const l = stats.linkChars.get(el) ?? 0;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const an = stats.chars.get(a);
      if (an === undefined) break;
      if (n || l) {
        stats.chars.set(a, an - n);
        stats.linkChars.set(a, (stats.linkChars.get(a) ?? 0) - l);
      }
      // Even a blank element's going can change the folded text around it ("a<i> </i>b").
      stats.texts.delete(a);
      if (a === stats.root) break;
    }
  }
  el.remove();
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

/** `hintWords(el)`, read once per element and shared by the removal steps (class names do not change under them). */
export function hintWordsOf(el: Element, stats: TextStats): readonly string[] {
  let words = stats.hints.get(el);
  if (words === undefined) {
    words = hintWords(el);
    stats.hints.set(el, words);
  }
  return words;
}

/** A heading element's tag. */
export const HEADING_TAG = /^H[1-6]$/;
/** A label ("Most read", "Related") beside what it introduces is at most this long. */
export const MAX_LABEL_CHARS = 80;

/** Text (characters, whitespace not counted) after `el` up to the end of `root`, leaving out the elements in `skip`. */
export function textAfter(el: Element, root: Element, stats: TextStats, skip?: ReadonlySet<Element>): number {
  let sum = 0;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    for (let n = at.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 1) sum += skip?.has(n as Element) ? 0 : stats.chars.get(n as Element) ?? 0;
      else sum += (n.textContent ?? '').replace(/\s+/g, '').length;
    }
  }
  return sum;
}

/** Content another step owns or that is never furniture. */
export const CONTENT_SELECTOR = 'figure, picture, table, pre, blockquote, video, audio, math';

/**
 * The removal steps (siteNav, teasers, boilerplate, endMatter) are about the small part of an article. When one would
 * take more than this share of its text (a page read with "Show anyway", say a home page of link lists), it is wrong
 * about the page and removes nothing.
 */
export const MAX_SHARE_REMOVED = 0.5;

/**
 * Body prose, which no removal step may take whatever its box is called or however it starts: a paragraph this long
 * (`textWeight`, so CJK counts by what it says), of this many sentences, with at most this share of it in links.
 * Language-independent: sentence ends of Latin, CJK, Arabic and Devanagari script.
 */
export const BODY_PROSE_CHARS = 300;
export const BODY_PROSE_SENTENCES = 3;
export const BODY_PROSE_MAX_LINK_DENSITY = 0.1;
const SENTENCE_END = /[.!?؟।]["'”’»)\]]*(?=\s|$)|[。！？]/gu;

function isBodyProse(el: Element, stats: TextStats): boolean {
  if (linkDensity(stats, el) > BODY_PROSE_MAX_LINK_DENSITY) return false;
  const text = squash(el.textContent);
  return textWeight(text) >= BODY_PROSE_CHARS && (text.match(SENTENCE_END)?.length ?? 0) >= BODY_PROSE_SENTENCES;
}

/** Whether `el` is, or holds, a paragraph of body prose (the recall guard of every removal step). */
export function holdsBodyProse(el: Element, stats: TextStats): boolean {
  // Too little text for any paragraph of it to be long enough, even all in a dense script.
  if ((stats.chars.get(el) ?? 0) * 3 < BODY_PROSE_CHARS) return false;
  const paragraphs = el.getElementsByTagName('p');
  if (paragraphs.length === 0) return isBodyProse(el, stats);
  for (let i = 0; i < paragraphs.length; i++) if (isBodyProse(paragraphs[i] as Element, stats)) return true;
  return el.tagName.toUpperCase() === 'P' && isBodyProse(el, stats);
}

/** A removal that can be undone: the node, where it stood. */
interface Removal {
  node: Element;
  parent: Node;
  next: Node | null;
}

/**
 * The share limit for a step that removes blocks one at a time (each decision may depend on the ones before):
 * `work` removes through `remove`; when what went is more than MAX_SHARE_REMOVED of the text, everything is put back
 * where it stood, last removal first, the shared measures are dropped, and 0 is returned.
 */
export function removeInTurnWithinShare(stats: TextStats, ctx: StepContext, work: (remove: (el: Element) => void) => number): number {
  const before = stats.chars.get(stats.root) ?? 0;
  const log: Removal[] = [];
  const removed = work((node) => {
    if (node.parentNode) log.push({ node, parent: node.parentNode, next: node.nextSibling });
    removeMeasured(node, stats);
  });
  if (removed === 0 || (stats.chars.get(stats.root) ?? 0) >= before * (1 - MAX_SHARE_REMOVED)) return removed;
  ctx.textStats = undefined;
  for (let i = log.length - 1; i >= 0; i--) {
    const { node, parent, next } = log[i] as Removal;
    parent.insertBefore(node, next);
  }
  return 0;
}

/**
 * Remove `doomed` unless their text is more than MAX_SHARE_REMOVED of the measured article (or `allowMore` says so),
 * keeping `stats` true; an element holding body prose stays unless `guard` is off (other stories' posts, which are
 * prose but not this article's). Returns the count.
 */
export function removeWithinShare(doomed: readonly Element[], doomedChars: number, stats: TextStats, allowMore = false, guard = true): number {
  const total = stats.chars.get(stats.root) ?? 0;
  if (doomed.length === 0 || (doomedChars > total * MAX_SHARE_REMOVED && !allowMore)) return 0;
  let removed = 0;
  for (const el of doomed) {
    if (guard && holdsBodyProse(el, stats)) continue;
    removeMeasured(el, stats);
    removed++;
  }
  return removed;
}
