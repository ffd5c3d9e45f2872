/**
 * Test-only hooks, compiled into the E2E builds alone: behind `__LECTERN_E2E__`, which is `false` in production
 * builds, so the bundler drops all of this (tests/e2e/firefox.test.ts checks dist/ and dist-firefox/ for the name).
 *
 * Firefox's WebDriver BiDi sees neither the background page nor a way to open moz-extension:// pages, and Firefox
 * events have no `dispatch()` to run listeners. So, in a temporary (test) install only:
 * - the real command and menu listeners are reachable as `globalThis.__lecternTestHooks` on the background page
 *   (from an extension page: `(await browser.runtime.getBackgroundPage()).__lecternTestHooks`);
 * - one extension page opens in a tab at install, the test's way into the extension. It is the popup reader for a
 *   tab that does not exist, which shows a sentence and reads nothing.
 */
import { browser } from '../shared/browser';
import { onCommand } from './commands';
import { onMenuClick } from './menus';

if (__LECTERN_E2E__) {
  (globalThis as { __lecternTestHooks?: unknown }).__lecternTestHooks = { onCommand, onMenuClick };
  browser.runtime.onInstalled.addListener((details) => {
    // `temporary` is Firefox's: a temporary add-on (about:debugging, WebDriver BiDi). Chromium never sets it.
    if ((details as { temporary?: boolean }).temporary) {
      void browser.tabs.create({ url: browser.runtime.getURL('src/ui/popup/index.html?tabId=0'), active: false });
    }
  });
}
