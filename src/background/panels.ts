/**
 * Which windows show a Lectern side panel, learnt from the ports the panels keep open (see PANEL_PORT_PREFIX).
 * A derived registry, rebuilt by the panels' reconnects whenever the worker restarts; never a source of truth.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from '../shared/browser';
import { isOwnPage } from '../shared/messaging';
import { PANEL_PORT_PREFIX, type PanelPortMessage } from '../shared/protocol';

const ports = new Map<number, Runtime.Port>();

export function watchPanels(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(PANEL_PORT_PREFIX) || !port.sender || !isOwnPage(port.sender)) return;
    const windowId = Number(port.name.slice(PANEL_PORT_PREFIX.length));
    if (!Number.isInteger(windowId)) return;
    ports.set(windowId, port);
    port.onDisconnect.addListener(() => {
      if (ports.get(windowId) === port) ports.delete(windowId);
    });
  });
}

export function panelShowing(windowId: number): boolean {
  return ports.has(windowId);
}

/** Ask the panel of a window to close itself. */
export function closePanel(windowId: number): void {
  const message: PanelPortMessage = { type: 'close' };
  ports.get(windowId)?.postMessage(message);
}
