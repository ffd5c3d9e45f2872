/**
 * Launch Debian's Chromium with a built Lectern loaded, the way ../shared/E2E.md found to work on these machines:
 * a persistent context on the build folder, kept off the network, with a remote-debugging port so a second CDP
 * connection can see the real popup and side panel.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error('Chromium is not installed: run `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return found;
}

export interface LecternBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Errors the service worker logged (console errors and uncaught exceptions). */
  workerErrors: string[];
  /**
   * A fresh CDP connection that lists extension popups and side panels. Pages opened after a connection was made do
   * not show up in it, so each call connects anew; earlier connections (and their pages) stay usable until close().
   */
  cdp(): Promise<Browser>;
  close(): Promise<void>;
}

/**
 * `userDataDir`: a profile the caller keeps (and removes), for tests that restart the browser on the same profile;
 * by default a fresh one, removed on close.
 */
export async function launchWithExtension(
  distDir: string,
  options: { headless?: boolean; args?: string[]; userDataDir?: string } = {},
): Promise<LecternBrowser> {
  const dist = resolve(distDir);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: build the extension first.`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'lectern-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--remote-debugging-port=0',
      `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const workerErrors: string[] = [];
  const watch = (w: Worker): void => {
    w.on('console', (msg) => {
      if (msg.type() === 'error') workerErrors.push(msg.text());
    });
  };
  watch(worker);
  await reportUncaught(worker);
  context.on('serviceworker', watch);
  const connections: Browser[] = [];
  return {
    context,
    worker,
    extensionId,
    workerErrors,
    async cdp() {
      const [port] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
      const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      connections.push(connection);
      return connection;
    },
    async close() {
      await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
      await context.close().catch(() => undefined);
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Make the worker's uncaught errors and unhandled rejections visible as console errors (which tests collect).
 * Call again after the worker restarts: a new worker starts without these listeners.
 */
export async function reportUncaught(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    self.addEventListener('error', (e) => console.error(`Uncaught ${e.message}`));
    self.addEventListener('unhandledrejection', (e) => console.error(`Uncaught (in promise) ${String(e.reason)}`));
  });
}

/** Every page the CDP connection sees, extension popups included. */
export function allPages(browser: Browser): Promise<Page[]> {
  return Promise.resolve(browser.contexts().flatMap((c) => c.pages()));
}

/** Open the real toolbar popup for the active tab and return its page. */
export async function openPopup(lectern: LecternBrowser, timeoutMs = 10_000): Promise<Page> {
  const popupUrl = `chrome-extension://${lectern.extensionId}/src/ui/popup/index.html`;
  await lectern.worker.evaluate(() => chrome.action.openPopup());
  return findExtensionPage(lectern, popupUrl, timeoutMs);
}

/** Wait until a page whose URL starts with `prefix` exists (popups and side panels included) and return it. */
/** The first page at `prefix` that is not one of `known` (e.g. a panel page still closing from before). */
export async function findExtensionPage(lectern: LecternBrowser, prefix: string, timeoutMs = 10_000, known: ReadonlySet<Page> = new Set()): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = (await allPages(await lectern.cdp())).find((p) => p.url().startsWith(prefix) && !known.has(p) && !p.isClosed());
    if (page) return page;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no page at ${prefix} appeared`);
}
