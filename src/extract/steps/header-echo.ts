/**
 * Step `headerEcho`: the reader's header already shows the title and the byline, so the article's own copies of them
 * at its very top go ("By Marisol Okafor" right under the header that says "Marisol Okafor"). Only the leading blocks
 * are looked at, up to the first real paragraph; a byline sentence further down is the author's text and stays.
 */
import { squash } from '../text';

/** How many short leading blocks (datelines, labels) may pass before the article is taken to have started. */
export const LEADING_BLOCKS = 6;
/** A block this long that is not an echo is prose: the article has started. */
export const PROSE_CHARS = 80;

const LEAF_BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, header, address, span, time';

/** Lower case, no punctuation, a leading "by" / "von" / "par" / "por" dropped. */
function loose(text: string): string {
  return squash(text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ')).replace(/^(?:by|von|par|por|door|di|av)\s+/u, '');
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
  for (const el of Array.from(root.querySelectorAll(LEAF_BLOCKS))) {
    if (!root.contains(el) || el.querySelector(LEAF_BLOCKS) || el.querySelector('img, picture, figure, table')) continue;
    const text = squash(el.textContent);
    if (!text) continue;
    if (echoes.includes(loose(text))) {
      el.remove();
      removed++;
    } else if (text.length >= PROSE_CHARS || ++seen > LEADING_BLOCKS) break;
  }
  return removed;
}
