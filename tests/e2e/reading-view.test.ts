/**
 * The reading view in a real browser: the real popup (`action.openPopup()`) and the real side panel (a trusted click
 * on the popup's "Open in side panel"), on served fixture pages. Settings changed in one view show in the other and
 * survive a reopen; right-to-left articles lay out right to left; a long article has a working table of contents;
 * axe-core finds no serious or critical violation in any theme. Writes the README screenshots.
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { closeSidePanels, currentWorker, expectImagesLoaded, openFixture, SCREENSHOTS, startSession, type Session, axeViolations, popupReader, panelReader, openDisplay } from './support';

const ARTICLE = 'captions-npr-toggle';
const RTL = 'view--rtl-article';
const LONG = 'view--long-article-toc';

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
  await closeSidePanels(session);
  expect(session.lectern.workerErrors, 'the service worker logged errors').toEqual([]);
});

const worker = (): Worker => currentWorker(session);

async function setTheme(view: Page, name: 'System' | 'Light' | 'Dark' | 'Sepia'): Promise<void> {
  await openDisplay(view);
  await view.getByRole('radio', { name }).check();
}

const themeOf = (view: Page) => view.evaluate(() => document.documentElement.dataset.theme);
const background = (view: Page) => view.evaluate(() => getComputedStyle(document.body).backgroundColor);
const textSize = (view: Page) => view.evaluate(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize);

describe('settings across views', () => {
  it('a theme or size changed in one view shows in the other at once, and both are kept after a reopen', async () => {
    await openFixture(session, ARTICLE);
    const panel = await panelReader(session);
    const popup = await popupReader(session);
    // storage.sync was cleared: whatever an earlier view left in the first-paint cache gives way to the defaults.
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'system');
    const light = await background(panel);

    // Screenshots for the README, in the light (popup with its Display panel open) and the dark theme.
    await setTheme(popup, 'Light');
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    // Every photo loaded: a broken one would show as the broken-image icon and its alt text in the screenshots.
    await expectImagesLoaded(popup, 'popup');
    await expectImagesLoaded(panel, 'side panel');
    // The byline shows once, in the header: the article's own "By <a>Marisol Okafor</a>" line is gone from the body.
    for (const view of [popup, panel]) expect(await view.locator('.lectern-reader__body').innerText()).not.toContain('Marisol Okafor');
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
    const again = await popupReader(session);
    expect(await themeOf(again)).toBe('dark');
    expect(await textSize(again)).toBe('20px');
    const stored = await worker().evaluate(async () => (await chrome.storage.sync.get('settings')).settings as { theme: string; fontSize: number });
    expect(stored).toMatchObject({ theme: 'dark', fontSize: 20 });
    await again.close();
  });
});

describe('the header', () => {
  it('shows the date a page states only in a <time> under its headline, as the day the page wrote', async () => {
    // recall--fr: no JSON-LD, no article:published_time; "<time datetime="2024-08-08T19:15:00+02:00">8 août 2024…".
    await openFixture(session, 'recall--fr');
    const popup = await popupReader(session);
    const time = popup.locator('.lectern-reader__facts time');
    expect(await time.getAttribute('datetime')).toBe('2024-08-08T19:15:00+02:00');
    expect(await time.innerText()).toMatch(/^(?:August 8, 2024|8 August 2024)$/);
    await popup.close();
  });
});

describe('layout', () => {
  it('lays a right-to-left article out right to left', async () => {
    await openFixture(session, RTL);
    const popup = await popupReader(session);
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
    const popup = await popupReader(session);
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
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Storms and failures');
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
    const panel = await panelReader(session);
    const popup = await popupReader(session);
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
    const popup = await popupReader(session);
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

/** A stand-in for the browser's speech engine (headless Chromium has no voices): one local voice, one remote one. */
function fakeSpeech(): void {
  const local = { name: 'Test Voice', lang: 'en-US', localService: true, voiceURI: 'test-local', default: true };
  const remote = { name: 'Cloud Voice', lang: 'en-US', localService: false, voiceURI: 'test-remote', default: false };
  type U = { text: string; voice: { voiceURI: string } | null; onend?: () => void; onerror?: (e: { error: string }) => void };
  const spoken: Array<{ text: string; voice: string | undefined }> = [];
  let current: U | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finishLater = (u: U): void => {
    timer = setTimeout(() => {
      if (current !== u) return;
      current = null;
      u.onend?.();
    }, 400);
  };
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => [remote, local],
    speak(u: U) {
      spoken.push({ text: u.text, voice: u.voice?.voiceURI });
      current = u;
      finishLater(u);
    },
    cancel() {
      clearTimeout(timer);
      const u = current;
      current = null;
      u?.onerror?.({ error: 'interrupted' });
    },
    pause: () => clearTimeout(timer),
    resume() {
      if (current) finishLater(current);
    },
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: class {
      voice = null;
      rate = 1;
      lang = '';
      constructor(public text: string) {}
    },
    configurable: true,
  });
  (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
}

describe('read aloud', () => {
  it('reads with a local voice only and highlights the sentence being read with the Custom Highlight API', async () => {
    await openFixture(session, LONG);
    const tabId = await worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    // The popup page as a normal tab (for its tab), so a script can stand in for the speech engine before the page runs.
    const view = await session.lectern.context.newPage();
    await view.addInitScript(fakeSpeech);
    await view.goto(`chrome-extension://${session.lectern.extensionId}/src/ui/popup/index.html?tabId=${tabId}`);
    await view.waitForSelector('.lectern-reader');
    const highlighted = () =>
      view.evaluate(() => {
        const h = CSS.highlights.get('lectern-tts');
        return h ? [...h.values()].map((r) => (r as Range).toString()).join('|') : null;
      });
    await view.getByRole('button', { name: 'Listen' }).click();
    // The Listen panel's code loads when the panel first opens.
    await view.getByRole('combobox', { name: 'Voice' }).waitFor();
    const voices = await view.getByRole('combobox', { name: 'Voice' }).locator('option').allInnerTexts();
    expect(voices).toEqual(['Test Voice (en-US)']);
    await view.getByRole('button', { name: 'Play', exact: true }).click();
    /** The highlighted text is the sentence the engine was last given, and it has been given `n` sentences. */
    const inStep = (n: number) =>
      view.waitForFunction((count) => {
        const spoken = (window as unknown as { __spoken: Array<{ text: string }> }).__spoken;
        const h = CSS.highlights.get('lectern-tts');
        const text = h ? [...h.values()].map((r) => (r as Range).toString().replace(/\s+/g, ' ')).join('') : null;
        return spoken.length === count && text === spoken[count - 1]!.text;
      }, n, { timeout: 5_000 });
    await inStep(1);
    // The engine finishes the sentence and gets the next: the highlight moves with it.
    await inStep(2);
    await view.getByRole('button', { name: 'Pause' }).click();
    await view.getByRole('button', { name: 'Resume' }).waitFor();
    await view.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(highlighted, { timeout: 5_000 }).toBeNull();
    const spoken = await view.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; voice: string }> }).__spoken);
    expect(spoken.length).toBeGreaterThanOrEqual(2);
    expect(new Set(spoken.map((s) => s.voice))).toEqual(new Set(['test-local']));
    const firstBlock = await view.evaluate(() => document.querySelector('.lectern-reader__body :is(p, h2)')!.textContent.replace(/\s+/g, ' '));
    expect(firstBlock.startsWith(spoken[0]!.text)).toBe(true);
    await view.close();
  });
});

