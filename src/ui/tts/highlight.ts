/**
 * Show what is being read: the sentence, and the word where the voice reports word boundaries, as CSS Custom
 * Highlights (no DOM change), kept in view below the sticky bar when the reader follows along.
 */

export const HIGHLIGHT_NAME = 'lectern-tts';
export const WORD_HIGHLIGHT_NAME = 'lectern-tts-word';
/** The class on the block (paragraph, list item, heading…) being read aloud. */
export const READING_CLASS = 'lectern-reading';

type HighlightWindow = Window & { Highlight?: new (...ranges: Range[]) => unknown };
type Registry = { set(name: string, value: unknown): void; delete(name: string): void };

/** Set (or with null, clear) the highlight `name` to `range`, where the browser has the Custom Highlight API. */
export function highlight(name: string, range: Range | null, win: HighlightWindow = window): void {
  const registry = (win as unknown as { CSS?: { highlights?: Registry } }).CSS?.highlights;
  if (!registry || !win.Highlight) return;
  if (range) registry.set(name, new win.Highlight(range));
  else registry.delete(name);
}

/** Scroll so that `range` is in view below the sticky bar, when it is not. */
export function keepInView(range: Range, win: Window = window): void {
  if (typeof range.getBoundingClientRect !== 'function') return;
  const rect = range.getBoundingClientRect();
  const top = win.document.querySelector('.lectern-bar')?.getBoundingClientRect().bottom ?? 0;
  if (rect.top < top || rect.bottom > win.innerHeight) {
    win.scrollBy({ top: rect.top - top - (win.innerHeight - top) / 3 });
  }
}

/** Highlight the sentence being read (null: none), scrolling to it when `follow`. Clears the word highlight. */
export function showSentence(range: Range | null, win: HighlightWindow = window, follow = true): void {
  highlight(WORD_HIGHLIGHT_NAME, null, win);
  highlight(HIGHLIGHT_NAME, range, win);
  if (range && follow) keepInView(range, win);
}

/** Highlight the word being read (null: none), scrolling to it when `follow` (a long sentence runs past the fold). */
export function showWord(range: Range | null, win: HighlightWindow = window, follow = true): void {
  highlight(WORD_HIGHLIGHT_NAME, range, win);
  if (range && follow) keepInView(range, win);
}
