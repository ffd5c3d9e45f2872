/**
 * The one place that touches browser APIs directly. webextension-polyfill gives promise-based `browser.*` on
 * Chrome and Firefox; Chrome-only APIs (`chrome.sidePanel`, `runtime.getContexts`) are reached through guarded
 * functions here, never from feature code.
 */
import browser from 'webextension-polyfill';

export { browser };

/** The `scripting` API with `func` injection (Chrome and Firefox). */
export const scripting = browser.scripting;

type ChromeSidePanel = {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
  close?(options: { windowId?: number; tabId?: number }): Promise<void>;
};

function sidePanelApi(): ChromeSidePanel | null {
  const c = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return c?.sidePanel ?? null;
}

/**
 * Open the side panel in a window. Must be called synchronously inside a user gesture (a click, a command, a menu
 * click), before any await. Never throws: a refusal (no gesture, no side panel support) resolves to false.
 */
export function openSidePanel(windowId: number): Promise<boolean> {
  const api = sidePanelApi();
  if (!api) return Promise.resolve(false);
  try {
    return api.open({ windowId }).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** Close the side panel of a window where the browser can (Chrome 141+). False when it cannot. */
export async function closeSidePanel(windowId: number): Promise<boolean> {
  const api = sidePanelApi();
  if (!api?.close) return false;
  try {
    await api.close({ windowId });
    return true;
  } catch {
    return false;
  }
}
