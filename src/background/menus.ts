/** Context menu items: created once per install or update, titles from _locales. */
import type { Menus, Tabs } from 'webextension-polyfill';
import { browser } from '../shared/browser';
import { openReader } from './open-reader';

export const MENU_READ_PAGE = 'lectern-read-page';
export const MENU_READ_SELECTION = 'lectern-read-selection';
export const MENU_OPEN_TAB = 'lectern-open-tab';

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_READ_PAGE, title: browser.i18n.getMessage('menuReadPage'), contexts: ['page'] });
  browser.contextMenus.create({
    id: MENU_READ_SELECTION,
    title: browser.i18n.getMessage('menuReadSelection'),
    contexts: ['selection'],
  });
  browser.contextMenus.create({ id: MENU_OPEN_TAB, title: browser.i18n.getMessage('menuOpenTab'), contexts: ['page'] });
}

export function onMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  if (!tab) return;
  if (info.menuItemId === MENU_READ_PAGE) void openReader(tab, 'sidepanel');
  else if (info.menuItemId === MENU_READ_SELECTION) void openReader(tab, 'sidepanel', { selection: true });
  else if (info.menuItemId === MENU_OPEN_TAB) void openReader(tab, 'tab');
}
