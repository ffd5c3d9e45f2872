/**
 * The pipeline's own copy of the page: everything after this works on it, never on the live document.
 *
 * Copies of `<html>` and its children, made in a new document with no browsing context (nothing in them runs or loads),
 * without what no reader sees and Readability would throw away itself:
 * - style sheets: a `<style>` that enters a document is parsed even though nothing will ever render it, which made
 *   `document.cloneNode(true)` cost about twice a copy of the elements alone on the aeb corpus in Chromium;
 * - scripts other than JSON-LD metadata (Readability reads that, then drops the other scripts);
 * - inline SVG (icons, mostly): the reader view's sanitizer drops it with its content;
 * - comments;
 * - elements Readability takes for invisible (`hidden`, `aria-hidden="true"` unless a `fallback-image`, an inline
 *   `display: none` or `visibility: hidden`), by its own test, so it no longer walks, scores and serializes them on
 *   every attempt. Those that hold an image stay: Readability swaps a placeholder image for its `<noscript>` copy
 *   before it looks at visibility.
 *
 * The copied `<html>` never enters that document. Connecting a tree to a document registers every node in it, and
 * every later removal unregisters it again: without that, the whole pipeline takes about 5% less time on the aeb
 * corpus in Chromium (the bench's `--against`, timed in the same pages). So the copy is handed on as a `CopyDocument`,
 * which answers the members of Document that the steps and Readability use for a tree outside any document (see
 * `standIn`).
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

/** A figcaption (or part of one) hidden by `aria-hidden` alone: screen readers skip it, sighted readers see it. */
function isSeenCaption(el: Element): boolean {
  if (!el.closest('figcaption') || el.hasAttribute('hidden')) return false;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

/**
 * The members of Document that the pipeline and Readability 0.6.0 (pinned) read. tests/unit/copy.test.ts records
 * every member Readability reads of the copy on every fixture page and holds that list to this one.
 */
export type CopyDocument = Pick<Document, 'documentElement' | 'firstChild' | 'head' | 'body' | 'title' | 'baseURI' |
  'documentURI' | 'getElementsByTagName' | 'querySelector' | 'querySelectorAll' | 'createElement' | 'createTextNode' |
  'importNode'>;

export function copyForReading(doc: Document): CopyDocument {
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.importNode(doc.documentElement, false);
  for (const child of Array.from(doc.documentElement.childNodes)) {
    const node = copy.importNode(child, true);
    if (node.nodeType === 1) leaveOut(node as Element, copy);
    if (node.nodeType !== 8) html.appendChild(node);
  }
  return standIn(copy, html);
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The first child of `html` that is an HTML element with one of these local names. */
function childNamed(html: Element, ...names: string[]): Element | null {
  for (let child = html.firstElementChild; child; child = child.nextElementSibling) {
    if (child.namespaceURI === HTML_NS && names.includes(child.localName)) return child;
  }
  return null;
}

/**
 * `<html>`, outside any document, answering as the document it would head: the tree's members come from `html`,
 * new nodes and URLs from `copy`, its (empty) document.
 * - `firstChild` is `copy`'s doctype, as a new HTML document's is.
 * - `head` and `body` are the first such children of `<html>` (`body` may be a `<frameset>`), as Document says.
 * - `title` is the text of the first HTML `<title>` in tree order, with ASCII white space stripped and collapsed.
 * - `baseURI`: the head's first `<base href>` is copied into `copy`'s own head, where the browser resolves it as it
 *   would in the tree (Readability makes the article's links absolute against it). A `<base>` in the body is pasted
 *   or injected content and is not followed, as `absoluteUrls` does not follow it (context.ts `baseUrlOf`); in a
 *   document, Readability would have followed one it left outside the article.
 * - `getElementsByTagName('*')` leaves out `<html>` itself, the one difference from a document's answer.
 */
function standIn(copy: Document, html: HTMLElement): CopyDocument {
  const head = childNamed(html, 'head') as HTMLHeadElement;
  const base = head?.querySelector('base[href]');
  if (base) copy.head.appendChild(base.cloneNode(false));
  return {
    documentElement: html,
    firstChild: copy.firstChild,
    head,
    body: childNamed(html, 'body', 'frameset') as HTMLElement,
    get title(): string {
      const titles = html.getElementsByTagName('title');
      for (let i = 0; i < titles.length; i++) {
        const title = titles[i] as Element;
        if (title.namespaceURI !== HTML_NS) continue;
        let text = '';
        for (let node = title.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += (node as Text).data;
        return text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
      }
      return '';
    },
    baseURI: copy.baseURI,
    documentURI: copy.documentURI,
    getElementsByTagName: ((name: string) => html.getElementsByTagName(name)) as Document['getElementsByTagName'],
    querySelector: ((selectors: string) => html.querySelector(selectors)) as Document['querySelector'],
    querySelectorAll: ((selectors: string) => html.querySelectorAll(selectors)) as Document['querySelectorAll'],
    createElement: ((name: string) => copy.createElement(name)) as Document['createElement'],
    createTextNode: (data: string) => copy.createTextNode(data),
    importNode: ((node: Node, deep?: boolean) => copy.importNode(node, deep)) as Document['importNode'],
  };
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
    if (isInvisible(el) && el.tagName !== 'IMG' && !el.querySelector('img') && !isSeenCaption(el)) el.remove();
  }
  const comments = copy.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const found: Node[] = [];
  for (let c = comments.nextNode(); c; c = comments.nextNode()) found.push(c);
  for (const c of found) c.parentNode?.removeChild(c);
}
