/**
 * Click to article: the built extension (the E2E variant, which may read http://127.0.0.1/* without a gesture) in
 * Chromium, reading corpus pages through the real toolbar popup and the real side panel, timed from the click to the
 * article on screen. The extension's E2E builds stamp each step (src/shared/trace.ts: service worker, content
 * script, view), in epoch milliseconds so stamps from different processes compare; a view publishes its stamps in
 * storage.session once its answer is painted, and the bench waits for that in the service worker (nothing polls the
 * browser while a read runs).
 *
 * The click (t0):
 * - popup: the service worker's clock just before `chrome.action.openPopup()` (what the toolbar button does);
 * - side panel: the `pointerdown` of a trusted click on the popup's "Open in side panel" (its event timestamp).
 * The article painted: the view's first contentful paint (the browser's paint timing, when the frame was presented)
 * if it came after the article reached the DOM, else the stamp of a task posted from the next animation frame after
 * the insertion (the frame's main-thread paint). The loading state painted: the view's first paint (paint timing).
 *
 * Per page, in this order: popup, first open on the freshly loaded page; popup again (repeat); from that popup the
 * side panel (first panel open: the page has been read twice by then, which is how a reader gets there); popup and
 * side panel again (repeat). Also a floor (the popup on about:blank, where nothing is read) and the stress pages
 * (stress.ts) through the popup, with the page's longest task (from a heartbeat timer in the page: `blocksFromBeats`).
 * Time never decides pass or fail.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, CDPSession, Page, Worker } from 'playwright-core';
import { allPages, launchWithExtension, type LecternBrowser } from '../lib/chromium';
import { serveStatic, type StaticServer } from '../lib/serve';
import type { TraceStamp, ViewTrace } from '../../src/shared/trace';
import { readCorpus, readSource } from './corpus';
import { ROOT } from './quality';
import { quantile } from './speed';
import { STRESS_PAGES } from './stress';

/** Pages read by default (--click-pages). */
export const CLICK_PAGES = 20;
/** Popup opens on about:blank for the floor. */
export const FLOOR_OPENS = 10;
/** The issue's goal for the loading state. */
export const LOADING_GOAL_MS = 80;
export const CLICK_DIST = join(ROOT, 'out', 'bench', 'dist-e2e');
const OPEN_TIMEOUT_MS = 30_000;
const STRESS_TIMEOUT_MS = 120_000;
/** Quiet time before each timed open, so the page's load and the last view's teardown are over. */
const SETTLE_MS = 250;
const POPUP_KEY = 'lecternTrace:popup';
const PANEL_KEY = 'lecternTrace:sidepanel';
const CLICK_KEY = 'benchClick';
const PAGE_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" };

export const OPEN_KINDS = ['popup-first', 'popup-repeat', 'panel-first', 'panel-repeat'] as const;
export type OpenKind = (typeof OPEN_KINDS)[number];
export const OPEN_LABELS: Record<OpenKind, string> = {
  'popup-first': 'popup, first open',
  'popup-repeat': 'popup, repeat',
  'panel-first': 'side panel, first open',
  'panel-repeat': 'side panel, repeat',
};

/** What one open left behind: the view's published trace and the worker's and content script's stamps. */
export interface RawOpen {
  /** Epoch milliseconds of the click. */
  t0: number;
  view: ViewTrace | null;
  worker: TraceStamp[];
  content: TraceStamp[];
}

/** One open, as milliseconds after the click. */
export interface OpenTimes {
  /** Each event's first occurrence at or after the click. */
  events: Record<string, number>;
  /** The view's first paint (the loading state). */
  loading?: number;
  /** The answer painted (article or status). */
  answer?: number;
  /** True when the answer was an article. */
  article: boolean;
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
}

/** A step between two events; `from` 't0' is the click. */
export interface StageDef {
  label: string;
  from: string;
  to: string;
}

/**
 * The popup's path, one event after the other: the stages add up to the click-to-article time (of the frame stamp;
 * the last stage runs to the first contentful paint when there is one after the insertion).
 */
export const POPUP_STAGES: readonly StageDef[] = [
  { label: 'popup window opens (browser: to the popup\'s navigation start)', from: 't0', to: 'view:start' },
  { label: 'popup page load (HTML, UI code; to DOMContentLoaded)', from: 'view:start', to: 'view:dcl' },
  { label: 'first frame, tab lookup (to the request)', from: 'view:dcl', to: 'ui:read-sent' },
  { label: 'message to background', from: 'ui:read-sent', to: 'bg:received' },
  { label: 'background: tab check', from: 'bg:received', to: 'bg:inject-start' },
  { label: 'injection (executeScript files)', from: 'bg:inject-start', to: 'bg:inject-end' },
  { label: 'call into the page (executeScript func)', from: 'bg:inject-end', to: 'cs:read-start' },
  { label: 'extraction', from: 'cs:read-start', to: 'cs:read-end' },
  { label: 'transfer: page to background', from: 'cs:read-end', to: 'bg:read-end' },
  { label: 'transfer: background to popup', from: 'bg:read-end', to: 'ui:result' },
  { label: 'render: to sanitize', from: 'ui:result', to: 'ui:sanitize-start' },
  { label: 'sanitize', from: 'ui:sanitize-start', to: 'ui:sanitize-end' },
  { label: 'render: to the DOM', from: 'ui:sanitize-end', to: 'article-inserted' },
  { label: 'paint', from: 'article-inserted', to: 'answer' },
];

/**
 * The side panel's read path (the panel page loads alongside it: see the timeline). The background stores the
 * article for the panel, which renders it from the storage change (or from its first look when it loaded later).
 */
export const PANEL_STAGES: readonly StageDef[] = [
  { label: 'click to background (popup handler, sidePanel.open, message)', from: 't0', to: 'bg:received' },
  { label: 'background: tab check, panel entry "loading"', from: 'bg:received', to: 'bg:inject-start' },
  { label: 'injection (executeScript files)', from: 'bg:inject-start', to: 'bg:inject-end' },
  { label: 'call into the page (executeScript func)', from: 'bg:inject-end', to: 'cs:read-start' },
  { label: 'extraction', from: 'cs:read-start', to: 'cs:read-end' },
  { label: 'transfer: page to background', from: 'cs:read-end', to: 'bg:read-end' },
  { label: 'store the panel entry', from: 'bg:read-end', to: 'bg:panel-stored' },
  { label: 'to the panel (page load or storage change)', from: 'bg:panel-stored', to: 'ui:render-article' },
  { label: 'render: to sanitize', from: 'ui:render-article', to: 'ui:sanitize-start' },
  { label: 'sanitize', from: 'ui:sanitize-start', to: 'ui:sanitize-end' },
  { label: 'render: to the DOM', from: 'ui:sanitize-end', to: 'article-inserted' },
  { label: 'paint', from: 'article-inserted', to: 'answer' },
];

/** Events shown in the timeline, in the order they usually happen. */
export const TIMELINE_EVENTS: ReadonlyArray<{ name: string; label: string }> = [
  { name: 'view:start', label: 'view page navigation start' },
  { name: 'ui:main', label: 'view code loaded (ReaderApp module ran)' },
  { name: 'view:dcl', label: 'view DOMContentLoaded' },
  { name: 'loading-painted', label: 'loading state: frame after insertion' },
  { name: 'first-paint', label: 'view first paint (paint timing)' },
  { name: 'ui:read-sent', label: 'view sends read-tab' },
  { name: 'bg:received', label: 'background receives it' },
  { name: 'bg:inject-start', label: 'injection starts' },
  { name: 'cs:evaluated', label: 'content script evaluated in the page' },
  { name: 'bg:inject-end', label: 'injection done' },
  { name: 'cs:read-start', label: 'extraction starts (page)' },
  { name: 'cs:read-end', label: 'extraction ends (page)' },
  { name: 'bg:read-end', label: 'background has the result' },
  { name: 'bg:panel-stored', label: 'panel entry stored' },
  { name: 'ui:result', label: 'view has the result (message reply)' },
  { name: 'ui:render-article', label: 'view renders the article' },
  { name: 'ui:sanitize-end', label: 'sanitized' },
  { name: 'article-inserted', label: 'article in the DOM' },
  { name: 'article-painted', label: 'article: frame after insertion' },
  { name: 'first-contentful-paint', label: 'first contentful paint' },
  { name: 'answer', label: 'ARTICLE PAINTED (headline)' },
];

export interface ClickVariant {
  kind: OpenKind;
  /** Opens timed, and those that ended with an article painted. */
  opens: number;
  articles: number;
  loading: Summary;
  article: Summary;
  /** The article painted, from the view page's own navigation start (what the extension's code controls). */
  fromViewStart: Summary;
  /** Median milliseconds after the click, per event. */
  timeline: Record<string, number>;
  stages: Array<{ label: string } & Summary>;
}

export interface ClickPageRow {
  id: string;
  opens: Partial<Record<OpenKind, { loading?: number; answer?: number; article: boolean; viewStart?: number }>>;
  error?: string;
}

export interface FloorSummary {
  opens: number;
  viewStart: Summary;
  domContentLoaded: Summary;
  firstPaint: Summary;
  answer: Summary;
  /** Median milliseconds after the click, per event. */
  timeline: Record<string, number>;
}

export interface LongTaskRow {
  id: string;
  elements: number;
  /** `article` or `status` (a refusal or failure shown). */
  answer: string;
  clickToAnswer: number;
  /** The page's longest block between the click and the answer painted (heartbeat gap beyond its interval). */
  longest: number;
  longTasks: number;
  /** Sum over the long tasks of their time beyond 50 ms. */
  blocking: number;
  extraction?: number;
}

export interface ClickResult {
  corpus: string;
  pages: number;
  variants: ClickVariant[];
  floor: FloorSummary | null;
  longTasks: LongTaskRow[];
  results: ClickPageRow[];
}

// ---------------------------------------------------------------------------------------------------------------
// Pure helpers (tests/unit/bench-click.test.ts)

export function summarize(values: ReadonlyArray<number | undefined>): Summary {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return {
    n: v.length,
    median: quantile(v, 0.5),
    p95: quantile(v, 0.95),
    mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN,
  };
}

/**
 * Every stamp of an open as milliseconds after the click: each name's first occurrence at or after t0 (earlier
 * stamps belong to earlier opens), the view page's navigation start (`view:start`), DOMContentLoaded (`view:dcl`)
 * and paint entries, and `answer`, the headline (see `answerTime`).
 */
export function eventTimes(raw: RawOpen): Record<string, number> {
  const events: Record<string, number> = {};
  const all: TraceStamp[] = [...(raw.view?.stamps ?? []), ...(raw.view?.paints ?? []), ...raw.worker, ...raw.content];
  if (raw.view) {
    all.push({ name: 'view:start', t: raw.view.timeOrigin });
    if (raw.view.domContentLoaded !== undefined) all.push({ name: 'view:dcl', t: raw.view.domContentLoaded });
  }
  for (const s of all.filter((x) => x.t >= raw.t0).sort((a, b) => a.t - b.t)) {
    if (!(s.name in events)) events[s.name] = s.t - raw.t0;
  }
  const answer = answerTime(events);
  if (answer !== undefined) events.answer = answer;
  return events;
}

/**
 * When the answer (article, else status) was painted: the first contentful paint if it came at or after the
 * answer's insertion, else the frame stamp after the insertion.
 */
export function answerTime(events: Readonly<Record<string, number>>): number | undefined {
  for (const what of ['article', 'status']) {
    const inserted = events[`${what}-inserted`];
    const frame = events[`${what}-painted`];
    if (inserted === undefined || frame === undefined) continue;
    const fcp = events['first-contentful-paint'];
    return fcp !== undefined && fcp >= inserted ? fcp : frame;
  }
  return undefined;
}

export function openTimes(raw: RawOpen): OpenTimes {
  const events = eventTimes(raw);
  return {
    events,
    loading: events['first-paint'] ?? events['loading-painted'],
    answer: events.answer,
    article: events['article-inserted'] !== undefined,
  };
}

/** Per event (every name seen), the median milliseconds after the click over the opens that have it; in time order. */
export function medianTimeline(opens: readonly OpenTimes[]): Record<string, number> {
  const names = new Set(opens.flatMap((o) => Object.keys(o.events)));
  const medians = [...names].map((name) => [name, summarize(opens.map((o) => o.events[name])).median] as const);
  return Object.fromEntries(medians.sort((a, b) => a[1] - b[1]));
}

/** Each stage's milliseconds in one open (undefined where a stamp is missing). */
export function stageTimes(events: Readonly<Record<string, number>>, stages: readonly StageDef[]): Array<number | undefined> {
  const at = (name: string): number | undefined => (name === 't0' ? 0 : events[name]);
  return stages.map(({ from, to }) => {
    const a = at(from);
    const b = at(to);
    return a === undefined || b === undefined ? undefined : b - a;
  });
}

/** Over opens: the loading and answer times, the per-event median timeline and each stage's median and mean. */
export function summarizeVariant(kind: OpenKind, opens: readonly OpenTimes[]): ClickVariant {
  const articles = opens.filter((o) => o.article && o.answer !== undefined);
  const stages = kind.startsWith('popup') ? POPUP_STAGES : PANEL_STAGES;
  const perOpen = articles.map((o) => stageTimes(o.events, stages));
  const timeline = medianTimeline(articles);
  return {
    kind,
    opens: opens.length,
    articles: articles.length,
    loading: summarize(opens.map((o) => o.loading)),
    article: summarize(articles.map((o) => o.answer)),
    fromViewStart: summarize(articles.map((o) => (o.events['view:start'] === undefined ? undefined : (o.answer as number) - o.events['view:start']))),
    timeline,
    stages: stages.map((st, i) => ({ label: st.label, ...summarize(perOpen.map((p) => p[i])) })),
  };
}

/** The page's heartbeat: a timer this often (ms) in the page's main world while Lectern reads it. */
export const HEARTBEAT_MS = 5;
/** A task over this long is a long task (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/**
 * The main thread's blocks from a heartbeat (the epoch ms of each beat): between two beats the timer could not run for
 * the gap minus the interval. Chromium reports no 'longtask' entries to the page for an extension's injected scripts
 * (none for an 800 ms read), so the page's own timer is what shows how long it was kept waiting.
 */
export function blocksFromBeats(beats: readonly number[], interval = HEARTBEAT_MS): Array<{ t: number; d: number }> {
  const blocks: Array<{ t: number; d: number }> = [];
  for (let i = 1; i < beats.length; i++) blocks.push({ t: beats[i - 1] as number, d: Math.max(0, (beats[i] as number) - (beats[i - 1] as number) - interval) });
  return blocks;
}

/** The blocks that started between `from` and `to` (epoch ms): the longest, how many were long tasks, their time beyond 50 ms. */
export function longTaskStats(blocks: ReadonlyArray<{ t: number; d: number }>, from: number, to: number): { longest: number; count: number; blocking: number } {
  const within = blocks.filter((x) => x.t >= from && x.t <= to);
  const long = within.filter((x) => x.d > LONG_TASK_MS);
  return {
    longest: within.reduce((m, x) => Math.max(m, x.d), 0),
    count: long.length,
    blocking: long.reduce((sum, x) => sum + x.d - LONG_TASK_MS, 0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The browser side

/** Build the E2E variant of the extension (host access to 127.0.0.1 only) into `outDir`; the shared dist-e2e/ is left alone. */
export function buildE2E(outDir = CLICK_DIST): string {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, E2E: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

interface BenchGlobal {
  __name?: (f: unknown) => unknown;
  __lecternTrace?: TraceStamp[];
  __benchWaiters?: Record<string, (value: unknown) => void>;
  __benchResult?: Promise<unknown>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class ClickSession {
  private targets!: CDPSession;
  private popupUrl: string;
  private panelUrl: string;

  constructor(
    readonly lectern: LecternBrowser,
    readonly server: StaticServer,
    readonly tab: Page,
  ) {
    this.popupUrl = `chrome-extension://${lectern.extensionId}/src/ui/popup/index.html`;
    this.panelUrl = `chrome-extension://${lectern.extensionId}/src/ui/sidepanel/index.html`;
  }

  async start(): Promise<void> {
    const connection: Browser = await this.lectern.cdp();
    this.targets = await connection.newBrowserCDPSession();
  }

  worker(): Worker {
    return this.lectern.context.serviceWorkers()[0] ?? this.lectern.worker;
  }

  async tabId(): Promise<number> {
    return this.worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  }

  /** Get ready to catch `key`'s next trace (and the click's time), with the worker's stamps cleared. */
  async arm(key: string, timeout: number): Promise<void> {
    // Functions the bench passes as object properties get tsx's `__name` helper: give the worker a stand-in.
    await this.worker().evaluate('globalThis.__name ??= (f) => f');
    await this.worker().evaluate(
      async ({ key, clickKey, timeout }) => {
        const g = globalThis as unknown as BenchGlobal;
        if (!g.__benchWaiters) {
          g.__benchWaiters = {};
          chrome.storage.onChanged.addListener((changes, area) => {
            if (area !== 'session') return;
            for (const [k, change] of Object.entries(changes)) {
              const resolve = g.__benchWaiters?.[k];
              if (resolve && change.newValue) {
                delete g.__benchWaiters?.[k];
                resolve(change.newValue);
              }
            }
          });
        }
        await chrome.storage.session.remove([key, clickKey]);
        g.__lecternTrace = [];
        g.__benchResult = new Promise((resolve) => {
          (g.__benchWaiters as Record<string, (v: unknown) => void>)[key] = resolve;
          setTimeout(() => resolve(null), timeout);
        });
      },
      { key, clickKey: CLICK_KEY, timeout },
    );
  }

  /** Wait for the armed trace; then the worker's stamps, the tab's content-script stamps and the click time. */
  async collect(tabId: number | undefined): Promise<{ view: ViewTrace | null; worker: TraceStamp[]; content: TraceStamp[]; click?: number }> {
    return this.worker().evaluate(
      async ({ tabId, clickKey }) => {
        const g = globalThis as unknown as BenchGlobal;
        const view = ((await g.__benchResult) ?? null) as ViewTrace | null;
        const worker = g.__lecternTrace ?? [];
        const click = (await chrome.storage.session.get(clickKey))[clickKey] as number | undefined;
        let content: TraceStamp[] = [];
        if (tabId !== undefined) {
          try {
            const [frame] = await chrome.scripting.executeScript({ target: { tabId }, func: () => globalThis.__lecternTrace ?? [] });
            content = frame?.result ?? [];
          } catch {
            // A page Lectern may not script (the floor's about:blank): no content stamps.
          }
        }
        return { view, worker, content, click };
      },
      { tabId, clickKey: CLICK_KEY },
    );
  }

  /** Open the popup for the active tab and wait for its answer painted. */
  async popupOpen(tabId: number | undefined, timeout = OPEN_TIMEOUT_MS): Promise<RawOpen> {
    await this.tab.bringToFront();
    await this.arm(POPUP_KEY, timeout);
    const t0 = await this.worker().evaluate(async () => {
      const t = performance.timeOrigin + performance.now();
      await chrome.action.openPopup();
      return t;
    });
    const got = await this.collect(tabId);
    if (!got.view) throw new Error('the popup published no trace');
    return { t0, view: got.view, worker: got.worker, content: got.content };
  }

  private async targetsAt(prefix: string): Promise<string[]> {
    const { targetInfos } = await this.targets.send('Target.getTargets');
    return targetInfos.filter((t) => t.url.startsWith(prefix)).map((t) => t.targetId);
  }

  /** Close every popup page and wait until they are gone. */
  async closePopup(): Promise<void> {
    for (const targetId of await this.targetsAt(this.popupUrl)) await this.targets.send('Target.closeTarget', { targetId }).catch(() => undefined);
    const deadline = Date.now() + 10_000;
    while ((await this.targetsAt(this.popupUrl)).length && Date.now() < deadline) await sleep(50);
  }

  private async panelCount(): Promise<number> {
    return this.worker().evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
  }

  /** Close the side panel with the keyboard toggle's own listener and wait until no panel page is left. */
  async closePanel(): Promise<void> {
    if ((await this.panelCount()) > 0) {
      await this.worker().evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab) chrome.commands.onCommand.dispatch('toggle-reader', tab);
      });
    }
    const deadline = Date.now() + 10_000;
    while (((await this.panelCount()) > 0 || (await this.targetsAt(this.panelUrl)).length > 0) && Date.now() < deadline) await sleep(50);
  }

  /** With a popup showing the article: a trusted click on its "Open in side panel"; wait for the panel's answer painted. */
  async panelOpen(tabId: number): Promise<RawOpen> {
    const connection = await this.lectern.cdp();
    try {
      const popup = (await allPages(connection)).find((p) => p.url().startsWith(this.popupUrl) && !p.isClosed());
      if (!popup) throw new Error('no popup to click in');
      const box = await popup.getByRole('button', { name: 'Open in side panel' }).boundingBox();
      if (!box) throw new Error('the popup shows no "Open in side panel" button');
      await this.arm(PANEL_KEY, OPEN_TIMEOUT_MS);
      await popup.evaluate((clickKey) => {
        addEventListener('pointerdown', (e) => void chrome.storage.session.set({ [clickKey]: performance.timeOrigin + e.timeStamp }), { capture: true, once: true });
      }, CLICK_KEY);
      await sleep(SETTLE_MS);
      await popup.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const got = await this.collect(tabId);
      if (!got.view) throw new Error('the side panel published no trace');
      if (got.click === undefined) throw new Error('the click was not seen');
      return { t0: got.click, view: got.view, worker: got.worker, content: got.content };
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  async load(path: string): Promise<void> {
    await this.tab.goto(`${this.server.origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    await this.tab.bringToFront();
    await sleep(SETTLE_MS);
  }
}

export interface ClickOptions {
  /** Pages of the corpus to read (default CLICK_PAGES). */
  pages?: number;
  floorOpens?: number;
  /** The stress pages' long tasks (default true). */
  stress?: boolean;
  /** The side panel opens (default true); without them each page gets its two popup opens only. */
  panel?: boolean;
  /** An extension build to use instead of building one (tests, or comparing builds). */
  dist?: string;
  onPage?: (what: string, done: number, total: number) => void;
}

export async function measureClick(dir: string, options: ClickOptions = {}): Promise<ClickResult> {
  const corpus = readCorpus(dir, options.pages ?? CLICK_PAGES);
  const dist = options.dist ?? buildE2E();
  const server = await serveStatic('/nonexistent-lectern-root');
  for (const c of corpus.cases) server.put(`/${c.id}/source.html`, readSource(c), PAGE_HEADERS);
  // Every host but 127.0.0.1 fails at once (no route handler in the way of the pages' or the views' requests).
  const lectern = await launchWithExtension(dist, { args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  const tab = lectern.context.pages()[0] ?? (await lectern.context.newPage());
  const s = new ClickSession(lectern, server, tab);
  const byKind: Record<OpenKind, OpenTimes[]> = { 'popup-first': [], 'popup-repeat': [], 'panel-first': [], 'panel-repeat': [] };
  const results: ClickPageRow[] = [];
  let floor: FloorSummary | null = null;
  const longTasks: LongTaskRow[] = [];
  try {
    await s.start();
    // One untimed open first: the browser's and the extension's own first start is not what a page costs.
    await s.load(`/${corpus.cases[0]?.id}/source.html`);
    await s.popupOpen(await s.tabId()).catch(() => undefined);
    await s.closePopup();
    let done = 0;
    for (const c of corpus.cases) {
      const row: ClickPageRow = { id: c.id, opens: {} };
      const record = (kind: OpenKind, raw: RawOpen): void => {
        const t = openTimes(raw);
        byKind[kind].push(t);
        row.opens[kind] = { loading: t.loading, answer: t.answer, article: t.article, viewStart: t.events['view:start'] };
      };
      try {
        await s.load(`/${c.id}/source.html`);
        const tabId = await s.tabId();
        record('popup-first', await s.popupOpen(tabId));
        await s.closePopup();
        await sleep(SETTLE_MS);
        const repeat = await s.popupOpen(tabId);
        record('popup-repeat', repeat);
        if ((options.panel ?? true) && openTimes(repeat).article) {
          record('panel-first', await s.panelOpen(tabId));
          await s.closePanel();
          await s.closePopup();
          // The popup to click in is sometimes gone before the click (closed as the last panel went): one more try.
          for (let attempt = 1; ; attempt++) {
            try {
              await sleep(SETTLE_MS);
              await s.popupOpen(tabId);
              record('panel-repeat', await s.panelOpen(tabId));
              break;
            } catch (error) {
              await s.closePanel();
              await s.closePopup();
              if (attempt === 2) throw error;
            }
          }
          await s.closePanel();
        }
      } catch (error) {
        row.error = (error as Error).message.split('\n')[0] ?? 'failed';
      } finally {
        await s.closePopup().catch(() => undefined);
        await s.closePanel().catch(() => undefined);
      }
      results.push(row);
      options.onPage?.(corpus.name, ++done, corpus.cases.length);
    }

    // The floor: the popup where nothing is read (about:blank: a sentence, no injection).
    const floorOpens: OpenTimes[] = [];
    await tab.goto('about:blank');
    for (let i = 0; i < (options.floorOpens ?? FLOOR_OPENS); i++) {
      await sleep(SETTLE_MS);
      try {
        floorOpens.push(openTimes(await s.popupOpen(undefined)));
      } finally {
        await s.closePopup();
      }
    }
    floor = {
      opens: floorOpens.length,
      viewStart: summarize(floorOpens.map((o) => o.events['view:start'])),
      domContentLoaded: summarize(floorOpens.map((o) => o.events['view:dcl'])),
      firstPaint: summarize(floorOpens.map((o) => o.loading)),
      answer: summarize(floorOpens.map((o) => o.answer)),
      timeline: medianTimeline(floorOpens),
    };

    if (options.stress ?? true) {
      for (const page of STRESS_PAGES) server.put(`/${page.id}/source.html`, page.html(), PAGE_HEADERS);
      for (const page of STRESS_PAGES) {
        await s.load(`/${page.id}/source.html`);
        const elements = await tab.evaluate((interval) => {
          const g = window as unknown as { __beats: number[]; __beatTimer: number };
          g.__beats = [];
          g.__beatTimer = window.setInterval(() => g.__beats.push(performance.timeOrigin + performance.now()), interval);
          return document.getElementsByTagName('*').length;
        }, HEARTBEAT_MS);
        await sleep(SETTLE_MS);
        try {
          const raw = await s.popupOpen(await s.tabId(), STRESS_TIMEOUT_MS);
          const t = openTimes(raw);
          const beats = await tab.evaluate(() => {
            const g = window as unknown as { __beats: number[]; __beatTimer: number };
            clearInterval(g.__beatTimer);
            return g.__beats;
          });
          const end = raw.t0 + (t.answer ?? Number.POSITIVE_INFINITY);
          const stats = longTaskStats(blocksFromBeats(beats), raw.t0, end);
          const extraction = t.events['cs:read-end'] !== undefined && t.events['cs:read-start'] !== undefined ? t.events['cs:read-end'] - t.events['cs:read-start'] : undefined;
          longTasks.push({ id: page.id, elements, answer: t.article ? 'article' : 'status', clickToAnswer: t.answer ?? Number.NaN, longest: stats.longest, longTasks: stats.count, blocking: stats.blocking, extraction });
        } finally {
          await s.closePopup();
        }
        options.onPage?.('stress pages', longTasks.length, STRESS_PAGES.length);
      }
    }
  } finally {
    await lectern.close();
    await server.close();
  }
  return {
    corpus: corpus.name,
    pages: corpus.cases.length,
    variants: OPEN_KINDS.map((k) => summarizeVariant(k, byKind[k])),
    floor,
    longTasks,
    results,
  };
}
