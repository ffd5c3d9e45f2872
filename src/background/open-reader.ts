/**
 * `openReader(tab, surface, options, trigger)`: the one function behind every entry point (toolbar popup, keyboard
 * toggle, context menu) and behind the views' own requests. `tab` opens a reader tab beside the page (reader-tab.ts). For the side panel the gesture-only `sidePanel.open`
 * comes first, synchronously, before anything is awaited; the result is stored in `storage.session` for the panel.
 */
import { openSidePanel } from '../shared/browser';
import { browser } from '../shared/browser';
import type { ReadOptions, ReadResult, Surface } from '../shared/protocol';
import { setPanelEntry } from '../shared/session';
import { stamp } from './trace';
import { readTab } from './read-tab';
import { openReaderTab } from './reader-tab';

export interface TabRef {
  id?: number;
  windowId?: number;
  index?: number;
  url?: string;
}

/** `user`: a gesture started this (open the panel); `view`: a reader view asked (the panel is already there). */
export type Trigger = 'user' | 'view';

const NO_TAB: ReadResult = { ok: false, reason: 'no-tab', message: 'There is no page to read here.' };

export function openReader(tab: TabRef, surface: Surface, options: ReadOptions = {}, trigger: Trigger = 'user'): Promise<ReadResult> {
  if (surface === 'sidepanel' && trigger === 'user' && tab.windowId !== undefined) void openSidePanel(tab.windowId);
  if (tab.id === undefined) return Promise.resolve(NO_TAB);
  if (surface === 'tab') return openReaderTab({ ...tab, id: tab.id }, options);
  return surface === 'sidepanel' ? readForPanel(tab.id, options) : readTab(tab.id, options);
}

async function readForPanel(tabId: number, options: ReadOptions): Promise<ReadResult> {
  const url = (await browser.tabs.get(tabId).catch(() => null))?.url ?? '';
  await setPanelEntry({ tabId, url, options, phase: 'loading' });
  const result = await readTab(tabId, options);
  await setPanelEntry({ tabId, url, options, phase: 'done', result });
  stamp('bg:panel-stored');
  return result;
}
