/**
 * Type and colour settings (#27) in a real Chromium: each bundled font renders from the extension's own files (no
 * request leaves the browser); letter, word and paragraph spacing, alignment with hyphenation, line length and focus
 * apply live in the popup, the side panel and the reader tab; the custom colours refuse a pair below WCAG AA with a
 * sentence saying why; axe finds nothing serious or critical in the high-contrast and custom themes.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allPages } from '../../scripts/lib/chromium';
import { closeSidePanels, currentWorker, openFixture, SCREENSHOTS, useSession, waitFor, axeViolations, popupReader, panelReader, openDisplay } from './support';

const ARTICLE = 'captions-npr-toggle';
const LONG = 'view--long-article-toc';
const session = useSession();
const tabPrefix = (): string => `chrome-extension://${session().lectern.extensionId}/src/ui/tab/index.html`;

beforeEach(async () => {
  await currentWorker(session()).evaluate(() => chrome.storage.sync.clear());
});
afterEach(async () => {
  await closeSidePanels(session());
  for (const page of await allPages(await session().lectern.cdp())) if (page.url().startsWith(tabPrefix())) await page.close();
});

/** The spacing and alignment a reader view's first paragraph shows. */
const paragraphStyle = (view: Page) =>
  view.evaluate(() => {
    const p = document.querySelector<HTMLElement>('.lectern-reader__body p')!;
    const s = getComputedStyle(p);
    return { letter: s.letterSpacing, word: s.wordSpacing, after: s.marginBottom, align: s.textAlign, hyphens: s.hyphens, size: s.fontSize };
  });

const FONTS: Array<[value: string, family: string]> = [
  ['atkinson', 'Atkinson Hyperlegible'],
  ['opendyslexic', 'OpenDyslexic'],
  ['lexend', 'Lexend'],
  ['literata', 'Literata'],
];

describe('bundled fonts', () => {
  it('each one renders, loaded from the extension itself, and none before it is chosen', async () => {
    await openFixture(session(), ARTICLE);
    const popup = await popupReader(session());
    const requests: string[] = [];
    popup.on('request', (r) => requests.push(r.url()));
    // The default font is a system one: the popup's first paint registered and loaded no font file.
    expect(await popup.evaluate(() => [...document.fonts].length)).toBe(0);
    await openDisplay(popup);
    for (const [value, family] of FONTS) {
      await popup.getByRole('combobox', { name: 'Font' }).selectOption(value);
      const state = await waitFor(
        () => popup.evaluate((f) => ({
          faces: [...document.fonts].filter((face) => face.family === f || face.family === `"${f}"`).map((face) => `${face.family} ${face.weight} ${face.style} ${face.status}`),
          check: document.fonts.check(`16px "${f}"`),
        }), family),
        (s) => s.check && s.faces.some((f) => f.endsWith(' loaded')),
      );
      expect(state.check, `${family}: ${state.faces.join('; ')}`).toBe(true);
      expect(state.faces.some((f) => f.endsWith(' loaded')), `${family}: ${state.faces.join('; ')}`).toBe(true);
      const shown = await popup.evaluate((f) => {
        const p = document.querySelector('.lectern-reader__body p')!;
        const ctx = document.createElement('canvas').getContext('2d')!;
        const width = (font: string): number => {
          ctx.font = font;
          return ctx.measureText('Hamburgefonstiv 0123456789 Wq').width;
        };
        return {
          family: getComputedStyle(p).fontFamily,
          // The same text in the bundled font and in each generic family it could have fallen back to.
          bundled: width(`40px "${f}", monospace`),
          fallbacks: ['serif', 'sans-serif', 'monospace', 'system-ui'].map((g) => width(`40px ${g}`)),
        };
      }, family);
      expect(shown.family.startsWith(`"${family}"`) || shown.family.startsWith(`'${family}'`) || shown.family.startsWith(family), value).toBe(true);
      for (const fallback of shown.fallbacks) expect(Math.abs(shown.bundled - fallback), `${family} differs from a fallback`).toBeGreaterThan(1);
    }
    // Each family's files came from the extension; only the subsets and weights the text uses were fetched.
    const fontFiles = requests.filter((url) => /\.(woff2?|ttf|otf)(\?|$)/.test(url));
    for (const [value] of FONTS) expect(fontFiles.some((url) => url.includes(`/assets/${value === 'atkinson' ? 'atkinson-hyperlegible' : value}-latin-400-normal-`)), value).toBe(true);
    for (const url of fontFiles) expect(url.startsWith(`chrome-extension://${session().lectern.extensionId}/assets/`), url).toBe(true);
    expect(fontFiles.every((url) => url.endsWith('.woff2')), 'woff2 only').toBe(true);
    // Nothing went to the network: the only requests not to the extension are the article's own images.
    for (const url of requests) {
      expect(url.startsWith('chrome-extension://') || (url.startsWith(session().server.origin) && /\.(png|jpe?g|gif|webp|svg)(\?|$)/i.test(url)), url).toBe(true);
    }
    await popup.close();
  });
});

describe('spacing, alignment, line length and focus', () => {
  it('apply at once in the popup and the side panel, and in a reader tab opened afterwards', async () => {
    await openFixture(session(), LONG);
    const panel = await panelReader(session());
    const popup = await popupReader(session());
    const before = await paragraphStyle(popup);
    expect(before).toMatchObject({ letter: 'normal', word: '0px', align: 'start' });

    await openDisplay(popup);
    await popup.getByRole('combobox', { name: 'Letter spacing' }).selectOption({ label: 'Widest' });
    await popup.getByRole('combobox', { name: 'Word spacing' }).selectOption({ label: 'Widest' });
    await popup.getByRole('combobox', { name: 'Paragraph spacing' }).selectOption({ label: 'Wider' });
    await popup.getByRole('radio', { name: 'Justified' }).check();
    // 17px text: 0.12em, 0.32em, 2em.
    const expected = { letter: '2.04px', word: '5.44px', after: '34px', align: 'justify', hyphens: 'auto', size: '17px' };
    for (const [name, view] of [['popup', popup], ['side panel', panel]] as const) {
      const style = await waitFor(() => paragraphStyle(view), (s) => s.align === 'justify' && s.after === '34px');
      expect(style, name).toEqual(expected);
      // Hyphenation follows the article's language, which the article element states.
      expect(await view.locator('article.lectern-reader').getAttribute('lang'), name).toBe('en');
    }
    // Headings stay ragged.
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.lectern-reader__body h2')!).textAlign)).toBe('start');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-spacing.png') });

    // Focus: the paragraph under the pointer stays, the others dim; one marked as being read aloud stays too.
    await popup.getByRole('checkbox', { name: /Focus/ }).check();
    await panel.waitForFunction(() => document.documentElement.hasAttribute('data-focus'));
    await popup.getByRole('button', { name: 'Display' }).click();
    const paragraphs = popup.locator('.lectern-reader__body p');
    await paragraphs.nth(1).hover();
    const opacity = (i: number) => paragraphs.nth(i).evaluate((p) => getComputedStyle(p).opacity);
    await waitFor(() => opacity(2), (o) => o === '0.38');
    expect(await opacity(1)).toBe('1');
    expect(await opacity(2)).toBe('0.38');
    await paragraphs.nth(2).evaluate((p) => p.classList.add('lectern-reading'));
    await waitFor(() => opacity(2), (o) => o === '1');
    expect(await opacity(2)).toBe('1');

    // Line length, from the side panel: the text's column is that many characters of its own font, in every view.
    await openDisplay(panel);
    await panel.getByRole('combobox', { name: 'Line length' }).selectOption({ label: '45 characters' });
    const chars = (view: Page) =>
      view.evaluate(() => {
        const body = document.querySelector<HTMLElement>('.lectern-reader__body')!;
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;letter-spacing:0;word-spacing:0';
        probe.textContent = '0'.repeat(45);
        body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return { max: Number.parseFloat(getComputedStyle(body).maxWidth), width45: width };
      });
    const inPopup = await waitFor(() => chars(popup), (c) => Math.abs(c.max - c.width45) < 1);
    expect(Math.abs(inPopup.max - inPopup.width45)).toBeLessThan(1);

    // The reader tab, opened now, starts with every setting; a wide window shows the 45-character line.
    const known = new Set((await allPages(await session().lectern.cdp())).map((p) => p.url()));
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    const tab = await waitFor(async () => (await allPages(await session().lectern.cdp())).find((p) => p.url().startsWith(tabPrefix()) && !known.has(p.url())), Boolean);
    if (!tab) throw new Error('no reader tab opened');
    await tab.waitForSelector('.lectern-reader', { timeout: 20_000 });
    await tab.setViewportSize({ width: 1400, height: 900 });
    expect(await waitFor(() => paragraphStyle(tab), (s) => s.align === 'justify')).toEqual(expected);
    const inTab = await chars(tab);
    expect(Math.abs(inTab.max - inTab.width45)).toBeLessThan(1);
    const bodyWidth = await tab.locator('.lectern-reader__body').evaluate((b) => b.getBoundingClientRect().width);
    expect(Math.abs(bodyWidth - inTab.width45)).toBeLessThan(1);
    await tab.screenshot({ path: join(SCREENSHOTS, 'reader-tab-45ch.png') });
    // Live from the tab as well: back to ragged lines there, stored for every view.
    await openDisplay(tab);
    await tab.getByRole('radio', { name: 'Ragged' }).check();
    await tab.waitForFunction(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).textAlign === 'start');
    await waitFor(
      () => currentWorker(session()).evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as { align?: string }).align),
      (a) => a === 'start',
    );
    if (!popup.isClosed()) await popup.close();
  });
});

describe('colours', () => {
  it('the custom colours refuse a pair below AA with a sentence saying why, and keep the last good colour', async () => {
    await openFixture(session(), ARTICLE);
    const panel = await panelReader(session());
    const popup = await popupReader(session());
    await openDisplay(popup);
    await popup.getByRole('radio', { name: 'Custom' }).check();
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'custom');
    const bodyColours = (view: Page) => view.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    expect(await bodyColours(panel)).toEqual(['rgb(245, 241, 230)', 'rgb(26, 26, 26)']);

    const background = popup.getByLabel('Background', { exact: true });
    await background.fill('#555555');
    await expect.poll(() => popup.getByRole('alert').innerText()).toBe('Text and background need a contrast of at least 4.5:1; this pair has 2.3:1.');
    expect(await background.inputValue()).toBe('#f5f1e6');
    expect(await bodyColours(popup)).toEqual(['rgb(245, 241, 230)', 'rgb(26, 26, 26)']);

    await popup.getByLabel('Links', { exact: true }).fill('#c8c0b0');
    await expect.poll(() => popup.getByRole('alert').innerText()).toMatch(/^Links and background need a contrast of at least 4\.5:1; this pair has 1\.\d:1\.$/);

    // A good pair is taken, and every view follows.
    await background.fill('#ffffff');
    await expect.poll(() => popup.getByRole('alert').innerText()).toBe('');
    await panel.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)');
    const stored = await currentWorker(session()).evaluate(async () => (await chrome.storage.sync.get('settings')).settings as Record<string, unknown>);
    expect(stored).toMatchObject({ theme: 'custom', customBackground: '#ffffff', customLink: '#1d4f91' });
    await popup.close();
  });

  it('axe finds nothing serious or critical in the high-contrast and custom themes, in the popup and the side panel', async () => {
    await openFixture(session(), LONG);
    const panel = await panelReader(session());
    const popup = await popupReader(session());
    await openDisplay(popup);
    await popup.getByRole('radio', { name: 'High contrast' }).check();
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    expect(await panel.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).getPropertyValue('--lectern-accent')]))
      .toEqual(['rgb(0, 0, 0)', expect.stringMatching(/^#ff(0|ff00)$/)]);
    await openDisplay(panel);
    expect(await axeViolations(popup), 'popup, high contrast').toEqual([]);
    expect(await axeViolations(panel), 'side panel, high contrast').toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-high-contrast.png') });

    await popup.getByRole('radio', { name: 'Custom' }).check();
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'custom');
    expect(await axeViolations(popup), 'popup, custom (defaults)').toEqual([]);
    expect(await axeViolations(panel), 'side panel, custom (defaults)').toEqual([]);
    // The dark set, then one colour of it changed.
    await popup.getByRole('button', { name: 'Start from dark colours' }).click();
    await popup.getByLabel('Links', { exact: true }).fill('#ffd966');
    await expect.poll(() => popup.getByRole('alert').innerText()).toBe('');
    await panel.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--lectern-accent') === '#ffd966');
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 18, 18)');
    expect(await axeViolations(popup), 'popup, custom dark').toEqual([]);
    expect(await axeViolations(panel), 'side panel, custom dark').toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-custom-dark.png') });
    await popup.close();
  });
});
