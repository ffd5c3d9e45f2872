/**
 * Keeping an article (#26) in the real Chromium popup: "Copy as Markdown" (the clipboard read back), "Save as
 * Markdown" and "Save as HTML" (the downloaded files read back); the saved HTML file opened offline runs no script
 * and requests nothing but its images.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPopup } from '../../scripts/lib/chromium';
import { openFixture, readerText, SCREENSHOTS, useSession } from './support';

const ARTICLE = 'captions-npr-toggle';
const CODE = 'fidelity--prism';
const session = useSession();

async function savePanel(slug: string): Promise<Page> {
  await openFixture(session(), slug);
  const popup = await openPopup(session().lectern);
  await readerText(popup);
  await popup.getByRole('button', { name: 'Save' }).click();
  return popup;
}

async function download(popup: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('export from the popup (Chromium)', () => {
  it('"Copy as Markdown" puts the article on the clipboard: front matter, title, text, code fenced with its language', async () => {
    // The clipboard is read back from the page's tab (an extension origin cannot be granted clipboard-read).
    await session().lectern.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session().server.origin });
    const popup = await savePanel(CODE);
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await popup.getByRole('status').filter({ hasText: 'Copied as Markdown.' }).waitFor();
    await popup.close();
    await session().tab.bringToFront();
    const markdown = await session().tab.evaluate(() => navigator.clipboard.readText());
    const title = await session().tab.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');
    expect(markdown.startsWith('---\n')).toBe(true);
    expect(markdown).toContain(`title: ${JSON.stringify(title)}`);
    expect(markdown).toContain(`source: "${session().server.origin}/${CODE}/source.html"`);
    expect(markdown).toContain(`\n# ${title}\n`);
    expect(markdown).toMatch(/\n```javascript\nimport \{ createReadStream \} from "node:fs";\n/);
    expect(markdown).not.toMatch(/Copy|Copied!/);
  });

  it('"Save as Markdown" downloads a .md named after the article, each photo with its caption once below it', async () => {
    const popup = await savePanel(ARTICLE);
    const { name, text } = await download(popup, 'Save as Markdown');
    expect(name).toMatch(/^After a decade away, the harbor ferry returns to the old river towns\.md$/);
    expect(text).toMatch(/^---\ntitle: /);
    expect(text).toContain('author: "Marisol Okafor"');
    const caption = 'The restored ferry Margaret Bell leaves the north landing at Corliss';
    // Shown once: the image's alt text (inside ![...]) is not shown text.
    expect(text.replace(/!\[[^\]]*\]/g, '![]').split(caption).length - 1).toBe(1);
    // The photo, then its caption and credit as the line below it.
    expect(text).toMatch(/!\[[^\]]*\]\(http:\/\/127\.0\.0\.1:\d+\/assets\/img\/[^)]+\)(?:\]\([^)]+\))?\n\n_The restored ferry Margaret Bell[^\n]+ — Dana Whitfield\/Harbor Photo Service_\n/);
    expect(text).not.toMatch(/hide caption|toggle caption/i);
    expect(await popup.getByRole('status').textContent()).toBe(`Saved as ${name}.`);
    await popup.close();
  });

  it('"Save as HTML" downloads one file that opens offline, runs no script and loads nothing but its images', async () => {
    const popup = await savePanel(ARTICLE);
    const { name, text } = await download(popup, 'Save as HTML');
    await popup.close();
    expect(name).toMatch(/\.html$/);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('Content-Security-Policy');
    // Open it as a file would open: from its own address, off the test server's pages.
    session().server.put('/saved/article.html', text);
    const page = await session().lectern.context.newPage();
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.goto(`${session().server.origin}/saved/article.html`);
    await page.waitForLoadState('load');
    expect(await page.title()).toBe('After a decade away, the harbor ferry returns to the old river towns');
    expect(await page.locator('.lectern-reader__body').innerText()).toContain('For the first time in almost ten years');
    const others = requests.filter((r) => r.resourceType() !== 'document' && r.resourceType() !== 'image').map((r) => r.url());
    expect(others).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    // It looks like the reader: the reader's type and background.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.lectern-reader__title')!).fontFamily)).toMatch(/Georgia|serif/i);
    await page.setViewportSize({ width: 900, height: 700 });
    await page.screenshot({ path: join(SCREENSHOTS, 'saved-html.png') });
    await page.close();
  });
});
