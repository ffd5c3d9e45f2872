/**
 * Faster answers to four of Readability's own questions, given to one Readability instance (never its prototype).
 *
 * Readability 0.6.0 (pinned) asks each of them of most elements of the page on every pass, and answers some by
 * reading the whole text under the element first, which costs in proportion to the page for a wrapper high up. Each
 * answer here is the library's own answer: a cheap test settles the common case, and every other case goes to the
 * library's method. tests/unit/readability-quick.test.ts checks that, element by element, on every fixture page.
 * A method the library no longer has is left alone (Readability then runs as shipped).
 */

/** The library methods this speeds up, as they are called on an instance. */
interface Questions {
  _isProbablyVisible(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
  _hasChildBlockElement(element: Node): boolean;
}

export const QUICK_METHODS = ['_isProbablyVisible', '_isValidByline', '_isElementWithoutContent', '_hasChildBlockElement'] as const;

const XHTML = 'http://www.w3.org/1999/xhtml';

/** The faster methods, each built on the library's own one (`own`), for `reader`'s `REGEXPS` and `DIV_TO_P_ELEMS`. */
function quickMethods(own: Questions, lib: { REGEXPS: { byline: RegExp }; DIV_TO_P_ELEMS: ReadonlySet<string> }): Questions {
  const blockSelector = Array.from(lib.DIV_TO_P_ELEMS, (tag) => tag.toLowerCase()).join(', ');
  return {
    // Without a `style`, `hidden` or `aria-hidden` attribute an element's inline display and visibility are unset.
    _isProbablyVisible(this: Questions, node) {
      if (!node.hasAttribute('style') && !node.hasAttribute('hidden') && !node.hasAttribute('aria-hidden')) return true;
      return own._isProbablyVisible.call(this, node);
    },
    // The library measures the element's whole text before its rel, itemprop and class/id tests: test those first.
    _isValidByline(this: Questions, node, matchString) {
      const itemprop = node.getAttribute('itemprop');
      if (node.getAttribute('rel') !== 'author' && !(itemprop && itemprop.includes('author')) && !lib.REGEXPS.byline.test(matchString)) return false;
      return own._isValidByline.call(this, node, matchString);
    },
    // An element with a visible character in it has content: found at the first such text, not by reading all of it.
    _isElementWithoutContent(this: Questions, node) {
      if (node.nodeType === 1 && hasNonSpaceText(node)) return false;
      return own._isElementWithoutContent.call(this, node);
    },
    // Any block tag below, found by the selector engine: an HTML element settles it; none means none; else the library.
    _hasChildBlockElement(this: Questions, element) {
      if (element.nodeType !== 1) return own._hasChildBlockElement.call(this, element);
      const found = (element as Element).querySelector(blockSelector);
      if (!found) return false;
      if (found.namespaceURI === XHTML) return true;
      return own._hasChildBlockElement.call(this, element);
    },
  };
}

/** Text (or CDATA) under `node` with a character that `String.prototype.trim` would keep (`\S` is its complement). */
function hasNonSpaceText(node: Element): boolean {
  const doc = node.ownerDocument;
  const walker = doc.createTreeWalker(node, 4 | 8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) if (/\S/.test((text as CharacterData).data)) return true;
  return false;
}

/** Give `reader` (a Readability instance) the faster methods, where the library still has the ones they stand for. */
export function quicken(reader: object): void {
  const lib = reader as unknown as Partial<Questions> & { REGEXPS?: { byline?: RegExp }; DIV_TO_P_ELEMS?: ReadonlySet<string> };
  if (!(lib.REGEXPS?.byline instanceof RegExp) || !(lib.DIV_TO_P_ELEMS instanceof Set)) return;
  if (!QUICK_METHODS.every((name) => typeof lib[name] === 'function')) return;
  const own = Object.fromEntries(QUICK_METHODS.map((name) => [name, lib[name]])) as unknown as Questions;
  Object.assign(reader, quickMethods(own, { REGEXPS: { byline: lib.REGEXPS.byline }, DIV_TO_P_ELEMS: lib.DIV_TO_P_ELEMS }));
}
