/**
 * Step `permalinks` (before Readability, on the copy): the marks docs and wiki pages put on each heading (and API
 * signature, caption and summary), a link to
 * the heading itself ("¶" in Sphinx and MkDocs, "#" or an icon on GitHub, Docusaurus and Hugo) and a link to edit
 * the section ("[edit]" on MediaWiki). They landed in the text, the read-aloud and the table of contents ("Usage¶"),
 * and a heading's wrapper with an edit link read to Readability as a short, link-heavy block, so it dropped short
 * headings ("Derivation[edit]"). Taken: in a heading, or beside it in a wrapper that holds only the heading and its
 * marks, a link to an in-page anchor whose text is empty or a mark, a link or element with a permalink or edit-section
 * class, and a link that opens the page's editor. Returns how many marks were removed.
 */
import type { StepContext } from '../context';

/** Headings, and what docs pages mark the same way: API signatures (`dt`), captions, summaries. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, dt, caption, figcaption, summary';
/** Class words of permalink and edit marks (never tested on the heading itself: Docusaurus's headings are `.anchor`). */
const MARK_CLASS = /(?:^|\s)(?:headerlink|header-link|heading-link|header-anchor|heading-anchor|anchor|anchorjs-link|anchor-link|hash-link|permalink|mw-editsection|editsection|edit-section|section-edit)(?:\s|$)/i;
/** What a permalink shows: nothing (an icon, gone with its SVG), "¶", "#", "§", a link emoji, zero-width spaces. */
const MARK_TEXT = /^(?:[\s\u200b\u200c\u2060\ufeff¶#§⚓]|\u200d|\ufe0f|🔗)*$/u;
/** A link that opens the page's editor (MediaWiki `action=edit`, `veaction=edit`). */
const EDIT_HREF = /[?&](?:ve)?action=edit(?:&|$)/i;

function isAnchorHref(href: string | null, page: string): boolean {
  if (href === null) return false;
  const h = href.trim();
  if (h.startsWith('#')) return true;
  try {
    const url = new URL(h, page);
    return url.hash !== '' && url.href.slice(0, -url.hash.length) === page.replace(/#.*$/, '');
  } catch {
    return false;
  }
}

/** Whether `el`, inside a heading or beside it, is a permalink or edit mark. */
function isMark(el: Element, page: string): boolean {
  const text = el.textContent ?? '';
  if (MARK_CLASS.test(el.getAttribute('class') ?? '') && (MARK_TEXT.test(text) || el.querySelector('a[href]') || el.localName === 'a')) return true;
  if (el.localName !== 'a') return false;
  const href = el.getAttribute('href');
  if (href && EDIT_HREF.test(href)) return true;
  return isAnchorHref(href, page) && MARK_TEXT.test(text) && !el.querySelector('img');
}

/** The marks in or beside `heading`: links and classed elements inside it, and its wrapper's other children. */
function marksOf(heading: Element, page: string): Element[] {
  const marks: Element[] = [];
  const inside = heading.querySelectorAll('a, span, button');
  for (let i = 0; i < inside.length; i++) {
    const el = inside[i] as Element;
    if (isMark(el, page) && !marks.some((m) => m.contains(el))) marks.push(el);
  }
  const wrapper = heading.parentElement;
  if (!wrapper || wrapper.localName === 'body') return marks;
  // Only a wrapper made of the heading and at most three marks: beside body text, a link is the article's own. Stops
  // at the fourth other child (a heading among the article's paragraphs has hundreds of siblings).
  const siblings: Element[] = [];
  for (let el = wrapper.firstElementChild; el; el = el.nextElementSibling) {
    if (el === heading) continue;
    if (siblings.length === 3) return marks;
    siblings.push(el);
  }
  if (siblings.length && siblings.every((el) => isMark(el, page))) marks.push(...siblings);
  return marks;
}

export function removePermalinks(root: Element, ctx: Pick<StepContext, 'url'>): number {
  const headings = root.querySelectorAll(HEADINGS);
  const marks: Element[] = [];
  for (let i = 0; i < headings.length; i++) marks.push(...marksOf(headings[i] as Element, ctx.url));
  for (const mark of marks) mark.remove();
  return marks.length;
}
