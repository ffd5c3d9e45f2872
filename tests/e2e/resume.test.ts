/**
 * Reading positions (#26) in Chromium: scroll an article in the popup, close it, open it again: it resumes there with
 * "Resumed where you left off · Start over"; the reader tab resumes the same article; "Start over" goes to the top and
 * forgets; the setting turns it off; "Forget reading positions" clears them.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPopup } from '../../scripts/lib/chromium';
import { currentWorker, openFixture, readerText, useSession, waitFor, clearStorageBeforeEach } from './support';

const LONG = 'view--long-article-toc';
const session = useSession();
const worker = (): Worker => currentWorker(session());

clearStorageBeforeEach(session);

async function reader(): Promise<Page> {
  const popup = await openPopup(session().lectern);
  await readerText(popup);
  await popup.waitForSelector('.lectern-reader');
  return popup;
}

const fraction = (view: Page): Promise<number> => view.evaluate(() => {
  const el = document.scrollingElement!;
  return el.scrollTop / (el.scrollHeight - el.clientHeight);
});

async function scrollTo(view: Page, f: number): Promise<void> {
  await view.evaluate((to) => {
    const el = document.scrollingElement!;
    el.scrollTop = to * (el.scrollHeight - el.clientHeight);
  }, f);
  // The position is saved a moment after the last scroll.
  await waitFor(() => worker().evaluate(async () => (await chrome.storage.local.get('positions')).positions as Record<string, { fraction: number }> | undefined), (p) => !!p && Object.values(p).some((x) => x.fraction > f - 0.05));
}

const notice = (view: Page) => view.locator('.lectern-resumed');

describe('resume where the reader left off', () => {
  it('across a popup close and reopen, and in the reader tab; "Start over" forgets', async () => {
    await openFixture(session(), LONG);
    const first = await reader();
    expect(await notice(first).count()).toBe(0);
    await scrollTo(first, 0.6);
    await first.close();

    const again = await reader();
    await notice(again).waitFor();
    expect(await notice(again).innerText()).toMatch(/Resumed where you left off · Start over/);
    expect(Math.abs((await fraction(again)) - 0.6)).toBeLessThan(0.08);
    const saved = await worker().evaluate(async () => (await chrome.storage.local.get('positions')).positions as Record<string, { heading: string | null }>);
    expect(Object.values(saved)[0]?.heading, 'the heading above the place').toBeTruthy();

    // Any surface: the reader tab opens the same article at the same place.
    const tabPrefix = `chrome-extension://${session().lectern.extensionId}/src/ui/tab/index.html`;
    await again.getByRole('button', { name: 'Open in tab' }).click();
    const readerTab = await waitFor(() => Promise.resolve(session().lectern.context.pages().find((p) => p.url().startsWith(tabPrefix))), Boolean);
    await readerTab!.waitForSelector('.lectern-resumed');
    expect(await fraction(readerTab!)).toBeGreaterThan(0.4);
    await readerTab!.close();

    await openFixture(session(), LONG);
    const third = await reader();
    await notice(third).waitFor();
    await third.getByRole('button', { name: 'Start over' }).click();
    expect(await fraction(third)).toBe(0);
    expect(await notice(third).count()).toBe(0);
    await third.close();
    const fourth = await reader();
    await new Promise((r) => setTimeout(r, 300));
    expect(await notice(fourth).count(), 'forgotten after "Start over"').toBe(0);
    await fourth.close();
  });

  it('the setting turns it off, and "Forget reading positions" clears every position', async () => {
    await openFixture(session(), LONG);
    const first = await reader();
    await scrollTo(first, 0.5);
    await first.getByRole('button', { name: 'Display' }).click();
    await first.getByRole('checkbox', { name: 'Resume where I left off' }).uncheck();
    await first.close();
    const off = await reader();
    await new Promise((r) => setTimeout(r, 300));
    expect(await notice(off).count(), 'the setting is off').toBe(0);
    expect(await fraction(off)).toBe(0);
    await off.getByRole('button', { name: 'Display' }).click();
    await off.getByRole('checkbox', { name: 'Resume where I left off' }).check();
    await off.getByRole('button', { name: 'Forget reading positions' }).click();
    await off.getByText('Reading positions forgotten.').waitFor();
    expect(await worker().evaluate(async () => (await chrome.storage.local.get('positions')).positions ?? null)).toBeNull();
    await off.close();
  });
});
