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

export interface ReadOptions {
  /** Read the page even if it does not look like an article. */
  force?: boolean;
}

export interface Protocol {
  /** Inject the content script into the tab, extract the article, answer with the result. */
  'read-tab': { request: { tabId: number; options?: ReadOptions }; response: ReadResult };
}

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
