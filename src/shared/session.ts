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
