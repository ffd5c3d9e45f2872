/**
 * Entry points in a real browser: the keyboard toggle, the context menu items, the side panel following tabs, and a
 * service worker that restarts. Listeners run for real through `onCommand.dispatch` / `onClicked.dispatch`; where the
 * browser demands a gesture (`sidePanel.open`), a trusted click in the real popup opens the panel.
 */
import type { Page, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { allPages, findExtensionPage, openPopup, reportUncaught } from '../../scripts/lib/chromium';
import { clickOpenInSidePanel, currentWorker, expectImagesLoaded, openFixture, readerText, SCREENSHOTS, sidePanelCount, useSession, waitFor } from './support';
import { join } from 'node:path';

const ARTICLE = 'captions-npr-toggle';
const session = useSession();

const worker = (): Worker => currentWorker(session());

async function activeTab(): Promise<chrome.tabs.Tab> {
  return worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);
}

/** The stored side panel entry for a tab, as the panel would read it. */
async function panelEntry(tabId: number): Promise<{ phase: string; result?: { ok: boolean; reason?: string; article?: { title: string; textContent: string } } } | undefined> {
  return worker().evaluate(async (id) => (await chrome.storage.session.get(`panel:${id}`))[`panel:${id}`] as never, tabId);
}

const panelUrl = (): string => `chrome-extension://${session().lectern.extensionId}/src/ui/sidepanel/index.html`;

/** Open the real side panel with a trusted click on the popup's "Open in side panel" button. */
async function openPanelByClick(): Promise<Page> {
  // A panel page of an earlier test may still be listed while it closes: wait for the new one.
  const earlier = new Set((await allPages(await session().lectern.cdp())).filter((p) => p.url().startsWith(panelUrl())));
  const popup = await openPopup(session().lectern);
  await readerText(popup);
  await clickOpenInSidePanel(popup);
  const panel = await findExtensionPage(session().lectern, panelUrl(), 10_000, earlier);
  await waitFor(() => sidePanelCount(session()), (n) => n === 1);
  return panel;
}

async function closePanels(): Promise<void> {
  if ((await sidePanelCount(session())) === 0) return;
  const tab = await activeTab();
  await worker().evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
  await waitFor(() => sidePanelCount(session()), (n) => n === 0);
}

describe('keyboard command toggle-reader', () => {
  it('has a default shortcut the browser actually assigned, for every command', async () => {
    const commands = await worker().evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => c.name).sort()).toEqual(['_execute_action', 'toggle-reader']);
    for (const command of commands) expect(command.shortcut, command.name).toMatch(/^Alt\+Shift\+[A-Z]$/);
    expect(commands.find((c) => c.name === 'toggle-reader')?.description).toMatch(/side panel/);
  });

  it('reads the tab for the side panel, and a second toggle closes the open panel', async () => {
    await openFixture(session(), ARTICLE);
    const tab = await activeTab();
    await worker().evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
    const entry = await waitFor(() => panelEntry(tab.id!), (e) => e?.phase === 'done');
    expect(entry?.result?.ok).toBe(true);
    expect(entry?.result?.article?.title).toContain('harbor ferry');

    const panel = await openPanelByClick();
    expect(await panel.locator('h1').innerText()).toContain('harbor ferry');
    await expectImagesLoaded(panel, 'side panel');
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel.png') });

    await worker().evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
    expect(await waitFor(() => sidePanelCount(session()), (n) => n === 0)).toBe(0);
  });
});

describe('context menu', () => {
  afterEach(closePanels);

  it('creates both items at install', async () => {
    for (const id of ['lectern-read-page', 'lectern-read-selection']) {
      await expect(worker().evaluate((menuId) => chrome.contextMenus.update(menuId, {}), id)).resolves.toBeUndefined();
    }
  });

  it('"Read this page in Lectern" reads the page for the side panel', async () => {
    await openFixture(session(), ARTICLE);
    const tab = await activeTab();
    await worker().evaluate(
      (t) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lectern-read-page', editable: false, pageUrl: t.url }, t),
      tab,
    );
    const entry = await waitFor(() => panelEntry(tab.id!), (e) => e?.phase === 'done');
    expect(entry?.result?.article?.textContent).toContain('Margaret Bell');
  });

  it('"Read selection in Lectern" shows only the selected paragraphs, with the page title', async () => {
    await openFixture(session(), ARTICLE);
    const paragraphs = await session().tab.evaluate(() => {
      const ps = Array.from(document.querySelectorAll('#storytext > p'));
      const range = document.createRange();
      range.setStartBefore(ps[1]!);
      range.setEndAfter(ps[2]!);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return ps.map((p) => p.textContent.replace(/\s+/g, ' ').trim());
    });
    const panel = await openPanelByClick(); // shows the whole article first
    await panel.waitForFunction((first) => document.body.innerText.includes(first), paragraphs[0]!.slice(0, 60));
    const tab = await activeTab();
    await worker().evaluate(
      (t) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lectern-read-selection', editable: false, selectionText: 'x', pageUrl: t.url }, t),
      tab,
    );
    await panel.waitForFunction((first) => !document.body.innerText.includes(first), paragraphs[0]!.slice(0, 60), { timeout: 10_000 });
    const text = (await readerText(panel)).replace(/\s+/g, ' ');
    expect(await panel.locator('h1').innerText()).toContain('harbor ferry');
    expect(text).toContain(paragraphs[1]!.slice(0, 80));
    expect(text).toContain(paragraphs[2]!.slice(0, 80));
    expect(text).not.toContain(paragraphs[0]!.slice(0, 80));
    expect(text).not.toContain(paragraphs[3]!.slice(0, 80));
  });
});

describe('the side panel follows the reader', () => {
  afterEach(closePanels);

  it('reads the new page when the active tab changes, and invites the reader where it may not read', async () => {
    await openFixture(session(), ARTICLE);
    const panel = await openPanelByClick();
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('harbor ferry'));

    // A second article in a new tab of the same window: Lectern may read 127.0.0.1 in the test build.
    const opened = session().lectern.context.waitForEvent('page');
    await worker().evaluate((url) => chrome.tabs.create({ url }), `${session().server.origin}/not-article--home-page/source.html`);
    const second = await opened;
    await second.waitForLoadState();
    await panel.waitForFunction(() => document.body.innerText.includes('does not look like an article'), undefined, { timeout: 10_000 });

    // Navigating that tab to a host Lectern has no access to: an invitation, not the previous page.
    await second.goto(session().server.origin.replace('127.0.0.1', 'localhost') + `/${ARTICLE}/source.html`);
    await panel.waitForFunction(() => /Press Alt\+Shift\+K or click the Lectern button/.test(document.body.innerText), undefined, { timeout: 10_000 });
    expect(await panel.locator('h1').count()).toBe(0);

    // Back to the first tab: its article again.
    await session().tab.bringToFront();
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('harbor ferry'), undefined, { timeout: 10_000 });
    await second.close();
  });

  it('keeps working after the service worker is stopped', async () => {
    await openFixture(session(), ARTICLE);
    const panel = await openPanelByClick();
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('harbor ferry'));
    const tab = await activeTab();

    // Stop the worker the way the browser does when it is idle. A global set before the stop tells the old
    // worker from the new one (the panel's reconnect starts the new one at once).
    await worker().evaluate(() => {
      (globalThis as { lecternTestMark?: boolean }).lecternTestMark = true;
    });
    const cdp = await (await session().lectern.cdp()).newBrowserCDPSession();
    const [target] = (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker');
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    const marked = await waitFor(
      () => worker().evaluate(() => (globalThis as { lecternTestMark?: boolean }).lecternTestMark === true).catch(() => true),
      (mark) => !mark,
    );
    expect(marked, 'the service worker restarted').toBe(false);
    const fresh = worker();
    await reportUncaught(fresh);

    // State that must survive lives in storage.session: the panel's entry is still there.
    const entry = await fresh.evaluate(async (id) => (await chrome.storage.session.get(`panel:${id}`))[`panel:${id}`] as { phase: string }, tab.id!);
    expect(entry.phase).toBe('done');
    // The panel still reads a new page...
    await session().tab.goto(`${session().server.origin}/not-article--home-page/source.html`);
    await panel.waitForFunction(() => document.body.innerText.includes('does not look like an article'), undefined, { timeout: 10_000 });
    // ...and the new worker knows the panel is open: the toggle closes it.
    await fresh.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.commands.onCommand.dispatch('toggle-reader', t);
    });
    expect(await waitFor(() => sidePanelCount(session()), (n) => n === 0)).toBe(0);
  });
});

describe('restricted pages', () => {
  it('a chrome:// tab gets a sentence from the command, with no error in the worker', async () => {
    await session().tab.goto('chrome://version');
    await session().tab.bringToFront();
    const tab = await activeTab();
    await worker().evaluate((id) => chrome.storage.session.remove(`panel:${id}`), tab.id!);
    await worker().evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
    const entry = await waitFor(() => panelEntry(tab.id!), (e) => e?.phase === 'done');
    expect(entry?.result).toMatchObject({ ok: false, reason: 'restricted' });
  });
});
