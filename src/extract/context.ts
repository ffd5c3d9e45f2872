/** Visible (non-whitespace) characters under each element of `root`, and how many of them sit inside links. */
export interface TextStats {
  root: Element;
  chars: Map<Element, number>;
  linkChars: Map<Element, number>;
  /** The folded text (`squash(textContent)`) of the elements a step has read so far (block-stats.ts `textOf`). */
  texts: Map<Element, string>;
  /** The class and id words of the elements a step has read so far (block-stats.ts `hintWordsOf`). */
  hints: Map<Element, readonly string[]>;
}

/** What every step may read. Steps never touch the live page: `doc` is always the clone. */
export interface StepContext {
  /** The copy the pipeline works on (copy.ts). */
  doc: Document;
  /** The page URL as given by the caller. */
  url: string;
  /** The URL relative references resolve against: the page's `<base href>` resolved against `url`, or `url`. */
  baseUrl: string;
  /** A window whose DOMParser may be used (lazyImages reads `<noscript>` markup with it). Null when only the document is known. */
  win: (Window & typeof globalThis) | null;
  /**
   * The article's text measures, shared by the removal steps (block-stats.ts `statsOf`): measured once, then kept
   * true as they remove blocks. A step that changes the article another way drops them.
   */
  textStats?: TextStats;
}

/**
 * Resolve the `<base href>` in `doc`'s head against `url`; fall back to `url` when there is none or it is broken.
 * A `<base>` in the body is not followed: there it is pasted or injected content, and would send every link of the
 * article elsewhere.
 */
export function baseUrlOf(doc: Pick<Document, 'head'>, url: string): string {
  const href = doc.head?.querySelector('base[href]')?.getAttribute('href');
  if (!href) return url;
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}
