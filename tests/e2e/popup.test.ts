/**
 * The spine, in a real browser: the built extension in Chromium reads served pages through the real toolbar popup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPopup } from '../../scripts/lib/chromium';
import { ROOT } from '../support/dom';
import { expectImagesLoaded, occurrences, openFixture, readerText, SCREENSHOTS, useSession, WIDGET_WORDS } from './support';

const NPR = 'captions-npr-toggle';

const session = useSession();

/** Each photo's caption and credit on the NPR-style fixture, read from the page itself (not written in the test). */
async function fixturePhotos(): Promise<Array<{ caption: string; credit: string }>> {
  return session().tab.evaluate(() =>
    Array.from(document.querySelectorAll('.bucketwrap.image'), (photo) => {
      const caption = photo.querySelector('.credit-caption .caption p');
      const own = Array.from(caption?.childNodes ?? []).filter((n) => n.nodeType === Node.TEXT_NODE);
      return {
        caption: own.map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim(),
        credit: (photo.querySelector('.credit-caption .credit')?.textContent ?? '').trim(),
      };
    }),
  );
}

describe('toolbar popup', () => {
  it('shows the NPR-style article with each caption and credit exactly once and no widget words', async () => {
    await openFixture(session(), NPR);
    const photos = await fixturePhotos();
    expect(photos.length).toBeGreaterThan(1);
    // On the page itself the reader's problem is visible: every caption is printed more than once.
    const pageText = await session().tab.locator('body').innerText();
    for (const { caption } of photos) expect(occurrences(pageText, caption)).toBeGreaterThan(1);

    const popup = await openPopup(session().lectern);
    const text = await readerText(popup);
    expect(await popup.locator('article').count()).toBeGreaterThan(0);
    expect(await popup.locator('h1').innerText()).toBe(await session().tab.evaluate(() => document.querySelector('h1')?.textContent?.trim()));
    const figures = popup.locator('.lectern-reader__body figure');
    expect(await figures.count()).toBe(photos.length);
    for (const [i, { caption, credit }] of photos.entries()) {
      expect(occurrences(text, caption), caption).toBe(1);
      const figure = await figures.nth(i).innerText();
      expect(occurrences(figure, caption), `figure ${i} caption`).toBe(1);
      expect(occurrences(figure, credit), `figure ${i} credit`).toBe(1);
      expect(await figures.nth(i).locator('img').count(), `figure ${i} image`).toBe(1);
      expect(await figures.nth(i).locator('figcaption').count(), `figure ${i} figcaption`).toBe(1);
    }
    // The same credit under different photos stays, once per photo.
    for (const credit of new Set(photos.map((p) => p.credit))) {
      expect(occurrences(text, credit)).toBe(photos.filter((p) => p.credit === credit).length);
    }
    for (const word of WIDGET_WORDS) expect(text).not.toMatch(word);
    const alts = await popup.locator('.lectern-reader__body img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt') ?? ''));
    for (const alt of alts) expect(alt).not.toMatch(/gettyimages|\.jpg|[0-9a-f]{20}/i);
    await expectImagesLoaded(popup, 'popup');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    await popup.close();
  });

  it('leaves the live page untouched and keeps its scroll position', async () => {
    await openFixture(session(), NPR);
    await session().tab.evaluate(() => window.scrollTo(0, 300));
    const before = await session().tab.evaluate(() => [document.documentElement.outerHTML, window.scrollY] as const);
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    const after = await session().tab.evaluate(() => [document.documentElement.outerHTML, window.scrollY] as const);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    await popup.close();
  });

  it('injects the content script once per page even when asked twice', async () => {
    await openFixture(session(), NPR);
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    await popup.close();
    const marker = await session().lectern.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const tabId = tab?.id ?? -1;
      const api = async () =>
        (await chrome.scripting.executeScript({ target: { tabId }, func: () => (globalThis as { __lectern?: object }).__lectern ?? null }))[0]?.result;
      await chrome.scripting.executeScript({ target: { tabId }, func: () => { (globalThis as { __lectern?: { mark?: number } }).__lectern!.mark = 7; } });
      await chrome.scripting.executeScript({ target: { tabId }, files: ['src/content/content-script.js'] });
      return ((await api()) as { mark?: number } | null)?.mark;
    });
    expect(marker).toBe(7);
  });

  it('says so when the page is not an article, and "Show anyway" reads it', async () => {
    await openFixture(session(), 'not-article--home-page');
    const popup = await openPopup(session().lectern);
    expect(await readerText(popup)).toContain('does not look like an article');
    await popup.getByRole('button', { name: 'Show anyway' }).click();
    await popup.waitForSelector('.lectern-reader');
    expect(await popup.locator('.lectern-reader').innerText()).toContain('Top stories');
    await popup.close();
  });

  it('answers a browser page with a sentence, not an error', async () => {
    await session().tab.goto('chrome://version');
    await session().tab.bringToFront();
    const popup = await openPopup(session().lectern);
    const text = await readerText(popup);
    expect(text).toContain('Lectern cannot read browser pages');
    await popup.close();
  });
});

describe('manifests', () => {
  const read = (dist: string) => JSON.parse(readFileSync(join(ROOT, dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('the production build asks for no host permissions and exposes no web-accessible resources', () => {
    const manifest = read('dist');
    expect(manifest.host_permissions).toBeUndefined();
    // Sites are the reader's to grant, one at a time, from the reader (#28): optional, never asked at install.
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    // `offscreen`: large pages are read in an offscreen document, off the page's thread (no install warning).
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'contextMenus', 'sidePanel', 'storage', 'offscreen']);
    expect(String((manifest.content_security_policy as { extension_pages: string }).extension_pages)).toMatch(/script-src 'self'; object-src 'none'/);
  });

  it('the test build differs only by host access to 127.0.0.1', () => {
    const { host_permissions: hosts, ...rest } = read('dist-e2e');
    expect(hosts).toEqual(['http://127.0.0.1/*']);
    expect(rest).toEqual(read('dist'));
  });
});
