/**
 * Caption echoes beside a gallery: a carousel prints the active slide's caption again under the slides, a lightbox
 * or a "now showing" line repeats it after the photo block. Once the figures are rebuilt, a short block standing next
 * to a block of photos (a figure, or a container holding only figures), whose whole text is a caption or credit of one
 * of those photos, is that caption again and goes. A block farther away, or one that says more, is body text and stays.
 */
import { squash, textLongerThan } from '../../text';
import { CAPTION_CLASS, CREDIT_CLASS } from './figures';
import { isKnownText, normalText } from './photo-unit';
import { isWidgetText, stripWidgetPhrases } from './widget-words';

/** A caption echo is a caption or two; anything longer is read as body text. */
const MAX_ECHO_CHARS = 600;
/** How far up from a figure a photo block may reach (carousel track, slide list, gallery section). */
const MAX_LEVELS = 4;
/** Siblings looked at on each side of a photo block (an echo stands right beside it, or past a counter). */
const MAX_SIBLINGS = 3;

/** The caption and credit texts of the rebuilt figures under `block`, normalised. */
function captionsUnder(block: Element): string[] {
  const texts: string[] = [];
  const spans = block.querySelectorAll(`figcaption > .${CAPTION_CLASS}, figcaption > .${CREDIT_CLASS}`);
  for (let i = 0; i < spans.length; i++) texts.push(normalText(spans[i]?.textContent ?? ''));
  return texts.filter((text) => text !== '');
}

/** True when all the text of `el` is inside its figures (a gallery, a carousel track), and it holds one. */
function onlyFigures(el: Element): boolean {
  if (el.tagName === 'FIGURE') return true;
  const figures = el.querySelectorAll('figure');
  if (!figures.length) return false;
  let inFigures = 0;
  for (let i = 0; i < figures.length; i++) inFigures += squash(figures[i]?.textContent).length;
  return squash(el.textContent).length <= inFigures + 12;
}

export function removeCaptionEchoes(root: Element): number {
  let removed = 0;
  const spans = root.querySelectorAll(`figure > figcaption > .${CAPTION_CLASS}, figure > figcaption > .${CREDIT_CLASS}`);
  const figures = new Set<Element>();
  for (let i = 0; i < spans.length; i++) figures.add(spans[i]?.parentElement?.parentElement as Element);
  const seen = new Set<Element>();
  // Asked once per container: a gallery of many photos asks it of its container from every figure.
  const galleries = new Map<Element, boolean>();
  const isGallery = (el: Element): boolean => {
    let answer = galleries.get(el);
    if (answer === undefined) galleries.set(el, (answer = onlyFigures(el)));
    return answer;
  };
  for (const figure of figures) {
    removed += removeEchoesAcrossEdges(figure, root);
    let block: Element = figure;
    for (let level = 0; level < MAX_LEVELS && block !== root; level++) {
      if (seen.has(block)) break;
      seen.add(block);
      removed += removeEchoesBeside(block);
      const parent: Element | null = block.parentElement;
      if (!parent || parent === root || !isGallery(parent)) break;
      block = parent;
    }
  }
  return removed;
}

/** Wrapper edges climbed looking for an echo just before or after a photo in reading order. */
const MAX_EDGE_LEVELS = 3;

/** True when nothing but white space stands between `el` and its parent's start (or end). */
function atEdge(el: Element, atStart: boolean): boolean {
  for (let node = atStart ? el.previousSibling : el.nextSibling; node; node = atStart ? node.previousSibling : node.nextSibling) {
    if (node.nodeType === 1 || (node.nodeType === 3 && squash(node.nodeValue))) return false;
  }
  return true;
}

/**
 * An echo right before or after the photo in reading order but outside its wrappers: a page layout printing the
 * caption in a grid area of its own, before the body that opens with the photo.
 */
function removeEchoesAcrossEdges(figure: Element, root: Element): number {
  let removed = 0;
  for (const atStart of [true, false]) {
    let edge: Element = figure;
    for (let level = 0; level < MAX_EDGE_LEVELS; level++) {
      const parent = edge.parentElement;
      if (!parent || parent === root || !atEdge(edge, atStart)) break;
      edge = parent;
      removed += removeEchoesBeside(edge, captionsUnder(figure), atStart ? ['previousElementSibling'] : ['nextElementSibling']);
    }
  }
  return removed;
}

function removeEchoesBeside(
  block: Element,
  given?: string[],
  steps: ReadonlyArray<'nextElementSibling' | 'previousElementSibling'> = ['nextElementSibling', 'previousElementSibling'],
): number {
  let known: string[] | undefined = given;
  let removed = 0;
  for (const step of steps) {
    let sibling = block[step];
    for (let n = 0; sibling && n < MAX_SIBLINGS; n++) {
      const next: Element | null = sibling[step];
      if (sibling.tagName === 'FIGURE' || sibling.querySelector('img, picture, video, iframe, figure')) break;
      if (textLongerThan(sibling, MAX_ECHO_CHARS, true)) break;
      const text = stripWidgetPhrases(squash(sibling.textContent));
      // Controls between the photos and the echo ("1 / 3", "Next") are stepped over; the stray-text pass removes them.
      if (!text || isWidgetText(text, true)) {
        sibling = next;
        continue;
      }
      known ??= captionsUnder(block);
      if (!known.length || !isKnownText(text, known)) break;
      sibling.remove();
      removed++;
      sibling = next;
    }
  }
  return removed;
}
