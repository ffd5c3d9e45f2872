/** Which tab a reader view shows: `?tabId=N` when given (a view opened for a tab), else the active tab. */
import { browser } from '../shared/browser';

export async function targetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
