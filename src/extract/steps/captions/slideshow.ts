/**
 * Slideshows whose images Readability dropped: what is left is a counter ("1 / 5") beside the slide's caption, often
 * printed twice (a headline copy and a text copy). The counter marks the spot as a photo widget; inside the small block
 * around it, a caption block repeated word for word is kept once and the counter goes. Larger blocks are left alone:
 * body text is never deduplicated.
 */
import { squash, textLongerThan } from '../../text';
import { normalText } from './photo-unit';

/** A slide counter as a whole text: "1 / 5", "2 of 12", "Image 3 of 9". */
const COUNTER = /^(?:(?:image|photo|picture|slide)s? )?\d+ ?(?:of|\/) ?\/? ?\d+$/i;
/** The block around a counter may hold at most this many text blocks. */
const MAX_SLIDE_BLOCKS = 6;
/** Longest raw text (spacing included) of an element still tested as a counter. */
const MAX_COUNTER_CHARS = 200;
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, div, figcaption, span, li';

function isLeafBlock(el: Element): boolean {
  return !!squash(el.textContent) && !Array.from(el.children).some((child) => squash(child.textContent) === squash(el.textContent));
}

/**
 * Elements under `root` whose whole text is a counter. A counter has a digit, so they are sought from the text nodes
 * that hold one, up through the ancestors short enough to be a counter, instead of reading every block's text.
 */
function counterTexts(root: Element): Set<Element> {
  const found = new Set<Element>();
  const asked = new Set<Element>();
  const doc = root.ownerDocument;
  const texts = doc.createTreeWalker(root, 4 | 8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!/\d/.test(node.nodeValue ?? '')) continue;
    for (let el = node.parentElement; el && el !== root && !asked.has(el); el = el.parentElement) {
      asked.add(el);
      if (textLongerThan(el, MAX_COUNTER_CHARS)) break;
      if (COUNTER.test(squash(el.textContent))) found.add(el);
    }
  }
  return found;
}

export function cleanSlideshowLeftovers(root: Element): number {
  let removed = 0;
  const found = counterTexts(root);
  if (found.size === 0) return 0;
  const counters = Array.from(root.querySelectorAll(TEXT_BLOCKS)).filter(
    (el) => found.has(el) && isLeafBlock(el) && !el.querySelector('img'),
  );
  for (const counter of counters) {
    if (!root.contains(counter)) continue;
    let scope: Element = counter;
    while (scope.parentElement && scope.parentElement !== root && squash(scope.parentElement.textContent) === squash(scope.textContent)) {
      scope = scope.parentElement;
    }
    const container = scope.parentElement;
    if (!container || container === root) continue;
    const blocks = Array.from(container.querySelectorAll(TEXT_BLOCKS)).filter(
      (el) => isLeafBlock(el) && !el.contains(counter) && !counter.contains(el),
    );
    if (!blocks.length || blocks.length > MAX_SLIDE_BLOCKS || container.querySelector('img')) continue;
    const seen = new Set<string>();
    for (const block of blocks) {
      const text = normalText(block.textContent ?? '');
      if (seen.has(text)) {
        block.remove();
        removed++;
      } else seen.add(text);
    }
    scope.remove();
    removed++;
  }
  return removed;
}
