/** Show the sentence being read: a CSS Custom Highlight (no DOM change), kept in view below the sticky bar. */

export const HIGHLIGHT_NAME = 'lectern-tts';

type HighlightWindow = Window & { Highlight?: new (...ranges: Range[]) => unknown };
type Registry = { set(name: string, value: unknown): void; delete(name: string): void };

export function showSentence(range: Range | null, win: HighlightWindow = window): void {
  const registry = (win as unknown as { CSS?: { highlights?: Registry } }).CSS?.highlights;
  if (registry && win.Highlight) {
    if (range) registry.set(HIGHLIGHT_NAME, new win.Highlight(range));
    else registry.delete(HIGHLIGHT_NAME);
  }
  if (!range || typeof range.getBoundingClientRect !== 'function') return;
  const rect = range.getBoundingClientRect();
  const top = win.document.querySelector('.lectern-bar')?.getBoundingClientRect().bottom ?? 0;
  if (rect.top < top || rect.bottom > win.innerHeight) {
    win.scrollBy({ top: rect.top - top - (win.innerHeight - top) / 3 });
  }
}
