/**
 * The one message protocol between Lectern's contexts: message name -> request and response types.
 * Results, not exceptions, cross contexts: every failure is `{ ok: false, reason, message }` with a sentence to show.
 */
import type { Article, FailureReason } from '../extract/types';

/** Why a tab could not be read, beyond the extraction core's own reasons. */
export type ReaderFailureReason = FailureReason | 'restricted' | 'no-tab' | 'no-access';

export type ReadResult =
  | { ok: true; article: Article }
  | { ok: false; reason: ReaderFailureReason; message: string };

/**
 * What the page's script answers instead of an article when the background asked it to hand large pages off: the
 * page's markup, read in the offscreen document so the page's own thread is not blocked (background/offscreen.ts).
 */
export interface HandOff {
  handOff: { html: string; url: string };
}

export const isHandOff = (value: unknown): value is HandOff =>
  typeof value === 'object' && value !== null && typeof (value as Partial<HandOff>).handOff?.html === 'string';

export interface ReadOptions {
  /** Read the page even if it does not look like an article. */
  force?: boolean;
  /** Read only the text the reader has selected on the page. */
  selection?: boolean;
}

/** Where a reader shows: the toolbar popup, the side panel (Firefox: sidebar), or a reader tab of its own. */
export type Surface = 'popup' | 'sidepanel' | 'tab';

export interface Protocol {
  /** A reader view asks the background to read a tab (inject, extract, answer; the side panel's copy is stored). */
  'read-tab': { request: { tabId: number; surface: Surface; options?: ReadOptions }; response: ReadResult };
  /** Open a reader tab for a tab's page, next to it (the article goes through storage.session, never the URL). */
  'open-tab': { request: { tabId: number; options?: ReadOptions }; response: ReadResult };
  /** A reader tab asks for its page to be read again (Try again, Show anyway) into its own entry. */
  'reread-reader-tab': { request: { id: string; options?: ReadOptions }; response: ReadResult };
  /**
   * Open a link in Lectern: a new tab beside `tabId` loads it, then a reader tab shows it. The view asks for the
   * link's site permission in the reader's click first; without it the reader tab says so.
   */
  'open-link': {
    /** `asking`: the reader is answering the browser's prompt for the link's site now; wait for the answer. */
    request: { url: string; tabId?: number; asking?: boolean };
    response: ReadResult;
  };
  /** The background asks the offscreen document to read a large page's markup (`HandOff`). */
  'offscreen-read': { request: { html: string; url: string; options?: ReadOptions }; response: ReadResult };
}

/**
 * The one message a page's auto-open script sends (content/auto-open.ts, registered only on sites the reader chose):
 * `{ [AUTO_OPEN_MESSAGE]: true }`, "this page has loaded". Not an envelope: it comes from a web page's tab, which the
 * envelope listener never answers.
 */
export const AUTO_OPEN_MESSAGE = 'lecternAutoOpen';

/**
 * The side panel keeps a port open to the background, named `panel:<windowId>`, so the background knows without
 * waiting which windows show a panel (a keyboard toggle must decide at once, inside the gesture). The registry this
 * builds in the worker is derived: when the worker restarts, every panel reconnects and it is whole again.
 */
export const PANEL_PORT_PREFIX = 'panel:';
export type PanelPortMessage = { type: 'close' };

export type MessageName = keyof Protocol;
export type Request<K extends MessageName> = Protocol[K]['request'];
export type Response<K extends MessageName> = Protocol[K]['response'];
export interface Envelope<K extends MessageName = MessageName> {
  lectern: K;
  payload: Request<K>;
}

export function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as { lectern?: unknown }).lectern === 'string';
}
