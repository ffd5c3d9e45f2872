/**
 * Fidelity (#25) in the real Chromium popup: every fixture under tests/pages/fidelity--<renderer>/ (real renderers'
 * output: formulas, code, embeds, docs pages) is served on 127.0.0.1 and read by the built extension; what the popup
 * renders must pass the fixture's expect.json (tests/e2e/fidelity-probe.ts). firefox.test.ts runs the same checks in
 * firefox-esr, where MathML renders differently.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPopup } from '../../scripts/lib/chromium';
import { FIDELITY_SLUGS } from '../support/fidelity';
import { expectFaithful, RENDERED_FIDELITY, type RenderedFidelity } from './fidelity-probe';
import { openFixture, readerText, SCREENSHOTS, useSession, waitFor } from './support';

const session = useSession();
const SLUGS = FIDELITY_SLUGS();
/** Screenshots for the README: a formula page, a code page, an embed card. */
const SHOTS: Record<string, string> = {
  'fidelity--katex': 'fidelity-math.png',
  'fidelity--syntaxhighlighter': 'fidelity-code.png',
  'fidelity--video-embeds': 'fidelity-embeds.png',
};

describe('fidelity in the real popup (Chromium)', () => {
  it('has the fixtures', () => {
    expect(SLUGS.length).toBeGreaterThanOrEqual(16);
  });

  it.each(SLUGS)('%s: formulas once, exact code, a card for each player, no permalink marks', async (slug) => {
    await openFixture(session(), slug);
    const popup = await openPopup(session().lectern);
    try {
      await popup.waitForSelector('.lectern-reader, .lectern-status--failure', { timeout: 20_000 });
      // Images (none are fetched from outside) may still be loading: the resource list settles first.
      const view = await waitFor(() => popup.evaluate<RenderedFidelity>(`(${RENDERED_FIDELITY})(document)`), (v) => v.loaded);
      expectFaithful(slug, view, `${slug} (Chromium popup)`);
      const shot = SHOTS[slug];
      if (shot) {
        const target = slug.includes('katex') ? 'math[display="block"]' : slug.includes('embeds') ? 'a.lectern-embed' : 'pre';
        await popup.locator(`.lectern-reader__body ${target}`).first().scrollIntoViewIfNeeded();
        await popup.screenshot({ path: join(SCREENSHOTS, shot) });
      }
    } finally {
      await popup.close();
    }
  });
});

describe('formulas in the dark theme (Chromium popup)', () => {
  it('a formula takes the text\'s colour in every theme, so it stays readable on a dark page', async () => {
    await openFixture(session(), 'fidelity--mathjax3');
    const popup = await openPopup(session().lectern);
    try {
      await readerText(popup);
      const colours = (): Promise<{ text: string; maths: string[] }> => popup.evaluate(() => ({
        text: getComputedStyle(document.querySelector('.lectern-reader__body p') as Element).color,
        maths: Array.from(document.querySelectorAll('.lectern-reader__body math'), (m) => getComputedStyle(m).color),
      }));
      const seen: string[] = [];
      for (const theme of ['light', 'dark', 'sepia']) {
        await popup.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
        const { text, maths } = await colours();
        expect(maths.length).toBeGreaterThan(0);
        expect(new Set(maths), theme).toEqual(new Set([text]));
        seen.push(text);
      }
      expect(new Set(seen).size, 'the themes differ').toBeGreaterThan(1);
    } finally {
      await popup.close();
    }
  });
});

describe('footnotes and tables keep working (Chromium popup)', () => {
  it('a footnote mark jumps to its note inside the reader, and the note\'s back link returns', async () => {
    await openFixture(session(), 'fidelity--mkdocs-material');
    const popup = await openPopup(session().lectern);
    try {
      await readerText(popup);
      const inView = (selector: string): Promise<boolean> => popup.locator(selector).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      expect(await inView('[id="fn:1"]'), 'the note starts out of sight').toBe(false);
      await popup.locator('.lectern-reader__body a[href="#fn:1"]').click();
      expect(await waitFor(() => inView('[id="fn:1"]'), Boolean), 'the note, after its mark is clicked').toBe(true);
      await popup.locator('.lectern-reader__body a[href="#fnref:1"]').click();
      expect(await waitFor(() => inView('[id="fnref:1"]'), Boolean), 'the mark, after the back link is clicked').toBe(true);
      expect(popup.url(), 'the reader stays on its page').not.toContain('127.0.0.1');
    } finally {
      await popup.close();
    }
  });

  it('a wide table scrolls inside itself, the view does not', async () => {
    await openFixture(session(), 'fidelity--github-readme');
    const popup = await openPopup(session().lectern);
    try {
      await readerText(popup);
      const table = popup.locator('.lectern-reader__body table').first();
      const { scrollWidth, clientWidth, overflowX } = await table.evaluate((t) => ({ scrollWidth: t.scrollWidth, clientWidth: t.clientWidth, overflowX: getComputedStyle(t).overflowX }));
      expect(overflowX).toBe('auto');
      expect(clientWidth).toBeGreaterThan(0);
      expect(scrollWidth).toBeGreaterThanOrEqual(clientWidth);
      expect(await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    } finally {
      await popup.close();
    }
  });
});
