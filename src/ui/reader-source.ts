/**
 * Where a reader view gets its article. The popup asks the background to read its tab; the side panel shows the
 * entry stored for its window's active tab and follows tab switches and navigations; a reader tab shows the entry its
 * `?id=` names. Views receive `{ view, actions }`
 * and know nothing else.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Runtime, Storage, Tabs } from 'webextension-polyfill';
import { browser, openSidePanel } from '../shared/browser';
import { send } from '../shared/messaging';
import { PANEL_PORT_PREFIX, type PanelPortMessage, type ReadOptions, type ReadResult } from '../shared/protocol';
import {
  getReaderTabEntry, isPanelEntry, isReaderTabEntry, isReaderTabId, panelKey, getPanelEntry, readerTabKey, type PanelEntry,
  type ReaderTabEntry,
} from '../shared/session';
import { t } from './i18n';
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

const NO_TAB: ReadResult = { ok: false, reason: 'no-tab', message: 'There is no page to read in this window.' };
const UNREACHABLE: ReadResult = { ok: false, reason: 'error', message: 'Lectern could not reach its background page. Try again.' };

async function safeSend(tabId: number, surface: 'popup' | 'sidepanel', options: ReadOptions): Promise<ReadResult> {
  try {
    stamp('ui:read-sent');
    const result = await send('read-tab', { tabId, surface, options });
    stamp('ui:result');
    return result ?? UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
}

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
  return { view, actions: { retry: () => reread({}), force: () => reread({ force: true }), openOriginal } };
}
