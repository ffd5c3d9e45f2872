/**
 * Reading keys (#26) in the real Chromium popup, each pressed as a reader presses it: j/k and arrows scroll, Space
 * and Shift+Space page, ] and [ go to the next and previous heading, t opens the contents, + and - change the text
 * size, d the theme, p plays and pauses reading aloud, ? shows the key list and Esc closes it; no key fires while
 * typing in a field, and Tab still moves focus.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPopup } from '../../scripts/lib/chromium';
import { clearStorageBeforeEach, openFixture, readerText, useSession, waitFor } from './support';

const LONG = 'view--long-article-toc';
const session = useSession();

clearStorageBeforeEach(session);

const top = (view: Page): Promise<number> => view.evaluate(() => document.scrollingElement!.scrollTop);
const settle = (view: Page): Promise<void> => view.waitForTimeout(150);

async function reader(): Promise<Page> {
  await openFixture(session(), LONG);
  const popup = await openPopup(session().lectern);
  await readerText(popup);
  await popup.waitForSelector('.lectern-reader');
  // Keys go to the view's document, as after a click in the article.
  await popup.locator('.lectern-reader__body p').first().click();
  await popup.evaluate(() => { document.scrollingElement!.scrollTop = 0; });
  return popup;
}

describe('reading keys', () => {
  it('scroll, page and move by heading', async () => {
    const view = await reader();
    expect(await top(view)).toBe(0);
    await view.keyboard.press('j');
    await settle(view);
    const afterJ = await top(view);
    expect(afterJ).toBeGreaterThan(0);
    await view.keyboard.press('ArrowDown');
    await settle(view);
    expect(await top(view)).toBeGreaterThan(afterJ);
    await view.keyboard.press('k');
    await settle(view);
    expect(await top(view)).toBeLessThan(afterJ + 61);
    await view.keyboard.press(' ');
    await settle(view);
    const paged = await top(view);
    expect(paged).toBeGreaterThan(250);
    await view.keyboard.press('Shift+ ');
    await settle(view);
    expect(await top(view)).toBeLessThan(paged);

    await view.evaluate(() => { document.scrollingElement!.scrollTop = 0; });
    const headings = view.locator('.lectern-reader__body h2, .lectern-reader__body h3, .lectern-reader__body h4');
    await view.keyboard.press(']');
    await settle(view);
    const first = await headings.nth(0).evaluate((h) => h.getBoundingClientRect().top);
    const barBottom = await view.evaluate(() => document.querySelector('.lectern-bar')!.getBoundingClientRect().bottom);
    expect(first).toBeGreaterThanOrEqual(barBottom - 1);
    expect(first).toBeLessThan(barBottom + 40);
    await view.keyboard.press(']');
    await settle(view);
    expect(await headings.nth(1).evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(barBottom + 40);
    await view.keyboard.press('[');
    await settle(view);
    expect(await headings.nth(0).evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(barBottom + 40);
    await view.close();
  });

  it('t, + and -, d, p, ? and Esc; nothing while typing in a field; Tab still moves focus', async () => {
    const view = await reader();
    await view.keyboard.press('t');
    expect(await view.getByRole('button', { name: 'Contents' }).getAttribute('aria-expanded')).toBe('true');
    await view.keyboard.press('Escape');
    expect(await view.getByRole('button', { name: 'Contents' }).getAttribute('aria-expanded')).toBe('false');

    const size = (): Promise<string> => view.evaluate(() => getComputedStyle(document.querySelector('.lectern-reader__body p')!).fontSize);
    const before = await size();
    await view.keyboard.press('+');
    await waitFor(size, (s) => s !== before);
    expect(parseFloat(await size())).toBeGreaterThan(parseFloat(before));
    await view.keyboard.press('-');
    await waitFor(size, (s) => s === before);

    const theme = (): Promise<string | undefined> => view.evaluate(() => document.documentElement.dataset.theme);
    const t0 = await theme();
    await view.keyboard.press('d');
    await waitFor(theme, (t) => t !== t0);
    expect(await theme()).not.toBe(t0);

    // p plays and pauses (the speech state shows on the Listen button).
    const listen = view.getByRole('button', { name: 'Listen' });
    await view.keyboard.press('p');
    const speaking = await waitFor(() => listen.getAttribute('data-active'), (a) => a !== null, 5_000);
    await view.keyboard.press('p');
    if (speaking !== null) await waitFor(() => view.evaluate(() => speechSynthesis.paused || !speechSynthesis.speaking), Boolean, 5_000);

    await view.keyboard.press('?');
    const dialog = view.getByRole('dialog', { name: 'Reading keys' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Next / previous heading');
    // Focus moves to Close in an effect after the dialog's first render: asked until it has (a CI run read it too early).
    await expect.poll(() => view.evaluate(() => document.activeElement?.textContent), { timeout: 5_000 }).toBe('Close');
    await view.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);

    // Typing in a field: the keys are the field's.
    await view.getByRole('button', { name: 'Display' }).click();
    const spacing = view.getByRole('combobox', { name: 'Line spacing' });
    await spacing.focus();
    const themeNow = await theme();
    await view.keyboard.press('d');
    await view.keyboard.press('t');
    await settle(view);
    expect(await theme()).toBe(themeNow);
    expect(await view.getByRole('button', { name: 'Contents' }).getAttribute('aria-expanded')).toBe('false');

    // Tab is never taken.
    await view.getByRole('button', { name: 'Display' }).focus();
    await view.keyboard.press('Tab');
    expect(await view.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Contents');
    await view.close();
  });
});
