/**
 * Step `teasers` (after `siteNav`, before `boilerplate`): promotion of other stories that Readability keeps inside
 * the article:
 * - card runs: three or more sibling boxes built alike (same tag and first class word), each short and each a link to
 *   another page over a picture or a heading, or an `<article>` card ending with its own "more" link ("most read"
 *   rails, "more stories" grids, the other posts of a blog page after the one being read); a heading left alone in
 *   their box, or in the box around it, goes with them;
 * - hover cards: a box named tooltip / rollover / popover / hovercard inside the text that is a list of links (a name
 *   in a sentence that carries the person's latest headlines);
 * - shouted links: a paragraph or heading that is one link written in capitals ("CLICK HERE TO GET THE APP",
 *   "SINGER CLEARED TO PERFORM AT AWARDS: REPORT") between the paragraphs.
 *
 * Generic: tags, class / id words, links, letter case, never a host. Cheap: one walk measures text and links
 * (block-stats.ts), one walk decides. It removes nothing when it would take more than half the article's text.
 */
import type { StepContext } from '../context';
import { squash } from '../text';
import { HEADING_TAG, hintWordsOf, linkDensity, MAX_LABEL_CHARS, MAX_SHARE_REMOVED, removeWithinShare, statsOf, type TextStats } from '../block-stats';
import { LazyRegExp } from '../lazy-regexp';

const LETTER = new LazyRegExp(String.raw`\p{L}`, 'gu');
const UPPER = new LazyRegExp(String.raw`\p{Lu}`, 'gu');

/** At least this many alike cards in a row make a run. */
export const MIN_CARDS = 3;
/**
 * A card (a headline and a line) is at most this many characters (whitespace not counted): a box with a picture, a
 * heading and a paragraph of body text is longer. An `<article>` card (or a box holding one) may carry an excerpt.
 */
export const MAX_CARD_CHARS = 200;
export const MAX_ARTICLE_CARD_CHARS = 800;

const NOT_IN_CARD = 'figure, figcaption, table, pre, blockquote, video, audio, math, ul, ol';
const HOVER_WORDS = new Set(['tooltip', 'rollover', 'popover', 'hovercard', 'popup']);
const HOVER_SELECTOR = [...HOVER_WORDS].map((w) => `[class*="${w}"], [id*="${w}"]`).join(', ');

function signature(el: Element): string {
  const first = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  return `${el.tagName.toUpperCase()}.${first}`;
}

/** The address a card sends the reader to; '' for a card-sized box without one; null when it is not card-sized. */
function cardTarget(el: Element, stats: TextStats): string | null {
  const tag = el.tagName.toUpperCase();
  const chars = stats.chars.get(el) ?? 0;
  const story = tag === 'ARTICLE' || el.getElementsByTagName('article').length > 0;
  if (chars < 10 || chars > (story ? MAX_ARTICLE_CARD_CHARS : MAX_CARD_CHARS)) return null;
  if (el.querySelector(NOT_IN_CARD)) return null;
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#') || /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(href)) continue;
    // The link carries a picture or a heading, or sits in one: the shape of a teaser.
    if (a.querySelector('img, picture, h2, h3, h4, h5, h6') || (a.parentElement && HEADING_TAG.test(a.parentElement.tagName.toUpperCase()))) return href;
  }
  return story ? moreLink(el) : '';
}

/**
 * A story card with a heading may send the reader on with a "more" link of its own line at its very end ("Mehr
 * erfahren", "Read more"): that link's address, else ''.
 */
function moreLink(card: Element): string {
  if (!card.querySelector('h2, h3, h4, h5, h6')) return '';
  const links = card.querySelectorAll('a[href]');
  const a = links[links.length - 1];
  const line = a?.parentElement;
  const href = a?.getAttribute('href') ?? '';
  if (!a || !line || !href || href.startsWith('#') || !card.contains(line)) return '';
  const text = squash(a.textContent);
  return text && squash(line.textContent) === text && squash(card.textContent).endsWith(text) ? href : '';
}

function isShouted(el: Element, stats: TextStats): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'P' && !HEADING_TAG.test(tag)) return false;
  const chars = stats.chars.get(el) ?? 0;
  if (chars < 12 || chars > 200 || linkDensity(stats, el) < 0.9) return false;
  const text = squash(el.textContent);
  const letters = text.match(LETTER.re) ?? [];
  const upper = text.match(UPPER.re) ?? [];
  return text.split(' ').length >= 3 && letters.length > 0 && upper.length >= letters.length * 0.9;
}

/** Text an `<article>` needs to count as the story being read. */
export const MIN_STORY_CHARS = 400;

/**
 * The share limit is waived for one shape: every card is an `<article>` (or a box of them) and another `<article>`
 * with real text stays, the story the page is about (a blog page that prints its other posts after the one read).
 */
function otherArticlesOnly(root: Element, doomed: Element[], stats: TextStats): boolean {
  if (!doomed.every((el) => el.tagName.toUpperCase() === 'ARTICLE' || el.querySelector(':scope > article'))) return false;
  const cards = new Set(doomed);
  return Array.from(root.getElementsByTagName('article')).some((story) => {
    if ((stats.chars.get(story) ?? 0) < MIN_STORY_CHARS || cards.has(story)) return false;
    return doomed.every((el) => !story.contains(el) && !el.contains(story));
  });
}

export function removeTeasers(root: Element, ctx: StepContext): number {
  const stats = statsOf(root, ctx);
  const total = stats.chars.get(root) ?? 0;
  if (total === 0) return 0;
  const doomed: Element[] = [];
  let doomedChars = 0;
  const drop = (el: Element): void => {
    doomed.push(el);
    doomedChars += stats.chars.get(el) ?? 0;
  };
  const visit = (el: Element): void => {
    // Collected by a sibling walk: Array.from(el.children) costs many times more in Chromium.
    const children: Element[] = [];
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) children.push(child);
    const gone = new Set<Element>();
    // Card runs among the children.
    const signatures = children.length >= MIN_CARDS ? children.map(signature) : [];
    for (let i = 0; i < signatures.length; ) {
      const sig = signatures[i] as string;
      let j = i;
      while (j < signatures.length && signatures[j] === sig) j++;
      if (j - i >= MIN_CARDS && !/^(?:LI|P|TR|TD|FIGURE|IMG|BR|A|SPAN)\./.test(sig)) {
        const run = children.slice(i, j);
        const targets = run.map((c) => cardTarget(c, stats));
        // Every box card-sized, and at least two thirds of them (three or more) links to distinct pages.
        const links = new Set(targets.filter((t) => t));
        if (targets.every((t) => t !== null) && links.size >= MIN_CARDS && links.size * 3 >= run.length * 2) {
          for (const c of run) gone.add(c);
        }
      }
      i = j;
    }
    if (gone.size > 0 && el !== root) {
      let left = stats.chars.get(el) ?? 0;
      for (const c of gone) left -= stats.chars.get(c) ?? 0;
      if (left <= MAX_LABEL_CHARS) {
        // And the box around it when that holds no more than a heading besides ("Zum Weiterlesen", then the box).
        let box = el;
        const up = el.parentElement;
        if (up && up !== root && (stats.chars.get(up) ?? 0) - (stats.chars.get(el) ?? 0) + left <= MAX_LABEL_CHARS) box = up;
        drop(box);
        return;
      }
    }
    for (const child of children) {
      if (gone.has(child)) {
        drop(child);
        continue;
      }
      if ((stats.chars.get(child) ?? 0) === 0) continue;
      // The innermost such box: the outer one often holds the name the sentence needs.
      if (linkDensity(stats, child) >= 0.6 && hintWordsOf(child, stats).some((w) => HOVER_WORDS.has(w))
        && child.parentElement !== root && child.closest('p, li') && !child.querySelector(HOVER_SELECTOR)) {
        drop(child);
        continue;
      }
      if (isShouted(child, stats)) {
        drop(child);
        continue;
      }
      visit(child);
    }
  };
  visit(root);
  // Over the share, the cards may still go when each is an <article> and a real story stays beside them.
  const others = doomed.length > 0 && otherArticlesOnly(root, doomed, stats);
  // Other posts printed beside the story are prose, but not this article's: the recall guard does not keep them.
  return removeWithinShare(doomed, doomedChars, stats, doomedChars > total * MAX_SHARE_REMOVED && others, !others);
}
