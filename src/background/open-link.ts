/**
 * "Open link in Lectern" (the link context menu, and a modified click on a link inside the reader): the link loads in
 * a new tab beside the page, and once it has loaded a reader tab shows it. Reading needs the link's site permission:
 * the caller asks for it inside the reader's click (shared/sites.ts `requestSiteAccess`) and passes the answer
 * (`asked`); without the permission the reader tab says why and nothing is read.
 */
import { browser } from '../shared/browser';
import type { ReadResult } from '../shared/protocol';
import { canInject } from '../shared/restricted';
import { hasSiteAccess } from '../shared/site-access';
import { siteOf } from '../shared/sites';
import { openReaderTab } from './reader-tab';
import { readTab } from './read-tab';

/** How long a link may take to load before the reader tab gives up with a sentence. */
export const LINK_LOAD_TIMEOUT_MS = 30_000;
/** How long to wait for the reader's answer to the browser's prompt when the asking view could not wait itself. */
export const PROMPT_WAIT_MS = 60_000;

/**
 * True once Lectern holds `site` (at once if it does), false when it has not within `timeoutMs`. For a popup, whose
 * prompt may close it before the answer comes: the background waits for the grant instead.
 */
export function grantWithin(site: string, timeoutMs = PROMPT_WAIT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (granted: boolean): void => {
      clearTimeout(timer);
      browser.permissions.onAdded.removeListener(check);
      resolve(granted);
    };
    const check = (): void => void hasSiteAccess(site).then((held) => held && done(true));
    const timer = setTimeout(() => done(false), timeoutMs);
    browser.permissions.onAdded.addListener(check);
    check();
  });
}

const NOT_A_PAGE: ReadResult = { ok: false, reason: 'restricted', message: 'Lectern can open web pages (http and https links) only.' };
export const LINK_NOT_ALLOWED = "Lectern was not allowed to read this link's site. The link is open in the tab beside this one.";

/** A tab that has loaded its page, not the `about:blank` a new tab starts with (Firefox reports that one complete too). */
const loadedPage = (tab: { status?: string; url?: string }): boolean => tab.status === 'complete' && !!tab.url && tab.url !== 'about:blank';

/** Resolve when the tab has finished loading its page (or at once if it has), false when it closed or took too long. */
export function tabLoaded(tabId: number, timeoutMs = LINK_LOAD_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      clearInterval(poll);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      resolve(ok);
    };
    const onUpdated = (id: number, change: { status?: string }, tab: { status?: string; url?: string }): void => {
      if (id === tabId && change.status === 'complete' && loadedPage(tab)) done(true);
    };
    const onRemoved = (id: number): void => {
      if (id === tabId) done(false);
    };
    const check = (): void => void browser.tabs.get(tabId).then((tab) => loadedPage(tab) && done(true), () => done(false));
    const timer = setTimeout(() => done(false), timeoutMs);
    // The events, and a look now and then: a load that completed between two listeners is not missed.
    const poll = setInterval(check, 500);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    check();
  });
}

export async function openLink(
  url: string,
  opener?: { id?: number; index?: number; windowId?: number },
  asked: Promise<boolean> = Promise.resolve(false),
): Promise<ReadResult> {
  const site = siteOf(url);
  if (!site || !canInject(url).ok) return NOT_A_PAGE;
  const linkTab = await browser.tabs.create({
    url,
    active: false,
    index: opener?.index === undefined ? undefined : opener.index + 1,
    openerTabId: opener?.id,
    windowId: opener?.windowId,
  });
  if (linkTab.id === undefined) return { ok: false, reason: 'no-tab', message: 'The link could not be opened.' };
  const source = { id: linkTab.id, index: linkTab.index, windowId: linkTab.windowId, url };
  return openReaderTab(source, {}, async () => {
    // The reader may still be answering the browser's prompt (asked in the click that opened the link); a browser
    // that would not prompt here (no gesture) answers false, and a permission already held is enough.
    if (!(await asked) && !(await hasSiteAccess(site))) {
      return { ok: false, reason: 'no-access', message: LINK_NOT_ALLOWED };
    }
    if (!(await tabLoaded(linkTab.id!))) {
      return { ok: false, reason: 'no-tab', message: 'The link did not finish loading, or its tab was closed.' };
    }
    return readTab(linkTab.id!);
  });
}
