/**
 * Lectern's keyboard shortcuts in a real, headed Firefox: firefox-esr on a private X server (Xvfb) started by this
 * test, the E2E build (dist-firefox-e2e/) installed over WebDriver BiDi as in firefox.test.ts, and the keys typed with
 * xdotool into the focused Firefox window. xdotool's `key` goes through XTEST, so Firefox gets the same X key events
 * as from a keyboard: this is the path BiDi's synthesized keys never take (they do not reach `commands`), so here the
 * shortcut itself runs the listener, with the user input that `sidebarAction.open()` needs, and `_execute_action`
 * opens the real toolbar popup panel.
 *
 * What the test reads: the sidebar and the popup through `browser.extension.getViews({ type })`, from the extension
 * page the E2E build opens at install (src/background/test-hooks.ts); the X side (focused window, its title) with
 * xdotool. Xvfb and xdotool come from Debian (`.ci/run` installs them); without them this file fails, naming `.ci/run`.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type LecternFirefox } from '../../scripts/lib/firefox';
import { placeholderPng } from '../../scripts/lib/png';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';
import { startXvfb, type Xvfb } from '../../scripts/lib/xvfb';
import { PAGES, ROOT } from '../support/dom';
import { waitFor as waitUntil } from './support';
import { contexts, expectEachCaptionOnce, extensionErrors, fixturePhotos, NPR, SNAPSHOT, type Photo, type ReaderSnapshot } from './firefox-support';

let x: Xvfb | undefined;
let ff: LecternFirefox | undefined;
let server: StaticServer | undefined;
/** BiDi context ids: the fixture tab, and the extension page the E2E build opened at install. */
let pageContext: string;
let hookContext: string;
/** The browser's id of the fixture tab, and the X window of Firefox's browser window. */
let tabId: number;
let xWindow: string;
let url: string;
let title: string;
let photos: Photo[];

/** Generous: headed Firefox on a loaded 2-core machine; every wait is a poll that ends as soon as it holds. */
const waitFor = <T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> =>
  waitUntil(probe, ok, timeoutMs, 200);

function browser(): LecternFirefox {
  if (!ff) throw new Error('Firefox did not start');
  return ff;
}

function diagnostics(): string {
  return `\n--- Firefox ---\n${ff?.log.join('').slice(-2500) ?? ''}\n--- Xvfb ---\n${x?.log.join('').slice(-1000) ?? ''}`;
}

async function contextWithUrl(match: (url: string) => boolean, what: string): Promise<string> {
  const found = await waitFor(async () => (await contexts(browser())).find((c) => match(c.url)), Boolean);
  if (!found) throw new Error(`no tab shows ${what}; tabs: ${(await contexts(browser())).map((c) => c.url).join(', ')}${diagnostics()}`);
  return found.context;
}

/** Evaluate in the extension page (where `browser.*` is Lectern's). */
function inExtension<T>(expression: string): Promise<T> {
  return browser().evaluate<T>(hookContext, expression);
}

function sidebarOpen(): Promise<boolean> {
  return inExtension<boolean>('browser.sidebarAction.isOpen({})');
}

function view(type: 'sidebar' | 'popup'): Promise<ReaderSnapshot | null> {
  return inExtension<ReaderSnapshot | null>(`(() => {
    // A closing view can still be listed for a moment with its document already torn down: count it as gone.
    const [view] = browser.extension.getViews({ type: ${JSON.stringify(type)} }).filter((v) => !v.closed && v.document.location);
    return view ? (${SNAPSHOT})(view.document) : null;
  })()`);
}

/**
 * Make the fixture tab the selected tab and put the keyboard focus in the article, as a user would: X input focus on
 * Firefox's window and, since without a window manager Firefox counts itself active only after real input, a real
 * click on the article's headline (plain text, no link) when the article's document does not have the focus.
 */
async function focusArticle(): Promise<void> {
  await browser().bidi.send('browsingContext.activate', { context: pageContext });
  await x!.xdotool(['windowfocus', '--sync', xWindow]);
  if (!(await browser().evaluate<boolean>(pageContext, 'document.hasFocus()'))) {
    const at = await browser().evaluate<{ x: number; y: number }>(pageContext, `(() => {
      const r = document.querySelector('h1').getBoundingClientRect();
      return {
        x: Math.round((window.mozInnerScreenX + r.left + Math.min(r.width / 2, 40)) * devicePixelRatio),
        y: Math.round((window.mozInnerScreenY + r.top + r.height / 2) * devicePixelRatio),
      };
    })()`);
    await x!.xdotool(['mousemove', '--sync', String(at.x), String(at.y), 'click', '1']);
  }
  const focused = await waitFor(
    async () => ({
      window: (await x!.xdotool(['getwindowfocus'])).trim(),
      name: (await x!.xdotool(['getwindowname', xWindow])).trim(),
      page: await browser().evaluate<boolean>(pageContext, 'document.hasFocus()'),
      url: await browser().evaluate<string>(pageContext, 'location.href'),
    }),
    (f) => f.window === xWindow && f.name.startsWith(title) && f.page,
  );
  expect(focused, 'Firefox has the X focus, shows the article tab, and the article has focus').toMatchObject({ window: xWindow, page: true, url });
  expect(focused.name).toContain(title);
}

/** A real key press (XTEST) into the focused window, as `xdotool key --clearmodifiers` types it. */
async function press(keys: string): Promise<void> {
  await x!.xdotool(['key', '--clearmodifiers', keys]);
}

/** The shortcut a command has in this Firefox, as xdotool names the keys (`Alt+Shift+K` -> `alt+shift+k`). */
async function shortcut(command: string): Promise<string> {
  const commands = await inExtension<Array<{ name: string; shortcut: string }>>('browser.commands.getAll()');
  const found = commands.find((c) => c.name === command)?.shortcut;
  if (!found) throw new Error(`no shortcut for ${command}: ${JSON.stringify(commands)}`);
  return found.toLowerCase();
}


beforeAll(async () => {
  x = await startXvfb(); // fails here, naming .ci/run, when Xvfb or xdotool is not installed
  server = await serveStatic(PAGES, placeholderPng());
  ff = await launchFirefoxWithExtension(join(ROOT, 'dist-firefox-e2e'), { display: x.display });
  hookContext = await contextWithUrl((u) => u.startsWith('moz-extension://') && u.includes('tabId=0'), 'the page the E2E build opens at install');
  pageContext = await contextWithUrl((u) => !u.startsWith('moz-extension://'), 'the first normal tab');

  url = `${server.origin}/${NPR}/source.html`;
  await ff.bidi.send('browsingContext.navigate', { context: pageContext, url, wait: 'complete' });
  title = await ff.evaluate<string>(pageContext, `document.querySelector('h1').textContent.trim()`);
  photos = await fixturePhotos(ff, pageContext);
  const found = await waitFor(() => inExtension<number | null>(`browser.tabs.query({}).then((ts) => ts.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`), (id) => id !== null);
  if (found === null) throw new Error(`the fixture tab is not among browser.tabs${diagnostics()}`);
  tabId = found;

  // Firefox's one browser window, once it is mapped on the X server (`--sync` waits for it).
  const windows = (await x.xdotool(['search', '--sync', '--onlyvisible', '--pid', String(ff.pid)], 60_000)).trim().split('\n').filter(Boolean);
  if (windows.length !== 1) throw new Error(`expected one visible Firefox window, found ${JSON.stringify(windows)}${diagnostics()}`);
  xWindow = windows[0]!;
});

afterEach(() => {
  expect(extensionErrors(ff), 'Lectern logged errors').toEqual([]);
});

afterAll(async () => {
  // Each step on its own: a failed one must not leave Firefox or the X server running.
  await ff?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  await x?.close();
});

describe('Firefox under Xvfb: real key presses', () => {
  it('runs headed, with the E2E build installed and both shortcuts assigned', async () => {
    expect(await inExtension<boolean>(`browser.runtime.getManifest().browser_specific_settings.gecko.id === 'lectern@lectern.example'`)).toBe(true);
    expect(await shortcut('toggle-reader')).toBe('alt+shift+k');
    expect(await shortcut('_execute_action')).toBe('alt+shift+l');
    expect(photos.length).toBeGreaterThan(1);
    await focusArticle();
  });

  it('Alt+Shift+K opens the sidebar with the article, each caption once; pressed again it closes the sidebar', async () => {
    await inExtension(`browser.storage.session.remove('panel:${tabId}').then(() => true)`);
    expect(await sidebarOpen()).toBe(false);
    expect(await view('sidebar')).toBeNull();

    await focusArticle();
    await press(await shortcut('toggle-reader'));
    expect(await waitFor(sidebarOpen, Boolean), `the sidebar opened on the key press${diagnostics()}`).toBe(true);
    const entry = await waitFor(
      () => inExtension<{ phase: string; url: string } | undefined>(`browser.storage.session.get('panel:${tabId}').then((r) => r['panel:${tabId}'])`),
      (e) => e?.phase === 'done',
    );
    expect(entry).toMatchObject({ url, phase: 'done' });
    const shown = await waitFor(() => view('sidebar'), (v) => v?.loaded === true && v.h1 === title);
    expect(shown, 'the sidebar shows the article').not.toBeNull();
    expectEachCaptionOnce(shown!, photos, title);

    // The second press: the toggle closes a sidebar whose page has connected to the background (it has: it rendered).
    await focusArticle();
    await press(await shortcut('toggle-reader'));
    expect(await waitFor(sidebarOpen, (open) => !open), 'the second key press closed the sidebar').toBe(false);
    expect(await waitFor(() => view('sidebar'), (v) => v === null)).toBeNull();
  });

  it('Alt+Shift+L opens the real toolbar popup, which shows the focused article with each caption once', async () => {
    expect(await sidebarOpen()).toBe(false);
    expect(await view('popup')).toBeNull();

    await focusArticle();
    await press(await shortcut('_execute_action'));
    const shown = await waitFor(() => view('popup'), (v) => v?.loaded === true);
    expect(shown, `the toolbar popup opened on the key press${diagnostics()}`).not.toBeNull();
    // The popup panel itself, not the popup page in a tab: no `?tabId=`, it read its window's active tab.
    expect(shown!.search).toBe('');
    expect(await inExtension<number>(`browser.extension.getViews({ type: 'tab' }).filter((v) => v.location.pathname.endsWith('/popup/index.html') && v.location.search === '').length`)).toBe(0);
    expectEachCaptionOnce(shown!, photos, title);

    // Escape closes the panel, as it does for a user.
    await press('Escape');
    expect(await waitFor(() => view('popup'), (v) => v === null), 'Escape closed the popup').toBeNull();
    expect(await sidebarOpen()).toBe(false);
  });
});
