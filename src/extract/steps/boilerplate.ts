/**
 * Step `boilerplate` (after `captions`): remove the page furniture Readability leaves inside the article: ad labels,
 * download buttons' words, share bars, "related" / "read more" link lists, newsletter sign-up boxes, tag lists and post
 * meta (date lines, reading times, view counters, a line of "Label: value" facts about the post).
 *
 * Generic rules only, read from the block's own text, links and class/id names (Readability keeps classes; the view's
 * sanitizer drops them); no rule knows a site. Each rule is a named entry of BOILERPLATE_RULES (boilerplate-rules.ts). A block is only ever
 * removed when it is short (MAX_BLOCK_CHARS) and holds no figure, table, code or quote, so body text cannot go with it.
 * When the removals would take more than MAX_SHARE_REMOVED of the text, they are undone. Returns how many blocks went.
 */
import type { StepContext } from '../context';
import { squash } from '../text';
import { holdsBodyProse, removeInTurnWithinShare, statsOf, textAfter, textOf, type TextStats } from '../block-stats';
import {
  BOILERPLATE_RULES, info, KEEP_TAGS, LINK_LIST_DENSITY, MAX_BLOCK_CHARS, MAX_LEFTOVER_CHARS, RELATED_LABEL, type BoilerplateRule,
} from './boilerplate-rules';

export { BOILERPLATE_RULES };

function holdsContent(el: Element): boolean {
  return el.querySelector('figure, picture, table, pre, blockquote, video, audio, math') !== null;
}

const LABEL_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'DIV', 'SPAN', 'STRONG', 'B']);
/** A "Related" label is at most this long. */
const MAX_RELATED_LABEL_CHARS = 60;

/**
 * A heading (or a short bold line) that says "Related" / "More from …", followed by blocks that are link lists: the
 * label and the lists go. Returns what was removed.
 */
function removeRelatedSections(root: Element, stats: TextStats, remove: (el: Element) => void): number {
  const { chars } = stats;
  const labels: Element[] = [];
  for (const [label, n] of chars) {
    if (n === 0 || n > MAX_RELATED_LABEL_CHARS || !LABEL_TAGS.has(label.tagName.toUpperCase()) || label.children.length > 2) continue;
    if (!root.contains(label) || label === root) continue;
    const text = squash(label.textContent);
    if (text && text.length <= MAX_RELATED_LABEL_CHARS && RELATED_LABEL.test(text.toLowerCase())) labels.push(label);
  }
  let removed = 0;
  // From the last label back: a label left alone at the end goes, and then so does one that only labels follow.
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i] as Element;
    if (!root.contains(label)) continue;
    const text = squash(label.textContent);
    // The label may be wrapped (`<p><strong>Related</strong></p>`): climb while the wrapper holds only the label.
    let top: Element = label;
    while (top.parentElement && top.parentElement !== root && squash(top.parentElement.textContent) === text) top = top.parentElement;
    const lists: Element[] = [];
    let next = top.nextElementSibling;
    while (next && (chars.get(next) ?? 0) <= MAX_BLOCK_CHARS * 4) {
      const b = info(next, stats);
      // A quote that is only a link is a link list set as a quote ("Schon gelesen?" then quoted headlines).
      const linkQuote = next.tagName.toUpperCase() === 'BLOCKQUOTE' && b.linkDensity >= 0.9;
      if (!b.text || (KEEP_TAGS.has(next.tagName.toUpperCase()) && !linkQuote) || (!linkQuote && holdsContent(next))) break;
      // A list whose every item holds a link may set the links inside its headlines ("Ferry riders <a>can pay by phone</a>").
      const linkDensityNeeded = isListOfLinks(next) ? LINKED_ITEMS_DENSITY : LINK_LIST_DENSITY;
      if (b.linkDensity < linkDensityNeeded || b.text.length > MAX_BLOCK_CHARS * 2) break;
      lists.push(next);
      next = next.nextElementSibling;
    }
    // A label with nothing after it inside its own box (the list sits in the next box) is left alone, unsure, unless
    // nothing at all follows it: a label left at the end of the article (its list was removed before, or never read).
    if (lists.length === 0 && textAfter(top, root, stats) > 0) continue;
    remove(top);
    for (const el of lists) remove(el);
    removed += 1 + lists.length;
  }
  return removed;
}

/** Below LINK_LIST_DENSITY, the links a list after a "Related" label needs when each of its items holds one. */
const LINKED_ITEMS_DENSITY = 0.3;

function isListOfLinks(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'UL' && tag !== 'OL') return false;
  let items = 0;
  for (let li = el.firstElementChild; li; li = li.nextElementSibling) {
    if (li.tagName.toUpperCase() !== 'LI' || !li.querySelector('a[href]')) return false;
    items++;
  }
  return items >= 2;
}



export function removeBoilerplate(root: Element, ctx: StepContext, rules: readonly BoilerplateRule[] = BOILERPLATE_RULES): number {
  // The removal steps' shared text measures: read here, and kept true as blocks go. A rule may depend on what an
  // earlier one removed, so blocks go one by one, and all come back if together they took too much.
  const stats = statsOf(root, ctx);
  return removeInTurnWithinShare(stats, ctx, (remove) => removeBoilerplateIn(root, stats, rules, remove));
}

function removeBoilerplateIn(root: Element, stats: TextStats, rules: readonly BoilerplateRule[], remove: (el: Element) => void): number {
  let removed = removeRelatedSections(root, stats, remove);
  /** Boxes a rule removed a block from, with how much text went: a box left with little more than a heading goes too. */
  const emptied = new Map<Element, number>();
  const visit = (el: Element): void => {
    for (let child = el.firstElementChild, next: Element | null; child; child = next) {
      next = child.nextElementSibling;
      if (KEEP_TAGS.has(child.tagName.toUpperCase())) continue;
      const n = stats.chars.get(child) ?? 0;
      if (n === 0) continue;
      // A block far too long to be furniture is only looked into, without reading its text.
      if (n > MAX_BLOCK_CHARS) {
        visit(child);
        continue;
      }
      const text = textOf(child, stats);
      if (!text || text.length > MAX_BLOCK_CHARS) {
        visit(child);
        continue;
      }
      const b = info(child, stats, text);
      // Rules first: most blocks match none, and asking for figures and tables inside is the dearer question.
      if (rules.some((rule) => rule.test(child, b)) && !holdsContent(child) && !holdsBodyProse(child, stats)) {
        remove(child);
        removed++;
        if (el !== root) emptied.set(el, (emptied.get(el) ?? 0) + b.text.length);
      } else visit(child);
    }
  };
  visit(root);
  for (const [box, gone] of emptied) {
    if (!root.contains(box) || holdsContent(box)) continue;
    const left = squash(box.textContent).length;
    if (left > 0 && left < MAX_LEFTOVER_CHARS && left <= gone) {
      remove(box);
      removed++;
    }
  }
  return removed;
}
