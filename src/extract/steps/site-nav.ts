/**
 * Step `siteNav` (after `captions`, before `boilerplate`): the site's own navigation that Readability kept because it
 * took a too-wide box as the article (a page wrapper with the header still in it): `<nav>` elements, ARIA navigation
 * and menus, boxes named nav / menu / breadcrumb that are link lists or a breadcrumb trail ending at the page's own
 * name (unlinked: "Home › Sport › <the headline>"), and a line that is only the page's own address
 * (a print header); a table of contents (links only into the page) stays. Such a menu can be far longer than the
 * boilerplate step's block limit, so it is judged by what it is (a navigation landmark or named box) and by its links,
 * not by its length.
 *
 * Cheap: one walk measures every element's text and link text (block-stats.ts), one walk down from the root decides;
 * a removed box is not looked into. Generic: it reads tags, roles, class / id words and link density, never a host.
 * Like `boilerplate`, it removes nothing when it would take more than half the article's text.
 */
import type { StepContext } from '../context';
import { squash } from '../text';
import { CONTENT_SELECTOR, hintWordsOf, linkDensity, removeWithinShare, statsOf, type TextStats } from '../block-stats';
import { LazyRegExp } from '../lazy-regexp';

/** A `<nav>` or ARIA navigation / menu with at least this share of its text in links is navigation. */
export const NAV_LANDMARK_DENSITY = 0.5;
/** A box only named like navigation needs more of its text in links. */
export const NAV_NAMED_DENSITY = 0.7;

const NAV_ROLES = new Set(['navigation', 'menu', 'menubar']);
const NAV_WORDS = new Set(['nav', 'navbar', 'navigation', 'menu', 'menus', 'submenu', 'subnav', 'topnav', 'sitenav', 'breadcrumb', 'breadcrumbs', 'crumbs']);

function isLandmark(el: Element): boolean {
  return el.tagName.toUpperCase() === 'NAV' || NAV_ROLES.has((el.getAttribute('role') ?? '').toLowerCase());
}

function isNamedNav(el: Element, stats: TextStats): boolean {
  return hintWordsOf(el, stats).some((w) => NAV_WORDS.has(w));
}

/** A nav whose links all point inside the page is the article's own table of contents: it stays. */
function isTableOfContents(el: Element): boolean {
  const links = Array.from(el.querySelectorAll('a[href]'));
  return links.length > 0 && links.every((a) => (a.getAttribute('href') ?? '').startsWith('#'));
}

/** The page's own name at the end of a breadcrumb trail is a headline at most this long. */
export const MAX_TRAIL_END_CHARS = 150;
/** A whole trail is at most this long (whitespace not counted). */
export const MAX_TRAIL_CHARS = 300;
const SEPARATOR_ONLY = new LazyRegExp(String.raw`^[\s\p{P}\p{S}]*$`, 'u');

/**
 * A breadcrumb trail that ends at the page itself ("Home › Sport › <the headline, unlinked>"): its links, their
 * separators, and a last run of unlinked text of a headline's length. Its link share is low when the headline is long,
 * so the share alone misses it. A box with unlinked words anywhere else (a sentence among links) is not a trail.
 */
function isTrail(el: Element): boolean {
  const runs: { text: string; linked: boolean }[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const link = node.parentElement?.closest('a');
    if (text.trim()) runs.push({ text, linked: !!link && el.contains(link) });
  }
  const isSeparator = (r: { text: string; linked: boolean }): boolean => !r.linked && SEPARATOR_ONLY.test(r.text);
  let end = runs.length;
  while (end > 0 && isSeparator(runs[end - 1] as (typeof runs)[number])) end--;
  let start = end;
  while (start > 0 && !(runs[start - 1] as (typeof runs)[number]).linked) start--;
  const tail = squash(runs.slice(start, end).map((r) => r.text).join(' '));
  if (!tail || tail.length > MAX_TRAIL_END_CHARS) return false;
  const before = runs.slice(0, start);
  return before.some((r) => r.linked) && before.every((r) => r.linked || isSeparator(r));
}

/** `https://site/a/b?x` -> `site/a/b`: how a print header writes the page address. */
function bareUrl(url: string): string {
  return url.replace(/^[a-z]+:\/\/(?:www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
}

export function removeSiteNav(root: Element, ctx: StepContext): number {
  const stats = statsOf(root, ctx);
  const total = stats.chars.get(root) ?? 0;
  if (total === 0) return 0;
  const address = bareUrl(ctx.url);
  const doomed: Element[] = [];
  let doomedChars = 0;
  const visit = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const chars = stats.chars.get(child) ?? 0;
      if (chars === 0) continue;
      // Navigation is mostly links: the share of link text, known without reading anything, settles most blocks.
      const density = linkDensity(stats, child);
      const landmark = density >= NAV_LANDMARK_DENSITY && isLandmark(child);
      const named = !landmark && density >= NAV_NAMED_DENSITY && isNamedNav(child, stats);
      // A trail ending at the page's own name: read only for navigation boxes with a link and little text.
      const trail = !landmark && !named && density > 0 && chars <= MAX_TRAIL_CHARS && (isLandmark(child) || isNamedNav(child, stats)) && isTrail(child);
      if ((landmark || named || trail) && !child.querySelector(CONTENT_SELECTOR) && !isTableOfContents(child)) {
        doomed.push(child);
        doomedChars += chars;
        continue;
      }
      // A print header: the page's own address on a line of its own (compared only when the length could match).
      if (address && Math.abs(chars - address.length) <= 12 && !child.querySelector('p, div, li')) {
        const text = squash(child.textContent);
        if (!/\s/.test(text) && bareUrl(text) === address) {
          doomed.push(child);
          doomedChars += chars;
          continue;
        }
      }
      visit(child);
    }
  };
  visit(root);
  return removeWithinShare(doomed, doomedChars, stats);
}
