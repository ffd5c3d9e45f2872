/**
 * Faster versions of some of Readability's own methods, given to one Readability instance (never its prototype).
 *
 * - Four questions Readability 0.6.0 (pinned) asks of most elements of the page on every pass, some answered by
 *   reading the whole text under the element first, which costs in proportion to the page for a wrapper high up.
 *   Each answer here is the library's own answer: a cheap test settles the common case, and every other case goes to
 *   the library's method.
 * - Its three loops over node lists (`_forEachNode`, `_someNode`, `_everyNode`), which call `Array.prototype.forEach`
 *   (`some`, `every`) on a DOM collection: that generic path costs about twice an indexed loop in Chromium. The loops
 *   here do what those array methods do (length read once, indexes no longer there skipped, same arguments).
 * - Its style clean-up (`_cleanStyles`), which removes a dozen attribute names from every element of the article: only
 *   those an element has are removed.
 * - Its tag queries (`_getAllNodesWithTag`, and `_getTextDensity`, which sums the text of what one finds): a selector
 *   query for a list of tag names walks the subtree and tests every element against each name, costing several times
 *   a single tag's list; the browser's per-tag lists (`getElementsByTagName`) answer with the same elements. When at
 *   most one of the tags occurs, that tag's list is the answer, in the same order; a density's sum does not depend on
 *   the order, so it is summed tag by tag. Two or more tags in a list that must keep document order: the library's.
 * tests/unit/readability-adapter.test.ts checks the answers element by element on every fixture page, and the loops on
 * collections that change under them. A method the library no longer has is left alone (Readability then runs as
 * shipped).
 */
import { textLongerThan } from '../text';

/** The library methods this speeds up, as they are called on an instance. */
interface Questions {
  _isProbablyVisible(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
  _hasChildBlockElement(element: Node): boolean;
}

/** Readability's loops: `fn` is called with the instance as `this`, as the array methods' thisArg. */
type Each = (this: unknown, node: Node, index: number, list: ArrayLike<Node>) => unknown;
interface Loops {
  _forEachNode(list: ArrayLike<Node>, fn: Each): void;
  _someNode(list: ArrayLike<Node>, fn: Each): boolean;
  _everyNode(list: ArrayLike<Node>, fn: Each): boolean;
}

export const QUICK_METHODS = ['_isProbablyVisible', '_isValidByline', '_isElementWithoutContent', '_hasChildBlockElement'] as const;
export const QUICK_LOOPS = ['_forEachNode', '_someNode', '_everyNode'] as const;

/** `Array.prototype.forEach`, `some` and `every` as the spec runs them on an array-like, by index. */
const LOOPS: Loops = {
  _forEachNode(list, fn) {
    for (let i = 0, n = list.length; i < n; i++) if (i in list) fn.call(this, list[i] as Node, i, list);
  },
  _someNode(list, fn) {
    for (let i = 0, n = list.length; i < n; i++) if (i in list && fn.call(this, list[i] as Node, i, list)) return true;
    return false;
  },
  _everyNode(list, fn) {
    for (let i = 0, n = list.length; i < n; i++) if (i in list && !fn.call(this, list[i] as Node, i, list)) return false;
    return true;
  },
};

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
    // An element with a character `trim` keeps (a non-`\s` one) has content: found at the first, not by reading all.
    _isElementWithoutContent(this: Questions, node) {
      if (node.nodeType === 1 && textLongerThan(node, 0, true)) return false;
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

/** Readability's tag queries and style clean-up, as they are called on an instance. */
interface Lists {
  _getAllNodesWithTag(node: Element | Document, tagNames: readonly string[]): ArrayLike<Element>;
  _getTextDensity(e: Element, tags: readonly string[]): number;
  _cleanStyles(e: Element | null): void;
  _getInnerText(e: Element, normalizeSpaces?: boolean): string;
  PRESENTATIONAL_ATTRIBUTES: readonly string[];
  DEPRECATED_SIZE_ATTRIBUTE_ELEMS: readonly string[];
}
export const QUICK_LISTS = ['_getAllNodesWithTag', '_getTextDensity', '_cleanStyles'] as const;

function quickLists(own: Pick<Lists, (typeof QUICK_LISTS)[number]>, lib: Pick<Lists, 'PRESENTATIONAL_ATTRIBUTES' | 'DEPRECATED_SIZE_ATTRIBUTE_ELEMS'>): Pick<Lists, (typeof QUICK_LISTS)[number]> {
  const presentational = new Set(lib.PRESENTATIONAL_ATTRIBUTES);
  const sized = new Set(lib.DEPRECATED_SIZE_ATTRIBUTE_ELEMS);
  return {
    // The library removes each of its presentational attribute names from every element (and width and height from
    // a few): here only the names an HTML element has (the parser writes them in lower case, as removeAttribute
    // lower-cases what it is given) are removed. Other elements, and the walk itself, are the library's.
    _cleanStyles(this: Lists, e) {
      if (!e || e.namespaceURI !== XHTML || e.tagName === 'SVG' || typeof e.getAttributeNames !== 'function') return own._cleanStyles.call(this, e);
      const sizes = sized.has(e.tagName);
      const names = e.getAttributeNames();
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (presentational.has(name) || (sizes && (name === 'width' || name === 'height'))) e.removeAttribute(name);
      }
      for (let child = e.firstElementChild; child !== null; child = child.nextElementSibling) this._cleanStyles(child);
    },
    _getAllNodesWithTag(this: Lists, node, tagNames) {
      if (typeof node.getElementsByTagName !== 'function') return own._getAllNodesWithTag.call(this, node, tagNames);
      let only: HTMLCollectionOf<Element> | null = null;
      for (const tag of tagNames) {
        const found = node.getElementsByTagName(tag);
        // Asking for the first one stops the browser's walk there.
        if (!found[0]) continue;
        if (only) return own._getAllNodesWithTag.call(this, node, tagNames);
        only = found;
      }
      const list: Element[] = [];
      if (only) for (let i = 0, n = only.length; i < n; i++) list.push(only[i] as Element);
      return list;
    },
    // The library: the text lengths of the tags' elements (one query) over the element's own; integers, so any order sums the same.
    _getTextDensity(this: Lists, e, tags) {
      if (typeof e.getElementsByTagName !== 'function') return own._getTextDensity.call(this, e, tags);
      const textLength = this._getInnerText(e, true).length;
      if (textLength === 0) return 0;
      let childrenLength = 0;
      for (const tag of tags) {
        const found = e.getElementsByTagName(tag);
        for (let i = 0, n = found.length; i < n; i++) childrenLength += this._getInnerText(found[i] as Element, true).length;
      }
      return childrenLength / textLength;
    },
  };
}

/**
 * Give `reader` (a Readability instance) the faster methods, where the library still has the ones they stand for.
 * (Its link density and conditional clean-up once kept the text lengths they read while a MutationObserver saw the
 * page unchanged: timed after warm-up rounds on 90 aeb pages, the pipeline without them took 0.99 of its time with
 * them per page, 1.00 summed. They saved nothing, so they are gone.)
 */
export function quicken(reader: object): void {
  const lib = reader as unknown as Partial<Questions> & { REGEXPS?: { byline?: RegExp }; DIV_TO_P_ELEMS?: ReadonlySet<string> };
  if (lib.REGEXPS?.byline instanceof RegExp && lib.DIV_TO_P_ELEMS instanceof Set && QUICK_METHODS.every((name) => typeof lib[name] === 'function')) {
    const own = Object.fromEntries(QUICK_METHODS.map((name) => [name, lib[name]])) as unknown as Questions;
    Object.assign(reader, quickMethods(own, { REGEXPS: { byline: lib.REGEXPS.byline }, DIV_TO_P_ELEMS: lib.DIV_TO_P_ELEMS }));
  }
  const loops = reader as Partial<Record<(typeof QUICK_LOOPS)[number], unknown>>;
  if (QUICK_LOOPS.every((name) => typeof loops[name] === 'function')) Object.assign(reader, LOOPS);
  const lists = reader as Partial<Lists>;
  if (typeof lists._getInnerText === 'function' && QUICK_LISTS.every((name) => typeof lists[name] === 'function')
    && Array.isArray(lists.PRESENTATIONAL_ATTRIBUTES) && Array.isArray(lists.DEPRECATED_SIZE_ATTRIBUTE_ELEMS)) {
    const own = { _getAllNodesWithTag: lists._getAllNodesWithTag, _getTextDensity: lists._getTextDensity, _cleanStyles: lists._cleanStyles };
    Object.assign(reader, quickLists(own as Pick<Lists, (typeof QUICK_LISTS)[number]>, lists as Lists));
  }
}
