/**
 * Large pages are read off their own thread (Chromium): the page's script hands back the page's markup (`HandOff`)
 * instead of reading it, and the offscreen document (src/offscreen/) reads that. A page of HAND_OFF_ABOVE elements or
 * fewer is read in the page as before: there the extra hops would cost more than the page's short task.
 * Measurements: docs/performance.md ("Huge pages").
 */
import { ensureOffscreenDocument } from '../shared/browser';
import { send } from '../shared/messaging';
import type { ReadOptions, ReadResult } from '../shared/protocol';

export const OFFSCREEN_PAGE = 'src/offscreen/index.html';
/** Pages with more elements than this are read in the offscreen document. */
export const HAND_OFF_ABOVE = 10_000;

/** Whether this browser can read off the page's thread (Chromium's offscreen documents). */
export function canHandOff(): boolean {
  return typeof (globalThis as { chrome?: { offscreen?: unknown } }).chrome?.offscreen === 'object';
}

/** Read a page's markup in the offscreen document; null when that cannot be done (the caller reads in the page). */
export async function readOffscreen(html: string, url: string, options: ReadOptions): Promise<ReadResult | null> {
  try {
    if (!(await ensureOffscreenDocument(OFFSCREEN_PAGE, 'Read a very large page without freezing it.'))) return null;
    return (await send('offscreen-read', { html, url, options })) ?? null;
  } catch {
    return null;
  }
}
