/**
 * Caption blocks found by their text alone: pages that lost their photo markup (an aggregator's scraped copy, a
 * classic editor's pasted caption) print the caption and credit as plain paragraphs after the image, often several
 * times over, with no figure and no caption class. After a photo, the run of short plain blocks that follow it is read
 * as its caption while every block in it is one of:
 *   - filler: a widget label, a file name, or a copy of a caption already in the unit;
 *   - a repeat: its text (quotes, dashes, case and a trailing credit folded) equals another block's in the run, or the
 *     image's alt text;
 *   - a credit line ("Jane Roe/AFP via Getty Images", "Photo: …", "(AP Photo/…)");
 *   - the first block after the photo when a credit line follows it (caption, then credit).
 * The run ends at the first block that is none of these, and is only taken when it holds a repeat or a credit: a lone
 * short paragraph after a photo is left where it is. Body prose is never taken: long blocks, headings, lists, quotes
 * and blocks holding other media end the run, and a paragraph that repeats a caption but carries more text is no repeat.
 */
import { isFileNameText } from './filename-alt';
import { looksLikeCredit, splitTrailingCredit, type Role } from './roles';
import { isWidgetText } from './widget-words';
import { squash, textLongerThan } from '../../text';

/** Tags a pasted caption or credit comes in. */
const PLAIN_BLOCK = new Set(['P', 'DIV', 'SPAN', 'SMALL', 'EM', 'I', 'B', 'STRONG', 'CITE', 'FONT', 'CENTER']);
/** Longest block read as a caption (visible characters): captions are a sentence or three. */
const MAX_CAPTION_CHARS = 500;
/** Most blocks a photo's pasted caption run holds (caption, credit, widget words, their copies). */
const MAX_RUN = 12;

export interface TextRun {
  nodes: Node[];
  /** The role each taken element plays in the figure's caption: caption or credit text. */
  roles: Map<Node, Role>;
}

/** Normal form for comparing pasted blocks: a trailing credit split off, then quotes, dashes, case folded. */
function coreText(text: string, fold: (text: string) => string): string {
  const split = splitTrailingCredit(text);
  return fold(split ? split.caption : text);
}

/**
 * The caption run after `last` (the unit's last node) for the photo `img`: see the file comment. `isFiller` says
 * whether a text is filler for the unit as grown so far; `fold` is the unit's text normal form.
 */
export function captionRunAfter(
  last: Node,
  img: Element,
  isFiller: (text: string) => boolean,
  fold: (text: string) => string,
): TextRun {
  const blocks: Element[] = [];
  const between: Node[][] = [];
  let gap: Node[] = [];
  for (let next = last.nextSibling; next && blocks.length < MAX_RUN; next = next.nextSibling) {
    if (next.nodeType === 8 || (next.nodeType === 3 && !squash(next.nodeValue))) {
      gap.push(next);
      continue;
    }
    if (next.nodeType !== 1) break;
    const el = next as Element;
    if (!PLAIN_BLOCK.has(el.tagName) || el.querySelector('img, picture, video, iframe, svg, table, ul, ol, blockquote, h1, h2, h3, h4, h5, h6')) break;
    if (textLongerThan(el, MAX_CAPTION_CHARS, true)) break;
    between.push(gap);
    gap = [];
    blocks.push(el);
  }
  const texts = blocks.map((el) => squash(el.textContent));
  const cores = texts.map((text) => coreText(text, fold));
  const alt = fold(img.getAttribute('alt') ?? '');
  const filler = texts.map((text) => isFiller(text) || isWidgetText(text, true) || isFileNameText(text));
  const credit = texts.map((text) => looksLikeCredit(text));
  const repeat = cores.map((core, i) => core !== '' && (core === alt || cores.some((other, j) => j !== i && other === core)));
  // The first block that is not filler, followed by a credit line, is the caption the credit belongs to.
  const first = filler.indexOf(false);
  let end = 0;
  let evidence = false;
  for (; end < blocks.length; end++) {
    const captionBeforeCredit = end === first && credit[end + 1] === true && !textLongerThan(blocks[end] as Element, MAX_CAPTION_CHARS / 2, true);
    if (!(filler[end] || repeat[end] || credit[end] || captionBeforeCredit)) break;
    if (repeat[end] || credit[end]) evidence = true;
  }
  const run: TextRun = { nodes: [], roles: new Map() };
  if (!evidence) return run;
  for (let i = 0; i < end; i++) {
    run.nodes.push(...(between[i] ?? []), blocks[i] as Element);
    if (!filler[i]) run.roles.set(blocks[i] as Element, credit[i] ? 'credit' : 'caption');
  }
  return run;
}
