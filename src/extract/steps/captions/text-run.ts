/**
 * Caption blocks found by their text alone: pages that lost their photo markup (an aggregator's scraped copy, a
 * classic editor's pasted caption) print the caption and credit as plain paragraphs after the image, often several
 * times over, with no figure and no caption class. After a photo, the run of short plain blocks that follow it is read
 * as its caption while every block in it is one of:
 *   - filler: a widget label, a file name, or a copy of a caption already in the unit;
 *   - a repeat: its text (quotes, dashes, case and a trailing credit folded) equals another block's in the run, or the
 *     image's alt text;
 *   - a credit line ("Jane Roe/AFP via Getty Images", "Photo: …", "(AP Photo/…)");
 *   - the first block after the photo when a credit line follows it (caption, then credit), or when it ends with its
 *     own credit in parentheses or after a label ("… Station. (NASA via AP, File)", "… Photo: Jane Roe/AFP").
 * The run ends at the first block that is none of these, and is only taken when it holds a repeat or a credit (its own
 * line or a caption's trailing one): a lone short paragraph after a photo is left where it is. Body prose is never taken: long blocks, headings, lists, quotes
 * and blocks holding other media end the run, and a paragraph that repeats a caption but carries more text is no repeat.
 */
import { isFileNameText } from './filename-alt';
import { looksLikeCredit, splitTrailingCredit, type Role } from './roles';
import { isWidgetText } from './widget-words';
import { squash, textLongerThan } from '../../text';

/** Tags a pasted caption or credit comes in. */
const PLAIN_BLOCK = new Set(['P', 'DIV', 'SPAN', 'SMALL', 'EM', 'I', 'B', 'STRONG', 'CITE', 'FONT', 'CENTER']);
/** What a caption block never holds: media, tables, lists, quotes, headings. */
const NOT_PLAIN = 'img, picture, video, iframe, svg, table, ul, ol, blockquote, h1, h2, h3, h4, h5, h6';
/** Longest block read as a caption (visible characters): captions are a sentence or three. */
const MAX_CAPTION_CHARS = 500;
/** Most blocks a photo's pasted caption run holds (caption, credit, widget words, their copies). */
const MAX_RUN = 12;

export interface TextRun {
  nodes: Node[];
  /** The role each taken element plays in the figure's caption: caption or credit text. */
  roles: Map<Node, Role>;
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
    if (!PLAIN_BLOCK.has(el.tagName) || el.querySelector(NOT_PLAIN)) break;
    if (textLongerThan(el, MAX_CAPTION_CHARS, true)) break;
    between.push(gap);
    gap = [];
    blocks.push(el);
  }
  const run: TextRun = { nodes: [], roles: new Map() };
  const taken = classify(blocks, img, isFiller, fold);
  if (taken.count > 0) {
    for (let i = 0; i < taken.count; i++) run.nodes.push(...(between[i] ?? []), blocks[i] as Element);
    for (const [el, role] of taken.roles) run.roles.set(el, role);
    return run;
  }
  // One wrapper holding the caption and credit as plain blocks of their own (`<div class="image-meta"><p>…</p><p>Jane
  // Roe, AP</p></div>`, its class names lost to Readability's renaming): the wrapper goes whole when all of it is taken.
  const wrapper = blocks[0];
  const parts = wrapper ? plainChildren(wrapper) : null;
  if (wrapper && parts) {
    const inner = classify(parts, img, isFiller, fold);
    if (inner.count === parts.length) {
      run.nodes.push(...(between[0] ?? []), wrapper);
      for (const [el, role] of inner.roles) run.roles.set(el, role);
    }
  }
  return run;
}

/** The element children of `el` when it holds nothing else (no loose text) and each is a plain block; else null. */
function plainChildren(el: Element): Element[] | null {
  const parts: Element[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && squash(child.nodeValue)) return null;
    if (child.nodeType !== 1) continue;
    if (!PLAIN_BLOCK.has((child as Element).tagName) || (child as Element).querySelector(NOT_PLAIN)) return null;
    parts.push(child as Element);
  }
  return parts.length >= 2 ? parts : null;
}

/** How many of `blocks`, from the first, make a caption run (see the file comment), and the roles of those taken. */
function classify(
  blocks: readonly Element[],
  img: Element,
  isFiller: (text: string) => boolean,
  fold: (text: string) => string,
): { count: number; roles: Map<Node, Role> } {
  const texts = blocks.map((el) => squash(el.textContent));
  // Compared with their trailing credits split off, then quotes, dashes and case folded.
  const splits = texts.map((text) => splitTrailingCredit(text));
  const cores = texts.map((text, i) => fold(splits[i]?.caption ?? text));
  const alt = fold(img.getAttribute('alt') ?? '');
  const filler = texts.map((text) => isFiller(text) || isWidgetText(text, true) || isFileNameText(text));
  const credit = texts.map((text) => looksLikeCredit(text));
  const repeat = cores.map((core, i) => core !== '' && (core === alt || cores.some((other, j) => j !== i && other === core)));
  // The first block that is not filler, followed (past filler) by a credit line, is the caption the credit belongs to.
  const first = filler.indexOf(false);
  let end = 0;
  let evidence = false;
  for (; end < blocks.length; end++) {
    let following = end + 1;
    while (following < blocks.length && filler[following]) following++;
    const captionBeforeCredit = end === first && credit[following] === true && !textLongerThan(blocks[end] as Element, MAX_CAPTION_CHARS / 2, true);
    const creditedCaption = end === first && !!splits[end];
    if (!(filler[end] || repeat[end] || credit[end] || captionBeforeCredit || creditedCaption)) break;
    if (repeat[end] || credit[end] || creditedCaption) evidence = true;
  }
  const roles = new Map<Node, Role>();
  if (!evidence) return { count: 0, roles };
  for (let i = 0; i < end; i++) if (!filler[i]) roles.set(blocks[i] as Element, credit[i] ? 'credit' : 'caption');
  return { count: end, roles };
}
