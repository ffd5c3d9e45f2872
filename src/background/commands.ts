/** Keyboard commands. `toggle-reader` shows the side panel reader for the tab, or hides it when it is showing. */
import type { Tabs } from 'webextension-polyfill';
import { closeSidePanel } from '../shared/browser';
import { openReader } from './open-reader';
import { closePanel, panelShowing } from './panels';

export const TOGGLE_READER = 'toggle-reader';

export function onCommand(command: string, tab: Tabs.Tab | undefined): void {
  if (command !== TOGGLE_READER || !tab) return;
  if (tab.windowId !== undefined && panelShowing(tab.windowId)) {
    void closeSidePanel(tab.windowId); // gesture-only: first, synchronously
    closePanel(tab.windowId); // browsers without a close call: the panel closes itself
    return;
  }
  void openReader(tab, 'sidepanel');
}
