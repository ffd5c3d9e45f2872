/**
 * Reading keys, the same in every surface: what each does, and the one keydown handler that does it. Keys never fire
 * while the reader types in a field or holds Ctrl, Alt or Cmd, and Tab is never taken (keyboard and screen-reader
 * users move through the view as usual); Space and Enter on a button or link stay theirs.
 */
import { FONT_SIZES, THEMES, type Settings } from '../shared/settings';
import { syncBarHeight } from './bar';
import type { MessageKey } from './i18n';
import { stepIn } from './theme';
import { TOC_HEADINGS } from './toc';
import { scroller } from './scroll';

/** The key list: the keys (a message key such as `keyEsc` where the name is a word) and what they do. */
export const READING_KEYS: ReadonlyArray<readonly [keys: string, does: MessageKey]> = [
  ['j / ↓', 'keyScrollDown'],
  ['k / ↑', 'keyScrollUp'],
  ['keySpace', 'keyPage'],
  ['] / [', 'keyHeading'],
  ['t', 'keyContents'],
  ['+ / −', 'keyTextSize'],
  ['d', 'keyTheme'],
  ['p', 'keyPlay'],
  [', / .', 'keySentence'],
  ['?', 'keyHelp'],
  ['keyEsc', 'keyClose'],
  // Not a key: the click open-links.ts handles, listed where readers look for shortcuts.
  ['keyAltClick', 'keyOpenLink'],
];

export interface KeyActions {
  settings: () => Settings;
  update: (patch: Partial<Settings>) => void;
  toggleToc: () => void;
  togglePlay: () => void;
  /** Reading aloud: the previous (-1) or next (+1) sentence. */
  stepSentence: (by: 1 | -1) => void;
  toggleHelp: () => void;
  /** Close an open panel or the key list; false when nothing was open. */
  close: () => boolean;
  body: () => HTMLElement | null;
}

const LINE = 60;

/** Whether a key press belongs to what has focus: a field, an editable region, or (for Space/Enter) a control. */
function isTheirs(e: KeyboardEvent): boolean {
  const target = e.target as Element | null;
  if (!target || !(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return (e.key === ' ' || e.key === 'Enter') && !!target.closest('button, a[href], summary, [role="button"]');
}


/** Scroll to the next (+1) or previous (-1) heading of the body from where the view is. */
function toHeading(body: HTMLElement | null, direction: 1 | -1): void {
  if (!body) return;
  syncBarHeight();
  // Where each heading is against where scrolling to it puts it (its scroll-margin, below the sticky bar).
  const offsets = Array.from(body.querySelectorAll<HTMLElement>(TOC_HEADINGS), (h) => ({
    h,
    off: h.getBoundingClientRect().top - (parseFloat(getComputedStyle(h).scrollMarginTop) || 0),
  }));
  const target = direction === 1 ? offsets.find((o) => o.off > 2) : [...offsets].reverse().find((o) => o.off < -2);
  target?.h.scrollIntoView({ block: 'start' });
}

/** Handle one keydown; returns whether it was a reading key (then the default action is prevented). */
export function onReadingKey(e: KeyboardEvent, a: KeyActions): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTheirs(e)) return false;
  const el = scroller();
  const page = Math.max(LINE, el.clientHeight * 0.85);
  switch (e.key) {
    case 'j': case 'ArrowDown': el.scrollBy({ top: LINE }); return true;
    case 'k': case 'ArrowUp': el.scrollBy({ top: -LINE }); return true;
    case ' ': el.scrollBy({ top: e.shiftKey ? -page : page }); return true;
    case ']': toHeading(a.body(), 1); return true;
    case '[': toHeading(a.body(), -1); return true;
    case 't': a.toggleToc(); return true;
    case '+': case '=': a.update({ fontSize: stepIn(FONT_SIZES, a.settings().fontSize, 1) }); return true;
    case '-': case '−': a.update({ fontSize: stepIn(FONT_SIZES, a.settings().fontSize, -1) }); return true;
    case 'd': {
      const at = THEMES.indexOf(a.settings().theme);
      a.update({ theme: THEMES[(at + 1) % THEMES.length] });
      return true;
    }
    case 'p': a.togglePlay(); return true;
    case ',': a.stepSentence(-1); return true;
    case '.': a.stepSentence(1); return true;
    case '?': a.toggleHelp(); return true;
    case 'Escape': return a.close();
    default: return false;
  }
}
