/**
 * The reader view makes no request of its own: every request from the real popup and side panel is either one of
 * Lectern's own files or an image of the article. And the built code cannot run strings or remote code: no eval,
 * no `new Function`, no remote import or script, and a strict CSP for extension pages in the manifest. Reading a
 * page makes the page load nothing: the copy Lectern reads fetches none of its images.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findExtensionPage, openPopup } from '../../scripts/lib/chromium';
import { ROOT } from '../support/dom';
import {
  clickOpenInSidePanel, COPY_PROBE, currentWorker, openFixture, PROBE_IMAGES_FETCHED, readerText, type Session, sidePanelCount, useSession, waitFor,
} from './support';

const ARTICLE = 'captions-npr-toggle';

/** What a reader view may request: its own files, and images that the article it shows contains. */
function judge(session: Session, view: Page, log: { allowed: string[]; stray: string[] }): (r: Request) => void {
  return (r) => {
    const url = r.url();
    if (url.startsWith(`chrome-extension://${session.lectern.extensionId}/`)) return;
    if (r.resourceType() === 'image' && r.frame() === view.mainFrame()) log.allowed.push(url);
    else log.stray.push(`${r.resourceType()} ${url}`);
  };
}

/** The image URLs of the article the view shows (src and srcset candidates). */
async function articleImages(view: Page): Promise<Set<string>> {
  const urls = await view.locator('.lectern-reader__body').evaluate((body) =>
    Array.from(body.querySelectorAll('img, source')).flatMap((el) => [
      (el as HTMLImageElement).currentSrc || el.getAttribute('src') || '',
      ...(el.getAttribute('srcset') ?? '').split(/,\s+/).map((c) => c.trim().split(/\s+/)[0] ?? ''),
    ]),
  );
  return new Set(urls.filter(Boolean).map((u) => new URL(u).href));
}

describe('the reader views make no request of their own', () => {
  const session = useSession();

  it('popup and side panel request only Lectern files and the article images', async () => {
    await openFixture(session(), ARTICLE);
    const popup = await openPopup(session().lectern);
    // Requests made before this listener existed are the popup's own files (it is an extension page that just opened).
    const popupLog = { allowed: [] as string[], stray: [] as string[] };
    popup.on('request', judge(session(), popup, popupLog));
    await readerText(popup);
    await popup.waitForTimeout(1000);
    // Reload the popup with the listener attached from the start, so nothing escapes the record.
    await popup.reload();
    await readerText(popup);
    await popup.waitForLoadState('networkidle').catch(() => undefined);
    const images = await articleImages(popup);
    expect(images.size).toBeGreaterThan(0);
    expect(popupLog.stray).toEqual([]);
    expect(popupLog.allowed.length).toBeGreaterThan(0);
    for (const url of popupLog.allowed) expect(images.has(url), url).toBe(true);

    await clickOpenInSidePanel(popup);
    const panel = await findExtensionPage(session().lectern, `chrome-extension://${session().lectern.extensionId}/src/ui/sidepanel/index.html`);
    const panelLog = { allowed: [] as string[], stray: [] as string[] };
    panel.on('request', judge(session(), panel, panelLog));
    // The panel follows a navigation and reads the page again: everything from here on is recorded.
    await session().tab.goto(`${session().server.origin}/odd--base-href/source.html`);
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('photographed'), undefined, { timeout: 20_000 });
    await session().tab.goto(`${session().server.origin}/${ARTICLE}/source.html`);
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('harbor ferry'), undefined, { timeout: 20_000 });
    await panel.waitForTimeout(1000);
    const panelImages = await articleImages(panel);
    expect(panelLog.stray).toEqual([]);
    for (const url of panelLog.allowed) expect(panelImages.has(url) || url.startsWith('https://cdn.example.org/'), url).toBe(true);
    if ((await sidePanelCount(session())) > 0) {
      const worker = session().lectern.context.serviceWorkers()[0] ?? session().lectern.worker;
      await worker.evaluate(async () => {
        const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        chrome.commands.onCommand.dispatch('toggle-reader', t);
      });
    }
  }, 120_000);
});

describe('reading a page loads nothing from it', () => {
  // A browser of its own: a side panel left open by the tests above would read the page too and fetch its images.
  const session = useSession();

  it('the copy Lectern reads loads none of the images it brings to life', async () => {
    session().server.put(COPY_PROBE.path, COPY_PROBE.html);
    await session().tab.goto(`${session().server.origin}${COPY_PROBE.path}`);
    await session().tab.bringToFront();
    const before = session().server.requests.length;
    const fromTab: string[] = [];
    const record = (r: Request): void => void fromTab.push(r.url());
    session().tab.on('request', record);
    try {
      const popup = await openPopup(session().lectern);
      await readerText(popup);
      await popup.waitForLoadState('networkidle').catch(() => undefined);
      await popup.waitForTimeout(500);
      const shown = await popup.locator('.lectern-reader__body img').evaluateAll((imgs) => imgs.map((img) => new URL((img as HTMLImageElement).src).pathname));
      expect(shown).toEqual(expect.arrayContaining(COPY_PROBE.images));
      // The reader view fetched the images; nothing else did: every request the server got for them is one of the
      // view's, and the page's tab made none.
      const byView = await popup.evaluate<string[]>(PROBE_IMAGES_FETCHED);
      expect(byView.length).toBeGreaterThan(0);
      const reached = session().server.requests.slice(before).filter((path) => path.startsWith(COPY_PROBE.prefix));
      expect(reached.sort()).toEqual(byView.sort());
      expect(await session().tab.evaluate<string[]>(PROBE_IMAGES_FETCHED)).toEqual([]);
      expect(fromTab).toEqual([]);
      await popup.close();
    } finally {
      session().tab.off('request', record);
    }
  }, 60_000);
});

describe('a site the reader granted: Lectern requests nothing there', () => {
  const session = useSession();

  it('opening its article by itself fetches nothing from the site but the page the reader went to', async () => {
    session().server.put(COPY_PROBE.path, COPY_PROBE.html);
    const worker = currentWorker(session());
    // The choice as the Display panel stores it (the click that makes it, and its permission: sites.test.ts). The
    // badge, so that no reader view opens and fetches the article's images, which it may.
    await worker.evaluate(() => chrome.storage.local.set({ sites: { version: 1, sites: { 'http://127.0.0.1': { open: 'badge' } } } }));
    const registered = (): Promise<number> => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    expect(await waitFor(registered, (n) => n > 0)).toBe(1);
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const before = session().server.requests.length;
    const fromTab: string[] = [];
    const record = (r: Request): void => void fromTab.push(r.url());
    session().tab.on('request', record);
    try {
      const url = `${session().server.origin}${COPY_PROBE.path}`;
      await session().tab.goto(url);
      await session().tab.bringToFront();
      const outcome = await waitFor(
        () => worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { url: string; outcome: string } | undefined, `auto:${tabId}`),
        (r) => r?.url === url && r.outcome !== 'reading',
      );
      expect(outcome?.outcome, 'read and found an article').toBe('opened');
      await session().tab.waitForTimeout(500);
      // The browser's own favicon request is neither the page's nor Lectern's.
      expect(session().server.requests.slice(before).filter((path) => path !== '/favicon.ico')).toEqual([COPY_PROBE.path]);
      expect(fromTab).toEqual([url]);
    } finally {
      session().tab.off('request', record);
      await worker.evaluate(() => chrome.storage.local.remove('sites'));
    }
  }, 60_000);
});

describe('built code runs no strings and no remote code', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it.each(['dist', 'dist-e2e', 'dist-firefox'])('%s: no eval, new Function, string timers, remote import or remote script', (dist) => {
    const js = files(join(ROOT, dist)).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of js) {
      const code = readFileSync(file, 'utf8');
      const name = relative(ROOT, file);
      for (const [what, pattern] of [
        ['eval(', /(^|[^.\w$])eval\s*\(/],
        ['new Function', /new\s+Function\s*\(/],
        ['Function(…) constructor call', /(^|[^.\w$])Function\s*\(\s*[`'"]/],
        ['string setTimeout/setInterval', /set(Timeout|Interval)\s*\(\s*[`'"]/],
        ['remote import()', /import\s*\(\s*[`'"]https?:/],
        ['remote static import', /from\s*[`'"]https?:/],
        ['remote script src', /\.src\s*=\s*[`'"]https?:/],
        ['importScripts', /importScripts\s*\(/],
      ] as const) {
        if (pattern.test(code)) found.push(`${name}: ${what}`);
      }
    }
    for (const html of files(join(ROOT, dist)).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(html, 'utf8');
      if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(text)) found.push(`${relative(ROOT, html)}: inline <script>`);
      if (/<script[^>]*\bsrc=["']?https?:/i.test(text)) found.push(`${relative(ROOT, html)}: remote <script>`);
      if (/\son[a-z]+\s*=/i.test(text)) found.push(`${relative(ROOT, html)}: inline event handler`);
    }
    expect(found).toEqual([]);
  });

  it.each(['dist', 'dist-e2e', 'dist-firefox'])('%s: the extension pages CSP allows only its own scripts and no objects', (dist) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, dist, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*|data:|blob:/);
  });
});
