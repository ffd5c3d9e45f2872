/**
 * The XSS corpus (tests/security/xss-vectors.ts) in the real extension: each vector sits in a readable article page,
 * the real side panel (opened once by a trusted click) follows the tab from page to page and renders what Lectern
 * read. After each page the panel is checked for markers (`window.__pwned`), dialogs, and requests; a second server
 * records every beacon. The vector pages are served with a CSP that keeps the page itself from running or loading
 * anything (so a beacon can only come from Lectern). Then the raw, unsanitized vectors are put straight into the
 * panel's stored entry: the view's own sanitizing at its one render site must hold on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findExtensionPage, openPopup } from '../../scripts/lib/chromium';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';
import { articlePage, markerId, render, VECTORS, type Vector } from '../security/xss-vectors';
import { clickOpenInSidePanel, openFixture, readerText, sidePanelCount, startSession, type Session, waitFor } from './support';

const PER_PAGE = 12;
const SETTLE_MS = 400;

let session: Session;
let beacons: StaticServer;
let beaconRoot: string;
let panel: Page;
const dialogs: string[] = [];
/** Requests from the panel that are neither Lectern's own files nor an image of the article (beacons count here too). */
const strayRequests: string[] = [];
const imageRequests: string[] = [];

function pages(): Array<{ path: string; title: string; vectors: Vector[] }> {
  const out: Array<{ path: string; title: string; vectors: Vector[] }> = [];
  const together = VECTORS.filter((v) => !v.alone);
  for (let i = 0; i < together.length; i += PER_PAGE) {
    out.push({ path: `/xss/page-${out.length}.html`, title: `XSS test page ${out.length}`, vectors: together.slice(i, i + PER_PAGE) });
  }
  for (const v of VECTORS.filter((x) => x.alone)) out.push({ path: `/xss/${v.id}.html`, title: `XSS test page ${v.id}`, vectors: [v] });
  return out;
}

afterEach(() => {
  expect(session.lectern.workerErrors, 'the service worker logged errors').toEqual([]);
});

beforeAll(async () => {
  // LECTERN_DIST lets a deliberately weakened build be checked: the test must fail on it.
  session = await startSession(process.env.LECTERN_DIST ?? 'dist-e2e');
  beaconRoot = mkdtempSync(join(tmpdir(), 'lectern-beacons-'));
  beacons = await serveStatic(beaconRoot);
  const pageOrigin = session.server.origin;
  // The page itself may run nothing, load nothing but its own images, submit nothing and navigate nowhere.
  const csp = `sandbox allow-same-origin; default-src 'none'; img-src ${pageOrigin}`;
  for (const p of pages()) session.server.put(p.path, articlePage(p.title, p.vectors, beacons.origin), { 'content-security-policy': csp });

  await openFixture(session, 'captions-npr-toggle');
  const popup = await openPopup(session.lectern);
  await readerText(popup);
  await clickOpenInSidePanel(popup);
  panel = await findExtensionPage(session.lectern, `chrome-extension://${session.lectern.extensionId}/src/ui/sidepanel/index.html`);
  await waitFor(() => sidePanelCount(session), (n) => n === 1, 15_000);
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  panel.on('request', (r) => {
    const url = r.url();
    if (url.startsWith(`chrome-extension://${session.lectern.extensionId}/`)) return;
    if (r.resourceType() === 'image' && !url.startsWith(beacons.origin)) imageRequests.push(url);
    else strayRequests.push(`${r.resourceType()} ${url}`);
  });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await beacons?.close();
  if (beaconRoot) rmSync(beaconRoot, { recursive: true, force: true });
});

async function markers(): Promise<string[]> {
  return panel.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown };
    const found: unknown[] = Array.isArray(w.__pwned) ? w.__pwned : w.__pwned === undefined ? [] : [w.__pwned];
    return found.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  });
}

/** Every vector that ran, alerted or phoned home, by id. */
async function executed(vectors: Vector[]): Promise<string[]> {
  const ran = new Set(await markers());
  const hit = new Set(beacons.requests.filter((p) => p.startsWith('/beacon/')).map((p) => p.slice('/beacon/'.length)));
  return vectors.flatMap((v) => [
    ...(ran.has(markerId(v)) ? [`${v.id}: marker`] : []),
    ...(dialogs.some((d) => d.includes(v.id)) ? [`${v.id}: dialog`] : []),
    ...(hit.has(v.id) ? [`${v.id}: beacon`] : []),
  ]);
}

describe('XSS corpus in the real side panel', () => {
  it(`reads ${VECTORS.length} vectors in article pages: 0 executions, 0 beacons, no request but the article image`, async () => {
    const shown = new Set<string>();
    for (const p of pages()) {
      await session.tab.goto(`${session.server.origin}${p.path}`);
      await panel.waitForFunction((title) => document.querySelector('h1')?.textContent?.includes(title), p.title, { timeout: 30_000 });
      await panel.waitForTimeout(SETTLE_MS);
      const text = await panel.locator('main').innerText();
      for (const v of p.vectors) if (text.includes(`(${v.id})`)) shown.add(v.id);
      expect(await executed(p.vectors), p.path).toEqual([]);
    }
    expect(await executed(VECTORS)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(beacons.requests).toEqual([]);
    expect(strayRequests).toEqual([]);
    // The reader really showed the articles around the vectors, and loaded their image.
    expect(shown.size).toBeGreaterThanOrEqual(VECTORS.length - VECTORS.filter((v) => v.alone).length);
    expect(imageRequests.length).toBeGreaterThan(0);
  }, 240_000);

  it('the render site alone holds: raw vectors put straight into the panel entry run nothing', async () => {
    const worker = session.lectern.context.serviceWorkers()[0] ?? session.lectern.worker;
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const batches: Vector[][] = [];
    for (let i = 0; i < VECTORS.length; i += 60) batches.push(VECTORS.slice(i, i + 60));
    for (const [n, batch] of batches.entries()) {
      const title = `Raw vectors ${n}`;
      const content = batch.map((v) => `<p>Vector ${v.id} follows.</p>${render(v, beacons.origin)}`).join('\n');
      const article = {
        title, byline: null, siteName: null, publishedTime: null, lang: 'en', dir: null, excerpt: null, content,
        textContent: title, length: title.length, readingTimeMinutes: 1, url: 'http://127.0.0.1/raw',
        removed: { lazyImages: 0, readability: 0, absoluteUrls: 0, captions: 0 },
      };
      const url = await session.tab.evaluate(() => location.href);
      await worker.evaluate(
        ([id, entry]) => chrome.storage.session.set({ [`panel:${id}`]: entry }),
        [tabId, { tabId, url, options: {}, phase: 'done', result: { ok: true, article } }] as const,
      );
      await panel.waitForFunction((t) => document.querySelector('h1')?.textContent?.includes(t), title, { timeout: 30_000 });
      await panel.waitForTimeout(SETTLE_MS * 2);
      expect(await executed(batch), title).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    expect(beacons.requests).toEqual([]);
    expect(strayRequests).toEqual([]);
  }, 120_000);
});
