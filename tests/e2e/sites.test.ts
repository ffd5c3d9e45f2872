/**
 * Lectern where the reader wants it (#28), in Chromium: "Always open <site> in Lectern" from the reader, then articles
 * of that site open by themselves (reader tab, badge, an open side panel) and other pages do not; turning it off stops
 * it; settings pinned for a site win over the global ones and survive a browser restart; "Open link in Lectern" from
 * the context menu and Alt+click in the reader.
 *
 * What the test build pre-grants: the E2E build holds http://127.0.0.1/* (manifest), because Playwright cannot click
 * Chromium's permission prompt. The reader's click still calls `permissions.request` for the site, which resolves at
 * once for a held permission; turning auto-open off calls `permissions.remove`, which Chromium refuses for a
 * permission the build requires, so the permission's removal itself is proven in firefox-esr (firefox-sites.test.ts),
 * which grants and removes optional permissions without a prompt. The production manifest's permissions: popup.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { allPages, launchWithExtension, openPopup } from '../../scripts/lib/chromium';
import { serveStatic } from '../../scripts/lib/serve';
import { placeholderPng } from '../../scripts/lib/png';
import { PAGES, ROOT } from '../support/dom';
import { clickOpenInSidePanel, closeSidePanels, currentWorker, readerText, SCREENSHOTS, useSession, waitFor } from './support';

const ARTICLE = 'captions-npr-toggle';
const LONG = 'view--long-article-toc';
const HOME = 'not-article--home-page';
const SITE = 'http://127.0.0.1';
const session = useSession();
const worker = (): Worker => currentWorker(session());
const url = (slug: string): string => `${session().server.origin}/${slug}/source.html`;
const tabPrefix = (): string => `chrome-extension://${session().lectern.extensionId}/src/ui/tab/index.html`;

async function readerTabs(): Promise<Page[]> {
  return (await allPages(await session().lectern.cdp())).filter((p) => p.url().startsWith(tabPrefix()) && !p.isClosed());
}

/** The reader tab that was not open before (`known`: their URLs, which hold their ids), once it shows its article. */
async function newReaderTab(known: ReadonlySet<string>): Promise<Page> {
  const page = await waitFor(async () => (await readerTabs()).find((p) => !known.has(p.url())), Boolean, 15_000);
  if (!page) throw new Error('no reader tab opened');
  await page.waitForSelector('.lectern-reader, .lectern-status--failure', { timeout: 20_000 });
  return page;
}

const readerTabUrls = async (): Promise<Set<string>> => new Set((await readerTabs()).map((p) => p.url()));
const activeTabId = (): Promise<number> => worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);

/** What the background made of the last page the auto-open script reported in the test tab, once it has decided. */
async function autoOutcome(tabId: number, pageUrl: string): Promise<string | undefined> {
  const record = await waitFor(
    () => worker().evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { url: string; outcome: string } | undefined, `auto:${tabId}`),
    (r) => r?.url === pageUrl && r.outcome !== 'reading',
    15_000,
  );
  return record?.url === pageUrl ? record.outcome : undefined;
}

/** Open the popup on the test tab's page with the Display panel showing. */
async function displayPanel(): Promise<Page> {
  const popup = await openPopup(session().lectern);
  await readerText(popup);
  await popup.getByRole('button', { name: 'Display' }).click();
  await popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ }).waitFor();
  return popup;
}

async function goto(slug: string): Promise<void> {
  await session().tab.goto(url(slug));
  await session().tab.bringToFront();
}

const registeredMatches = (): Promise<string[]> =>
  worker().evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));

afterEach(async () => {
  await closeSidePanels(session());
  for (const page of await readerTabs()) await page.close();
  // Leave no site behind for the next test.
  await worker().evaluate(() => chrome.storage.local.remove('sites'));
  await waitFor(registeredMatches, (m) => m.length === 0);
});

describe('always open a site in Lectern', () => {
  it('opens articles of the chosen site in a reader tab by themselves, once per page, and never other pages', async () => {
    await goto(ARTICLE);
    const popup = await displayPanel();
    expect(await registeredMatches()).toEqual([]);
    await popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ }).click();
    expect(await waitFor(registeredMatches, (m) => m.length > 0), 'one script, on the chosen site only').toEqual([`${SITE}/*`]);
    const sites = await worker().evaluate(async () => (await chrome.storage.local.get('sites')).sites as { sites: Record<string, { open?: string }> });
    expect(sites.sites[SITE]?.open).toBe('tab');
    await popup.close();

    const tabId = await activeTabId();
    const known = await readerTabUrls();
    await goto(LONG);
    const reader = await newReaderTab(known);
    const title = await session().tab.evaluate(() => document.querySelector('h1')!.textContent.trim());
    expect(await reader.locator('.lectern-reader h1').innerText()).toBe(title);
    expect(await autoOutcome(tabId, url(LONG))).toBe('opened');

    // The same URL again (a reload) opens nothing more.
    const afterFirst = await readerTabUrls();
    await session().tab.reload();
    await session().tab.waitForLoadState('load');
    // The script reports each load; give it the time a report and a read take before counting.
    await session().tab.waitForTimeout(1500);
    expect(await readerTabUrls()).toEqual(afterFirst);

    // A page of the same site that is not an article: read, refused, nothing opened.
    await goto(HOME);
    expect(await autoOutcome(tabId, url(HOME))).toBe('not-article');
    expect(await readerTabUrls()).toEqual(afterFirst);
  });

  it('shows a badge on the toolbar button when that is the chosen way, and fills an open side panel', async () => {
    await goto(ARTICLE);
    let popup = await displayPanel();
    await popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ }).click();
    await waitFor(registeredMatches, (m) => m.length > 0);
    await popup.getByRole('combobox', { name: 'Open in', exact: true }).selectOption('badge');
    await waitFor(
      () => worker().evaluate(async () => ((await chrome.storage.local.get('sites')).sites as { sites: Record<string, { open?: string }> }).sites),
      (s) => s['http://127.0.0.1']?.open === 'badge',
    );
    await popup.close();
    const tabId = await activeTabId();
    const known = await readerTabUrls();
    await goto(LONG);
    expect(await autoOutcome(tabId, url(LONG))).toBe('opened');
    expect(await worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
    expect(await readerTabUrls(), 'no reader tab: the badge was chosen').toEqual(known);
    await goto(HOME);
    expect(await autoOutcome(tabId, url(HOME))).toBe('not-article');
    expect(await worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');

    // The side panel: it cannot open without a click, so an open panel follows.
    await goto(ARTICLE);
    popup = await displayPanel();
    await popup.getByRole('combobox', { name: 'Open in', exact: true }).selectOption('sidepanel');
    await popup.getByRole('button', { name: 'Display' }).click();
    await clickOpenInSidePanel(popup);
    const panel = await waitFor(
      async () => (await allPages(await session().lectern.cdp())).find((p) => p.url().includes('/src/ui/sidepanel/') && !p.isClosed()),
      Boolean,
    );
    await readerText(panel!);
    await goto(LONG);
    const title = await session().tab.evaluate(() => document.querySelector('h1')!.textContent.trim());
    await panel!.waitForFunction((t) => document.querySelector('.lectern-reader h1')?.textContent?.trim() === t, title, { timeout: 15_000 });
  });

  it('stops when the reader turns it off', async () => {
    await goto(ARTICLE);
    let popup = await displayPanel();
    const box = popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ });
    await box.click();
    await waitFor(registeredMatches, (m) => m.length > 0);
    await popup.close();
    popup = await displayPanel();
    // Once the view has read the stored sites and the permission.
    const ticked = popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ });
    expect(await waitFor(() => ticked.isChecked(), Boolean), 'the reader sees it on').toBe(true);
    await popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ }).click();
    expect(await waitFor(registeredMatches, (m) => m.length === 0)).toEqual([]);
    await popup.close();
    const tabId = await activeTabId();
    const known = await readerTabUrls();
    // Earlier tests' pages were reported in this tab: start from nothing.
    await worker().evaluate((key) => chrome.storage.session.remove(key), `auto:${tabId}`);
    await goto(LONG);
    await session().tab.waitForTimeout(1500);
    expect(await readerTabUrls()).toEqual(known);
    const record = await worker().evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { url: string } | undefined, `auto:${tabId}`);
    expect(record, 'the page was not even reported').toBeUndefined();
  });
});

describe('the options page', () => {
  it('lists the sites with their choices; Remove forgets a site and stops it opening', async () => {
    await goto(ARTICLE);
    const popup = await displayPanel();
    await popup.getByRole('checkbox', { name: /Always open 127\.0\.0\.1 in Lectern/ }).click();
    await popup.getByRole('checkbox', { name: /Use these settings for 127\.0\.0\.1/ }).click();
    await popup.getByRole('button', { name: 'Larger text' }).click();
    await waitFor(registeredMatches, (m) => m.length > 0);
    await popup.getByRole('group', { name: 'This site' }).scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-this-site.png') });
    await popup.close();

    const options = await session().lectern.context.newPage();
    await options.goto(`chrome-extension://${session().lectern.extensionId}/src/ui/options/index.html`);
    const site = options.getByRole('group', { name: '127.0.0.1' });
    await site.waitFor();
    expect(await options.getByRole('heading', { level: 1 }).innerText()).toBe('Lectern settings');
    expect(await site.getByRole('combobox', { name: 'Opens' }).inputValue()).toBe('tab');
    expect(await site.innerText()).toContain('Text 18 px');
    await options.setViewportSize({ width: 900, height: 560 });
    await options.screenshot({ path: join(SCREENSHOTS, 'options.png') });
    await site.getByRole('button', { name: 'Remove' }).click();
    await site.waitFor({ state: 'detached' });
    expect(await waitFor(registeredMatches, (m) => m.length === 0)).toEqual([]);
    expect(await options.getByText(/No site has choices of its own yet/).count()).toBe(1);
    await options.close();
  });
});

describe('settings pinned for a site', () => {
  it('win over the global ones on that site, go back to them when unpinned, and survive a restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lectern-sites-profile-'));
    const server = await serveStatic(PAGES, placeholderPng());
    const dist = join(ROOT, 'dist-e2e');
    try {
      let browser = await launchWithExtension(dist, { userDataDir: profile });
      const textSize = (view: Page): Promise<string> => view.evaluate(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize);
      const openOn = async (slug: string): Promise<Page> => {
        const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
        await tab.goto(`${server.origin}/${slug}/source.html`);
        await tab.bringToFront();
        const popup = await openPopup(browser);
        await readerText(popup);
        return popup;
      };
      let popup = await openOn(ARTICLE);
      await popup.getByRole('button', { name: 'Display' }).click();
      await popup.getByRole('checkbox', { name: /Use these settings for 127\.0\.0\.1/ }).click();
      await popup.getByRole('button', { name: 'Larger text' }).click();
      await popup.getByRole('button', { name: 'Larger text' }).click();
      await popup.waitForFunction(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize === '20px');
      const stored = await browser.worker.evaluate(async () => ({
        global: ((await chrome.storage.sync.get('settings')).settings as { fontSize?: number } | undefined)?.fontSize,
        site: ((await chrome.storage.local.get('sites')).sites as { sites: Record<string, { pinned?: { fontSize?: number } }> }).sites['http://127.0.0.1']?.pinned?.fontSize,
      }));
      expect(stored.site, 'the site keeps 20 px').toBe(20);
      expect(stored.global ?? 17, 'the global size stays the default').toBe(17);
      await popup.close();
      await browser.close();

      browser = await launchWithExtension(dist, { userDataDir: profile });
      popup = await openOn(LONG);
      expect(await textSize(popup), 'pinned, after a restart').toBe('20px');
      await popup.getByRole('button', { name: 'Display' }).click();
      await popup.getByRole('checkbox', { name: /Use these settings for 127\.0\.0\.1/ }).click();
      await popup.waitForFunction(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize === '17px');
      await popup.close();
      await browser.close();
    } finally {
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('open a link in Lectern', () => {
  const LINKS = '/links/page.html';
  const linksPage = (): string =>
    `<!doctype html><html lang="en"><head><title>Links</title></head><body><ul>
<li><a id="to-article" href="/${LONG}/source.html">A long article</a></li><li><a href="mailto:someone@example.org">Mail</a></li></ul></body></html>`;

  it('from the link context menu: the link loads in a tab beside the page and a reader tab shows it', async () => {
    session().server.put(LINKS, linksPage());
    await session().tab.goto(`${session().server.origin}${LINKS}`);
    await session().tab.bringToFront();
    const source = await worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);
    const known = await readerTabUrls();
    const link = url(LONG);
    await worker().evaluate(
      ([tab, href]) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lectern-open-link', editable: false, linkUrl: href, pageUrl: tab.url }, tab),
      [source, link] as const,
    );
    const reader = await newReaderTab(known);
    await reader.waitForSelector('.lectern-reader h1');
    const tabs = await worker().evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ url: t.url, index: t.index, openerTabId: t.openerTabId })));
    const linkTab = tabs.find((t) => t.url === link);
    expect(linkTab, 'the link has its own tab').toBeTruthy();
    expect(linkTab?.openerTabId).toBe(source.id);
    expect(await reader.locator('.lectern-reader h1').innerText()).toMatch(/\S/);
    for (const page of await allPages(await session().lectern.cdp())) if (page.url() === link) await page.close();
  });

  it('says so in the reader tab when Lectern may not read the link\'s site', async () => {
    // localhost is the same server under a name the test build holds no permission for. From the worker there is no
    // gesture, so the browser grants nothing: the refusal a reader's "Block" gives.
    const link = url(LONG).replace('127.0.0.1', 'localhost');
    const source = await worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);
    const known = await readerTabUrls();
    await worker().evaluate(
      ([tab, href]) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lectern-open-link', editable: false, linkUrl: href, pageUrl: tab.url }, tab),
      [source, link] as const,
    );
    const reader = await newReaderTab(known);
    expect(await reader.locator('.lectern-status--failure').innerText()).toContain("Lectern was not allowed to read this link's site.");
    expect(await worker().evaluate(() => chrome.permissions.getAll().then((p) => p.origins))).toEqual(['http://127.0.0.1/*']);
    for (const page of await allPages(await session().lectern.cdp())) if (page.url() === link) await page.close();
  });

  it('with Alt+click on a link inside the reader', async () => {
    const ARTICLE_WITH_LINK = '/links/article.html';
    const para = (n: number): string => `<p>${`Paragraph ${n} of a story about river ferries and the people who run them across the wide brown water. `.repeat(4)}</p>`;
    session().server.put(
      ARTICLE_WITH_LINK,
      `<!doctype html><html lang="en"><head><title>River ferries</title></head><body><article><h1>River ferries</h1>${para(1)}
<p>Read <a id="next" href="/${LONG}/source.html">the long story</a> next.</p>${para(2)}${para(3)}</article></body></html>`,
    );
    await session().tab.goto(`${session().server.origin}${ARTICLE_WITH_LINK}`);
    await session().tab.bringToFront();
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    const known = await readerTabUrls();
    await popup.locator('.lectern-reader__body a', { hasText: 'the long story' }).click({ modifiers: ['Alt'] });
    const reader = await newReaderTab(known);
    const expected = await (async () => {
      const probe = await session().lectern.context.newPage();
      await probe.goto(url(LONG));
      const h1 = await probe.evaluate(() => document.querySelector('h1')!.textContent.trim());
      await probe.close();
      return h1;
    })();
    expect(await reader.locator('.lectern-reader h1').innerText()).toBe(expected);
    for (const page of await allPages(await session().lectern.cdp())) if (page.url() === url(LONG)) await page.close();
  });
});
