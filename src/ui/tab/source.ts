/** The reader tab's source of its article. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Storage } from 'webextension-polyfill';
import { browser } from '../../shared/browser';
import { send } from '../../shared/messaging';
import type { ReadOptions, ReadResult } from '../../shared/protocol';
import { getReaderTabEntry, isReaderTabEntry, isReaderTabId, readerTabKey, type ReaderTabEntry } from '../../shared/session';
import { requestSiteAccess } from '../../shared/site-access';
import { siteOf } from '../../shared/sites';
import type { ReaderSource, ReaderView } from '../reader-source';

const GONE: ReadResult = {
  ok: false,
  reason: 'no-tab',
  message: 'This reader tab\'s article is no longer kept. Open the page again and choose "Open in tab".',
};

function tabViewOf(entry: ReaderTabEntry | null): ReaderView {
  if (!entry) return { phase: 'done', result: GONE };
  return entry.phase === 'loading' ? { phase: 'loading' } : { phase: 'done', result: entry.result };
}

/** The reader tab: show the entry its `?id=` names, and follow it while the background fills it in. */
export function useTabReader(): ReaderSource {
  const id = new URLSearchParams(location.search).get('id');
  const [view, setView] = useState<ReaderView>({ phase: 'loading' });
  const entry = useRef<ReaderTabEntry | null>(null);

  useEffect(() => {
    if (!isReaderTabId(id)) {
      setView({ phase: 'done', result: GONE });
      return undefined;
    }
    const key = readerTabKey(id);
    const onStored = (changes: Record<string, Storage.StorageChange>, area: string): void => {
      const next = changes[key]?.newValue;
      if (area === 'session' && isReaderTabEntry(next)) {
        entry.current = next;
        setView(tabViewOf(next));
      }
    };
    browser.storage.onChanged.addListener(onStored);
    void getReaderTabEntry(id).then((found) => {
      entry.current = found;
      setView(tabViewOf(found));
    });
    return () => browser.storage.onChanged.removeListener(onStored);
  }, [id]);

  const reread = (options: ReadOptions): void => {
    if (isReaderTabId(id)) void send('reread-reader-tab', { id, options }).catch(() => undefined);
  };
  const openOriginal = (): void => {
    const current = entry.current;
    if (!current) return;
    void browser.tabs.get(current.sourceTabId)
      .then((tab) => (tab.url === current.url ? browser.tabs.update(current.sourceTabId, { active: true }) : Promise.reject(new Error('moved on'))))
      .catch(() => {
        // The source tab is closed or shows another page: the original opens here (Back returns to the reader).
        if (current.url) location.assign(current.url);
      });
  };
  // A page Lectern was not allowed to read (a link opened in Lectern): "Try again" asks for its site first, inside the
  // click, where the browser can show its prompt.
  const retry = (): void => {
    const current = entry.current;
    const site = siteOf(current?.url);
    if (site && current?.phase === 'done' && !current.result.ok && current.result.reason === 'no-access') {
      void requestSiteAccess(site).then(() => reread({}));
      return;
    }
    reread({});
  };
  return { view, actions: { retry, force: () => reread({ force: true }), openOriginal } };
}
