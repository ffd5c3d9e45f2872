/** The side panel's source of its article. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Runtime, Storage, Tabs } from 'webextension-polyfill';
import { browser } from '../../shared/browser';
import { send } from '../../shared/messaging';
import { PANEL_PORT_PREFIX, type PanelPortMessage, type ReadOptions } from '../../shared/protocol';
import { getPanelEntry, isPanelEntry, panelKey, type PanelEntry } from '../../shared/session';
import { t } from '../i18n';
import { NO_TAB, safeSend, type ReaderSource, type ReaderView } from '../reader-source';

/** The sentence shown when the panel follows to a page Lectern may not read yet. */
async function invitation(): Promise<string> {
  const commands = await browser.commands.getAll().catch(() => []);
  const shortcut = commands.find((c) => c.name === 'toggle-reader')?.shortcut;
  return shortcut ? t('inviteShortcut', shortcut) : t('inviteButton');
}

async function viewOf(entry: PanelEntry): Promise<ReaderView> {
  if (entry.phase === 'loading') return { phase: 'loading' };
  if (!entry.result.ok && entry.result.reason === 'no-access') return { phase: 'invite', message: await invitation() };
  return { phase: 'done', result: entry.result };
}

/** The side panel: show its window's active tab, following switches and navigations. */
export function usePanelReader(): ReaderSource {
  const [view, setView] = useState<ReaderView>({ phase: 'loading' });
  const active = useRef<{ tabId: number; windowId: number } | null>(null);

  const read = useCallback(async (tabId: number, options: ReadOptions = {}) => {
    setView({ phase: 'loading' });
    await safeSend(tabId, 'sidepanel', options); // the stored entry drives the view
    const entry = await getPanelEntry(tabId);
    if (entry && active.current?.tabId === tabId) setView(await viewOf(entry));
  }, []);

  /** Show the stored entry for the tab when it is for the page the tab shows now; otherwise read the tab. */
  const show = useCallback(async (tab: Tabs.Tab) => {
    if (tab.id === undefined) return setView({ phase: 'done', result: NO_TAB });
    const entry = await getPanelEntry(tab.id);
    if (entry && (!tab.url || entry.url === tab.url)) return setView(await viewOf(entry));
    await read(tab.id, {});
  }, [read]);

  useEffect(() => {
    let port: Runtime.Port | null = null;
    let closed = false;
    const connect = (windowId: number): void => {
      port = browser.runtime.connect({ name: `${PANEL_PORT_PREFIX}${windowId}` });
      port.onMessage.addListener((message: unknown) => {
        if ((message as PanelPortMessage | null)?.type === 'close') window.close();
      });
      // The worker stopped or restarted: reconnect so it knows this panel is showing.
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(() => connect(windowId), 50);
      });
    };
    const onActivated = (info: Tabs.OnActivatedActiveInfoType): void => {
      if (!active.current || info.windowId !== active.current.windowId) return;
      active.current = { tabId: info.tabId, windowId: info.windowId };
      void browser.tabs.get(info.tabId).then(show, () => setView({ phase: 'done', result: NO_TAB }));
    };
    const onUpdated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType): void => {
      if (tabId === active.current?.tabId && change.status === 'complete') void read(tabId, {});
    };
    const onStored = (changes: Record<string, Storage.StorageChange>, area: string): void => {
      const tabId = active.current?.tabId;
      if (area !== 'session' || tabId === undefined) return;
      const next = changes[panelKey(tabId)]?.newValue;
      if (isPanelEntry(next)) void viewOf(next).then(setView);
    };
    void (async () => {
      const win = await browser.windows.getCurrent();
      if (win.id === undefined) return;
      connect(win.id);
      const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
      if (!tab?.id) return setView({ phase: 'done', result: NO_TAB });
      active.current = { tabId: tab.id, windowId: win.id };
      await show(tab);
    })();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onStored);
    return () => {
      closed = true;
      port?.disconnect();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onStored);
    };
  }, [read, show]);

  const retry = (): void => {
    if (active.current) void read(active.current.tabId, {});
  };
  const force = (): void => {
    if (active.current) void read(active.current.tabId, { force: true });
  };
  const openInTab = (): void => {
    if (active.current) void send('open-tab', { tabId: active.current.tabId }).catch(() => undefined);
  };
  return { view, actions: { retry, force, openInTab } };
}
