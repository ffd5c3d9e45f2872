/**
 * A photo's unit: the run of markup that belongs to one photo and nothing else. It grows from the image up through
 * its ancestors, and then over its neighbouring siblings, as long as everything it takes in is the same photo again
 * (another size, a lightbox or mobile copy), a caption or credit, a widget control, a file name, or a repeat of a
 * caption or credit already inside. It never takes in another photo or body text, and never reaches the article root.
 */
import { squash, textLongerThan } from '../../text';
import { isFileNameText } from './filename-alt';
import { imageKeys, isCopyOf } from './image-identity';
import { collectTexts } from './collect';
import { roleOf, type Role } from './roles';
import { captionRunAfter } from './text-run';
import { isWidgetText } from './widget-words';
import { LazyRegExp } from '../../lazy-regexp';

const LETTER_OR_DIGIT = new LazyRegExp(String.raw`[\p{L}\p{N}]`, 'u');

/** A photo's markup, copies and captions included, never holds more text than this: larger blocks are body text. */
export const MAX_UNIT_CHARS = 4000;

/** Normalised form used to compare caption texts: Unicode compatibility forms, case, quotes, dashes, spacing and end punctuation folded. */
export function normalText(text: string): string {
  return squash(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[‘’′`]/g, "'")
    .replace(/[“”″]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[\s.,;:!?…"']+$/g, '')
    .replace(/^[\s"']+/, '');
}

/** True when `text` is made only of texts in `known` (a caption, a credit, or both run together). */
export function isKnownText(text: string, known: readonly string[]): boolean {
  let rest = normalText(text);
  if (!rest) return true;
  const sorted = [...known].filter((k) => k !== '').sort((a, b) => b.length - a.length);
  if (!sorted.length) return false;
  for (const k of sorted) rest = rest.split(k).join(' ');
  return !LETTER_OR_DIGIT.test(rest);
}

/** Texts of the caption and credit holders under `node`, normalised. */
export function roleTexts(node: Node): string[] {
  const { captions, credits } = collectTexts([node]);
  return [...captions, ...credits].map(normalText).filter((t) => t !== '');
}

/**
 * The caption and credit texts of a unit's nodes, read only when a text must be compared with them: most neighbours
 * are settled without (a caption holder, another photo, a long block).
 */
export class KnownTexts {
  private texts: string[] | undefined;
  private readonly nodes: Node[];

  constructor(...nodes: Node[]) {
    this.nodes = nodes;
  }

  get(): readonly string[] {
    return (this.texts ??= this.nodes.flatMap(roleTexts));
  }

  add(node: Node): void {
    if (this.texts) this.texts.push(...roleTexts(node));
    else this.nodes.push(node);
  }
}

function isFiller(text: string, known: KnownTexts): boolean {
  const t = squash(text);
  return !t || isWidgetText(t, true) || isFileNameText(t) || isKnownText(t, known.get());
}

/** True when `node` may join the unit of the photo with `keys`: see the file comment. */
export function absorbable(node: Node, seed: Element, keys: ReadonlySet<string>, known: KnownTexts): boolean {
  if (node.nodeType === 3) return isFiller(node.nodeValue ?? '', known);
  if (node.nodeType !== 1) return true;
  const el = node as Element;
  if (textLongerThan(el, MAX_UNIT_CHARS)) return false;
  if (imagesOf(el).some((img) => !isCopyOf(img, seed, keys))) return false;
  return residualOk(el, known);
}

/** Every text under `el` outside caption, credit and widget holders is filler. */
function residualOk(el: Element, known: KnownTexts): boolean {
  if (roleOf(el) !== null) return true;
  if (isFiller(el.textContent ?? '', known)) return true;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && !isFiller(child.nodeValue ?? '', known)) return false;
    if (child.nodeType === 1 && !residualOk(child as Element, known)) return false;
  }
  return true;
}

/** A photo's unit: its nodes in document order, and the roles of plain blocks taken in by their text alone. */
export interface Unit {
  nodes: Node[];
  roles: ReadonlyMap<Node, Role>;
}

/** The unit of `img`: one grown ancestor plus absorbed siblings, then the caption run pasted after them. */
export function findUnit(img: Element, root: Element): Unit {
  const keys = imageKeys(img);
  let cur: Element = img;
  for (let parent = cur.parentElement; parent && parent !== root; parent = cur.parentElement) {
    if (textLongerThan(parent, MAX_UNIT_CHARS)) break;
    if (imagesOf(parent).some((other) => !isCopyOf(other, img, keys))) break;
    const known = new KnownTexts(parent);
    const inFigure = parent.tagName === 'FIGURE';
    const fits = (child: Node): boolean =>
      absorbable(child, img, keys, known) || (inFigure && child.nodeType === 1 && !(child as Element).querySelector('img'));
    // Every other child fits, asked in document order (by sibling links: Array.from on a NodeList costs more).
    let allFit = true;
    for (let child = parent.firstChild; child && allFit; child = child.nextSibling) if (child !== cur && !fits(child)) allFit = false;
    if (!allFit) break;
    cur = parent;
  }
  const known = new KnownTexts(cur);
  const after: Node[] = [];
  for (let next = cur.nextSibling; next && absorbable(next, img, keys, known) && !echoesEarlierPhoto(next, cur); next = next.nextSibling) {
    after.push(next);
    known.add(next);
  }
  const run = captionRunAfter(after[after.length - 1] ?? cur, img, (text) => isFiller(text, known), normalText);
  after.push(...run.nodes);
  const before: Node[] = [];
  for (let prev = cur.previousSibling; prev && isRepeatOrControl(prev, img, keys, known); prev = prev.previousSibling) {
    before.unshift(prev);
  }
  return { nodes: trimSpace([...before, cur, ...after]), roles: run.roles };
}

/** Earlier siblings looked at for the photo a caption after this one repeats. */
const MAX_EARLIER = 6;

/**
 * True when `node`, after the photo `cur`, repeats the caption of a photo before it: a carousel's "active slide"
 * line printed after the last slide belongs to the first one (echoes.ts removes it once the figures are built).
 */
function echoesEarlierPhoto(node: Node, cur: Element): boolean {
  if (node.nodeType !== 1 || roleOf(node as Element) !== 'caption') return false;
  const text = normalText(node.textContent ?? '');
  if (!text) return false;
  // The photo before may be a sibling of the photo's block or of one of its wrappers (a slide in a slide list).
  let level: Element | null = cur;
  for (let up = 0; level && up < 3; up++, level = level.parentElement) {
    let prev = level.previousElementSibling;
    for (let n = 0; prev && n < MAX_EARLIER; n++, prev = prev.previousElementSibling) {
      if (imagesOf(prev).length && normalText(prev.textContent ?? '').includes(text)) return true;
    }
  }
  return false;
}

/** Before the photo only copies of it, controls and repeats are taken: a caption there may belong to another photo. */
function isRepeatOrControl(node: Node, seed: Element, keys: ReadonlySet<string>, known: KnownTexts): boolean {
  if (textLongerThan(node, MAX_UNIT_CHARS)) return false;
  if (node.nodeType === 1) {
    const el = node as Element;
    const imgs = imagesOf(el);
    if (imgs.length) return imgs.every((img) => isCopyOf(img, seed, keys)) && residualOk(el, known);
    if (roleOf(el) === 'widget') return true;
  }
  return node.nodeType === 8 || isFiller(node.textContent ?? '', known);
}

/** The images in `el`, itself included. */
export function imagesOf(el: Element): Element[] {
  if (el.tagName === 'IMG') return [el];
  // By tag name and index: asked of every ancestor and neighbour a unit may take in, where a selector query and
  // Array.from cost several times more in Chromium.
  const found = el.getElementsByTagName('img');
  const images: Element[] = [];
  for (let i = 0; i < found.length; i++) images.push(found[i] as Element);
  return images;
}

function trimSpace(nodes: Node[]): Node[] {
  const blank = (n: Node | undefined): boolean => !!n && n.nodeType !== 1 && !squash(n.textContent);
  while (nodes.length > 1 && blank(nodes[0])) nodes.shift();
  while (nodes.length > 1 && blank(nodes[nodes.length - 1])) nodes.pop();
  return nodes;
}
