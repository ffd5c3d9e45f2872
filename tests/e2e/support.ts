/** Shared set-up for real-browser tests: serve tests/pages on 127.0.0.1 and launch Chromium with a built Lectern. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchWithExtension, type LecternBrowser } from '../../scripts/lib/chromium';
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

/** Open a fixture page (tests/pages/<slug>/source.html) in the test tab and make it the active tab. */
export async function openFixture(session: Session, slug: string): Promise<void> {
  await session.tab.goto(`${session.server.origin}/${slug}/source.html`);
  await session.tab.bringToFront();
}

/** The reader's visible text, once it has finished loading (article or failure). */
export async function readerText(view: Page): Promise<string> {
  await view.waitForSelector('.lectern-reader, .lectern-status--failure', { timeout: 20_000 });
  return view.locator('main').innerText();
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

/** Probe until `ok` holds or the time is up; returns the last value (the caller asserts on it). */
export async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await probe();
  }
  return value;
}

/** How many Lectern side panels are open (all windows). */
export async function sidePanelCount(session: Session): Promise<number> {
  return currentWorker(session).evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
}
