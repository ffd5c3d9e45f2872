/**
 * What the side panel shows for each tab, kept in `storage.session` (never in the service worker's memory, which the
 * browser may stop at any time). The background writes an entry when it reads a tab for the panel; the panel reads
 * the entry of its window's active tab and follows changes.
 */
import { browser } from './browser';
import type { ReadOptions, ReadResult } from './protocol';

export type PanelEntry =
  | { tabId: number; url: string; options: ReadOptions; phase: 'loading' }
  | { tabId: number; url: string; options: ReadOptions; phase: 'done'; result: ReadResult };

const PREFIX = 'panel:';

export const panelKey = (tabId: number): string => `${PREFIX}${tabId}`;

export async function getPanelEntry(tabId: number): Promise<PanelEntry | null> {
  const key = panelKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isPanelEntry(stored) ? stored : null;
}

export async function setPanelEntry(entry: PanelEntry): Promise<void> {
  await browser.storage.session.set({ [panelKey(entry.tabId)]: entry });
}

export async function removePanelEntry(tabId: number): Promise<void> {
  await browser.storage.session.remove(panelKey(tabId));
}

export function isPanelEntry(value: unknown): value is PanelEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<PanelEntry>;
  return typeof v.tabId === 'number' && typeof v.url === 'string' && (v.phase === 'loading' || v.phase === 'done');
}

/**
 * What a reader tab shows, under `reader:<id>` with a random id: the tab's page has only the id (`?id=`), never the
 * article. The entry outlives a reload of the reader tab and the closing of its source tab; it goes when the reader
 * tab closes (service-worker.ts), and storage.session itself empties when the browser quits.
 */
export type ReaderTabEntry =
  | { id: string; sourceTabId: number; url: string; created: number; readerTabId?: number; phase: 'loading' }
  | { id: string; sourceTabId: number; url: string; created: number; readerTabId?: number; phase: 'done'; result: ReadResult };

const READER_PREFIX = 'reader:';
/** At most this many reader tabs' articles are kept; opening one more forgets the oldest. */
export const MAX_READER_TABS = 30;

export const readerTabKey = (id: string): string => `${READER_PREFIX}${id}`;

/** A reader tab id: 32 hex digits from crypto.getRandomValues (nothing a page could guess). */
export function newReaderTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const isReaderTabId = (id: unknown): id is string => typeof id === 'string' && /^[0-9a-f]{32}$/.test(id);

export function isReaderTabEntry(value: unknown): value is ReaderTabEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ReaderTabEntry>;
  return isReaderTabId(v.id) && typeof v.sourceTabId === 'number' && typeof v.url === 'string' && (v.phase === 'loading' || v.phase === 'done');
}

export async function getReaderTabEntry(id: string): Promise<ReaderTabEntry | null> {
  const key = readerTabKey(id);
  const stored = (await browser.storage.session.get(key))[key];
  return isReaderTabEntry(stored) ? stored : null;
}

export async function setReaderTabEntry(entry: ReaderTabEntry): Promise<void> {
  await browser.storage.session.set({ [readerTabKey(entry.id)]: entry });
}

/** Every reader tab entry, oldest first. */
export async function readerTabEntries(): Promise<ReaderTabEntry[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(READER_PREFIX) && isReaderTabEntry(value))
    .map(([, value]) => value as ReaderTabEntry)
    .sort((a, b) => a.created - b.created);
}

export async function removeReaderTabEntries(ids: readonly string[]): Promise<void> {
  if (ids.length) await browser.storage.session.remove(ids.map(readerTabKey));
}
