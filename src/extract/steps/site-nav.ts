/**
 * Step `siteNav` (after `captions`, before `boilerplate`): the site's own navigation that Readability kept because it
 * took a too-wide box as the article (a page wrapper with the header still in it): `<nav>` elements, ARIA navigation
 * and menus, boxes named nav / menu / breadcrumb that are link lists, and a line that is only the page's own address
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
      if ((landmark || named) && !child.querySelector(CONTENT_SELECTOR) && !isTableOfContents(child)) {
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
