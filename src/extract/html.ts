/** Parsing HTML without running it. */

/**
 * Parse an HTML fragment into the body of a new document made by DOMParser: such a document has no browsing
 * context, so nothing in it runs or loads. Used instead of assigning `innerHTML` to a live element.
 */
export function parseInert(html: string, win: { DOMParser: typeof DOMParser }): HTMLElement {
  return new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}
