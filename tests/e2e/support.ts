/** Shared set-up for real-browser tests: serve tests/pages on 127.0.0.1 and launch Chromium with a built Lectern. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { findExtensionPage, launchWithExtension, openPopup, type LecternBrowser } from '../../scripts/lib/chromium';
import { placeholderPng } from '../../scripts/lib/png';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';
import { PAGES, ROOT } from '../support/dom';

export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Words and file names the reader must never show on the NPR-style fixture (caption widgets, file-name alt text). */
export const WIDGET_WORDS = [/hide caption/i, /toggle caption/i, /enlarge this image/i, /gettyimages/i, /\.jpg\b/i];

/**
 * One browser session for a file's (or a describe block's) tests: started before them, closed after them, and each
 * test fails when the service worker logged an error. Returns the session, for use inside the tests.
 */
export function useSession(dist?: string): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession(dist);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session?.lectern.workerErrors, 'the service worker logged errors').toEqual([]);
  });
  return () => {
    if (!session) throw new Error('the browser session did not start');
    return session;
  };
}

export interface Session {
  lectern: LecternBrowser;
  server: StaticServer;
  /** The one normal tab the tests drive. */
  tab: Page;
  close(): Promise<void>;
}

export async function startSession(dist = 'dist-e2e'): Promise<Session> {
  const server = await serveStatic(PAGES, placeholderPng());
  const lectern = await launchWithExtension(join(ROOT, dist));
  const tab = lectern.context.pages()[0] ?? (await lectern.context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    lectern,
    server,
    tab,
    async close() {
      await lectern.close();
      await server.close();
    },
  };
}
/** Before each test of the file: the extension's sync and local storage cleared (settings, sites, positions start fresh). */
export function clearStorageBeforeEach(session: () => Session): void {
  beforeEach(async () => {
    await currentWorker(session()).evaluate(async () => {
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
    });
  });
}

/** The real toolbar popup on the active tab, once its article is shown. */
export async function popupReader(session: Session): Promise<Page> {
  const popup = await openPopup(session.lectern);
  await readerText(popup);
  await popup.waitForSelector('.lectern-reader');
  return popup;
}

/** The real side panel, opened by a trusted click in the real popup (which then closes itself), once its article is shown. */
export async function panelReader(session: Session): Promise<Page> {
  const popup = await popupReader(session);
  await clickOpenInSidePanel(popup);
  const panel = await findExtensionPage(session.lectern, `chrome-extension://${session.lectern.extensionId}/src/ui/sidepanel/index.html`);
  await waitFor(() => sidePanelCount(session), (n) => n === 1);
  await panel.waitForSelector('.lectern-reader', { timeout: 20_000 });
  return panel;
}

/** Open the reader's Display panel (left open when it already is). */
export async function openDisplay(view: Page): Promise<void> {
  const button = view.getByRole('button', { name: 'Display' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Open a fixture page (tests/pages/<slug>/source.html) in the test tab and make it the active tab. */
export async function openFixture(session: Session, slug: string): Promise<void> {
  await session.tab.goto(`${session.server.origin}/${slug}/source.html`);
  await session.tab.bringToFront();
}

/**
 * A trusted click on the popup's "Open in side panel". The popup closes itself once it has asked for the panel, which
 * can happen before the click action returns: a popup closed by that click is the expected outcome, not a failure.
 */
export async function clickOpenInSidePanel(popup: Page): Promise<void> {
  try {
    await popup.getByRole('button', { name: 'Open in side panel' }).click();
  } catch (error) {
    if (!popup.isClosed()) throw error;
  }
}

/** The reader's visible text, once it has finished loading (article or failure). */
export async function readerText(view: Page): Promise<string> {
  await view.waitForSelector('.lectern-reader, .lectern-status--failure', { timeout: 20_000 });
  return view.locator('main').innerText();
}

/**
 * The reader body's images that did not load (each as its URL), once none is still loading: an image that failed
 * shows as the browser's broken-image icon with its alt text, in the view and in the README screenshots.
 */
export async function brokenImages(view: Page): Promise<string[]> {
  const selector = '.lectern-reader__body img';
  await view.waitForFunction((s) => Array.from(document.querySelectorAll<HTMLImageElement>(s)).every((img) => img.complete), selector, { timeout: 10_000 });
  return view.$$eval(selector, (imgs) =>
    (imgs as HTMLImageElement[]).filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.currentSrc || img.src),
  );
}

/** Fail unless the reader body shows at least one image and every one of them loaded. */
export async function expectImagesLoaded(view: Page, label: string): Promise<void> {
  expect(await view.locator('.lectern-reader__body img').count(), `${label}: images in the reader`).toBeGreaterThan(0);
  expect(await brokenImages(view), `${label}: images that did not load`).toEqual([]);
}

/** How often `needle` shows in `text`, whitespace folded and case ignored (CSS may set credits in capitals). */
export function occurrences(text: string, needle: string): number {
  const hay = text.replace(/\s+/g, ' ').toLowerCase();
  const n = needle.replace(/\s+/g, ' ').trim().toLowerCase();
  return n ? hay.split(n).length - 1 : 0;
}

/** The extension's service worker as it runs now (a restarted worker replaces the first one). */
export function currentWorker(session: Session): Worker {
  return session.lectern.context.serviceWorkers()[0] ?? session.lectern.worker;
}

/**
 * Probe until `ok` holds or the time is up; returns the last value (the caller asserts on it). A probe that throws (a
 * page still loading: no `browser`, no `location` yet) is asked again; if it still throws at the deadline, that error
 * is thrown.
 */
export async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T;
    try {
      value = await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
      continue;
    }
    if (ok(value) || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Close the open side panels with the keyboard toggle's own listener (on the active tab), and wait until none is open. */
export async function closeSidePanels(session: Session): Promise<void> {
  if ((await sidePanelCount(session)) === 0) return;
  const worker = currentWorker(session);
  const tab = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);
  await worker.evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
  await waitFor(() => sidePanelCount(session), (n) => n === 0);
}

/** How many Lectern side panels are open (all windows). */
export async function sidePanelCount(session: Session): Promise<number> {
  return currentWorker(session).evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
}

/**
 * A page whose images the page itself never loads: lazy (`data-src`, `data-srcset`) and one inside `<noscript>` behind
 * a placeholder. Lectern's copy of the page gives them a `src` (lazyImages), and Readability unwraps the `<noscript>`
 * one, so the copy is where they would load if it could. Only a reader view may fetch them.
 */
export const COPY_PROBE = (() => {
  const para = (n: number): string =>
    `<p>${`Lantern maker number ${n} folds the paper along the ribs and paints the crane last, by lamplight. `.repeat(5)}</p>`;
  const images = ['/copy-probe/lantern-1.png', '/copy-probe/lantern-2.png', '/copy-probe/lantern-3.png'];
  const html = `<!doctype html><html lang="en"><head><title>Lantern makers of the old quarter</title></head>
<body><article><h1>Lantern makers of the old quarter</h1>${para(1)}${para(2)}
<figure><img data-src="${images[0]}" alt="A paper lantern" width="400" height="300"><figcaption>A paper lantern.</figcaption></figure>
${para(3)}<picture><source data-srcset="${images[1]} 1x"><img data-src="${images[1]}" alt="Two lanterns" width="400" height="300"></picture>
${para(4)}<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Three lanterns"><noscript><img src="${images[2]}" alt="Three lanterns"></noscript></p>
${para(5)}</article></body></html>`;
  return { path: '/copy-probe/page.html', html, images, prefix: '/copy-probe/lantern' };
})();

/** A script (for `evaluate`) giving the paths of COPY_PROBE's images that its document fetched (resource timing). */
export const PROBE_IMAGES_FETCHED = `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
  .filter((path) => path.startsWith(${JSON.stringify(COPY_PROBE.prefix)}))`;

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical violations in `view` (the whole document, or the element `within` selects). */
export async function axeViolations(view: Page, within?: string): Promise<string[]> {
  if (!(await view.evaluate(() => 'axe' in window))) await view.evaluate(AXE);
  const violations = await view.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: Document | Element, opts: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const context = selector ? document.querySelector(selector) : document;
    if (!context) throw new Error(`axe: nothing matches ${selector}`);
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, within ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** The text of every page of a PDF (Chromium's page.pdf(), Firefox's browsingContext.print), read with pdf.js. */
export async function pdfText(data: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join(''));
  }
  return pages.join('\n');
}
