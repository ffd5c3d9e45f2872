/** The public shapes of the extraction core. Nothing here depends on an extension API. */

import type { StepName } from './steps/index';

/** The named clean-up steps (steps/index.ts `STEPS`). Each can be switched off with `steps: { name: false }`. */
export type { StepName };

export type FailureReason = 'not-article' | 'empty' | 'too-large' | 'error';

export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO-like string as the page gives it, or null. */
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /**
   * HTML of the article body, NOT sanitized: it comes from the page. Render it only through `sanitizeHtml`
   * (src/ui/sanitize.ts), as the reader view does.
   */
  content: string;
  /** The text a reader sees in `content`, blocks separated by blank lines. */
  textContent: string;
  /** Characters in `textContent`. */
  length: number;
  readingTimeMinutes: number;
  /** The page URL the article was read from. */
  url: string;
  /**
   * The page failed the "is this an article?" checks but holds a paragraph of prose (readability.ts `proseOf`): it is
   * read, and the view says quietly that it may not be an article. False when the reader forced the read.
   */
  weak: boolean;
  /** How many things each step removed (or, for lazyImages, absoluteUrls and lostPhotos, rewrote or put back); 0 for a step that did not run. */
  removed: Record<StepName, number>;
}

export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; reason: FailureReason; message: string };

export interface ExtractOptions {
  /** The page URL; relative links and images are resolved against it (and the page's `<base href>`). */
  url: string;
  /** Skip the "is this an article?" pre-check (the reader's "Show anyway"). */
  force?: boolean;
  /** Switch single steps off, e.g. `{ captions: false }`. Readability itself is not a step and always runs. */
  steps?: Partial<Record<StepName, boolean>>;
  /** Pages with more elements than this are refused with `too-large`. */
  maxElements?: number;
}
