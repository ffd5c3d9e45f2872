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
import { openFixture, SCREENSHOTS, useSession, waitFor } from './support';

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
