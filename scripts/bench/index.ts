/**
 * `npm run -s bench -- [--corpus <dir> ...] [--json <file>] [--write-docs] [options]`
 *
 * Measures Lectern against raw @mozilla/readability and Defuddle: quality on every corpus (metric.ts, quality.ts),
 * what a reader sees of formulas, code and embeds on the fidelity fixtures (fidelity.ts),
 * the speed a reader feels (click.ts: click to article in the real extension; first-read.ts: a cold first read),
 * speed of warmed code in Chromium (speed.ts) and bundle size (size.ts). Prints a table; --json writes everything
 * (per page too); --write-docs rewrites docs/benchmarks.md and docs/benchmarks.svg. It never fails on a number: exit 0 unless the
 * command itself is wrong (2) or the bench broke (1).
 *
 * Options:
 *   --corpus <dir>       a folder of cases (<id>/source.html + meta.json [+ truth.txt | snippets.json | expected.html]);
 *                        repeatable. Default: aeb, readability-0.6.0 and trafilatura-dev in $LECTERN_CORPORA (speed
 *                        times the first two of them; given corpora are all timed).
 *   --limit <n>          only the first n cases of each corpus.       --quick   = --limit 25 --runs 4 --warmups 4
 *   --runs <n>           timed runs per page and engine in Chromium (default 20; rounded up to an even number, so each
 *                        engine follows each other one as often: speed.ts `runOrders`).
 *   --warmups <n>        untimed rounds before them (default 10: speed.ts `WARMUPS` says why).
 *   --engines <list>     quality engines, from lectern,readability,defuddle (default all).
 *   --steps <a=false,..> Lectern step switches for the whole run.
 *   --ablate <list|all>  also score Lectern with each listed step switched off (before/after per step).
 *   --workers <n>        quality worker processes (default: one a core; 0 = in process).
 *   --profile            also time each stage of Lectern's pipeline in Chromium (a table of where the time goes).
 *   --against REV        also time git revision REV's pipeline in the same pages, alternating: what a change did to speed
 *                        (warm, and the cold first read: REV's bundle read on the same pages in turn).
 *   --first-runs <n>     also load each page n more times and time each engine's first run there (a reader's first read).
 *   --no-captions        skip the captions section of the quality run (captions.ts); corpora without truth then run
 *                        Lectern alone again.
 *   --click / --no-click click to article (click.ts; on by default): the E2E build of the extension (built into
 *                        out/bench/dist-e2e/) in Chromium reads the first --click-pages pages of the first timed corpus
 *                        (aeb by default) through the real toolbar popup and side panel, first open and repeat; from
 *                        the click to the loading state and to the article painted, median and p95, with where the time
 *                        goes (each step stamped in the worker, the page and the view), an empty popup's floor, and the
 *                        page's longest task while Lectern reads the stress pages (stress.ts).
 *   --click-pages <n>    pages for --click (default 20: a few minutes).
 *   --first-read / --no-first-read
 *                        a cold first read (first-read.ts; on by default): per page and engine a new browser context, the
 *                        engine's own bundle evaluated on the freshly loaded page and one run timed; Lectern vs raw
 *                        Readability (eval, run, total; median, p95, ratio), on the first timed corpus.
 *   --first-read-pages <n> pages for --first-read (default 60).
 *   --first-read-eager   also read each engine with every function compiled while its bundle is evaluated (V8's
 *                        compile hint): the compile floor its code size sets (first-read.ts).
 *                        --quick also sets --click-pages 5 and --first-read-pages 20 unless given.
 *   --fidelity / --no-fidelity
 *                        fidelity (fidelity.ts; on by default, a few seconds): every tests/pages/fidelity--* fixture read
 *                        by each --engines engine under jsdom and checked as the unit test checks Lectern (formulas,
 *                        code, embeds, docs markup); per page "yes" or the number of problems, Lectern's listed.
 *   --no-quality --no-speed --no-size --no-cache
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { STEP_NAMES, type StepName } from '../../src/extract/index';
import { CORPUS_NAMES, corporaDir } from '../lib/corpora';
import { ENGINES, type EngineName } from './engines';
import { engineVersion, measureQuality, ROOT } from './quality';
import { markdownReport, svgChart, textReport, type Ablation, type BenchResult } from './report';
import { measureSize } from './size';
import { measureClick } from './click';
import { measureFidelity } from './fidelity';
import { buildAgainstFirstReadBundle, measureFirstRead } from './first-read';
import { buildAgainstBundle, buildBenchBundle, startSpeedSession } from './speed';
import { measureStress } from './stress';

/** The corpora in LECTERN_CORPORA (default ../shared/corpora): scripts/lib/corpora.ts. */
export const DEFAULT_CORPORA = CORPUS_NAMES.map((name) => join(corporaDir(), name));
/** Timed by default: two corpora of news pages are enough to time, and 300 more pages would double the run. */
export const SPEED_CORPORA = DEFAULT_CORPORA.slice(0, 2);
/** Steps --ablate all switches off in turn: every step (Readability is not one). */
const ABLATABLE: StepName[] = [...STEP_NAMES];

interface Args {
  corpora: string[];
  /** The corpora timed in Chromium: those given, or by default aeb and readability-0.6.0 (SPEED_CORPORA). */
  speedCorpora: string[];
  json?: string;
  writeDocs: boolean;
  limit?: number;
  runs?: number;
  warmups?: number;
  engines: EngineName[];
  steps?: Partial<Record<StepName, boolean>>;
  ablate: StepName[];
  workers?: number;
  quality: boolean;
  speed: boolean;
  size: boolean;
  cache: boolean;
  captions: boolean;
  profile: boolean;
  firstRuns?: number;
  /** Also time this git revision's pipeline in the same pages (speed). */
  against?: string;
  /** --quick was given (fewer pages for --click and --first-read too). */
  quickPages?: boolean;
  /** Click to article in the real extension (click.ts), on this many pages. */
  click: boolean;
  clickPages?: number;
  /** A cold first read per engine (first-read.ts), on this many pages. */
  firstRead: boolean;
  firstReadPages?: number;
  /** Also read each engine with all its code compiled while evaluated (first-read.ts: the compile floor). */
  firstReadEager?: boolean;
  /** The fidelity fixtures read by each engine (fidelity.ts). */
  fidelity: boolean;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function positiveInt(v: string | undefined, name: string, min = 1): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) usage(`${name} needs an integer >= ${min}`);
  return n;
}

function stepName(s: string): StepName {
  if (!(STEP_NAMES as readonly string[]).includes(s)) usage(`unknown step ${s} (steps: ${STEP_NAMES.join(', ')})`);
  return s as StepName;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { corpora: [], speedCorpora: [], writeDocs: false, engines: [...ENGINES], ablate: [], quality: true, speed: true, size: true, cache: true, captions: true, profile: false, click: true, firstRead: true, fidelity: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--corpus') a.corpora.push(resolve(value()));
    else if (arg === '--json') a.json = resolve(value());
    else if (arg === '--write-docs') a.writeDocs = true;
    else if (arg === '--limit') a.limit = positiveInt(value(), '--limit');
    else if (arg === '--runs') a.runs = positiveInt(value(), '--runs');
    else if (arg === '--warmups') a.warmups = positiveInt(value(), '--warmups', 0);
    else if (arg === '--quick') {
      a.limit ??= 25;
      a.runs ??= 4;
      a.warmups ??= 4;
      a.quickPages = true;
    } else if (arg === '--workers') a.workers = positiveInt(value(), '--workers', 0);
    else if (arg === '--engines') {
      a.engines = value().split(',').map((e) => {
        if (!(ENGINES as readonly string[]).includes(e)) usage(`unknown engine ${e} (engines: ${ENGINES.join(', ')})`);
        return e as EngineName;
      });
    } else if (arg === '--steps') {
      a.steps = {};
      for (const pair of value().split(',')) {
        const [name, on] = pair.split('=');
        a.steps[stepName(name ?? '')] = on !== 'false' && on !== 'off' && on !== '0';
      }
    } else if (arg === '--ablate') {
      const v = value();
      a.ablate = v === 'all' ? ABLATABLE : v.split(',').map(stepName);
    } else if (arg === '--no-quality') a.quality = false;
    else if (arg === '--no-speed') a.speed = false;
    else if (arg === '--no-size') a.size = false;
    else if (arg === '--no-cache') a.cache = false;
    else if (arg === '--no-captions') a.captions = false;
    else if (arg === '--profile') a.profile = true;
    else if (arg === '--against') a.against = value();
    else if (arg === '--first-runs') a.firstRuns = positiveInt(value(), '--first-runs');
    else if (arg === '--click') a.click = true;
    else if (arg === '--no-click') a.click = false;
    else if (arg === '--click-pages') a.clickPages = positiveInt(value(), '--click-pages');
    else if (arg === '--first-read') a.firstRead = true;
    else if (arg === '--no-first-read') a.firstRead = false;
    else if (arg === '--first-read-pages') a.firstReadPages = positiveInt(value(), '--first-read-pages');
    else if (arg === '--first-read-eager') a.firstReadEager = true;
    else if (arg === '--fidelity') a.fidelity = true;
    else if (arg === '--no-fidelity') a.fidelity = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run -s bench -- [--corpus <dir> ...] [--json <file>] [--write-docs] [--quick | --limit n] [--runs n] [--warmups n]\n' +
        '  [--engines lectern,readability,defuddle] [--steps name=false,...] [--ablate all|name,...] [--workers n]\n' +
        '  [--profile] [--against <git-rev>] [--first-runs n] [--no-quality] [--no-speed] [--no-size] [--no-cache] [--no-captions]\n' +
        '  [--click | --no-click] [--click-pages n] [--first-read | --no-first-read] [--first-read-pages n] [--first-read-eager]\n' +
        '  [--fidelity | --no-fidelity]\n');
      process.exit(0);
    } else usage(`unknown option ${arg}`);
  }
  if (a.quickPages) {
    a.clickPages ??= 5;
    a.firstReadPages ??= 20;
  }
  if (a.corpora.length === 0) {
    a.corpora = DEFAULT_CORPORA;
    a.speedCorpora = SPEED_CORPORA;
  } else a.speedCorpora = a.corpora;
  return a;
}

function progress(what: string): (corpus: string, done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  return (corpus, done, total) => {
    if (tty) process.stderr.write(`\r${what} ${corpus}: ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done === total || done % 25 === 0) process.stderr.write(`${what} ${corpus}: ${done}/${total}\n`);
  };
}

export async function runBench(a: Args): Promise<BenchResult> {
  const result: BenchResult = {
    date: new Date().toISOString(),
    node: process.versions.node,
    versions: { lectern: engineVersion('lectern'), readability: engineVersion('readability'), defuddle: engineVersion('defuddle') },
    quality: [],
    ablations: [],
    speed: [],
    stress: [],
    size: null,
    click: null,
    firstRead: null,
    fidelity: null,
  };
  if (a.quality) {
    for (const dir of a.corpora) {
      const q = await measureQuality(dir, { engines: a.engines, steps: a.steps, workers: a.workers, limit: a.limit, cache: a.cache, captions: a.captions, onPage: progress('quality') });
      result.quality.push(q);
      if (!q.hasTruth && !q.hasSnippets && !q.results.some((r) => r.engines.lectern?.expectedRecall !== undefined)) continue;
      for (const step of a.ablate) {
        const off = await measureQuality(dir, { engines: ['lectern'], steps: { ...a.steps, [step]: false }, workers: a.workers, limit: a.limit, cache: a.cache, captions: false, onPage: progress(`without ${step}`) });
        const without = off.engines.lectern;
        if (without) result.ablations.push({ step, corpus: q.corpus, without, lost: off.lost.length } satisfies Ablation);
      }
    }
  }
  if (a.fidelity) result.fidelity = measureFidelity({ engines: a.engines, steps: a.steps, onPage: progress('fidelity') });
  if (a.speed) {
    const against = a.against ? { rev: a.against, bundle: await buildAgainstBundle(a.against) } : undefined;
    const session = await startSpeedSession();
    try {
      for (const dir of a.speedCorpora) {
        result.speed.push(await session.measure(dir, { runs: a.runs, warmups: a.warmups, limit: a.limit, steps: a.steps, profile: a.profile, against, firstRuns: a.firstRuns, onPage: progress('speed') }));
      }
    } finally {
      await session.close();
    }
    result.stress = await measureStress(await buildBenchBundle());
  }
  const timedCorpus = a.speedCorpora[0];
  if (a.click && timedCorpus) result.click = await measureClick(timedCorpus, { pages: a.clickPages, onPage: progress('click') });
  if (a.firstRead && timedCorpus) {
    const against = a.against ? { rev: a.against, bundle: await buildAgainstFirstReadBundle(a.against) } : undefined;
    result.firstRead = await measureFirstRead(timedCorpus, { pages: a.firstReadPages, against, eager: a.firstReadEager, onPage: progress('first read') });
  }
  if (a.size) result.size = measureSize();
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const result = await runBench(args);
  process.stdout.write(`${textReport(result)}\n`);
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(result, null, 1)}\n`);
    process.stderr.write(`bench: wrote ${args.json}\n`);
  }
  if (args.writeDocs) {
    const docs = join(ROOT, 'docs');
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, 'benchmarks.svg'), svgChart(result));
    writeFileSync(join(docs, 'benchmarks.md'), `${markdownReport(result, 'benchmarks.svg')}\n`);
    process.stderr.write('bench: wrote docs/benchmarks.md and docs/benchmarks.svg\n');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(join(ROOT, 'scripts', 'bench', 'index.ts'))) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
