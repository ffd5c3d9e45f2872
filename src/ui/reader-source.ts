/**
 * Where a reader view gets its article: what every surface's source gives the view (`{ view, actions }`, and the
 * view knows nothing else). Each surface has its own source, in its folder, so a page loads only its own: the popup
 * asks the background to read its tab (popup/source.ts); the side panel shows the entry stored for its window's
 * active tab and follows tab switches and navigations (sidepanel/source.ts); a reader tab shows the entry its `?id=`
 * names (tab/source.ts).
 */
import { send } from '../shared/messaging';
import type { ReadOptions, ReadResult } from '../shared/protocol';
import { stamp } from './trace';

export type ReaderView =
  | { phase: 'loading' }
  | { phase: 'done'; result: ReadResult }
  /** The side panel may not read this tab until the reader asks: say how. */
  | { phase: 'invite'; message: string };

export interface ReaderActions {
  retry: () => void;
  /** Read the page even though it does not look like an article. */
  force: () => void;
  /** Popup only: show this page in the side panel (must run inside the click handler). */
  openInSidePanel?: () => void;
  /** Popup and side panel: show this page in a reader tab of its own. */
  openInTab?: () => void;
  /** Reader tab: go back to the page it reads (its tab when still open, else the address in this tab). */
  openOriginal?: () => void;
}

export interface ReaderSource {
  view: ReaderView;
  actions: ReaderActions;
}

export const NO_TAB: ReadResult = { ok: false, reason: 'no-tab', message: 'There is no page to read in this window.' };
export const UNREACHABLE: ReadResult = { ok: false, reason: 'error', message: 'Lectern could not reach its background page. Try again.' };

/** Ask the background to read a tab; a background that cannot be reached is a result too. */
export async function safeSend(tabId: number, surface: 'popup' | 'sidepanel', options: ReadOptions): Promise<ReadResult> {
  try {
    stamp('ui:read-sent');
    const result = await send('read-tab', { tabId, surface, options });
    stamp('ui:result');
    return result ?? UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
}
