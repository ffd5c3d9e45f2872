/**
 * Lectern in a real Firefox: firefox-esr headless, driven over WebDriver BiDi (scripts/lib/firefox.ts), with the
 * E2E build (dist-firefox-e2e/) installed as a temporary add-on.
 *
 * How the test reaches the extension (BiDi refuses moz-extension:// navigations and cannot see the background page):
 * the E2E build opens one of its pages in a tab at install (src/background/test-hooks.ts). From that page the test
 * calls `browser.*`, opens the popup reader in a tab for the fixture's tab (`?tabId=`), reads the sidebar through
 * `extension.getViews({ type: 'sidebar' })`, and runs the real command and menu listeners from the background page.
 * `sidebarAction.open()` / `close()` need user input, and Firefox's commands ignore synthesized keys, so the listeners
 * run inside a trusted click (BiDi `input.performActions`), as a pressed shortcut or a menu click would run them.
 * The shortcuts themselves, typed as real key presses, and the real toolbar popup: firefox-keys.test.ts (headed, Xvfb).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type LecternFirefox } from '../../scripts/lib/firefox';
import { placeholderPng } from '../../scripts/lib/png';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';
import { PAGES, ROOT } from '../support/dom';
import { COPY_PROBE, occurrences, pdfText, PROBE_IMAGES_FETCHED, waitFor as waitUntil } from './support';
import { contexts, expectEachCaptionOnce, extensionErrors, fixturePhotos, NPR, SNAPSHOT, type ReaderSnapshot } from './firefox-support';
import { FIDELITY_SLUGS } from '../support/fidelity';
import { expectFaithful, RENDERED_FIDELITY, type RenderedFidelity } from './fidelity-probe';
import { EXPORT_CSP } from '../../src/ui/export/html';

interface PanelEntry {
  phase: string;
  url: string;
  result?: { ok: boolean; reason?: string; article?: { title: string; textContent: string } };
}

let ff: LecternFirefox;
let server: StaticServer;
/** BiDi context ids: the normal tab that shows fixtures, and the extension page the E2E build opened at install. */
let pageContext: string;
let hookContext: string;
/** The browser's tab id of the fixture tab. */
let tabId: number;


/** Firefox is slower to settle: a longer default wait, probed less often. */
const waitFor = <T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> =>
  waitUntil(probe, ok, timeoutMs, 150);

async function contextWithUrl(match: (url: string) => boolean, what: string): Promise<string> {
  const found = await waitFor(async () => (await contexts(ff)).find((c) => match(c.url)), Boolean);
  if (!found) throw new Error(`no tab shows ${what}; tabs: ${(await contexts(ff)).map((c) => c.url).join(', ')}\n${ff.log.join('').slice(-2000)}`);
  return found.context;
}

/** Evaluate in the extension page (where `browser.*` is Lectern's). */
function inExtension<T>(expression: string): Promise<T> {
  return ff.evaluate<T>(hookContext, expression);
}

/** Show `path` of the test server in the fixture tab and make it the active tab. */
async function openPath(path: string, wait: 'complete' | 'interactive' = 'complete'): Promise<string> {
  const url = `${server.origin}${path}`;
  await ff.bidi.send('browsingContext.navigate', { context: pageContext, url, wait });
  await ff.bidi.send('browsingContext.activate', { context: pageContext });
  return url;
}

const openFixture = (slug: string, wait?: 'complete' | 'interactive'): Promise<string> => openPath(`/${slug}/source.html`, wait);

/** The toolbar button's popup page, opened in a tab for the fixture's tab (a popup cannot be opened by a test). */
async function openPopupTab(): Promise<string> {
  const popupPath = await inExtension<string>('browser.runtime.getManifest().action.default_popup');
  await inExtension(`browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(popupPath)}) + '?tabId=${tabId}' }).then(() => true)`);
  return contextWithUrl((url) => url.endsWith(`?tabId=${tabId}`), 'the popup reader');
}

async function panelEntry(): Promise<PanelEntry | undefined> {
  return inExtension<PanelEntry | undefined>(`browser.storage.session.get('panel:${tabId}').then((r) => r['panel:${tabId}'])`);
}

function sidebarOpen(): Promise<boolean> {
  return inExtension<boolean>('browser.sidebarAction.isOpen({})');
}

async function sidebar(): Promise<ReaderSnapshot | null> {
  return inExtension<ReaderSnapshot | null>(`(() => {
    const [view] = browser.extension.getViews({ type: 'sidebar' });
    return view ? (${SNAPSHOT})(view.document) : null;
  })()`);
}

/** A trusted click on an element (or the top-left corner of the page) in a browsing context. */
async function click(context: string, element?: { sharedId: string }): Promise<void> {
  await ff.bidi.send('input.performActions', {
    context,
    actions: [{
      type: 'pointer',
      id: 'mouse',
      actions: [
        element ? { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } } : { type: 'pointerMove', x: 4, y: 4 },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    }],
  });
  await ff.bidi.send('input.releaseActions', { context });
}

/**
 * Run `call` (JS using `hooks`, the background's real listeners, and `tab`, the fixture tab) inside a trusted click
 * in the extension page: the user input that a pressed shortcut or a menu click gives a listener.
 */
async function withGesture(call: string): Promise<void> {
  await ff.bidi.send('browsingContext.activate', { context: hookContext });
  await inExtension(`(async () => {
    const hooks = (await browser.runtime.getBackgroundPage()).__lecternTestHooks;
    if (!hooks) throw new Error('the background page has no test hooks: is this the E2E build?');
    const tab = await browser.tabs.get(${tabId});
    window.lecternGestureRan = false;
    document.addEventListener('click', () => { window.lecternGestureRan = true; ${call}; }, { once: true });
  })()`);
  await click(hookContext);
  expect(await waitFor(() => inExtension<boolean>('window.lecternGestureRan'), Boolean, 5_000), 'the click reached the extension page').toBe(true);
}

const toggle = (): Promise<void> => withGesture(`hooks.onCommand('toggle-reader', tab)`);

async function closeSidebar(): Promise<void> {
  if (!(await sidebarOpen())) return;
  // The toggle closes a sidebar the background knows of: one whose page has started and connected its port, which
  // it does before it renders anything.
  await waitFor(sidebar, (v) => v?.loaded === true);
  await toggle();
  expect(await waitFor(sidebarOpen, (open) => !open)).toBe(false);
}

beforeAll(async () => {
  server = await serveStatic(PAGES, placeholderPng());
  // Optional permissions without the prompt a test cannot click (the sites tests, #28).
  ff = await launchFirefoxWithExtension(join(ROOT, 'dist-firefox-e2e'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  hookContext = await contextWithUrl((url) => url.startsWith('moz-extension://') && url.includes('tabId=0'), 'the page the E2E build opens at install');
  pageContext = await contextWithUrl((url) => !url.startsWith('moz-extension://'), 'the first normal tab');
  const url = await openFixture(NPR);
  // The hook page may still be loading when its context first shows (no `browser` in it yet): waitFor asks again.
  const found = await waitFor(() => inExtension<number | null>(`browser.tabs.query({}).then((ts) => ts.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`), (id) => id !== null);
  if (found === null) throw new Error('the fixture tab is not among browser.tabs');
  tabId = found;
});


afterEach(() => {
  expect(extensionErrors(ff), 'Lectern logged errors').toEqual([]);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('Firefox: install', () => {
  it('installs the Firefox build as a temporary add-on, with a sidebar, background scripts and both shortcuts', async () => {
    expect(ff.addonId).toBe('lectern@lectern.example');
    const manifest = await inExtension<Record<string, unknown>>('browser.runtime.getManifest()');
    const scripts = (manifest.background as { scripts?: string[] } | undefined)?.scripts;
    expect(scripts).toHaveLength(1);
    expect(scripts?.[0]).toMatch(/\.js$/);
    expect((manifest.sidebar_action as { default_panel?: string } | undefined)?.default_panel).toContain('sidepanel/index.html');
    expect(manifest.permissions).not.toContain('sidePanel');
    const commands = await inExtension<Array<{ name: string; shortcut: string }>>('browser.commands.getAll()');
    expect(Object.fromEntries(commands.map((c) => [c.name, c.shortcut]))).toEqual({ _execute_action: 'Alt+Shift+L', 'toggle-reader': 'Alt+Shift+K' });
    // The test build's host access is granted at a temporary install: no prompt, nothing to click.
    expect(await inExtension<{ origins: string[] }>('browser.permissions.getAll()')).toMatchObject({ origins: ['http://127.0.0.1/*'] });
  });
});

describe('Firefox: toolbar popup', () => {
  it('shows the NPR-style article with each caption and credit exactly once and no widget words', async () => {
    await openFixture(NPR);
    const photos = await fixturePhotos(ff, pageContext);
    expect(photos.length).toBeGreaterThan(1);
    const pageText = await ff.evaluate<string>(pageContext, 'document.body.innerText');
    for (const { caption } of photos) expect(occurrences(pageText, caption)).toBeGreaterThan(1);
    const title = await ff.evaluate<string>(pageContext, `document.querySelector('h1').textContent.trim()`);

    const popup = await openPopupTab();
    try {
      const view = await waitFor(() => ff.evaluate<ReaderSnapshot>(popup, `(${SNAPSHOT})(document)`), (v) => v.loaded, 20_000);
      expectEachCaptionOnce(view, photos, title);

      // "Open in side panel" opens Firefox's sidebar (a trusted click: sidebarAction.open needs user input).
      const { nodes } = await ff.bidi.send<{ nodes: Array<{ sharedId: string }> }>('browsingContext.locateNodes', {
        context: popup,
        locator: { type: 'css', value: 'button' },
      });
      const index = await ff.evaluate<number>(popup, `Array.from(document.querySelectorAll('button'), (b) => b.getAttribute('aria-label') ?? b.textContent.trim()).indexOf('Open in side panel')`);
      expect(index, 'the "Open in side panel" button').toBeGreaterThanOrEqual(0);
      await click(popup, nodes[index]);
      expect(await waitFor(sidebarOpen, Boolean)).toBe(true);
      await ff.bidi.send('browsingContext.activate', { context: pageContext });
      const inSidebar = await waitFor(sidebar, (v) => v?.h1 === title);
      expectEachCaptionOnce(inSidebar!, photos, title);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
      await closeSidebar();
    }
  });
});

describe('Firefox: keyboard command toggle-reader', () => {
  it('opens the sidebar with the same article as the popup, and a second toggle closes it', async () => {
    const url = await openFixture(NPR);
    const photos = await fixturePhotos(ff, pageContext);
    const title = await ff.evaluate<string>(pageContext, `document.querySelector('h1').textContent.trim()`);
    await inExtension(`browser.storage.session.remove('panel:${tabId}').then(() => true)`);
    expect(await sidebarOpen()).toBe(false);

    await toggle();
    const entry = await waitFor(panelEntry, (e) => e?.phase === 'done');
    expect(entry).toMatchObject({ url, result: { ok: true } });
    expect(entry?.result?.article?.title).toContain('harbor ferry');
    expect(await waitFor(sidebarOpen, Boolean)).toBe(true);

    // The sidebar shows its window's active tab: back on the article, the same reader as the popup's.
    await ff.bidi.send('browsingContext.activate', { context: pageContext });
    const view = await waitFor(sidebar, (v) => v?.h1 === title);
    expectEachCaptionOnce(view!, photos, title);

    await toggle();
    expect(await waitFor(sidebarOpen, (open) => !open)).toBe(false);
    // The sidebar's page goes a moment after Firefox reports it closed.
    expect(await waitFor(sidebar, (v) => v === null)).toBeNull();
  });
});

describe('Firefox: reading loads nothing from the page', () => {
  it('the copy Lectern reads loads none of the images it brings to life', async () => {
    server.put(COPY_PROBE.path, COPY_PROBE.html);
    await openPath(COPY_PROBE.path);
    const before = server.requests.length;
    const popup = await openPopupTab();
    try {
      const view = await waitFor(() => ff.evaluate<ReaderSnapshot>(popup, `(${SNAPSHOT})(document)`), (v) => v.loaded, 20_000);
      expect(view.h1).toBe('Lantern makers of the old quarter');
      // The reader view fetched the images; nothing else did.
      const byView = await waitFor(() => ff.evaluate<string[]>(popup, PROBE_IMAGES_FETCHED), (paths) => paths.length >= COPY_PROBE.images.length);
      expect([...new Set(byView)].sort()).toEqual(COPY_PROBE.images);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const reached = server.requests.slice(before).filter((path) => path.startsWith(COPY_PROBE.prefix));
      expect(reached.sort()).toEqual(byView.sort());
      expect(await ff.evaluate<string[]>(pageContext, PROBE_IMAGES_FETCHED)).toEqual([]);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
    }
  });
});

describe('Firefox: context menu', () => {
  it('creates both items at install', async () => {
    for (const id of ['lectern-read-page', 'lectern-read-selection']) {
      await expect(inExtension(`browser.contextMenus.update(${JSON.stringify(id)}, {}).then(() => 'ok')`)).resolves.toBe('ok');
    }
    await expect(inExtension(`browser.contextMenus.update('no-such-item', {}).then(() => 'ok')`)).rejects.toThrow();
  });

  it('"Read this page in Lectern" reads the page and opens the sidebar', async () => {
    await openFixture(NPR);
    await inExtension(`browser.storage.session.remove('panel:${tabId}').then(() => true)`);
    try {
      await withGesture(`hooks.onMenuClick({ menuItemId: 'lectern-read-page', editable: false, modifiers: [], pageUrl: tab.url }, tab)`);
      const entry = await waitFor(panelEntry, (e) => e?.phase === 'done');
      expect(entry?.result?.ok).toBe(true);
      expect(entry?.result?.article?.textContent).toContain('Margaret Bell');
      expect(await waitFor(sidebarOpen, Boolean)).toBe(true);
    } finally {
      await closeSidebar();
    }
  });

  it('"Read selection in Lectern" reads only the selected paragraphs, with the page title', async () => {
    await openFixture(NPR);
    const paragraphs = await ff.evaluate<string[]>(pageContext, `(() => {
      const ps = Array.from(document.querySelectorAll('#storytext > p'));
      const range = document.createRange();
      range.setStartBefore(ps[1]);
      range.setEndAfter(ps[2]);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return ps.map((p) => p.textContent.replace(/\\s+/g, ' ').trim());
    })()`);
    expect(paragraphs.length).toBeGreaterThan(3);
    await inExtension(`browser.storage.session.remove('panel:${tabId}').then(() => true)`);
    try {
      await withGesture(`hooks.onMenuClick({ menuItemId: 'lectern-read-selection', editable: false, modifiers: [], selectionText: 'x', pageUrl: tab.url }, tab)`);
      const entry = await waitFor(panelEntry, (e) => e?.phase === 'done');
      const article = entry?.result?.article;
      expect(article?.title).toContain('harbor ferry');
      const text = (article?.textContent ?? '').replace(/\s+/g, ' ');
      expect(text).toContain(paragraphs[1]!.slice(0, 80));
      expect(text).toContain(paragraphs[2]!.slice(0, 80));
      expect(text).not.toContain(paragraphs[0]!.slice(0, 80));
      expect(text).not.toContain(paragraphs[3]!.slice(0, 80));
    } finally {
      await closeSidebar();
    }
  });
});

describe('Firefox: fidelity (#25)', () => {
  // The same checks as tests/e2e/fidelity.test.ts in Chromium: Firefox renders MathML its own way (and printed a
  // KaTeX formula's TeX beside it before the sanitizer dropped annotations).
  it.each(FIDELITY_SLUGS())('%s: formulas once, exact code, a card for each player, no permalink marks', async (slug) => {
    // A page's players point off this machine, where Firefox refuses to go ("Address rejected"): wait for its
    // document, not for frames that will never load.
    await openFixture(slug, 'interactive');
    const popup = await openPopupTab();
    try {
      const view = await waitFor(() => ff.evaluate<RenderedFidelity>(popup, `(${RENDERED_FIDELITY})(document)`), (v) => v.loaded, 20_000);
      expectFaithful(slug, view, `${slug} (Firefox popup)`);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
    }
  });
});


describe('Firefox: the reader tab (#26)', () => {
  it('"Open in tab" opens the article in a tab of its own that survives a reload and prints without the controls', async () => {
    await openFixture(NPR);
    const title = await ff.evaluate<string>(pageContext, `document.querySelector('h1').textContent.trim()`);
    const popup = await openPopupTab();
    let reader: string | undefined;
    try {
      await waitFor(() => ff.evaluate<ReaderSnapshot>(popup, `(${SNAPSHOT})(document)`), (v) => v.loaded, 20_000);
      await ff.evaluate(popup, `Array.from(document.querySelectorAll('button')).find((b) => b.getAttribute('aria-label') === 'Open in tab').click(), true`);
      reader = await contextWithUrl((url) => /\/src\/ui\/tab\/index\.html\?id=[0-9a-f]{32}$/.test(url), 'the reader tab');
      const h1 = (): Promise<string | null> => ff.evaluate<string | null>(reader!, `document.querySelector('.lectern-reader h1')?.textContent ?? null`);
      expect(await waitFor(h1, (t) => t === title, 20_000)).toBe(title);
      expect(await waitFor(() => ff.evaluate<string>(reader!, 'document.title'), (t) => t === title)).toBe(title);
      await ff.bidi.send('browsingContext.reload', { context: reader, wait: 'complete' });
      expect(await waitFor(h1, (t) => t === title, 20_000), 'after a reload').toBe(title);

      const { data } = await ff.bidi.send<{ data: string }>('browsingContext.print', { context: reader, background: false });
      const text = (await pdfText(Buffer.from(data, 'base64'))).replace(/\s+/g, ' ');
      const squeeze = (t: string): string => t.replace(/\s+/g, '');
      expect(squeeze(text)).toContain(squeeze(title));
      expect(text).toContain('Margaret Bell');
      expect(squeeze(text)).toContain(squeeze(`/${NPR}/source.html`));
      for (const word of ['Display', 'Listen', 'Open in tab', 'Open the original page', 'hide caption', '.jpg']) expect(text, word).not.toContain(word);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
      if (reader) await ff.bidi.send('browsingContext.close', { context: reader }).catch(() => undefined);
    }
  });
});


/**
 * The reader's Save panel in Firefox, the checks tests/e2e/export.test.ts makes in Chromium. The files are real
 * downloads: the `<a download>` click on a Blob URL (src/ui/export/download.ts) in the popup reader's tab, saved by
 * Firefox into a folder of the test's (BiDi `browser.setDownloadBehavior`) and found by the `filepath` of BiDi's
 * `browsingContext.downloadEnd` event. The clipboard is read back in the extension page inside a trusted click:
 * Firefox lets a page read it only with user activation (and without a prompt when the page wrote it).
 */
describe('Firefox: export (#26)', () => {
  const ARTICLE = NPR;
  const CODE = 'fidelity--prism';
  let downloads: string;
  let subscription: string | undefined;

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'lectern-firefox-downloads-'));
    await ff.bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloads } });
    ({ subscription } = await ff.bidi.send<{ subscription: string }>('session.subscribe', {
      events: ['browsingContext.downloadWillBegin', 'browsingContext.downloadEnd'],
    }));
  });

  afterAll(async () => {
    if (subscription) await ff?.bidi.send('session.unsubscribe', { subscriptions: [subscription] }).catch(() => undefined);
    await ff?.bidi.send('browser.setDownloadBehavior', { downloadBehavior: null }).catch(() => undefined);
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  /** A button of a page, by its accessible name (`aria-label`, else its text), as BiDi's node reference. */
  async function button(context: string, name: string): Promise<{ sharedId: string }> {
    const { nodes } = await ff.bidi.send<{ nodes: Array<{ sharedId: string }> }>('browsingContext.locateNodes', {
      context,
      locator: { type: 'css', value: 'button' },
    });
    const index = await ff.evaluate<number>(context, `Array.from(document.querySelectorAll('button'), (b) => b.getAttribute('aria-label') ?? b.textContent.trim()).indexOf(${JSON.stringify(name)})`);
    expect(index, `the "${name}" button`).toBeGreaterThanOrEqual(0);
    return nodes[index]!;
  }

  const status = (popup: string): Promise<string | null> =>
    ff.evaluate<string | null>(popup, `document.querySelector('#lectern-panel-save [role=status]')?.textContent ?? null`);

  /** The popup reader for `slug`, its Save panel open (a trusted click on the toolbar's "Save"). */
  async function savePanel(slug: string): Promise<string> {
    // 'interactive': a fidelity page's players point off this machine and never load.
    await openFixture(slug, 'interactive');
    const popup = await openPopupTab();
    const view = await waitFor(() => ff.evaluate<ReaderSnapshot>(popup, `(${SNAPSHOT})(document)`), (v) => v.loaded, 20_000);
    expect(view.failure).toBeNull();
    await ff.bidi.send('browsingContext.activate', { context: popup });
    await click(popup, await button(popup, 'Save'));
    expect(await waitFor(() => status(popup), (s) => s !== null), 'the Save panel').toBe('');
    return popup;
  }

  /** Click a Save button and read the file Firefox downloaded. */
  async function download(popup: string, name: string): Promise<{ name: string; text: string }> {
    const [began, ended] = await Promise.all([
      ff.bidi.waitFor((e) => e.method === 'browsingContext.downloadWillBegin' && e.params.context === popup, 15_000, 'downloadWillBegin'),
      ff.bidi.waitFor((e) => e.method === 'browsingContext.downloadEnd' && e.params.context === popup, 15_000, 'downloadEnd'),
      click(popup, await button(popup, name)),
    ]);
    // The page's own Blob URL, saved by Firefox as a web page's download would be (no `downloads` permission).
    expect(began.params.url).toMatch(/^blob:moz-extension:\/\//);
    expect(ended.params).toMatchObject({ status: 'complete', url: began.params.url });
    const path = ended.params.filepath as string;
    expect(dirname(path)).toBe(downloads);
    return { name: began.params.suggestedFilename as string, text: readFileSync(path, 'utf8') };
  }

  /** The clipboard's text, read in `context` inside a trusted click (Firefox asks for user activation). */
  async function readClipboard(context: string): Promise<string> {
    await ff.evaluate(context, `(document.addEventListener('click', () => {
      window.lecternClipboard = navigator.clipboard.readText().then((text) => ({ text }), (error) => ({ error: String(error) }));
    }, { once: true }), true)`);
    const { nodes } = await ff.bidi.send<{ nodes: Array<{ sharedId: string }> }>('browsingContext.locateNodes', {
      context,
      locator: { type: 'css', value: '#lectern-panel-save [role=status]' },
    });
    await click(context, nodes[0]);
    const read = await waitFor(() => ff.evaluate<{ text?: string; error?: string } | null>(context, 'window.lecternClipboard ?? null'), Boolean, 5_000);
    expect(read?.error, 'reading the clipboard back').toBeUndefined();
    return read?.text ?? '';
  }

  it('"Copy as Markdown" puts the article on the clipboard: front matter, title, text, code fenced with its language', async () => {
    const popup = await savePanel(CODE);
    try {
      const title = await ff.evaluate<string>(pageContext, `document.querySelector('h1')?.textContent?.trim() ?? ''`);
      // A trusted click: Firefox writes to the clipboard only with user activation.
      await click(popup, await button(popup, 'Copy as Markdown'));
      expect(await waitFor(() => status(popup), (s) => Boolean(s))).toBe('Copied as Markdown.');
      const markdown = await readClipboard(popup);
      expect(markdown.startsWith('---\n')).toBe(true);
      expect(markdown).toContain(`title: ${JSON.stringify(title)}`);
      expect(markdown).toContain(`source: "${server.origin}/${CODE}/source.html"`);
      expect(markdown).toContain(`\n# ${title}\n`);
      expect(markdown).toMatch(/\n```javascript\nimport \{ createReadStream \} from "node:fs";\n/);
      expect(markdown).not.toMatch(/Copy|Copied!/);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
    }
  });

  it('"Save as Markdown" downloads a .md named after the article, each photo with its caption once below it', async () => {
    const popup = await savePanel(ARTICLE);
    try {
      const { name, text } = await download(popup, 'Save as Markdown');
      expect(name).toBe('After a decade away, the harbor ferry returns to the old river towns.md');
      expect(text).toMatch(/^---\ntitle: "After a decade away, the harbor ferry returns to the old river towns"\n/);
      expect(text).toContain('author: "Marisol Okafor"');
      const caption = 'The restored ferry Margaret Bell leaves the north landing at Corliss';
      // Shown once: the image's alt text (inside ![...]) is not shown text.
      expect(text.replace(/!\[[^\]]*\]/g, '![]').split(caption).length - 1).toBe(1);
      // The photo, then its caption and credit as the line below it.
      expect(text).toMatch(/!\[[^\]]*\]\(http:\/\/127\.0\.0\.1:\d+\/assets\/img\/[^)]+\)(?:\]\([^)]+\))?\n\n_The restored ferry Margaret Bell[^\n]+ — Dana Whitfield\/Harbor Photo Service_\n/);
      expect(text).not.toMatch(/hide caption|toggle caption/i);
      expect(await status(popup)).toBe(`Saved as ${name}.`);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
    }
  });

  it('"Save as HTML" downloads one file that opens offline, runs no script and loads nothing but its images', async () => {
    const popup = await savePanel(ARTICLE);
    let text: string;
    try {
      const saved = await download(popup, 'Save as HTML');
      text = saved.text;
      expect(saved.name).toBe('After a decade away, the harbor ferry returns to the old river towns.html');
      expect(await status(popup)).toBe(`Saved as ${saved.name}.`);
    } finally {
      await ff.bidi.send('browsingContext.close', { context: popup }).catch(() => undefined);
    }
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(text).toContain('For the first time in almost ten years');

    // Open it as a file would open: from its own address, off the test server's pages, in Firefox. Firefox itself
    // asks the server for /favicon.ico (the tab's icon of a page that names none): the browser's request, not the file's.
    server.put('/saved/article.html', text);
    await openPath('/saved/article.html');
    const opened = await ff.evaluate<{ title: string; body: string; scripts: number; csp: string | null; others: string[]; font: string }>(pageContext, `({
      title: document.title,
      body: document.querySelector('.lectern-reader__body')?.innerText ?? '',
      scripts: document.scripts.length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
      others: performance.getEntriesByType('resource')
        .filter((r) => r.initiatorType !== 'img' && !(r.initiatorType === 'other' && new URL(r.name).pathname === '/favicon.ico'))
        .map((r) => r.initiatorType + ' ' + r.name),
      font: getComputedStyle(document.querySelector('.lectern-reader__title')).fontFamily,
    })`);
    expect(opened.title).toBe('After a decade away, the harbor ferry returns to the old river towns');
    expect(opened.body).toContain('For the first time in almost ten years');
    expect(opened.scripts).toBe(0);
    expect(opened.csp).toBe(EXPORT_CSP);
    expect(opened.others).toEqual([]);
    // It looks like the reader: the reader's type.
    expect(opened.font).toMatch(/Georgia|serif/i);
  });
});

/**
 * Sites (#28) in Firefox, where optional host permissions are granted without a prompt in this profile
 * (`extensions.webextOptionalPermissionPrompts` off: the prompt is the one thing a test cannot click). The E2E build
 * holds http://127.0.0.1/* from its manifest, so the test uses the other name of the same server, localhost: a site
 * Lectern does not hold until the reader asks for it.
 */
describe('Firefox: sites (#28)', () => {
  const origins = (): Promise<string[]> => inExtension<string[]>('browser.permissions.getAll().then((p) => p.origins.slice().sort())');
  const registered = (): Promise<string[]> =>
    inExtension<string[]>('browser.scripting.getRegisteredContentScripts().then((s) => s.flatMap((x) => x.matches ?? []))');
  const readerTabContexts = async (): Promise<string[]> =>
    (await contexts(ff)).filter((c) => /\/src\/ui\/tab\/index\.html\?id=[0-9a-f]{32}$/.test(c.url)).map((c) => c.context);
  const localhost = (slug: string): string => `${server.origin.replace('127.0.0.1', 'localhost')}/${slug}/source.html`;

  /**
   * A trusted click on the element an XPath finds, scrolled into view, at its centre in viewport coordinates.
   */
  async function clickXPath(context: string, xpath: string): Promise<void> {
    const centre = await ff.evaluate<{ x: number; y: number } | null>(context, `(() => {
      const el = document.evaluate(${JSON.stringify(xpath)}, document, null, 9, null).singleNodeValue;
      if (!el) return null;
      // A control below the fold of its panel's own scroll box: scrolled to, as a reader would.
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    })()`);
    expect(centre, xpath).not.toBeNull();
    await ff.bidi.send('browsingContext.activate', { context });
    await ff.bidi.send('input.performActions', {
      context,
      actions: [{
        type: 'pointer',
        id: 'mouse',
        actions: [{ type: 'pointerMove', x: centre!.x, y: centre!.y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
      }],
    });
    await ff.bidi.send('input.releaseActions', { context });
  }
  const alwaysOpen = (host: string): string => `//label[contains(normalize-space(.), 'Always open ${host} in Lectern')]//input`;

  it('opens a link in Lectern, asking for its site in the click; opting in holds that one site, unticking gives it back', async () => {
    const before = await origins();
    expect(before).toEqual(['http://127.0.0.1/*']);
    const LONG = 'view--long-article-toc';
    const link = localhost(LONG);
    await openFixture(NPR);
    const known = new Set(await readerTabContexts());
    // The link context menu's real listener, inside a trusted click (a menu click is user input).
    await withGesture(`hooks.onMenuClick({ menuItemId: 'lectern-open-link', linkUrl: ${JSON.stringify(link)}, editable: false, pageUrl: tab.url }, tab)`);
    const reader = await waitFor(async () => (await readerTabContexts()).find((c) => !known.has(c)), Boolean, 20_000);
    expect(reader, 'a reader tab for the link').toBeTruthy();
    const h1 = (context: string): Promise<string | null> => ff.evaluate<string | null>(context, `document.querySelector('.lectern-reader h1')?.textContent ?? null`);
    const shown = (context: string): Promise<string | null> =>
      ff.evaluate<string | null>(context, `document.querySelector('.lectern-reader h1, .lectern-status--failure')?.textContent ?? null`);
    expect(await waitFor(() => shown(reader!), (t) => !!t, 30_000), 'the link\'s article').toBe(await waitFor(() => h1(reader!), (t) => !!t, 1_000));
    expect(await h1(reader!), 'the link\'s article').toMatch(/\S/);
    expect(await origins(), 'exactly the link\'s site was added').toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const linkTab = (await contexts(ff)).find((c) => c.url === link);
    expect(linkTab, 'the link has its own tab').toBeTruthy();

    // Opt in from the reader tab's Display panel: the site's script is registered, for that site only.
    await clickXPath(reader!, `//button[@aria-label='Display' or normalize-space(.)='Display']`);
    await waitFor(() => ff.evaluate<boolean>(reader!, `!!document.evaluate(${JSON.stringify(alwaysOpen('localhost'))}, document, null, 9, null).singleNodeValue`), Boolean);
    await clickXPath(reader!, alwaysOpen('localhost'));
    const stored = (): Promise<unknown> => inExtension('browser.storage.local.get("sites").then((r) => r.sites ?? null)');
    expect(await waitFor(stored, (v) => JSON.stringify(v).includes('"open":"tab"')), 'the choice is stored').toMatchObject({ sites: { 'http://localhost': { open: 'tab' } } });
    expect(await waitFor(registered, (m) => m.length > 0), ff.log.join('').slice(-1500)).toEqual(['http://localhost/*']);

    // Settings pinned for the site: a larger text there, kept for the site, the global size left alone.
    const textSize = (context: string): Promise<string> =>
      ff.evaluate<string>(context, `getComputedStyle(document.querySelector('.lectern-reader__body p')).fontSize`);
    await clickXPath(reader!, `//label[contains(normalize-space(.), 'Use these settings for localhost')]//input`);
    const larger = `//button[.//span[normalize-space(.)='Larger text']]`;
    await clickXPath(reader!, larger);
    await clickXPath(reader!, larger);
    expect(await waitFor(() => textSize(reader!), (size) => size === '20px')).toBe('20px');
    expect(await waitFor(stored, (v) => JSON.stringify(v).includes('"fontSize":20'))).toMatchObject({ sites: { 'http://localhost': { pinned: { fontSize: 20 } } } });
    expect(await inExtension<number | null>(`browser.storage.sync.get('settings').then((r) => r.settings?.fontSize ?? null)`) ?? 17, 'the global size').toBe(17);

    // An article of the site opens in a reader tab by itself, with the site's settings; a page that is not an
    // article does not.
    const seen = new Set(await readerTabContexts());
    await ff.bidi.send('browsingContext.navigate', { context: pageContext, url: localhost(NPR), wait: 'complete' });
    const auto = await waitFor(async () => (await readerTabContexts()).find((c) => !seen.has(c)), Boolean, 20_000);
    expect(auto, 'a reader tab opened by itself').toBeTruthy();
    expect(await waitFor(() => h1(auto!), (t) => !!t, 20_000)).toBe(await ff.evaluate<string>(pageContext, `document.querySelector('h1').textContent.trim()`));
    expect(await textSize(auto!), 'pinned for the site').toBe('20px');
    const record = (url: string): Promise<{ url: string; outcome: string } | undefined> =>
      inExtension(`browser.storage.session.get('auto:${tabId}').then((r) => r['auto:${tabId}'])`).then((r) => r as { url: string; outcome: string } | undefined)
        .then((r) => (r?.url === url ? r : undefined));
    const all = new Set(await readerTabContexts());
    await ff.bidi.send('browsingContext.navigate', { context: pageContext, url: localhost('not-article--home-page'), wait: 'complete' });
    expect((await waitFor(() => record(localhost('not-article--home-page')), (r) => !!r && r.outcome !== 'reading'))?.outcome).toBe('not-article');
    expect(new Set(await readerTabContexts())).toEqual(all);

    // Untick: the permission goes back and nothing opens any more.
    await clickXPath(reader!, alwaysOpen('localhost'));
    expect(await waitFor(origins, (o) => o.length === 1), 'the site\'s permission is given back').toEqual(before);
    expect(await waitFor(registered, (m) => m.length === 0)).toEqual([]);
    await ff.bidi.send('browsingContext.navigate', { context: pageContext, url: localhost(LONG), wait: 'complete' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(new Set(await readerTabContexts())).toEqual(all);

    await inExtension(`browser.storage.local.remove('sites').then(() => true)`);
    for (const context of await readerTabContexts()) await ff.bidi.send('browsingContext.close', { context }).catch(() => undefined);
    if (linkTab) await ff.bidi.send('browsingContext.close', { context: linkTab.context }).catch(() => undefined);
  });

  it('a link whose site Lectern may not read gets its sentence; "Try again" asks for the site in that click and reads it', async () => {
    expect(await origins()).toEqual(['http://127.0.0.1/*']);
    await openFixture(NPR);
    const title = await ff.evaluate<string>(pageContext, `document.querySelector('h1').textContent.trim()`);
    const link = localhost(NPR);
    const known = new Set(await readerTabContexts());
    // The menu's listener outside any user input: Firefox will not ask then, which is what a reader's refusal gives.
    await inExtension(`(async () => {
      const hooks = (await browser.runtime.getBackgroundPage()).__lecternTestHooks;
      const tab = await browser.tabs.get(${tabId});
      hooks.onMenuClick({ menuItemId: 'lectern-open-link', linkUrl: ${JSON.stringify(link)}, editable: false, pageUrl: tab.url }, tab);
      return true;
    })()`);
    const reader = await waitFor(async () => (await readerTabContexts()).find((c) => !known.has(c)), Boolean, 20_000);
    expect(reader, 'a reader tab for the link').toBeTruthy();
    const failure = (): Promise<string | null> => ff.evaluate<string | null>(reader!, `document.querySelector('.lectern-status--failure')?.textContent ?? null`);
    expect(await waitFor(failure, Boolean, 20_000)).toContain("Lectern was not allowed to read this link's site.");
    expect(await origins()).toEqual(['http://127.0.0.1/*']);
    await clickXPath(reader!, `//button[normalize-space(.)='Try again']`);
    const h1 = (): Promise<string | null> => ff.evaluate<string | null>(reader!, `document.querySelector('.lectern-reader h1')?.textContent ?? null`);
    expect(await waitFor(h1, (t) => t === title, 20_000)).toBe(title);
    expect(await origins(), 'asked in the click, granted: that one site').toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    await inExtension(`browser.permissions.remove({ origins: ['http://localhost/*'] })`);
    for (const context of await readerTabContexts()) await ff.bidi.send('browsingContext.close', { context }).catch(() => undefined);
    const linkTab = (await contexts(ff)).find((c) => c.url === link);
    if (linkTab) await ff.bidi.send('browsingContext.close', { context: linkTab.context }).catch(() => undefined);
  });
});
