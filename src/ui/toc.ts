/** The table of contents: the article body's headings, in order, with their depth. */

/** The headings a table of contents lists (the article's own title is the page's h1, outside the body). */
export const TOC_HEADINGS = 'h2, h3, h4';
/** Fewer headings than this make no useful table of contents. */
export const TOC_MIN_ENTRIES = 3;

export interface TocEntry {
  text: string;
  /** 1 for the article's top heading level, 2 and 3 below it. */
  level: number;
  /** Position among `root.querySelectorAll(TOC_HEADINGS)`: how the view finds the heading to scroll to. */
  index: number;
}

/** Parse article HTML inertly (a DOMParser document: no scripts run, no images load); returns its body. */
export function parseFragment(html: string, win: { DOMParser: typeof DOMParser } = window): HTMLElement {
  return new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

export function buildToc(source: ParentNode | string): TocEntry[] {
  const root = typeof source === 'string' ? parseFragment(source) : source;
  const found = Array.from(root.querySelectorAll(TOC_HEADINGS), (el, index) => ({
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    depth: Number(el.tagName[1]),
    index,
  })).filter((h) => h.text);
  const top = Math.min(...found.map((h) => h.depth));
  return found.map(({ text, depth, index }) => ({ text, level: depth - top + 1, index }));
}

/** The heading a ToC entry points at in the rendered body. */
export function headingAt(body: ParentNode, index: number): Element | null {
  return body.querySelectorAll(TOC_HEADINGS)[index] ?? null;
}
