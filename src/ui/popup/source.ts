/** The popup's source of its article. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, openSidePanel } from '../../shared/browser';
import { send } from '../../shared/messaging';
import type { ReadOptions } from '../../shared/protocol';
import { NO_TAB, safeSend, type ReaderSource, type ReaderView } from '../reader-source';

/** The popup: read the tab it was opened for (or `?tabId=`), once. */
export function usePopupReader(): ReaderSource {
  const [view, setView] = useState<ReaderView>({ phase: 'loading' });
  const tab = useRef<{ id: number; windowId: number } | null>(null);

  const load = useCallback(async (options: ReadOptions = {}) => {
    setView({ phase: 'loading' });
    const param = new URLSearchParams(location.search).get('tabId');
    const found = param && /^\d+$/.test(param)
      ? await browser.tabs.get(Number(param)).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (found?.id === undefined || found.windowId === undefined) {
      setView({ phase: 'done', result: NO_TAB });
      return;
    }
    tab.current = { id: found.id, windowId: found.windowId };
    setView({ phase: 'done', result: await safeSend(found.id, 'popup', options) });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const openInSidePanel = useCallback(() => {
    const current = tab.current;
    if (!current) return;
    // Gesture first: nothing may be awaited before this call.
    void openSidePanel(current.windowId);
    void safeSend(current.id, 'sidepanel', {}).then(() => window.close());
  }, []);

  const openInTab = useCallback(() => {
    const current = tab.current;
    if (!current) return;
    void send('open-tab', { tabId: current.id }).catch(() => undefined);
    // The reader tab reads the page itself: the popup has done its part.
    setTimeout(() => window.close(), 50);
  }, []);

  return {
    view,
    actions: { retry: () => void load(), force: () => void load({ force: true }), openInSidePanel, openInTab },
  };
}
