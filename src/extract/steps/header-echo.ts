/**
 * Step `headerEcho`: the reader's header already shows the title and the byline, so the article's own copies of them
 * at its very top go ("By Marisol Okafor" right under the header that says "Marisol Okafor"). Only the leading blocks
 * are looked at, up to the first real paragraph; a byline sentence further down is the author's text and stays. A
 * leading h1-h3 named as the page's headline (`headline`, `hed`, `entry-title`) goes too, even when it is worded
 * unlike the metadata title the header shows.
 */
import { squash } from '../text';
import { hintWords } from './block-stats';

/** How many short leading blocks (datelines, labels) may pass before the article is taken to have started. */
export const LEADING_BLOCKS = 6;
/** A block this long that is not an echo is prose: the article has started. */
export const PROSE_CHARS = 80;

const LEAF_BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, header, address, span, time';

/** Lower case, no punctuation, a leading "by" / "von" / "par" / "por" dropped. */
function loose(text: string): string {
  return squash(text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ')).replace(/^(?:by|von|par|por|door|di|av)\s+/u, '');
}

const HEADLINE_TAGS = /^H[1-3]$/;
/** A headline is one line; a longer "headline" is a caption or a summary. */
export const MAX_HEADLINE_CHARS = 150;
/** Headlines of something else: a slide, a card, a related story. */
const NOT_THE_HEADLINE = new Set(['slideshow', 'slide', 'gallery', 'caption', 'card', 'teaser', 'promo', 'related', 'sub', 'subtitle', 'dek']);
const TITLE_OWNERS = new Set(['entry', 'article', 'post', 'story', 'page', 'main', 'content', 'single']);

/**
 * The page's headline above the story, worded differently from the metadata title (the reader's header shows the
 * title): an h1-h3 named `headline` / `hed`, `entry-title` and the like, or plainly `title` when nothing came before it.
 */
function isHeadline(el: Element, seen: number, text: string): boolean {
  if (!HEADLINE_TAGS.test(el.tagName.toUpperCase()) || text.length > MAX_HEADLINE_CHARS) return false;
  const words = hintWords(el);
  if (words.some((w) => NOT_THE_HEADLINE.has(w))) return false;
  if (words.includes('headline') || words.includes('hed')) return true;
  if (!words.includes('title')) return false;
  return seen === 0 || words.some((w) => TITLE_OWNERS.has(w));
}

export interface HeaderFacts {
  title: string | null;
  byline: string | null;
}

export function removeHeaderEcho(root: Element, facts: HeaderFacts): number {
  const echoes = [facts.title, facts.byline].map((t) => loose(t ?? '')).filter((t) => t.length > 0);
  if (echoes.length === 0) return 0;
  let removed = 0;
  let seen = 0;
  const leaves = root.querySelectorAll(LEAF_BLOCKS);
  for (let i = 0; i < leaves.length; i++) {
    const el = leaves[i] as Element;
    if (!root.contains(el) || el.querySelector(LEAF_BLOCKS) || el.querySelector('img, picture, figure, table')) continue;
    const text = squash(el.textContent);
    if (!text) continue;
    if (echoes.includes(loose(text)) || isHeadline(el, seen, text)) {
      el.remove();
      removed++;
    } else if (text.length >= PROSE_CHARS || ++seen > LEADING_BLOCKS) break;
  }
  return removed;
}
