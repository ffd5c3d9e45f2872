/** Context menu items: created once per install or update, titles from _locales. */
import type { Menus, Tabs } from 'webextension-polyfill';
import { browser } from '../shared/browser';
import { requestSiteAccess } from '../shared/site-access';
import { siteOf } from '../shared/sites';
import { openLink } from './open-link';
import { openReader } from './open-reader';

export const MENU_READ_PAGE = 'lectern-read-page';
export const MENU_READ_SELECTION = 'lectern-read-selection';
export const MENU_OPEN_TAB = 'lectern-open-tab';
export const MENU_OPEN_LINK = 'lectern-open-link';

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_READ_PAGE, title: browser.i18n.getMessage('menuReadPage'), contexts: ['page'] });
  browser.contextMenus.create({
    id: MENU_READ_SELECTION,
    title: browser.i18n.getMessage('menuReadSelection'),
    contexts: ['selection'],
  });
  browser.contextMenus.create({ id: MENU_OPEN_TAB, title: browser.i18n.getMessage('menuOpenTab'), contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_OPEN_LINK, title: browser.i18n.getMessage('menuOpenLink'), contexts: ['link'] });
}

export function onMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  if (info.menuItemId === MENU_OPEN_LINK && info.linkUrl) {
    const site = siteOf(info.linkUrl);
    // Inside the menu click, synchronously: the browser asks the reader for the link's site (Firefox; Chromium may
    // refuse to prompt from the worker, and the reader tab then says the site was not allowed).
    const asked = site ? requestSiteAccess(site) : Promise.resolve(false);
    void openLink(info.linkUrl, tab, asked).catch(() => undefined);
    return;
  }
  if (!tab) return;
  if (info.menuItemId === MENU_READ_PAGE) void openReader(tab, 'sidepanel');
  else if (info.menuItemId === MENU_READ_SELECTION) void openReader(tab, 'sidepanel', { selection: true });
  else if (info.menuItemId === MENU_OPEN_TAB) void openReader(tab, 'tab');
}
