/**
 * Step `math` (before Readability, on the copy): every formula becomes one MathML `<math>`, which Chromium and
 * Firefox render natively, selectable and in the text's colour. Renderers print a formula two or three times: the
 * MathML for screen readers, a visual copy in spans or SVG, their TeX source in a script, an annotation or an image's
 * alt. Their wrapper (the "unit") is replaced by its MathML alone:
 * - KaTeX: `.katex` (`.katex-display` for a block), MathML in `.katex-mathml`;
 * - MathJax 3: `mjx-container`, MathML in `mjx-assistive-mml` (its menu class, `CtxtMenu_Attached_0`, reads as
 *   "menu" to Readability, which dropped every formula);
 * - MathJax 2: `.MathJax`, `.MathJax_CHTML`, `.MathJax_SVG` (`.MathJax_Display`, `.MJXc-display` for a block), MathML
 *   in `.MJX_Assistive_MathML` or its `data-mathml`; the emptied `.MathJax_Preview` beside it goes too;
 * - MediaWiki: `.mwe-math-element`, MathML hidden beside a fallback image whose alt is the TeX (copy.ts keeps hidden
 *   MathML for this step).
 * Each `<math>` then loses its `annotation`s (the TeX source) and its `semantics` wrapper, and is marked
 * `display="block"` when its renderer showed it as a block; an inline one is put in a `<span>` (`inSpan`). Returns
 * how many units were replaced.
 */
import type { StepContext } from '../context';
import { parseInert } from '../html';

/** Renderer wrappers around one formula, outermost last. */
const UNITS = [
  '.katex', '.katex-display',
  'mjx-container',
  '.MathJax', '.MathJax_CHTML', '.MathJax_SVG', '.MathJax_MathML', '.MathJax_Display', '.MJXc-display', '.MathJax_SVG_Display',
  '.mwe-math-element',
].join(', ');
/** Units that show their formula as a block. */
const BLOCK_UNITS = '.katex-display, mjx-container[display="true"], .MathJax_Display, .MJXc-display, .MathJax_SVG_Display, .mwe-math-element-block';

/** The outermost renderer unit around `math` that holds no other formula, or null. */
function unitOf(math: Element): Element | null {
  let unit: Element | null = null;
  for (let el = math.parentElement?.closest(UNITS) ?? null; el; el = el.parentElement?.closest(UNITS) ?? null) {
    if (el.getElementsByTagName('math').length > 1) break;
    unit = el;
  }
  return unit;
}

/** The MathML of `math` as a reader should get it: no annotations, no semantics wrapper. */
function cleanMath(math: Element): void {
  const notes = math.querySelectorAll('annotation, annotation-xml');
  for (let i = notes.length - 1; i >= 0; i--) notes[i]?.remove();
  const wrappers = math.querySelectorAll('semantics');
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const semantics = wrappers[i] as Element;
    while (semantics.firstChild) semantics.parentNode?.insertBefore(semantics.firstChild, semantics);
    semantics.remove();
  }
}

/** MathJax 2 with its assistive MathML off keeps the MathML in `data-mathml` only. */
function mathFromData(unit: Element, ctx: StepContext): Element | null {
  const data = unit.getAttribute('data-mathml') ?? unit.querySelector('[data-mathml]')?.getAttribute('data-mathml');
  if (!data || !ctx.win) return null;
  const math = parseInert(data, ctx.win).querySelector('math');
  return math ? (unit.ownerDocument.importNode(math, true)) : null;
}

/**
 * An inline formula goes in a `<span>`: Readability asks `tagName` whether a node is phrasing content, and a MathML
 * element's is lower case ("math"), so it split the sentence around every formula into paragraphs of their own.
 */
function inSpan(math: Element): void {
  const parent = math.parentElement;
  if (parent?.localName === 'span' && parent.childNodes.length === 1) return;
  const span = math.ownerDocument.createElement('span');
  math.replaceWith(span);
  span.appendChild(math);
}

export function unifyMath(root: Element, ctx: StepContext): number {
  let replaced = 0;
  // Units with no MathML of their own in the markup (MathJax 2's data-mathml).
  const dataUnits = root.querySelectorAll('[data-mathml]');
  for (let i = 0; i < dataUnits.length; i++) {
    const el = dataUnits[i] as Element;
    if (el.getElementsByTagName('math').length || !el.isConnected) continue;
    const math = mathFromData(el, ctx);
    if (math) el.appendChild(math);
  }
  const found = root.getElementsByTagName('math');
  const maths: Element[] = [];
  for (let i = 0; i < found.length; i++) {
    const math = found[i] as Element;
    if (!math.parentElement?.closest('math')) maths.push(math);
  }
  for (const math of maths) {
    cleanMath(math);
    const unit = unitOf(math);
    if (unit) {
      if (unit.matches(BLOCK_UNITS) || unit.querySelector(BLOCK_UNITS)) math.setAttribute('display', 'block');
      const preview = unit.previousElementSibling;
      if (preview?.classList.contains('MathJax_Preview')) preview.remove();
      unit.replaceWith(math);
      replaced++;
    }
    if (math.getAttribute('display') !== 'block') inSpan(math);
  }
  return replaced;
}
