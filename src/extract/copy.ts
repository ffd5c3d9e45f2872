/**
 * The pipeline's own copy of the page: everything after this works on it, never on the live document.
 *
 * Built in a new document with no browsing context (nothing in it runs or loads), from copies of `<html>` and its
 * children made detached and inserted once, without what no reader sees and Readability would throw away itself:
 * - style sheets: a `<style>` that enters a document is parsed even though nothing will ever render it, which made
 *   `document.cloneNode(true)` cost about twice a copy of the elements alone on the aeb corpus in Chromium;
 * - scripts other than JSON-LD metadata (Readability reads that, then drops the other scripts);
 * - inline SVG (icons, mostly): the reader view's sanitizer drops it with its content;
 * - comments;
 * - elements Readability takes for invisible (`hidden`, `aria-hidden="true"` unless a `fallback-image`, an inline
 *   `display: none` or `visibility: hidden`), by its own test, so it no longer walks, scores and serializes them on
 *   every attempt. Those that hold an image stay: Readability swaps a placeholder image for its `<noscript>` copy
 *   before it looks at visibility.
 */
export const LEFT_OUT = 'style, link[rel~="stylesheet" i], script:not([type="application/ld+json" i]), svg';
/** Candidates for Readability's invisibility test (`_isProbablyVisible`); `isInvisible` decides. */
const MAYBE_INVISIBLE = '[hidden], [aria-hidden="true"], [style*="none" i], [style*="hidden" i]';

/** Readability's `_isProbablyVisible`, negated: what it removes as invisible wherever it meets it. */
export function isInvisible(el: Element): boolean {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  if (el.hasAttribute('hidden')) return true;
  return el.getAttribute('aria-hidden') === 'true' && !(el.getAttribute('class') ?? '').includes('fallback-image');
}

export interface CopyOptions {
  /**
   * Finds more blocks to leave out under the page's `<body>` (read on the live page, never changed): it is given the
   * set of those left out so far, to pass over what is inside them, and adds its own to it.
   */
  leaveOutMore?: (body: Element, leftOut: Set<Element>) => void;
  /** Sees the copied `<html>` element before it enters the new document: reading there is cheaper than in a document. */
  beforeInsert?: (html: Element) => void;
}

/**
 * What is left out is found on the live page first; then only the elements above it are copied one by one, and every
 * other subtree in one deep `importNode`. Copying blocks only to remove them cost about a quarter of the copy's time
 * (the `unlikely` step leaves out about 40% of a news page's nodes).
 */
export function copyForReading(doc: Document, options: CopyOptions = {}): Document {
  const root = doc.documentElement;
  const leftOut = new Set<Element>(leftOutUnder(root));
  // Indexed loops: iterating a NodeList (for...of, Array.from) costs several times more in Chromium.
  const maybe = root.querySelectorAll(MAYBE_INVISIBLE);
  for (let i = 0; i < maybe.length; i++) {
    const el = maybe[i] as Element;
    if (isInvisible(el) && el.tagName !== 'IMG' && !holdsKept(el, 'img', leftOut)) leftOut.add(el);
  }
  if (options.leaveOutMore) {
    const body = bodyOf(root);
    if (body && !leftOut.has(body)) options.leaveOutMore(body, leftOut);
  }
  // The elements above a left-out one: copied alone, their children one by one.
  const above = new Set<Node>();
  for (const el of leftOut) for (let up = el.parentNode; up && !above.has(up); up = up.parentNode) above.add(up);
  const copy = doc.implementation.createHTMLDocument('');
  const copyAbove = (from: Node): Node => {
    const to = copy.importNode(from, false);
    for (let child = from.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 8 /* comment */ || leftOut.has(child as Element)) continue;
      to.appendChild(above.has(child) ? copyAbove(child) : copy.importNode(child, true));
    }
    return to;
  };
  const html = copyAbove(root) as Element;
  const comments = copy.createTreeWalker(html, 128 /* NodeFilter.SHOW_COMMENT */);
  const found: Node[] = [];
  for (let c = comments.nextNode(); c; c = comments.nextNode()) found.push(c);
  for (const c of found) c.parentNode?.removeChild(c);
  options.beforeInsert?.(html);
  copy.replaceChild(html, copy.documentElement);
  return copy;
}

/** The `<body>` child of `html`, if any (not a `<frameset>`). */
export function bodyOf(html: Element): Element | null {
  for (let child = html.firstElementChild; child; child = child.nextElementSibling) if (child.tagName === 'BODY') return child;
  return null;
}

/** Whether `el` is, or holds, one of `leftOut`, looking up from `node` to `el`. */
export function isLeftOutUpTo(node: Element, el: Element, leftOut: ReadonlySet<Element>): boolean {
  for (let up: Element | null = node; up; up = up === el ? null : up.parentElement) if (leftOut.has(up)) return true;
  return false;
}

/** Whether `el` holds an element matching `selector` that the copy keeps (none of it or its ancestors up to `el` left out). */
export function holdsKept(el: Element, selector: string, leftOut: ReadonlySet<Element>): boolean {
  if (!el.querySelector(selector)) return false;
  const found = el.querySelectorAll(selector);
  for (let i = 0; i < found.length; i++) if (!isLeftOutUpTo(found[i] as Element, el, leftOut)) return true;
  return false;
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
