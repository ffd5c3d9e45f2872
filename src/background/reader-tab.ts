/**
 * The reader tab: an extension page in a new tab beside the page it reads, showing the same reader full width. The
 * article travels through `storage.session` under a random id (the page's URL carries the id only), so a reload keeps
 * it and a closed source tab does not break it.
 */
import { browser } from '../shared/browser';
import type { ReadOptions, ReadResult } from '../shared/protocol';
import {
  getReaderTabEntry, MAX_READER_TABS, newReaderTabId, readerTabEntries, removeReaderTabEntries, setReaderTabEntry,
} from '../shared/session';
import { readTab } from './read-tab';

export const READER_TAB_PAGE = 'src/ui/tab/index.html';

export interface SourceTab {
  id: number;
  index?: number;
  windowId?: number;
  url?: string;
}

/**
 * Open a reader tab next to `source` and read `source` into it; `read` replaces the usual read (an article already
 * read, or a sentence to show instead).
 */
export async function openReaderTab(
  source: SourceTab,
  options: ReadOptions = {},
  read: () => Promise<ReadResult> = () => readTab(source.id, options),
): Promise<ReadResult> {
  const id = newReaderTabId();
  const created = Date.now();
  const base = { id, sourceTabId: source.id, url: source.url ?? '', created };
  await setReaderTabEntry({ ...base, phase: 'loading' });
  await forgetOldest();
  const tab = await browser.tabs.create({
    url: `${browser.runtime.getURL(READER_TAB_PAGE)}?id=${id}`,
    index: source.index === undefined ? undefined : source.index + 1,
    openerTabId: source.id,
    windowId: source.windowId,
  });
  const result = await read();
  await setReaderTabEntry({ ...base, readerTabId: tab.id, phase: 'done', result });
  return result;
}

/** Read a reader tab's source page again into its entry (Try again, Show anyway). */
export async function rereadIntoTab(id: string, options: ReadOptions = {}): Promise<ReadResult> {
  const entry = await getReaderTabEntry(id);
  if (!entry) return { ok: false, reason: 'no-tab', message: 'This reader tab\'s article is gone. Open the page again and choose "Open in tab".' };
  await setReaderTabEntry({ ...entry, phase: 'loading' });
  const result = await readTab(entry.sourceTabId, options);
  await setReaderTabEntry({ ...entry, phase: 'done', result });
  return result;
}

/** Keep at most MAX_READER_TABS articles. */
async function forgetOldest(): Promise<void> {
  const entries = await readerTabEntries();
  await removeReaderTabEntries(entries.slice(0, Math.max(0, entries.length - MAX_READER_TABS)).map((e) => e.id));
}

/** A reader tab closed: its article goes. */
export async function forgetReaderTab(tabId: number): Promise<void> {
  const entries = await readerTabEntries();
  await removeReaderTabEntries(entries.filter((e) => e.readerTabId === tabId).map((e) => e.id));
}
