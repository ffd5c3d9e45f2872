/**
 * The one place that touches browser APIs directly. webextension-polyfill gives promise-based `browser.*` on
 * Chrome and Firefox; the side panel differs (Chrome `sidePanel`, Firefox `sidebarAction`) and is reached through the
 * guarded functions here, never from feature code.
 */
import browser from 'webextension-polyfill';

export { browser };

/** The `scripting` API with `func` injection (Chrome and Firefox). */
export const scripting = browser.scripting;

type ChromeSidePanel = {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
  close?(options: { windowId?: number; tabId?: number }): Promise<void>;
};
type FirefoxSidebar = { open(): Promise<void>; close(): Promise<void> };

function chromeSidePanel(): ChromeSidePanel | null {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel ?? null;
}

function firefoxSidebar(): FirefoxSidebar | null {
  return (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction ?? null;
}

/** Run a gesture-only call synchronously and turn any refusal into `false`. */
function attempt(call: (() => Promise<void>) | null): Promise<boolean> {
  if (!call) return Promise.resolve(false);
  try {
    return call().then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Open the side panel (Firefox: the sidebar) in a window. Must be called synchronously inside a user gesture (a click,
 * a command, a menu click), before any await. Never throws: a refusal resolves to false.
 */
export function openSidePanel(windowId: number): Promise<boolean> {
  const chromePanel = chromeSidePanel();
  if (chromePanel) return attempt(() => chromePanel.open({ windowId }));
  const sidebar = firefoxSidebar();
  return attempt(sidebar ? () => sidebar.open() : null);
}

/** Close the side panel of a window where the browser can (Chrome 141+, Firefox). False when it cannot. */
export function closeSidePanel(windowId: number): Promise<boolean> {
  const chromePanel = chromeSidePanel();
  if (chromePanel) return attempt(chromePanel.close ? () => chromePanel.close!({ windowId }) : null);
  const sidebar = firefoxSidebar();
  return attempt(sidebar ? () => sidebar.close() : null);
}

type ChromeOffscreen = {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
};
type ChromeContexts = {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
};

/**
 * Chromium's offscreen documents (the `offscreen` permission): create one at `path` unless it is there. False where
 * the browser has none (Firefox) or creating it fails. Concurrent calls share one creation.
 */
let creating: Promise<boolean> | null = null;
export function ensureOffscreenDocument(path: string, justification: string): Promise<boolean> {
  const chrome = (globalThis as { chrome?: { offscreen?: ChromeOffscreen; runtime?: ChromeContexts } }).chrome;
  const offscreen = chrome?.offscreen;
  const getContexts = chrome?.runtime?.getContexts?.bind(chrome.runtime);
  if (!offscreen || !getContexts) return Promise.resolve(false);
  const url = browser.runtime.getURL(path);
  creating ??= getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })
    .then((open) => open.length > 0 || offscreen.createDocument({ url, reasons: ['DOM_PARSER'], justification }).then(() => true))
    .catch(() => false)
    .finally(() => {
      creating = null;
    });
  return creating;
}
