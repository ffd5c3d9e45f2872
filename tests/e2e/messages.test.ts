/**
 * Who may talk to Lectern's background, in the real browser: only Lectern's own pages. A message sent from a content
 * script world in a web page gets no answer and causes no read; a page's main world cannot reach the extension at
 * all; nothing listens for other extensions. Two reads of one tab asked at once run the extraction once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/dom';
import { currentWorker, openFixture, useSession } from './support';

const ARTICLE = 'captions-npr-toggle';
const session = useSession();

const worker = (): Worker => currentWorker(session());

async function activeTabId(): Promise<number> {
  return worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

/** Inject the content script and count every extraction it runs from now on (in its isolated world). */
async function countReads(tabId: number): Promise<void> {
  await worker().evaluate(async (id) => {
    await chrome.scripting.executeScript({ target: { tabId: id }, files: ['src/content/content-script.js'] });
    await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const g = globalThis as { __lectern?: { read: (o?: unknown) => unknown }; __reads?: number };
        const api = g.__lectern!;
        if (g.__reads !== undefined) return;
        g.__reads = 0;
        const read = api.read.bind(api);
        api.read = (o) => {
          g.__reads = (g.__reads ?? 0) + 1;
          return read(o);
        };
      },
    });
  }, tabId);
}

async function readsSoFar(tabId: number): Promise<number> {
  return worker().evaluate(
    async (id) => (await chrome.scripting.executeScript({ target: { tabId: id }, func: () => (globalThis as { __reads?: number }).__reads ?? -1 }))[0]?.result as number,
    tabId,
  );
}

describe('messages from outside Lectern are ignored', () => {
  it('a content-script-world message from a web page gets no answer and causes no read', async () => {
    await openFixture(session(), ARTICLE);
    const tabId = await activeTabId();
    await countReads(tabId);
    const answer = await worker().evaluate(async (id) => {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: async (t: number) => {
          try {
            const reply = await chrome.runtime.sendMessage<unknown, unknown>({ lectern: 'read-tab', payload: { tabId: t, surface: 'sidepanel', options: { force: true } } });
            return { reply: reply === undefined ? 'undefined' : JSON.stringify(reply) };
          } catch (error) {
            return { error: String(error) };
          }
        },
        args: [id],
      });
      return frame?.result as { reply?: string; error?: string };
    }, tabId);
    expect(answer.reply ?? 'undefined').toBe('undefined');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await readsSoFar(tabId)).toBe(0);
    const entry = await worker().evaluate(async (id) => (await chrome.storage.session.get(`panel:${id}`))[`panel:${id}`] ?? null, tabId);
    expect(entry).toBeNull();
  });

  it('a port a web page opens under the panel name is not taken for a panel', async () => {
    await openFixture(session(), ARTICLE);
    const tabId = await activeTabId();
    const windowId = await worker().evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
    await worker().evaluate(
      async ([id, win]) => {
        await chrome.scripting.executeScript({
          target: { tabId: id },
          func: (w: number) => {
            (globalThis as { __port?: chrome.runtime.Port }).__port = chrome.runtime.connect({ name: `panel:${w}` });
          },
          args: [win],
        });
      },
      [tabId, windowId] as const,
    );
    // Were the port taken, the keyboard toggle would think a panel shows and try to close it instead of reading.
    const tab = await worker().evaluate(async (id) => chrome.tabs.get(id), tabId);
    await worker().evaluate((t) => chrome.commands.onCommand.dispatch('toggle-reader', t), tab);
    const deadline = Date.now() + 15_000;
    let phase: string | undefined;
    while (Date.now() < deadline && phase !== 'done') {
      await new Promise((r) => setTimeout(r, 200));
      phase = await worker().evaluate(async (id) => ((await chrome.storage.session.get(`panel:${id}`))[`panel:${id}`] as { phase?: string } | undefined)?.phase, tabId);
    }
    expect(phase).toBe('done');
    await worker().evaluate((id) => chrome.storage.session.remove(`panel:${id}`), tabId);
  });

  it("a page's main world cannot reach the extension, and nothing listens for other extensions", async () => {
    await openFixture(session(), ARTICLE);
    const reach = await session().tab.evaluate(() => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      return { sendMessage: typeof c?.runtime?.sendMessage, connect: typeof c?.runtime?.connect };
    });
    expect(reach).toEqual({ sendMessage: 'undefined', connect: 'undefined' });
    for (const dist of ['dist', 'dist-e2e']) {
      const manifest = JSON.parse(readFileSync(join(ROOT, dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest.externally_connectable, dist).toBeUndefined();
      const js = readdirSync(join(ROOT, dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ROOT, dist, 'assets', f), 'utf8')).join('\n');
      // (The bundled webextension-polyfill names onMessageExternal in its wrapper table; no code adds a listener.)
      const external = js.match(/on(Message|Connect)External\.addListener|onUserScript(Message|Connect)\.addListener/g) ?? [];
      expect(external, dist).toEqual([]);
    }
  });
});

describe('one extraction at a time per tab', () => {
  it('two reads of one tab asked at once run the extraction once, and both get the article', async () => {
    await openFixture(session(), ARTICLE);
    const tabId = await activeTabId();
    await countReads(tabId);
    // An extension page (a popup reader for no tab, so it reads nothing itself) sends the two requests at once.
    const page: Page = await session().lectern.context.newPage();
    await page.goto(`chrome-extension://${session().lectern.extensionId}/src/ui/popup/index.html?tabId=0`);
    const results = await page.evaluate(async (id) => {
      const ask = () => chrome.runtime.sendMessage<unknown, { ok: boolean }>({ lectern: 'read-tab', payload: { tabId: id, surface: 'popup', options: {} } });
      return (await Promise.all([ask(), ask()])).map((r) => r.ok);
    }, tabId);
    expect(results).toEqual([true, true]);
    expect(await readsSoFar(tabId)).toBe(1);
    // Once it is done, a new request reads again (the guard holds only while a read is running).
    const again = await page.evaluate(async (id) => (await chrome.runtime.sendMessage<unknown, { ok: boolean }>({ lectern: 'read-tab', payload: { tabId: id, surface: 'popup', options: {} } })).ok, tabId);
    expect(again).toBe(true);
    expect(await readsSoFar(tabId)).toBe(2);
    await page.close();
    await session().tab.bringToFront();
  });
});
