/**
 * The pipeline's own copy of the page: everything after this works on it, never on the live document.
 *
 * Copies of `<html>` and its children, made in a new document with no browsing context (nothing in them runs or loads),
 * without what no reader sees and Readability would throw away itself:
 * - style sheets: a `<style>` that enters a document is parsed even though nothing will ever render it (what that
 *   cost: docs/performance.md);
 * - scripts other than JSON-LD metadata (Readability reads that, then drops the other scripts);
 * - inline SVG (icons, mostly): the reader view's sanitizer drops it with its content;
 * - comments;
 * - elements Readability takes for invisible (`hidden`, `aria-hidden="true"` unless a `fallback-image`, an inline
 *   `display: none` or `visibility: hidden`), by its own test, so it no longer walks, scores and serializes them on
 *   every attempt. Those that hold an image stay: Readability swaps a placeholder image for its `<noscript>` copy
 *   before it looks at visibility. So do those holding MathML: the `math` step shows a formula's hidden MathML
 *   instead of its image.
 *
 * The copy is a real Document (no stand-in): Readability and every step may use any member of it.
 */
export const LEFT_OUT = 'style, link[rel~="stylesheet" i], script:not([type="application/ld+json" i]), svg';
/** Candidates for Readability's documented invisibility rule; `isInvisible` decides. */
const MAYBE_INVISIBLE = '[hidden], [aria-hidden="true"], [style*="none" i], [style*="hidden" i]';

/**
 * What Readability removes as invisible wherever it meets it (its rule, restated here; no member of the library is
 * read): an inline `display: none` or `visibility: hidden`, `hidden`, or `aria-hidden="true"` unless a fallback image.
 */
export function isInvisible(el: Element): boolean {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  if (el.hasAttribute('hidden')) return true;
  return el.getAttribute('aria-hidden') === 'true' && !(el.getAttribute('class') ?? '').includes('fallback-image');
}

/** A figcaption (or part of one) hidden by `aria-hidden` alone: screen readers skip it, sighted readers see it. */
function isSeenCaption(el: Element): boolean {
  if (!el.closest('figcaption') || el.hasAttribute('hidden')) return false;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

export function copyForReading(doc: Document): Document {
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.importNode(doc.documentElement, false);
  for (const child of Array.from(doc.documentElement.childNodes)) {
    const node = copy.importNode(child, true);
    if (node.nodeType === 1) leaveOut(node as Element, copy);
    if (node.nodeType !== 8) html.appendChild(node);
  }
  // A <base> in the body is pasted or injected content: not followed (context.ts `baseUrlOf`), so not left to
  // Readability either, which resolves the article's links against the document's base.
  const body = html.querySelector(':scope > body');
  if (body) for (const base of body.querySelectorAll('base')) base.remove();
  copy.replaceChild(html, copy.documentElement);
  return copy;
}

/** ASCII lower case, as the `i` flag of an attribute selector compares. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/**
 * Whether `el`, found by one of the tag names of LEFT_OUT, is one it selects: a style sheet link (a `rel` token equal to
 * "stylesheet", without regard to ASCII case) or a script other than JSON-LD; every style and svg element.
 */
function isLeftOut(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'link') return (el.getAttribute('rel') ?? '').split(/[ \t\n\f\r]+/).some((token) => asciiLower(token) === 'stylesheet');
  if (tag === 'script') return asciiLower(el.getAttribute('type') ?? '') !== 'application/ld+json';
  return true;
}
const LEFT_OUT_TAGS = 'style, link, script, svg';

/**
 * The elements under `root` that LEFT_OUT selects, in document order, found by their tag names and then tested here:
 * a selector of bare tag names costs less than LEFT_OUT's attribute tests (and than four tag walks).
 */
export function leftOutUnder(root: Element): Element[] {
  const leftOut: Element[] = [];
  const found = root.querySelectorAll(LEFT_OUT_TAGS);
  for (let i = 0; i < found.length; i++) if (isLeftOut(found[i] as Element)) leftOut.push(found[i] as Element);
  return leftOut;
}

function leaveOut(root: Element, copy: Document): void {
  for (const el of leftOutUnder(root)) el.remove();
  // Indexed loops: iterating a NodeList (for...of, Array.from) costs several times more in Chromium.
  const maybe = root.querySelectorAll(MAYBE_INVISIBLE);
  for (let i = 0; i < maybe.length; i++) {
    const el = maybe[i] as Element;
    // A figcaption hidden only from screen readers (its photo's alt says the same) is still seen: lostPhotos puts it
    // back after Readability, which drops it.
    // Hidden MathML beside a formula's image (MediaWiki) is the formula itself: the `math` step shows it instead.
    if (isInvisible(el) && el.tagName !== 'IMG' && !el.querySelector('img, math') && !isSeenCaption(el)) el.remove();
  }
  const comments = copy.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const found: Node[] = [];
  for (let c = comments.nextNode(); c; c = comments.nextNode()) found.push(c);
  for (const c of found) c.parentNode?.removeChild(c);
}
