/**
 * The reader tab (#26) in Chromium: opened from the popup, from the side panel and from the context menu, next to its
 * page; the article travels through storage.session under a random id (the URL has the id only); a reload keeps it,
 * a closed source tab does not break it, several reader tabs keep their own articles; "Open the original page" goes
 * back to the page's tab; the tab is named after the article; axe finds nothing serious in any theme.
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { allPages, findExtensionPage, openPopup } from '../../scripts/lib/chromium';
import { axeViolations, clickOpenInSidePanel, closeSidePanels, currentWorker, openFixture, readerText, SCREENSHOTS, pdfText, sidePanelCount, useSession, waitFor } from './support';

const ARTICLE = 'captions-npr-toggle';
const LONG = 'view--long-article-toc';
const session = useSession();
const worker = (): Worker => currentWorker(session());
const tabPrefix = (): string => `chrome-extension://${session().lectern.extensionId}/src/ui/tab/index.html`;

afterEach(async () => {
  await closeSidePanels(session());
  for (const page of await allPages(await session().lectern.cdp())) if (page.url().startsWith(tabPrefix())) await page.close();
  expect(session().lectern.workerErrors, 'the service worker logged errors').toEqual([]);
});

interface TabInfo { id?: number; index: number; url?: string; active: boolean; title?: string; openerTabId?: number }
const tabs = (): Promise<TabInfo[]> => worker().evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id, index: t.index, url: t.url, active: t.active, title: t.title, openerTabId: t.openerTabId })));

/** The reader tab a click just opened (its URL, with its own id, is not one of `known`), once its article shows. */
async function newReaderTab(known: ReadonlySet<string> = new Set()): Promise<Page> {
  // Each CDP connection has its own Page objects: reader tabs are told apart by their URLs, which hold their ids.
  const page = await waitFor(async () => (await allPages(await session().lectern.cdp())).find((p) => p.url().startsWith(tabPrefix()) && !known.has(p.url())), Boolean);
  if (!page) throw new Error('no new reader tab opened');
  await page.waitForSelector('.lectern-reader, .lectern-status--failure', { timeout: 20_000 });
  return page;
}

async function readerTabs(): Promise<Set<string>> {
  return new Set((await allPages(await session().lectern.cdp())).map((p) => p.url()).filter((url) => url.startsWith(tabPrefix())));
}

const pageTitle = (): Promise<string> => session().tab.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');

describe('the reader tab', () => {
  it('opens from the popup next to its page, named after the article, with only a random id in its URL', async () => {
    await openFixture(session(), ARTICLE);
    const title = await pageTitle();
    const source = (await tabs()).find((t) => t.active)!;
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    const known = await readerTabs();
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    const reader = await newReaderTab(known);
    expect(await reader.locator('.lectern-reader h1').innerText()).toBe(title);
    expect(new URL(reader.url()).search).toMatch(/^\?id=[0-9a-f]{32}$/);
    const opened = await waitFor(async () => (await tabs()).find((t) => t.url?.startsWith(tabPrefix())), Boolean);
    expect(opened?.index, 'right after its page').toBe(source.index + 1);
    expect(opened?.openerTabId).toBe(source.id);
    expect(await waitFor(() => reader.title(), (t) => t === title)).toBe(title);
    // Full width: the article is not squeezed into the popup's 460 pixels.
    expect(await reader.locator('.lectern-reader').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(500);
    await reader.setViewportSize({ width: 1280, height: 800 });
    await reader.screenshot({ path: join(SCREENSHOTS, 'reader-tab.png') });
  });

  it('keeps its article on reload and after its page\'s tab is closed', async () => {
    const source = await session().lectern.context.newPage();
    await source.goto(`${session().server.origin}/${LONG}/source.html`);
    await source.bringToFront();
    const title = await source.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');
    const known = await readerTabs();
    const sourceId = (await tabs()).find((t) => t.url?.includes(LONG))!.id!;
    await worker().evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lectern-open-tab', editable: false, pageUrl: tab.url }, tab);
    }, sourceId);
    const reader = await newReaderTab(known);
    expect(await reader.locator('.lectern-reader h1').innerText()).toBe(title);
    await reader.reload();
    await reader.waitForSelector('.lectern-reader');
    expect(await reader.locator('.lectern-reader h1').innerText()).toBe(title);
    await source.close();
    await reader.reload();
    await reader.waitForSelector('.lectern-reader');
    expect(await reader.locator('.lectern-reader h1').innerText(), 'after the page\'s tab closed').toBe(title);
    // Wide window: the contents sit beside the article.
    await reader.setViewportSize({ width: 1400, height: 900 });
    expect(await reader.locator('.lectern-aside .lectern-toc a').count()).toBeGreaterThan(2);
    await reader.setViewportSize({ width: 900, height: 900 });
    expect(await reader.locator('.lectern-aside').isVisible()).toBe(false);
  });

  it('opens from the side panel; two reader tabs keep their own articles; "Open the original page" returns to the page', async () => {
    await openFixture(session(), ARTICLE);
    const firstTitle = await pageTitle();
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    await clickOpenInSidePanel(popup);
    const panel = await findExtensionPage(session().lectern, `chrome-extension://${session().lectern.extensionId}/src/ui/sidepanel/index.html`);
    await waitFor(() => sidePanelCount(session()), (n) => n === 1);
    await panel.waitForSelector('.lectern-reader', { timeout: 20_000 });
    let known = await readerTabs();
    await panel.getByRole('button', { name: 'Open in tab' }).click();
    const first = await newReaderTab(known);
    expect(await first.locator('.lectern-reader h1').innerText()).toBe(firstTitle);

    await openFixture(session(), LONG);
    const secondTitle = await pageTitle();
    const popup2 = await openPopup(session().lectern);
    await readerText(popup2);
    known = await readerTabs();
    await popup2.getByRole('button', { name: 'Open in tab' }).click();
    const second = await newReaderTab(known);
    expect(await second.locator('.lectern-reader h1').innerText()).toBe(secondTitle);
    await first.reload();
    await first.waitForSelector('.lectern-reader');
    expect(await first.locator('.lectern-reader h1').innerText(), 'the first tab kept its own article').toBe(firstTitle);

    // "Open the original page" brings the page's own tab to the front.
    await second.bringToFront();
    await second.locator('.lectern-reader__source').click();
    const active = await waitFor(async () => (await tabs()).find((t) => t.active), (t) => !!t?.url?.includes(LONG));
    expect(active?.url).toContain(LONG);
  });

  it('with its page\'s tab gone, "Open the original page" opens the page in the reader tab, and Back returns to the article', async () => {
    const source = await session().lectern.context.newPage();
    await source.goto(`${session().server.origin}/${LONG}/source.html`);
    await source.bringToFront();
    const title = await source.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    const known = await readerTabs();
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    const reader = await newReaderTab(known);
    await source.close();
    await reader.locator('.lectern-reader__source').click();
    await reader.waitForURL(`${session().server.origin}/${LONG}/source.html`);
    await reader.goBack();
    await reader.waitForSelector('.lectern-reader h1');
    expect(await reader.locator('.lectern-reader h1').innerText()).toBe(title);
    await reader.goForward();
    await reader.waitForURL(`${session().server.origin}/${LONG}/source.html`);
  });

  it('axe finds no serious or critical violation in the reader tab, in any theme', async () => {
    await openFixture(session(), LONG);
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    const known = await readerTabs();
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    const reader = await newReaderTab(known);
    await reader.setViewportSize({ width: 1400, height: 900 });
    for (const theme of ['light', 'dark', 'sepia']) {
      await reader.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
      expect(await axeViolations(reader), theme).toEqual([]);
    }
  });
});


describe('printing the reader tab', () => {
  it('prints the article with its source and one caption per photo, and none of the reader\'s controls', async () => {
    await openFixture(session(), ARTICLE);
    const title = await pageTitle();
    const caption = await session().tab.evaluate(() => {
      const p = document.querySelector('.bucketwrap.image .credit-caption .caption p');
      return Array.from(p?.childNodes ?? []).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim();
    });
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    const known = await readerTabs();
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    const reader = await newReaderTab(known);
    const text = (await pdfText(await reader.pdf({ format: 'A4', printBackground: false }))).replace(/\s+/g, ' ');
    const squeeze = (s: string): string => s.replace(/\s+/g, '');
    expect(squeeze(text)).toContain(squeeze(title));
    expect(text).toContain('Marisol Okafor');
    expect(squeeze(text)).toContain(squeeze(`${session().server.origin}/${ARTICLE}/source.html`));
    expect(squeeze(text)).toContain(squeeze('For the first time in almost ten years'));
    expect(squeeze(text).split(squeeze(caption)).length - 1, 'the caption once').toBe(1);
    for (const word of ['Display', 'Listen', 'Print', 'Open in tab', 'Open in side panel', 'Open the original page', 'hide caption', 'gettyimages', '.jpg']) {
      expect(text, word).not.toContain(word);
    }
    // What a printed page looks like (README).
    await reader.emulateMedia({ media: 'print' });
    await reader.setViewportSize({ width: 800, height: 1000 });
    await reader.screenshot({ path: join(SCREENSHOTS, 'reader-tab-print.png') });
    await reader.emulateMedia({ media: 'screen' });
  });
});
