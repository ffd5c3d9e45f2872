/**
 * Caption patterns in the real reader: the seed's own shape (an aggregator's plain paragraphs around "hide caption /
 * toggle caption") and five publishers' markup, served on 127.0.0.1 and read by the built extension in Chromium,
 * in the real popup and in the real side panel. What each page must show is its fixture's expect.json (the same
 * file the unit test reads): each caption and credit once, the controls kept, no widget words, every photo shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { allPages, findExtensionPage, openPopup } from '../../scripts/lib/chromium';
import { PAGES } from '../support/dom';
import { clickOpenInSidePanel, closeSidePanels, expectImagesLoaded, occurrences, openFixture, readerText, SCREENSHOTS, sidePanelCount, useSession, waitFor } from './support';

interface Expectation {
  once?: string[];
  count?: Record<string, number>;
  absent?: string[];
  present?: string[];
  images?: number;
}

/** The seed first, then patterns of different kinds: wire credit in the caption, a viewer copy, a WordPress lightbox, an AMP carousel, a lead photo Readability drops. */
const SLUGS = [
  'captions--aggregator-seed',
  'captions--ap-wire',
  'captions--nyt',
  'captions--wordpress-gutenberg',
  'captions--amp-carousel',
  'captions--lead-photo-beside-body',
];

const session = useSession();

function expectation(slug: string): Expectation {
  return JSON.parse(readFileSync(join(PAGES, slug, 'expect.json'), 'utf8')) as Expectation;
}

/** Check what the reader in `view` shows against the fixture's expectation. */
async function expectShown(view: Page, slug: string, surface: string): Promise<void> {
  const want = expectation(slug);
  const text = await readerText(view);
  const label = `${slug} (${surface})`;
  expect(await view.locator('.lectern-reader').count(), `${label}: an article`).toBe(1);
  for (const once of want.once ?? []) expect(occurrences(text, once), `${label} once: ${once}`).toBe(1);
  for (const [control, n] of Object.entries(want.count ?? {})) expect(occurrences(text, control), `${label} count: ${control}`).toBe(n);
  for (const present of want.present ?? []) expect(occurrences(text, present), `${label} present: ${present}`).toBeGreaterThan(0);
  for (const absent of want.absent ?? []) expect(text.toLowerCase(), `${label} absent: ${absent}`).not.toContain(absent.toLowerCase());
  if (want.images !== undefined) {
    const shown = await view.locator('.lectern-reader__body img[src]').count();
    expect(shown, `${label}: photos`).toBe(want.images);
  }
}

afterEach(async () => {
  await closeSidePanels(session());
});

/** The side panel pages open now (closing ones too). */
async function panelPages(prefix: string): Promise<Page[]> {
  return (await allPages(await session().lectern.cdp())).filter((p) => p.url().startsWith(prefix));
}

describe('caption patterns in the real reader', () => {
  it('the page itself prints the seed caption more than once (the problem the reader solves)', async () => {
    await openFixture(session(), 'captions--aggregator-seed');
    const pageText = await session().tab.locator('body').innerText();
    expect(occurrences(pageText, 'U.S. Secretary of State Antony Blinken shakes hands with')).toBe(2);
    expect(occurrences(pageText, 'Stefani Reynolds/POOL/AFP via Getty Images')).toBe(3);
  });

  it.each(SLUGS)('%s: the popup shows each caption and credit once, and every photo', async (slug) => {
    await openFixture(session(), slug);
    const popup = await openPopup(session().lectern);
    await expectShown(popup, slug, 'popup');
    if (slug === 'captions--aggregator-seed') {
      // The seed's photo is served locally: it must load, and its screenshot shows the one caption under it.
      await expectImagesLoaded(popup, slug);
      // The header: the headline without the source's ": NPR", and the writer its "By Abraham" line names, once.
      expect(await popup.locator('.lectern-reader__title').innerText()).toBe("Blinken, China's top diplomat to meet at Munich Security Conference");
      const facts = await popup.locator('.lectern-reader__facts').innerText();
      expect(facts).toContain('5G News');
      expect(occurrences(facts, 'Abraham')).toBe(1);
      await popup.locator('.lectern-reader__body figcaption').first().scrollIntoViewIfNeeded();
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-seed.png') });
    }
    await popup.close();
  });

  it.each(SLUGS)('%s: the side panel shows each caption and credit once, and every photo', async (slug) => {
    await openFixture(session(), slug);
    const prefix = `chrome-extension://${session().lectern.extensionId}/src/ui/sidepanel/index.html`;
    // The panel of the test before may still be closing: only a panel page opened by this click counts.
    const earlier = new Set(await panelPages(prefix));
    const popup = await openPopup(session().lectern);
    await readerText(popup);
    await clickOpenInSidePanel(popup);
    const panel = await findExtensionPage(session().lectern, prefix, 10_000, earlier);
    await waitFor(() => sidePanelCount(session()), (n) => n === 1);
    await panel.waitForSelector('.lectern-reader', { timeout: 20_000 });
    await expectShown(panel, slug, 'side panel');
    if (slug === 'captions--aggregator-seed') {
      await expectImagesLoaded(panel, slug);
      await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel-seed.png') });
    }
  });
});
