/**
 * Readability's link density (`_getLinkDensity`: the share of an element's text that sits in links, a link to `#...`
 * counting 0.3), with each element's and each link's text length read once while the page does not change.
 *
 * Readability 0.6.0 asks it of every candidate block right after scoring them, one after another, with no change to
 * the page in between. Each answer reads the element's whole text and each of its links' (`_getInnerText`), so a link
 * is read again for every candidate around it. Here each length, read the library's way, is kept:
 * - from the first density asked after Readability starts scoring (`_initializeNode`), for elements of that element's
 *   tree, which a MutationObserver then watches (its children and text: the links' `href` is read at every answer);
 * - until that tree changes: the kept lengths are then dropped, and the library answers itself until it scores again.
 * The answer is the library's own: the same lengths, the same links in the same order, summed the same way.
 * (An earlier version put each element's length together from its children's in JavaScript, to read no text twice:
 * that walk cost more than the browser's own `textContent` it saved, about 2% of the pipeline on a typical aeb page.)
 *
 * (Its conditional clean-up had the same treatment for the texts it reads, kept while an observer saw the article
 * unchanged: the observer's records and checks cost more than the reads they saved, about 3% of the pipeline on aeb.)
 * tests/unit/readability-density.test.ts compares every answer during whole parses of the fixture pages, and after
 * each kind of change.
 */

/** What the quick density needs of a Readability instance. */
interface Reader {
  REGEXPS: { hashUrl: RegExp };
  _getLinkDensity(element: Element): number;
  _getInnerText(e: Node, normalizeSpaces?: boolean): string;
  _initializeNode(node: Element): void;
  parse(): unknown;
}

export type Observer = new (callback: MutationCallback) => MutationObserver;

/** `_getInnerText(node).length`, read the first time and then kept. */
function keptLength(reader: Reader, node: Element, kept: Map<Node, number>): number {
  let length = kept.get(node);
  if (length === undefined) {
    length = reader._getInnerText(node).length;
    kept.set(node, length);
  }
  return length;
}

/** What the library's `_getLinkDensity` computes, from kept lengths. */
function linkDensity(reader: Reader, hashUrl: RegExp, element: Element, kept: Map<Node, number>): number {
  const textLength = keptLength(reader, element, kept);
  if (textLength === 0) return 0;
  let linkLength = 0;
  const links = element.getElementsByTagName('a');
  for (let i = 0, n = links.length; i < n; i++) {
    const link = links[i] as Element;
    const href = link.getAttribute('href');
    const coefficient = href && hashUrl.test(href) ? 0.3 : 1;
    linkLength += keptLength(reader, link, kept) * coefficient;
  }
  return linkLength / textLength;
}

/** Everything kept here reads: the tree and its text (a density reads the links' `href` afresh at every answer). */
const WATCH: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** One tree watched for changes, for as long as something read from it is kept. */
interface Watch {
  /** Watch the tree `node` is in. */
  start(node: Node): void;
  /** Whether the tree changed since it was started or last asked. */
  changed(): boolean;
  /** Whether `node` is in the watched tree (none is while stopped). */
  holds(node: Node): boolean;
  stop(): void;
}

function watcher(Observer: Observer): Watch {
  const observer = new Observer(() => undefined);
  let root: Node | null = null;
  return {
    start(node) {
      root = node.getRootNode();
      observer.observe(root, WATCH);
    },
    changed: () => observer.takeRecords().length > 0,
    holds: (node) => root !== null && node.getRootNode() === root,
    stop() {
      observer.disconnect();
      root = null;
    },
  };
}

/**
 * Give `reader` (a Readability instance) the quick density, watched by observers made with `Observer`. Without an
 * Observer, or when the library lacks a method this stands on, the instance is left alone.
 */
export function quickenDensity(reader: object, Observer: Observer | undefined): void {
  const lib = reader as Partial<Reader>;
  if (!Observer || !(lib.REGEXPS?.hashUrl instanceof RegExp) || typeof lib._getLinkDensity !== 'function'
    || typeof lib._getInnerText !== 'function' || typeof lib._initializeNode !== 'function' || typeof lib.parse !== 'function') return;
  const own = { density: lib._getLinkDensity, initialize: lib._initializeNode, parse: lib.parse };
  const hashUrl = lib.REGEXPS.hashUrl;
  const watch = watcher(Observer);
  /** The kept lengths, while their tree is watched and has not changed. */
  let kept: Map<Node, number> | null = null;
  let scoring = false;
  const forget = (): void => {
    watch.stop();
    kept = null;
    scoring = false;
  };
  Object.assign(reader, {
    _initializeNode(this: Reader, node: Element): void {
      scoring = true;
      own.initialize.call(this, node);
    },
    _getLinkDensity(this: Reader, element: Element): number {
      if (kept) {
        // Any change since the lengths were kept: forget them, and let the library answer until it scores again.
        if (watch.changed()) forget();
        else if (watch.holds(element)) return linkDensity(this, hashUrl, element, kept);
      } else if (scoring) {
        watch.start(element);
        kept = new Map();
        return linkDensity(this, hashUrl, element, kept);
      }
      return own.density.call(this, element);
    },
    parse(this: Reader, ...args: unknown[]): unknown {
      try {
        return (own.parse as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        forget();
      }
    },
  });
}
