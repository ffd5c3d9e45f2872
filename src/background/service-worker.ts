/**
 * The service worker. Every listener is registered at the top level, each time the worker starts; nothing it needs
 * later is kept in memory (the side panel's content lives in storage.session).
 */
import { browser } from '../shared/browser';
import { listen } from '../shared/messaging';
import { forgetAutoOpen, watchAutoOpen } from './auto-open';
import { onCommand } from './commands';
import { grantWithin, openLink } from './open-link';
import { siteOf } from '../shared/sites';
import { createMenus, onMenuClick } from './menus';
import { openReader } from './open-reader';
import { watchPanels } from './panels';
import { forgetReaderTab, rereadIntoTab } from './reader-tab';
import { isReaderTabId } from '../shared/session';
import './test-hooks';
import type { ReadResult } from '../shared/protocol';
import { removePanelEntry } from '../shared/session';
import { stamp } from './trace';

const NO_TAB: ReadResult = { ok: false, reason: 'no-tab', message: 'That tab is no longer open.' };

browser.runtime.onInstalled.addListener(() => {
  void createMenus().catch(() => undefined);
});
browser.contextMenus.onClicked.addListener(onMenuClick);
browser.commands.onCommand.addListener(onCommand);
watchPanels();
watchAutoOpen();
browser.tabs.onRemoved.addListener((tabId) => {
  void removePanelEntry(tabId).catch(() => undefined);
  void forgetReaderTab(tabId).catch(() => undefined);
  void forgetAutoOpen(tabId).catch(() => undefined);
});

listen({
  'read-tab': async ({ tabId, surface, options }) => {
    stamp('bg:received');
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const result = tab ? await openReader(tab, surface, options, 'view') : NO_TAB;
    stamp('bg:replied');
    return result;
  },
  'open-tab': async ({ tabId, options }) => {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    return tab ? openReader(tab, 'tab', options, 'view') : NO_TAB;
  },
  'reread-reader-tab': async ({ id, options }) => (isReaderTabId(id) ? rereadIntoTab(id, options) : NO_TAB),
  'open-link': async ({ url, tabId, asking }, sender) => {
    if (typeof url !== 'string') return NO_TAB;
    const opener = tabId === undefined ? sender.tab : await browser.tabs.get(tabId).catch(() => undefined);
    const site = siteOf(url);
    return openLink(url, opener, asking && site ? grantWithin(site) : undefined);
  },
});
