/**
 * The interface in the reader's language (#27), in Chromium started in each shipped language (`--lang`): the popup
 * speaks it (its toolbar's first button says the catalogue's word), Arabic and Hebrew lay the interface out right to
 * left while the article keeps its own direction, nothing overflows the 460-pixel popup, and the context menu's items
 * come from the same catalogues. One screenshot per language: docs/screenshots/locales/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup } from '../../scripts/lib/chromium';
import { placeholderPng } from '../../scripts/lib/png';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';
import { PAGES, ROOT } from '../support/dom';
import { readerText, SCREENSHOTS } from './support';

const ARTICLE = 'captions-npr-toggle';
const LOCALES = ['en', 'de', 'fr', 'es', 'pt_BR', 'it', 'nl', 'pl', 'ja', 'zh_CN', 'ar', 'he'];
const SHOTS = join(SCREENSHOTS, 'locales');
const catalogue = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(ROOT, '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(PAGES, placeholderPng());
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

describe('the interface in every shipped language (Chromium)', () => {
  it.each(LOCALES)('%s', async (lang) => {
    const lectern = await launchWithExtension(join(ROOT, 'dist-e2e'), { args: [`--lang=${lang.replace('_', '-')}`] });
    try {
      const tab = lectern.context.pages()[0] ?? (await lectern.context.newPage());
      await tab.goto(`${server.origin}/${ARTICLE}/source.html`);
      await tab.bringToFront();
      const popup = await openPopup(lectern);
      await readerText(popup);
      await popup.waitForSelector('.lectern-reader');
      const words = catalogue(lang);
      const first = await popup.locator('.lectern-toolbar button').first().innerText();
      expect(first, 'the toolbar speaks the language').toBe(words.toolbarDisplay!.message);
      expect(await popup.locator('.lectern-reader__source').innerText()).toBe(words.openOriginal!.message);
      const html = await popup.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
      expect(html.lang.replace('-', '_').toLowerCase().startsWith(lang.toLowerCase()), `lang ${html.lang}`).toBe(true);
      const rtl = lang === 'ar' || lang === 'he';
      expect(html.dir).toBe(rtl ? 'rtl' : 'ltr');
      // The English article keeps its own direction inside a right-to-left interface.
      expect(await popup.locator('article.lectern-reader').evaluate((a) => getComputedStyle(a).direction)).toBe('ltr');
      if (rtl) {
        const [display, panel] = await Promise.all([
          popup.locator('.lectern-toolbar button').first().boundingBox(),
          popup.getByRole('button', { name: words.openInSidePanel!.message }).boundingBox(),
        ]);
        expect(display!.x, 'the first toolbar button sits on the right').toBeGreaterThan(panel!.x);
      }
      // Nothing wider than the popup; the toolbar on one or two rows, never past the edge.
      expect(await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
      await popup.screenshot({ path: join(SHOTS, `popup-${lang}.png`) });
      const title = await lectern.worker.evaluate(() => new Promise<string>((resolve) => {
        chrome.contextMenus.update('lectern-open-tab', {}, () => resolve(chrome.i18n.getMessage('menuOpenTab')));
      }));
      expect(title).toBe(words.menuOpenTab!.message);
      await popup.close();
    } finally {
      await lectern.close();
    }
  });
});
