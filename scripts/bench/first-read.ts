/**
 * First read, cold: what one engine costs on a page it has never seen, with code it has never run. Per page and
 * engine: a new browser context (so a new renderer process: no compiled code, no caches from earlier pages), the page
 * loaded with its own JavaScript off, then the engine's own bundle (first-entry-lectern.ts or
 * first-entry-readability.ts, each holding only its engine) evaluated in it and ONE run timed. Reported per engine:
 * evaluating the bundle (parse, compile, top-level code), the run, and both together; median and p95 over pages, and
 * the ratios Lectern / Readability. `speed.ts` times warmed code (and `--first-runs`, a first run on a new page with
 * the code warmed on a copy); this is neither. With `--against REV`, REV's Lectern bundle is read the same way on the
 * same pages, in turn with this tree's: what a change did to the first read, far steadier than two separate runs.
 * With `--first-read-eager`, each engine is also read with every function compiled while its bundle is evaluated
 * (V8's `//# allFunctionsCalledOnLoad` hint, which Chromium follows for a script element, not for `eval`): then *eval*
 * is the whole bundle's compile and *run* has no compile in it, the compile floor each engine's code sets.
 * Time never decides pass or fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../lib/chromium';
import { serveStatic } from '../lib/serve';
import { readCorpus, readSource } from './corpus';
import { ROOT } from './quality';
import { inWorktree, quantile } from './speed';

export const FIRST_READ_ENGINES = ['lectern', 'readability'] as const;
export type FirstReadEngine = (typeof FIRST_READ_ENGINES)[number];
/** Pages read by default (--first-read-pages). */
export const FIRST_READ_PAGES = 60;
const PAGE_TIMEOUT_MS = 60_000;
/** Quiet time after the page's load before the bundle is evaluated. */
const SETTLE_MS = 100;
/** The script element's nonce for `--first-read-eager` (the page's own scripts carry none). */
const NONCE = 'lectern-bench';
/** The page's own scripts stay off; `eval` and the bench's own script element are allowed, for the bundle. */
const PAGE_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `script-src 'unsafe-eval' 'nonce-${NONCE}'` };
/** V8's compile hint: every function of the script compiled while it is evaluated. */
const EAGER_HINT = '//# allFunctionsCalledOnLoad\n';

export interface FirstReadTimes {
  /** Evaluating the bundle: parse, compile and its top-level code (ms). */
  evalMs: number;
  /** The one run (ms). */
  runMs: number;
  /** Output length (0: nothing found). */
  found: number;
  /** Lectern only: each stage's share of the run (ms), from the pipeline's stopwatch. */
  stages?: Record<string, number>;
}

export interface FirstReadPage {
  id: string;
  lectern?: FirstReadTimes;
  readability?: FirstReadTimes;
  /** With `--against`: the other revision's Lectern. */
  against?: FirstReadTimes;
  /** With `--first-read-eager`: each engine with every function compiled while its bundle is evaluated. */
  lecternEager?: FirstReadTimes;
  readabilityEager?: FirstReadTimes;
  error?: string;
}

/** With `--against`: the other revision's Lectern, and this tree's over it per page. */
export interface FirstReadAgainst {
  rev: string;
  eval: QuantilePair;
  run: QuantilePair;
  total: QuantilePair;
  bytes: number;
  /** This tree / the revision: the median of the per-page ratios of the totals and of the runs. */
  pageTotal: number;
  pageRun: number;
}

export interface QuantilePair {
  median: number;
  p95: number;
}

export interface FirstReadEngineSummary {
  eval: QuantilePair;
  run: QuantilePair;
  total: QuantilePair;
  /** The bundle's size in bytes (minified, not gzipped). */
  bytes: number;
}

export interface FirstReadResult {
  corpus: string;
  pages: number;
  measured: number;
  lectern: FirstReadEngineSummary;
  readability: FirstReadEngineSummary;
  /** Lectern / Readability: ratio of the medians, and the median of the per-page ratios. */
  ratio: { eval: number; run: number; total: number; pageTotal: number; pageRun: number };
  /** Lectern's cold run stage by stage, in pipeline order: median and mean ms over the pages. */
  stages: { stage: string; median: number; mean: number }[];
  against?: FirstReadAgainst;
  /** With `--first-read-eager`, over the pages all four reads read: each engine compiled whole while evaluated. */
  eager?: Record<FirstReadEngine, Pick<FirstReadEngineSummary, 'eval' | 'run' | 'total'>>;
  results: FirstReadPage[];
}

/** Over the pages both trees read: the other revision's quantiles and this tree's per-page ratios to it. */
export function againstSummary(results: readonly FirstReadPage[], rev: string, bytes: number): FirstReadAgainst {
  const ok = results.filter((r): r is FirstReadPage & Required<Pick<FirstReadPage, 'lectern' | 'against'>> => !!r.lectern && !!r.against);
  return {
    rev,
    ...timesSummary(ok.map((r) => r.against)),
    bytes,
    pageTotal: quantile(ok.map((r) => (r.lectern.evalMs + r.lectern.runMs) / (r.against.evalMs + r.against.runMs)), 0.5),
    pageRun: quantile(ok.map((r) => r.lectern.runMs / r.against.runMs), 0.5),
  };
}

/** Revision `rev`'s Lectern first-read bundle (built in a temporary worktree). */
export async function buildAgainstFirstReadBundle(rev: string): Promise<string> {
  return inWorktree(rev, 'against-first-read', async (dir) => (await buildFirstReadBundles(dir)).lectern);
}

const pair = (values: readonly number[]): QuantilePair => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95) });

/** Eval, run and total quantiles of one engine's times over the pages. */
function timesSummary(times: readonly FirstReadTimes[]): Pick<FirstReadEngineSummary, 'eval' | 'run' | 'total'> {
  return { eval: pair(times.map((t) => t.evalMs)), run: pair(times.map((t) => t.runMs)), total: pair(times.map((t) => t.evalMs + t.runMs)) };
}

/** Over the pages both engines read: per engine the eval, run and total quantiles; the ratios Lectern / Readability. */
export function firstReadSummary(results: readonly FirstReadPage[], bytes: Record<FirstReadEngine, number>): Omit<FirstReadResult, 'corpus' | 'pages' | 'results'> {
  const ok = results.filter((r): r is FirstReadPage & Required<Pick<FirstReadPage, FirstReadEngine>> => !!r.lectern && !!r.readability);
  const engine = (e: FirstReadEngine): FirstReadEngineSummary => ({ ...timesSummary(ok.map((r) => r[e])), bytes: bytes[e] });
  const lectern = engine('lectern');
  const readability = engine('readability');
  const names: string[] = [];
  for (const r of ok) for (const name of Object.keys(r.lectern.stages ?? {})) if (!names.includes(name)) names.push(name);
  const stages = names.map((stage) => {
    const values = ok.map((r) => r.lectern.stages?.[stage] ?? 0);
    return { stage, median: quantile(values, 0.5), mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length) };
  });
  return {
    measured: ok.length,
    stages,
    lectern,
    readability,
    ratio: {
      eval: lectern.eval.median / readability.eval.median,
      run: lectern.run.median / readability.run.median,
      total: lectern.total.median / readability.total.median,
      pageTotal: quantile(ok.map((r) => (r.lectern.evalMs + r.lectern.runMs) / (r.readability.evalMs + r.readability.runMs)), 0.5),
      pageRun: quantile(ok.map((r) => r.lectern.runMs / r.readability.runMs), 0.5),
    },
  };
}

/** Build each engine's bundle (IIFE, minified, as the speed bench's) into out/bench/; returns their sources. */
export async function buildFirstReadBundles(root = ROOT): Promise<Record<FirstReadEngine, string>> {
  const outDir = join(root, 'out', 'bench');
  const out = {} as Record<FirstReadEngine, string>;
  for (const engine of FIRST_READ_ENGINES) {
    const fileName = `first-${engine}.js`;
    await build({
      configFile: false,
      logLevel: 'error',
      root,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'chrome116',
        minify: true,
        lib: { entry: join(root, 'scripts', 'bench', `first-entry-${engine}.ts`), formats: ['iife'], name: `lecternFirst_${engine}`, fileName: () => fileName },
      },
    });
    out[engine] = readFileSync(join(outDir, fileName), 'utf8');
  }
  return out;
}

export interface FirstReadOptions {
  /** Pages of the corpus (default FIRST_READ_PAGES). */
  pages?: number;
  onPage?: (what: string, done: number, total: number) => void;
  /** Another revision's Lectern bundle (`buildAgainstFirstReadBundle`), read on every page too. */
  against?: { rev: string; bundle: string };
  /** Also read each engine compiled whole while its bundle is evaluated (the compile floor; see the file comment). */
  eager?: boolean;
}

type Read = FirstReadEngine | 'against' | 'lecternEager' | 'readabilityEager';

/** Over the pages with all four reads: each engine's quantiles compiled whole. */
export function eagerSummary(results: readonly FirstReadPage[]): FirstReadResult['eager'] {
  const ok = results.filter((r) => r.lecternEager && r.readabilityEager && r.lectern && r.readability);
  return {
    lectern: timesSummary(ok.map((r) => r.lecternEager as FirstReadTimes)),
    readability: timesSummary(ok.map((r) => r.readabilityEager as FirstReadTimes)),
  };
}

export async function measureFirstRead(dir: string, options: FirstReadOptions = {}): Promise<FirstReadResult> {
  const corpus = readCorpus(dir, options.pages ?? FIRST_READ_PAGES);
  const bundles = await buildFirstReadBundles();
  const server = await serveStatic('/nonexistent-lectern-root');
  for (const c of corpus.cases) server.put(`/${c.id}/source.html`, readSource(c), PAGE_HEADERS);
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const sourceFor = (read: Read): string =>
    read === 'against' ? (options.against?.bundle ?? '') : read === 'lecternEager' ? EAGER_HINT + bundles.lectern : read === 'readabilityEager' ? EAGER_HINT + bundles.readability : bundles[read];
  const results: FirstReadPage[] = [];
  let done = 0;
  try {
    for (const [i, c] of corpus.cases.entries()) {
      const row: FirstReadPage = { id: c.id };
      // Which engine goes first turns (each runs in its own context, but the machine is shared).
      const engines: Read[] = ['lectern', 'readability', ...(options.against ? ['against' as const] : []), ...(options.eager ? ['lecternEager' as const, 'readabilityEager' as const] : [])];
      const order = engines.map((_, k) => engines[(i + k) % engines.length] as Read);
      try {
        for (const engine of order) {
          const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
          try {
            const page = await context.newPage();
            page.setDefaultTimeout(PAGE_TIMEOUT_MS);
            await page.goto(`${server.origin}/${c.id}/source.html`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
            await page.waitForTimeout(SETTLE_MS);
            row[engine] = await page.evaluate(
              ({ source, url, nonce }) => {
                const t0 = performance.now();
                if (nonce) {
                  // A script element: Chromium follows the compile hint for it (not for eval); it runs on insertion.
                  const script = document.createElement('script');
                  script.nonce = nonce;
                  script.textContent = source;
                  document.head.append(script);
                } else {
                  // Indirect eval: the bundle runs as a script in the page's global scope, compiled here and now.
                  (0, eval)(source);
                }
                const t1 = performance.now();
                const stages: Record<string, number> = {};
                const found = window.lecternFirstRead?.run(document, url, stages) ?? 0;
                const t2 = performance.now();
                return { evalMs: t1 - t0, runMs: t2 - t1, found, ...(Object.keys(stages).length ? { stages } : {}) };
              },
              { source: sourceFor(engine), url: c.url, nonce: engine.endsWith('Eager') ? NONCE : '' },
            );
          } finally {
            await context.close().catch(() => undefined);
          }
        }
      } catch (error) {
        row.error = (error as Error).message.split('\n')[0] ?? 'failed';
      }
      results.push(row);
      options.onPage?.(corpus.name, ++done, corpus.cases.length);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  const bytes = { lectern: Buffer.byteLength(bundles.lectern), readability: Buffer.byteLength(bundles.readability) };
  const against = options.against ? { against: againstSummary(results, options.against.rev, Buffer.byteLength(options.against.bundle)) } : {};
  const eager = options.eager ? { eager: eagerSummary(results) } : {};
  return { corpus: corpus.name, pages: corpus.cases.length, results, ...firstReadSummary(results, bytes), ...against, ...eager };
}
