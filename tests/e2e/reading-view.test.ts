/**
 * The reading view in a real browser: the real popup (`action.openPopup()`) and the real side panel (a trusted click
 * on the popup's "Open in side panel"), on served fixture pages. Settings changed in one view show in the other and
 * survive a reopen; right-to-left articles lay out right to left; a long article has a working table of contents;
 * axe-core finds no serious or critical violation in any theme. Writes the README screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findExtensionPage, openPopup } from '../../scripts/lib/chromium';
import { ROOT } from '../support/dom';
import { openFixture, readerText, SCREENSHOTS, sidePanelCount, startSession, type Session } from './support';

const ARTICLE = 'captions-npr-toggle';
const RTL = 'view--rtl-article';
const LONG = 'view--long-article-toc';
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  await worker().evaluate(() => chrome.storage.sync.clear());
});
afterEach(async () => {
  await closePanels();
  expect(session.lectern.workerErrors, 'the service worker logged errors').toEqual([]);
});

function worker(): Worker {
  return session.lectern.context.serviceWorkers()[0] ?? session.lectern.worker;
}

async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

async function closePanels(): Promise<void> {
  if ((await sidePanelCount(session)) === 0) return;
  const tab = await worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);
  await worker().evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
  await waitFor(() => sidePanelCount(session), (n) => n === 0);
}

/** The real popup, once its article shows. */
async function popupReader(): Promise<Page> {
  const popup = await openPopup(session.lectern);
  await readerText(popup);
  await popup.waitForSelector('.lectern-reader');
  return popup;
}

/** The real side panel, opened by a trusted click in the real popup (which then closes itself). */
async function panelReader(): Promise<Page> {
  const popup = await popupReader();
  await popup.getByRole('button', { name: 'Open in side panel' }).click();
  const panel = await findExtensionPage(session.lectern, `chrome-extension://${session.lectern.extensionId}/src/ui/sidepanel/index.html`);
  await waitFor(() => sidePanelCount(session), (n) => n === 1);
  await panel.waitForSelector('.lectern-reader', { timeout: 20_000 });
  return panel;
}

async function openDisplay(view: Page): Promise<void> {
  const button = view.getByRole('button', { name: 'Display' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function setTheme(view: Page, name: 'System' | 'Light' | 'Dark' | 'Sepia'): Promise<void> {
  await openDisplay(view);
  await view.getByRole('radio', { name }).check();
}

const themeOf = (view: Page) => view.evaluate(() => document.documentElement.dataset.theme);
const background = (view: Page) => view.evaluate(() => getComputedStyle(document.body).backgroundColor);
const textSize = (view: Page) => view.evaluate(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize);

async function axeViolations(view: Page): Promise<string[]> {
  if (!(await view.evaluate(() => 'axe' in window))) await view.evaluate(AXE);
  const results = await view.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('settings across views', () => {
  it('a theme or size changed in one view shows in the other at once, and both are kept after a reopen', async () => {
    await openFixture(session, ARTICLE);
    const panel = await panelReader();
    const popup = await popupReader();
    // storage.sync was cleared: whatever an earlier view left in the first-paint cache gives way to the defaults.
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'system');
    const light = await background(panel);

    // Screenshots for the README, in the light (popup with its Display panel open) and the dark theme.
    await setTheme(popup, 'Light');
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-light.png') });
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel-light.png') });
    await popup.getByRole('button', { name: 'Display' }).click();

    await setTheme(popup, 'Dark');
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await background(panel)).not.toBe(light);
    expect(await background(panel)).toBe(await background(popup));
    await popup.getByRole('button', { name: 'Display' }).click();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark.png') });
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel-dark.png') });

    // Font size, the other way round: changed in the panel, followed by the popup.
    expect(await textSize(popup)).toBe('17px');
    await openDisplay(panel);
    await panel.getByRole('button', { name: 'Larger text' }).click();
    await panel.getByRole('button', { name: 'Larger text' }).click();
    await popup.waitForFunction(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize === '20px');
    expect(await textSize(panel)).toBe('20px');

    await popup.close();
    const again = await popupReader();
    expect(await themeOf(again)).toBe('dark');
    expect(await textSize(again)).toBe('20px');
    const stored = await worker().evaluate(async () => (await chrome.storage.sync.get('settings')).settings as { theme: string; fontSize: number });
    expect(stored).toMatchObject({ theme: 'dark', fontSize: 20 });
    await again.close();
  });
});

describe('layout', () => {
  it('lays a right-to-left article out right to left', async () => {
    await openFixture(session, RTL);
    const popup = await popupReader();
    const article = popup.locator('article.lectern-reader');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    const layout = await popup.evaluate(() => {
      const p = document.querySelector('.lectern-reader__body p')!;
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.lectern-reader__title')!);
      const text = range.getClientRects()[0]!;
      const box = document.querySelector('.lectern-reader__title')!.getBoundingClientRect();
      return { direction: getComputedStyle(p).direction, rightGap: box.right - text.right, leftGap: text.left - box.left };
    });
    expect(layout.direction).toBe('rtl');
    // The title's text hugs the right edge of its box, not the left.
    expect(layout.rightGap).toBeLessThan(2);
    expect(layout.leftGap).toBeGreaterThan(layout.rightGap);
    await popup.close();
  });

  it('a long article has a working table of contents, progress, and code and tables that scroll in their own box', async () => {
    await openFixture(session, LONG);
    const popup = await popupReader();
    await popup.getByRole('button', { name: 'Contents' }).click();
    const toc = popup.getByRole('navigation', { name: 'Contents' });
    const entries = await toc.getByRole('link').allInnerTexts();
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries).toContain('Storms and failures');
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
    expect(Number(await popup.getByRole('progressbar').getAttribute('aria-valuenow'))).toBe(0);

    await toc.getByRole('link', { name: 'Storms and failures' }).click();
    await popup.waitForFunction(() => window.scrollY > 0);
    const place = await popup.evaluate(() => {
      const heading = Array.from(document.querySelectorAll('.lectern-reader__body h2')).find((h) => h.textContent === 'Storms and failures')!;
      const bar = document.querySelector('.lectern-bar')!.getBoundingClientRect();
      return { top: heading.getBoundingClientRect().top, barBottom: bar.bottom };
    });
    // The heading is at the top of the view, just below the sticky bar, not hidden under it.
    expect(place.top).toBeGreaterThanOrEqual(place.barBottom - 1);
    expect(place.top).toBeLessThan(place.barBottom + 80);
    await popup.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) > 0);

    const boxes = await popup.evaluate(() => {
      const pre = document.querySelector('.lectern-reader__body pre')!;
      const table = document.querySelector('.lectern-reader__body table')!;
      const root = document.documentElement;
      return {
        pre: [getComputedStyle(pre).overflowX, getComputedStyle(pre).whiteSpace, pre.scrollWidth > pre.clientWidth, getComputedStyle(pre).fontFamily],
        table: [getComputedStyle(table).overflowX, table.scrollWidth > table.clientWidth],
        pageOverflow: root.scrollWidth - root.clientWidth,
      };
    });
    expect(boxes.pre.slice(0, 3)).toEqual(['auto', 'pre', true]);
    expect(boxes.pre[3]).toMatch(/mono/i);
    expect(boxes.table).toEqual(['auto', true]);
    expect(boxes.pageOverflow).toBe(0);
    await popup.close();
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical violation in the popup or the side panel, in any theme', async () => {
    await openFixture(session, LONG);
    const panel = await panelReader();
    const popup = await popupReader();
    for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
      await setTheme(popup, theme);
      await panel.waitForFunction((t) => document.documentElement.dataset.theme === t, theme.toLowerCase());
      await openDisplay(panel);
      expect(await axeViolations(popup), `popup, ${theme}`).toEqual([]);
      expect(await axeViolations(panel), `side panel, ${theme}`).toEqual([]);
    }
    // The other panels too, in one theme.
    await popup.getByRole('button', { name: 'Contents' }).click();
    expect(await axeViolations(popup), 'popup, contents').toEqual([]);
    await popup.getByRole('button', { name: 'Listen' }).click();
    expect(await axeViolations(popup), 'popup, listen').toEqual([]);
    await popup.close();
  });

  it('the toolbar and its controls are reachable with the keyboard and show focus', async () => {
    await openFixture(session, ARTICLE);
    const popup = await popupReader();
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Display');
    await popup.keyboard.press('Enter');
    expect(await popup.getByRole('button', { name: 'Display' }).getAttribute('aria-expanded')).toBe('true');
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await popup.keyboard.press('Escape');
    expect(await popup.getByRole('button', { name: 'Display' }).getAttribute('aria-expanded')).toBe('false');
    await popup.close();
  });
});
