/**
 * Auto-open: on the sites the reader chose ("Always open <site> in Lectern", shared/sites.ts), a page that reads as an
 * article opens in the chosen surface by itself, once per page load and never twice for the same URL in a tab.
 *
 * How: one registered content script (content/auto-open.ts) whose matches are exactly the chosen sites whose host
 * permission the reader granted; it only says "loaded". The background then reads the tab as every entry point does
 * (read-tab.ts, possible because the site's permission is held) and opens nothing unless the result is an article.
 * No `tabs` or `webNavigation` permission, and no worker wake-up on any other site.
 */
import autoScript from '../content/auto-open.ts?iife';
import type { Runtime } from 'webextension-polyfill';
import { browser, scripting } from '../shared/browser';
import { AUTO_OPEN_MESSAGE, type ReadResult } from '../shared/protocol';
import { setPanelEntry } from '../shared/session';
import { hasSiteAccess } from '../shared/site-access';
import { loadSites, saveSite, siteOf, sitePattern, SITES_KEY, type SiteOpen } from '../shared/sites';
import { panelShowing } from './panels';
import { readTab } from './read-tab';
import { openReaderTab } from './reader-tab';

export const AUTO_SCRIPT_ID = 'lectern-auto-open';
/**
 * storage.session, per tab (`auto:<tabId>`): the last page the auto-open script reported, and what came of it. A page
 * is read once: a reload or a second report of the same URL in the tab does nothing.
 */
export const autoKey = (tabId: number): string => `auto:${tabId}`;
export interface AutoRecord {
  url: string;
  outcome: 'reading' | 'opened' | 'not-article';
}

/** The match patterns of the sites that open by themselves and whose permission is held, sorted. */
export async function autoOpenPatterns(): Promise<string[]> {
  const sites = await loadSites();
  const patterns: string[] = [];
  for (const [site, choice] of Object.entries(sites)) {
    if (choice.open && (await hasSiteAccess(site))) patterns.push(sitePattern(site));
  }
  return patterns.sort();
}

let syncing: Promise<void> = Promise.resolve();

/** Make the registered script match exactly the chosen, granted sites (none: no script). Calls run one at a time. */
export function syncAutoOpen(): Promise<void> {
  syncing = syncing.then(syncNow, syncNow);
  return syncing;
}

async function syncNow(): Promise<void> {
  const patterns = await autoOpenPatterns();
  const registered = await scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] }).catch(() => []);
  const current = registered[0]?.matches?.slice().sort() ?? [];
  if (registered.length && current.join(' ') === patterns.join(' ')) return;
  if (registered.length) await scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] }).catch(() => undefined);
  if (!patterns.length) return;
  await scripting.registerContentScripts([
    // Kept across browser restarts by default; syncAutoOpen runs at start-up as well, for browsers that do not.
    { id: AUTO_SCRIPT_ID, js: [autoScript], matches: patterns, runAt: 'document_idle', allFrames: false },
  ]);
}

/** Show that the tab's page is an article Lectern can open with one click (the toolbar button's badge). */
async function badge(tabId: number, on: boolean): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: on ? '✓' : '' }).catch(() => undefined);
  await browser.action
    .setTitle({ tabId, title: browser.i18n.getMessage(on ? 'actionTitleArticleReady' : 'actionTitle') })
    .catch(() => undefined);
}

/** A page of a chosen site has loaded in `tab`: open it in the site's surface if it reads as an article. */
export async function autoOpen(tab: { id: number; url: string; windowId?: number; index?: number }): Promise<ReadResult | null> {
  const site = siteOf(tab.url);
  const open: SiteOpen | undefined = site ? (await loadSites())[site]?.open : undefined;
  if (!site || !open || !(await hasSiteAccess(site))) return null;
  const key = autoKey(tab.id);
  if (((await browser.storage.session.get(key))[key] as AutoRecord | undefined)?.url === tab.url) return null;
  const record = (outcome: AutoRecord['outcome']): Promise<void> => browser.storage.session.set({ [key]: { url: tab.url, outcome } });
  await record('reading');
  const result = await readTab(tab.id);
  if (!result.ok) {
    await badge(tab.id, false);
    await record('not-article');
    return result;
  }
  if (open === 'tab') {
    await openReaderTab({ ...tab }, {}, () => Promise.resolve(result));
  } else if (open === 'sidepanel') {
    // A side panel only opens on a click: an open one shows the article now, a closed one gets the badge.
    await setPanelEntry({ tabId: tab.id, url: tab.url, options: {}, phase: 'done', result });
    if (tab.windowId === undefined || !panelShowing(tab.windowId)) await badge(tab.id, true);
  } else {
    await badge(tab.id, true);
  }
  await record('opened');
  return result;
}

function isAutoOpenMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>)[AUTO_OPEN_MESSAGE] === true;
}

/** Listen for the auto-open script; keep the registration in step with the sites and the permissions. */
export function watchAutoOpen(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isAutoOpenMessage(message) || sender.id !== browser.runtime.id || sender.frameId !== 0) return undefined;
    const tab = sender.tab;
    const url = tab?.url ?? sender.url;
    if (tab?.id === undefined || !url) return undefined;
    void autoOpen({ id: tab.id, url, windowId: tab.windowId, index: tab.index }).catch(() => undefined);
    return undefined;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SITES_KEY in changes) void syncAutoOpen().catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(() => void syncAutoOpen().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void dropRevoked().then(syncAutoOpen).catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void syncAutoOpen().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void syncAutoOpen().catch(() => undefined));
}

/** A site whose permission the reader took back (here or in the browser's own settings) no longer opens by itself. */
async function dropRevoked(): Promise<void> {
  for (const [site, choice] of Object.entries(await loadSites())) {
    if (choice.open && !(await hasSiteAccess(site))) await saveSite(site, { open: null });
  }
}

/** A tab closed: forget what it auto-opened. */
export async function forgetAutoOpen(tabId: number): Promise<void> {
  await browser.storage.session.remove(autoKey(tabId));
}
