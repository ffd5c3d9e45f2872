/**
 * Speed, measured in Chromium (not a Node DOM). Each page is served from 127.0.0.1 with every other host blocked and
 * the page's own JavaScript off; the bench bundle (browser-entry.ts, built to out/bench/bench.js) is evaluated in it,
 * then Lectern's full pipeline and Readability alone on a clone of the same document run alternately (`runOrders`):
 * WARMUPS untimed rounds, then RUNS timed runs each. Reported: median and p95 per page, and over the corpus the median
 * and p95 of the per-page medians, and the ratio Lectern / Readability. Time never decides pass or fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../lib/chromium';
import { serveStatic } from '../lib/serve';
import type { StepName } from '../../src/extract/types';
import { readCorpus } from './corpus';
import { BOOTSTRAP_SAMPLES, BOOTSTRAP_SEED, seededRandom, std } from './metric';
import { ROOT } from './quality';

export const RUNS = 20;
/**
 * Untimed rounds first. Repeated on one page, both engines keep getting quicker for about 20 rounds (on the aeb
 * corpus, each engine's time at round 10 was still about 1.2x its time after round 20, at round 1 about 2x), and
 * Lectern, with more code to warm, more slowly at first: the per-page ratio over rounds 1-6 read 1.18x, over rounds
 * 10-29 1.10x, in the same runs. Times taken while the ratio still falls depend on how far into that fall they are
 * (two runs with 1 warm-up and 6 timed runs gave per-page ratios of 1.24x and 1.20x; with 20 timed runs, 1.14x and
 * 1.13x). After WARMUPS rounds the timed runs sit where the curve is nearly flat. A reader's first read is neither:
 * it runs freshly loaded code (`firstRuns` times a first run on a new page, with the code warmed on a copy).
 */
export const WARMUPS = 10;

/** Engines as `runOrders` names them: Lectern (this tree), Readability alone, the other revision (`--against`). */
export type Engine = 'l' | 'r' | 'a';

/** Timed runs per engine for `requested`: rounded up to an even number (see `runOrders`). */
export function timedRuns(requested: number): number {
  return 2 * Math.ceil(requested / 2);
}

/**
 * The order the engines run in on a page, one list per round (warm-up rounds first): [l, r, (a)] and [(a), r, l] in
 * turn, so none always runs first. What ran just before matters: Readability alone took about 10% less time right
 * after its own run than right after Lectern's on the aeb corpus (Lectern's time did not depend on it), and one
 * revision ran 5% quicker than the same code as the other when it followed Readability more often. Over an even
 * number of timed rounds each engine follows each of its possible predecessors equally often (tests/unit/bench-speed.test.ts),
 * so its median is not drawn mostly from the quicker or the slower kind of run.
 */
export function runOrders(rounds: number, against: boolean): Engine[][] {
  return Array.from({ length: rounds }, (_, i) => {
    const order: Engine[] = i % 2 === 0 ? ['l', 'r', 'a'] : ['a', 'r', 'l'];
    return against ? order : order.filter((e) => e !== 'a');
  });
}
/** A page that takes longer than this to load or time is recorded as failed, and the run goes on. */
const PAGE_TIMEOUT_MS = 60_000;
const BUNDLE_DIR = join(ROOT, 'out', 'bench');

export interface PageSpeed {
  id: string;
  lectern?: { median: number; p95: number };
  readability?: { median: number; p95: number };
  /** With `profile`: per stage of Lectern's pipeline, the median milliseconds over the runs. */
  stages?: Record<string, number>;
  /** Lectern median / Readability median for this page. */
  ratio?: number;
  /** With `against`: the other revision's full pipeline, and Lectern median / its median. */
  against?: { median: number; p95: number };
  againstRatio?: number;
  /** With `firstRuns`: each engine's first run on a freshly loaded page, median over the loads (milliseconds). */
  firstRun?: { lectern: number; readability: number };
  error?: string;
}

export interface CorpusSpeed {
  corpus: string;
  pages: number;
  measured: number;
  runs: number;
  warmups: number;
  lectern: { median: number; p95: number };
  readability: { median: number; p95: number };
  /** Ratio of the corpus medians (and of the p95s) of per-page medians; `std`: the median ratio's bootstrap spread. */
  ratio: { median: number; p95: number; std: number };
  /** Median and p95 of the per-page ratios; `std`: the median's bootstrap spread. */
  pageRatio: { median: number; p95: number; std: number };
  /** With `profile`: per stage, the sum over pages of its per-page median, as a share of all stages' sum. */
  stages?: Record<string, number>;
  /** With `against`: the working tree's time over the other revision's, per page (median, p95) and summed. */
  against?: { rev: string; pageRatio: { median: number; p95: number }; sumRatio: number };
  /** With `firstRuns`: the same figures for first runs on freshly loaded pages (see `firstRunSummary`). */
  firstRun?: FirstRunSummary;
  results: PageSpeed[];
}

export interface FirstRunSummary {
  loads: number;
  lectern: number;
  readability: number;
  /** Ratio of the corpus medians; median of the per-page ratios. */
  ratio: number;
  pageRatio: number;
}

/** Over the pages with first runs: the corpus medians of their per-page medians, and the two median ratios. */
export function firstRunSummary(results: readonly PageSpeed[], loads: number): FirstRunSummary | undefined {
  const runs = results.flatMap((r) => (r.firstRun && r.firstRun.readability > 0 ? [r.firstRun] : []));
  if (runs.length === 0) return undefined;
  const lectern = quantile(runs.map((r) => r.lectern), 0.5);
  const readability = quantile(runs.map((r) => r.readability), 0.5);
  return { loads, lectern, readability, ratio: lectern / readability, pageRatio: quantile(runs.map((r) => r.lectern / r.readability), 0.5) };
}

/**
 * How far the two median ratios would move with another sample of pages: the standard deviation of each over
 * `samples` bootstrap resamples of the pages (seeded, as the quality spread is). `lectern[i]` and `readability[i]` are
 * page i's medians.
 */
export function ratioSpread(lectern: readonly number[], readability: readonly number[], samples = BOOTSTRAP_SAMPLES, seed = BOOTSTRAP_SEED): { ratio: number; pageRatio: number } {
  const n = Math.min(lectern.length, readability.length);
  if (n === 0) return { ratio: 0, pageRatio: 0 };
  const random = seededRandom(seed);
  const ratios: number[] = [];
  const pageRatios: number[] = [];
  const l: number[] = new Array<number>(n);
  const r: number[] = new Array<number>(n);
  const each: number[] = new Array<number>(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      l[i] = lectern[k] as number;
      r[i] = readability[k] as number;
      each[i] = (lectern[k] as number) / (readability[k] as number);
    }
    ratios.push(quantile(l, 0.5) / quantile(r, 0.5));
    pageRatios.push(quantile(each, 0.5));
  }
  return { ratio: std(ratios), pageRatio: std(pageRatios) };
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

export async function buildBenchBundle(root = ROOT): Promise<string> {
  const outDir = join(root, 'out', 'bench');
  await build({
    configFile: false,
    logLevel: 'error',
    root,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome116',
      minify: true,
      lib: { entry: join(root, 'scripts', 'bench', 'browser-entry.ts'), formats: ['iife'], name: 'lecternBenchBundle', fileName: () => 'bench.js' },
    },
  });
  return readFileSync(join(outDir, 'bench.js'), 'utf8');
}

/**
 * The bench bundle of another revision (`--against REV`), built in a temporary git worktree under out/bench/ that is
 * removed again. Timed in the same pages, alternating with the working tree, it measures what a change did to speed:
 * on a shared machine that is far steadier than comparing two separate runs.
 */
export async function buildAgainstBundle(rev: string): Promise<string> {
  return inWorktree(rev, 'against', buildBenchBundle);
}

/** Run `make` on a temporary git worktree of `rev` (out/bench/<name>, with this tree's node_modules), removed after. */
export async function inWorktree<T>(rev: string, name: string, make: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(BUNDLE_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune'], { cwd: ROOT });
  execFileSync('git', ['worktree', 'add', '--detach', '--force', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  try {
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return await make(dir);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT });
  }
}

export interface SpeedOptions {
  runs?: number;
  /** Untimed rounds before the timed ones (default WARMUPS). */
  warmups?: number;
  /** Lectern step switches, as for quality. */
  steps?: Partial<Record<StepName, boolean>>;
  limit?: number;
  /** Also time each stage of Lectern's pipeline (separate runs, after the timed ones). */
  profile?: boolean;
  /** Also time another revision's pipeline (its bench bundle, from `buildAgainstBundle`) in the same runs. */
  against?: { rev: string; bundle: string };
  /**
   * Also load each page this many more times and time each engine's first run on it: what a reader's first read
   * costs. The bundle's code is warmed first on a parsed copy of the page, so only the live page is new to it.
   */
  firstRuns?: number;
  onPage?: (corpus: string, done: number, total: number) => void;
}

export interface SpeedSession {
  measure(dir: string, options?: SpeedOptions): Promise<CorpusSpeed>;
  close(): Promise<void>;
}

/**
 * Each engine's first run on the live page, over `options.firstRuns` fresh loads of it (which engine goes first
 * alternates): per engine, the median. Both engines' code is warmed on a parsed copy of the page first (twice each).
 */
async function timeFirstRuns(context: BrowserContext, bundle: string, pageUrl: string, url: string, options: SpeedOptions): Promise<{ lectern: number; readability: number }> {
  const lectern: number[] = [];
  const readability: number[] = [];
  for (let k = 0; k < (options.firstRuns ?? 0); k++) {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    try {
      await page.goto(pageUrl, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      await page.evaluate(bundle);
      const t = await page.evaluate(({ url, steps, lecternFirst }) => {
        const bench = window.lecternBench;
        const copy = new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html');
        for (let i = 0; i < 2; i++) {
          bench.lecternExtract(copy, url, steps);
          bench.readabilityOnly(copy);
        }
        // No named functions in here: the bench runs under tsx, whose helpers do not exist in the page.
        const times = { l: 0, r: 0 };
        for (const which of lecternFirst ? ['l', 'r'] : ['r', 'l']) {
          const t0 = performance.now();
          if (which === 'l') bench.lecternExtract(document, url, steps);
          else bench.readabilityOnly(document);
          times[which as 'l' | 'r'] = performance.now() - t0;
        }
        return times;
      }, { url, steps: options.steps ?? {}, lecternFirst: k % 2 === 0 });
      lectern.push(t.l);
      readability.push(t.r);
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return { lectern: quantile(lectern, 0.5), readability: quantile(readability, 0.5) };
}

export async function startSpeedSession(): Promise<SpeedSession> {
  const bundle = await buildBenchBundle();
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    async measure(dir, options = {}) {
      const corpus = readCorpus(dir, options.limit);
      const runs = timedRuns(options.runs ?? RUNS);
      const warmups = options.warmups ?? WARMUPS;
      const orders = runOrders(warmups + runs, !!options.against);
      const server = await serveStatic(corpus.dir);
      // The page's own scripts are kept from running by a CSP header (javaScriptEnabled: false would also stop the
      // Trusted Types callbacks DOMPurify registers, so sanitize would fail between evaluations).
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        // Only the page itself: other hosts are blocked, and so are the page's images and styles on 127.0.0.1,
        // which the server does not have anyway.
        if (url.hostname !== '127.0.0.1' || !url.pathname.endsWith('/source.html')) return route.abort();
        const response = await route.fetch();
        return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
      });
      const results: PageSpeed[] = [];
      let done = 0;
      try {
        for (const c of corpus.cases) {
          const page = await context.newPage();
          page.setDefaultTimeout(PAGE_TIMEOUT_MS);
          try {
            const pageUrl = `${server.origin}/${encodeURIComponent(c.id)}/source.html`;
            await page.goto(pageUrl, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
            if (options.against) {
              await page.evaluate(options.against.bundle);
              await page.evaluate(() => {
                (window as unknown as { lecternAgainst: Window['lecternBench'] }).lecternAgainst = window.lecternBench;
              });
            }
            await page.evaluate(bundle);
            const times = await page.evaluate(
              ({ url, orders, warmups, steps }) => {
                const bench = window.lecternBench;
                const other = (window as unknown as { lecternAgainst?: Window['lecternBench'] }).lecternAgainst;
                const lectern: number[] = [];
                const readability: number[] = [];
                const then: number[] = [];
                let found = 0;
                for (let i = 0; i < orders.length; i++) {
                  for (const which of orders[i] ?? []) {
                    const t0 = performance.now();
                    if (which === 'l') found = bench.lecternExtract(document, url, steps);
                    else if (which === 'r') bench.readabilityOnly(document);
                    else other?.lecternExtract(document, url, steps);
                    const dt = performance.now() - t0;
                    if (i >= warmups) (which === 'l' ? lectern : which === 'r' ? readability : then).push(dt);
                  }
                }
                return { lectern, readability, then, found };
              },
              { url: c.url, orders, warmups, steps: options.steps ?? {} },
            );
            if (!times.found) throw new Error('Lectern found no article in Chromium');
            const stages = options.profile
              ? await page.evaluate(
                  ({ url, runs, steps }) => {
                    const all: Record<string, number[]> = {};
                    for (let i = 0; i < runs + 1; i++) {
                      const t = window.lecternBench.lecternProfile(document, url, steps);
                      if (i === 0) continue;
                      for (const [k, v] of Object.entries(t)) (all[k] ??= []).push(v);
                    }
                    const med: Record<string, number> = {};
                    for (const [k, v] of Object.entries(all)) med[k] = v.sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
                    return med;
                  },
                  { url: c.url, runs, steps: options.steps ?? {} },
                )
              : undefined;
            const l = { median: quantile(times.lectern, 0.5), p95: quantile(times.lectern, 0.95) };
            const r = { median: quantile(times.readability, 0.5), p95: quantile(times.readability, 0.95) };
            const a = times.then.length ? { median: quantile(times.then, 0.5), p95: quantile(times.then, 0.95) } : undefined;
            const firstRun = options.firstRuns ? await timeFirstRuns(context, bundle, pageUrl, c.url, options) : undefined;
            results.push({
              id: c.id, lectern: l, readability: r, stages, ratio: r.median > 0 ? l.median / r.median : Number.NaN,
              ...(a ? { against: a, againstRatio: a.median > 0 ? l.median / a.median : Number.NaN } : {}),
              ...(firstRun ? { firstRun } : {}),
            });
          } catch (error) {
            results.push({ id: c.id, error: (error as Error).message.split('\n')[0] ?? 'failed' });
          } finally {
            await page.close().catch(() => undefined);
          }
          options.onPage?.(corpus.name, ++done, corpus.cases.length);
        }
      } finally {
        await context.close().catch(() => undefined);
        await server.close();
      }
      const ok = results.filter((r) => r.lectern && r.readability);
      const lMed = ok.map((r) => r.lectern?.median ?? 0);
      const rMed = ok.map((r) => r.readability?.median ?? 0);
      const ratios = ok.map((r) => r.ratio ?? Number.NaN).filter((x) => Number.isFinite(x));
      const spread = ratioSpread(lMed, rMed);
      const lectern = { median: quantile(lMed, 0.5), p95: quantile(lMed, 0.95) };
      const readability = { median: quantile(rMed, 0.5), p95: quantile(rMed, 0.95) };
      let stages: Record<string, number> | undefined;
      if (options.profile) {
        // Shares of Lectern's own profiled time. The profile runs come after the timed ones, warmer than any of them, so
        // dividing by Readability's timed medians would understate Lectern (it did, by about a third on mid-size pages).
        stages = {};
        const stageSum = ok.reduce((sum, r) => sum + Object.values(r.stages ?? {}).reduce((a, b) => a + b, 0), 0);
        for (const r of ok) for (const [k, v] of Object.entries(r.stages ?? {})) stages[k] = (stages[k] ?? 0) + v / stageSum;
      }
      let against: CorpusSpeed['against'];
      if (options.against) {
        const withThen = ok.filter((r) => r.against && Number.isFinite(r.againstRatio));
        const ratiosThen = withThen.map((r) => r.againstRatio as number);
        const sumThen = withThen.reduce((sum, r) => sum + (r.against?.median ?? 0), 0);
        const sumNow = withThen.reduce((sum, r) => sum + (r.lectern?.median ?? 0), 0);
        against = { rev: options.against.rev, pageRatio: { median: quantile(ratiosThen, 0.5), p95: quantile(ratiosThen, 0.95) }, sumRatio: sumNow / sumThen };
      }
      return {
        corpus: corpus.name,
        stages,
        against,
        ...(options.firstRuns ? { firstRun: firstRunSummary(ok, options.firstRuns) } : {}),
        pages: corpus.cases.length,
        measured: ok.length,
        runs,
        warmups,
        lectern,
        readability,
        ratio: { median: lectern.median / readability.median, p95: lectern.p95 / readability.p95, std: spread.ratio },
        pageRatio: { median: quantile(ratios, 0.5), p95: quantile(ratios, 0.95), std: spread.pageRatio },
        results,
      };
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
