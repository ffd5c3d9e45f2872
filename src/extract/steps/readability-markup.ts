/**
 * Readability's reads of `innerHTML`, where the pipeline answers them itself.
 *
 * - The one debug message it builds when debugging is off: right after `_grabArticle`, `parse` logs "Grabbed: " and
 *   the article's whole markup, a serialization as long as the one the pipeline makes at the end. Its other such
 *   messages ask `this._debug` first; here that read of the article's markup answers '' unless debugging is on
 *   (`skipGrabbedLog`).
 * - `innerHtmlOf`: the accessor an element inherits, for the step that hands Readability its further-pass markup
 *   (readability.ts).
 *
 * (Faster versions of some per-element questions, node-list loops and tag queries of the library once stood here too:
 * with the bench timing both ways in the same pages, they saved nothing measurable, so Readability runs them as shipped.)
 */

/** What the debug-message guard needs of a Readability instance. */
interface Grabber {
  _debug?: boolean;
  _grabArticle(page?: unknown): Element | null;
}

/**
 * Readability 0.6.0's `parse` reads the article's `innerHTML` once, for `this.log("Grabbed: " + ...)`, right after
 * `_grabArticle` returns it (tests/unit/readability-markup.test.ts holds the pinned source to that). That one read is
 * answered with '' when debugging is off; the article's own `innerHTML` is back for every later read. An instance
 * without `_grabArticle` is left alone.
 */
export function skipGrabbedLog(reader: object): void {
  const grabber = reader as Partial<Grabber>;
  const grab = grabber._grabArticle;
  if (typeof grab !== 'function') return;
  grabber._grabArticle = function (this: Grabber, ...args: unknown[]) {
    const article = grab.apply(this, args as [unknown]);
    if (article && !this._debug) skipNextMarkupRead(article);
    return article;
  };
}

/** `el.innerHTML` answers '' once, then is the element's own again (as it is if it is written before being read). */
export function skipNextMarkupRead(el: Element): void {
  const inner = innerHtmlOf(el);
  if (!inner) return;
  Object.defineProperty(el, 'innerHTML', {
    configurable: true,
    get(this: Element) {
      delete (this as { innerHTML?: string }).innerHTML;
      return '';
    },
    set(this: Element, markup: string) {
      delete (this as { innerHTML?: string }).innerHTML;
      inner.set.call(this, markup);
    },
  });
}

export type Accessor = { get: (this: Element) => unknown; set: (this: Element, v: string) => void };

/** The `innerHTML` accessor `el` inherits (from its own window's prototypes). */
export function innerHtmlOf(el: Element): Accessor | undefined {
  for (let proto = Object.getPrototypeOf(el) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const found = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
    if (found?.get && found.set) return { get: found.get, set: found.set };
  }
  return undefined;
}
