/**
 * Quality: each engine's text on each page, scored with the benchmark metric (metric.ts) against `truth.txt`, with the
 * snippet metric (snippets.ts) against `snippets.json`, and, on corpora with `expected.html` (Readability's own output), Lectern's recall of that text: a page "loses its article"
 * when Lectern finds none or keeps less than LOST_RECALL of it.
 *
 * Pages run in worker processes (one a core by default). Readability's and Defuddle's outputs depend only on the page
 * and their pinned versions, so they are cached under out/bench/cache/ (Defuddle under jsdom takes seconds a page).
 *
 * Captions (captions.ts): on every page, each engine's repeated blocks, widget words, distinct photos, and the caption
 * texts raw Readability shows that Lectern loses. They need every engine's output, so with captions on (the default)
 * corpora without truth run Readability and Defuddle too (cached like the rest; only Lectern is scored there).
 */
import { createHash } from 'node:crypto';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { blockText } from '../../src/extract/text';
import type { StepName } from '../../src/extract/types';
import { readCorpus, readExpected, readSnippets, readSource, readTruth, type Case, type Corpus } from './corpus';
import { pageCaptions, summarizeCaptions, type CaptionsSummary, type PageCaptions } from './captions';
import { ENGINES, runPage, type EngineName, type EngineOutput } from './engines';
import { bootstrap, f1Of, scorePage, summarize, type PageScore, type Spread, type Summary } from './metric';
import { scoreSnippets, summarizeSnippets, type SnippetPage, type SnippetSummary } from './snippets';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const CACHE_DIR = join(ROOT, 'out', 'bench', 'cache');
/**
 * A Lectern text with less than this share of Readability's expected text's shingles has lost the article: the bar
 * the regression test holds every page to (tests/corpus/readability-corpus.test.ts imports it). A lost article keeps
 * next to nothing; intended caption clean-ups alone cost up to about a quarter, since the metric counts 4-word
 * shingles (nytimes-5 keeps every word of Readability's text, yet scores 0.764: its 20 "Photo" labels go and its
 * "CreditKevin Frayer" runs become "Kevin Frayer"). The lowest recalls are listed beside the count (`lowest`).
 */
export const LOST_RECALL = 0.65;
/** How many of the lowest-recall pages the report lists. */
export const LOWEST_LISTED = 3;

const VERSIONS: Record<EngineName, string> = {
  lectern: 'working-tree',
  readability: readVersion('@mozilla/readability'),
  defuddle: readVersion('defuddle'),
};

function readVersion(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function engineVersion(engine: EngineName): string {
  return VERSIONS[engine];
}

export interface EnginePage {
  chars: number;
  error?: string;
  refused?: boolean;
  /** Node-DOM milliseconds (labelled as such wherever shown). */
  ms: number;
  /** Against truth.txt, when the case has one. */
  score?: PageScore;
  /** Against truth.txt with the output's photo captions (`figcaption`) left out: see `textWithoutCaptions`. */
  scoreNoCaptions?: PageScore;
  /** Against snippets.json, when the case has one. */
  snippets?: SnippetPage;
  /** Lectern only, on cases with expected.html: recall of Readability's expected text. */
  expectedRecall?: number;
  /** The captions section's figures for this engine on this page (captions.ts). */
  captions?: PageCaptions;
}

export interface PageResult {
  id: string;
  parseMs: number;
  domError?: string;
  engines: Partial<Record<EngineName, EnginePage>>;
}

export interface EngineQuality extends Summary {
  spread: Spread;
  failures: number;
  refused: number;
  /** The pages refused, in corpus order. */
  refusedIds: string[];
  /** The snippet metric over the pages with snippets.json (absent when there are none). */
  snippets?: SnippetSummary;
  /** Against truth.txt with photo captions not counted (absent without truth): a diagnostic, not the score. */
  noCaptions?: Summary;
  /** Sum of Node-DOM milliseconds over the corpus. */
  nodeMs: number;
}

export interface CorpusQuality {
  corpus: string;
  dir: string;
  pages: number;
  hasTruth: boolean;
  hasSnippets: boolean;
  domErrors: string[];
  engines: Partial<Record<EngineName, EngineQuality>>;
  /** Pages where Lectern's per-page F1 is below raw Readability's, worst first. */
  worseThanReadability: { id: string; lectern: number; readability: number; delta: number }[];
  /** Pages with expected.html where Lectern lost the article (no text, or recall below LOST_RECALL). */
  lost: { id: string; recall: number; error?: string }[];
  /** The LOWEST_LISTED pages with the lowest recall of expected.html, lowest first (kept or not). */
  lowest: { id: string; recall: number }[];
  /** The captions section (absent when it was switched off): every engine that ran, scored or not. */
  captions?: CaptionsSummary;
  results: PageResult[];
}

export interface QualityOptions {
  engines?: readonly EngineName[];
  steps?: Partial<Record<StepName, boolean>>;
  /** Worker processes; 0 runs in this process. */
  workers?: number;
  limit?: number;
  cache?: boolean;
  /** Measure the captions section (default true). */
  captions?: boolean;
  /** Called after each page, for progress. */
  onPage?: (corpus: string, done: number, total: number) => void;
}

export interface Job {
  id: string;
  dir: string;
  url: string;
  hasTruth: boolean;
  hasSnippets: boolean;
  hasExpected: boolean;
  engines: EngineName[];
  steps?: Partial<Record<StepName, boolean>>;
  cache: boolean;
  captions: boolean;
}

/** How text is taken from an engine's HTML: a change to either file changes every cached text. */
const TEXT_CODE = ['src/extract/text.ts', 'src/ui/sanitize.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
/**
 * What a cache entry holds; part of the key, so entries of another layout are never read. 2: `html` (sanitized) and
 * Readability's `classHtml` (run with keepClasses) beside the text.
 */
const CACHE_FORMAT = 'engine-output-v2';

function cacheFile(engine: EngineName, source: string, url: string): string {
  const key = createHash('sha256').update(`${CACHE_FORMAT}\n${url}\n${source}\n${TEXT_CODE}`).digest('hex').slice(0, 32);
  return join(CACHE_DIR, `${engine}-${VERSIONS[engine]}`, `${key}.json`);
}

/** The block text of `html`, with the elements `leaveOut` selects removed first. */
function textOfHtml(html: string, leaveOut?: string): string {
  const dom = new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() });
  try {
    const template = dom.window.document.createElement('template');
    template.innerHTML = html;
    if (leaveOut) for (const el of Array.from(template.content.querySelectorAll(leaveOut))) el.remove();
    return blockText(template.content);
  } finally {
    dom.window.close();
  }
}

/**
 * The text of an engine's (sanitized) HTML with its photo captions left out: every `figcaption`. aeb's truth leaves
 * captions and credits out, while Lectern keeps one caption per photo by design; scoring without them shows how much
 * of the gap to the truth is that choice. Readability and Defuddle keep captions too, so all engines are scored so.
 */
export function textWithoutCaptions(html: string): string {
  return textOfHtml(html, 'figcaption');
}

function caseOf(job: Job): Case {
  return { id: job.id, dir: job.dir, url: job.url, hasTruth: job.hasTruth, hasSnippets: job.hasSnippets, hasExpected: job.hasExpected };
}

/** Run one page: every engine (cached ones from the cache), scored against the case's truth and expected text. */
export function runJob(job: Job): PageResult {
  const c = caseOf(job);
  const source = readSource(c);
  const outputs: Partial<Record<EngineName, EngineOutput>> = {};
  const toRun: EngineName[] = [];
  for (const engine of job.engines) {
    const file = cacheFile(engine, source, job.url);
    const cached = job.cache && engine !== 'lectern' && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EngineOutput) : undefined;
    // An entry with text but no HTML is of an older layout (the key changed with it; this guards a hand-copied one).
    if (cached && (cached.html !== undefined || !cached.text)) outputs[engine] = cached;
    else toRun.push(engine);
  }
  let parseMs = 0;
  let domError: string | undefined;
  if (toRun.length) {
    const run = runPage(source, job.url, { engines: toRun, steps: job.steps });
    parseMs = run.parseMs;
    domError = run.domError;
    for (const engine of toRun) {
      const out = run.outputs[engine] ?? { text: '', error: `DOM: ${run.domError ?? 'unknown'}`, ms: 0 };
      outputs[engine] = out;
      if (job.cache && engine !== 'lectern') {
        const file = cacheFile(engine, source, job.url);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(out));
      }
    }
  }
  const truth = readTruth(c);
  const snippets = readSnippets(c);
  const expected = readExpected(c);
  const expText = expected === null ? null : textOfHtml(expected);
  const captions = job.captions ? pageCaptions(outputs) : {};
  const engines: PageResult['engines'] = {};
  for (const engine of job.engines) {
    const out = outputs[engine] as EngineOutput;
    const page: EnginePage = { chars: out.text.length, ms: out.ms };
    if (out.error) page.error = out.error;
    if (out.refused) page.refused = true;
    if (truth !== null) {
      page.score = scorePage(out.text, truth);
      page.scoreNoCaptions = out.html && out.html.includes('<figcaption') ? scorePage(textWithoutCaptions(out.html), truth) : page.score;
    }
    if (snippets !== null) page.snippets = scoreSnippets(out.text, snippets);
    if (expText !== null && engine === 'lectern') page.expectedRecall = scorePage(out.text, expText).recall;
    if (captions[engine]) page.captions = captions[engine];
    engines[engine] = page;
  }
  if (!domError && Object.values(outputs).some((o) => o?.error?.startsWith('DOM: '))) {
    domError = Object.values(outputs).find((o) => o?.error?.startsWith('DOM: '))?.error?.slice(5);
  }
  return { id: job.id, parseMs, ...(domError ? { domError } : {}), engines };
}

function jobsFor(corpus: Corpus, options: QualityOptions): Job[] {
  return corpus.cases.map((c) => ({
    id: c.id,
    dir: c.dir,
    url: c.url,
    hasTruth: c.hasTruth,
    hasSnippets: c.hasSnippets,
    hasExpected: c.hasExpected,
    engines: [...(options.engines ?? ENGINES)],
    ...(options.steps ? { steps: options.steps } : {}),
    cache: options.cache ?? true,
    captions: options.captions ?? true,
  }));
}

/** Run `jobs` over `workers` child processes (in this process when 0), results in job order. */
async function runJobs(jobs: Job[], workers: number, onDone: () => void): Promise<PageResult[]> {
  const results: PageResult[] = new Array<PageResult>(jobs.length);
  if (workers <= 0 || jobs.length <= 1) {
    jobs.forEach((job, i) => {
      results[i] = runJob(job);
      onDone();
    });
    return results;
  }
  let next = 0;
  const worker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = fork(join(HERE, 'quality-worker.ts'), [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      let current = -1;
      const send = (): void => {
        if (next >= jobs.length) {
          child.disconnect();
          return;
        }
        current = next++;
        child.send(jobs[current] as Job);
      };
      child.on('message', (msg: PageResult) => {
        results[current] = msg;
        onDone();
        send();
      });
      child.on('exit', (code) => {
        if (current >= 0 && !results[current]) {
          // The worker died on this page (out of memory, a hard crash): that page fails (scored as no text), the run goes on.
          const job = jobs[current] as Job;
          const snippets = readSnippets(caseOf(job));
          results[current] = {
            id: job.id,
            parseMs: 0,
            domError: `worker exited with code ${code}`,
            engines: Object.fromEntries(job.engines.map((e) => [e, {
              chars: 0, ms: 0, error: 'worker crashed', ...(snippets ? { snippets: scoreSnippets('', snippets) } : {}),
            }])),
          };
          onDone();
          worker().then(resolve, reject);
        } else resolve();
      });
      child.on('error', reject);
      send();
    });
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, worker));
  return results;
}

export function summarizeCorpus(corpus: Corpus, results: PageResult[], engines: readonly EngineName[]): CorpusQuality {
  const withCaptions = results.some((r) => Object.values(r.engines).some((p) => p?.captions));
  const captions = withCaptions
    ? summarizeCaptions(results.map((r) => ({
      id: r.id,
      captions: Object.fromEntries(Object.entries(r.engines).filter(([, p]) => p?.captions).map(([e, p]) => [e, p?.captions])),
    })))
    : undefined;
  const out: CorpusQuality = {
    corpus: corpus.name,
    dir: corpus.dir,
    pages: results.length,
    hasTruth: corpus.hasTruth,
    hasSnippets: corpus.hasSnippets,
    domErrors: results.filter((r) => r.domError).map((r) => r.id),
    engines: {},
    worseThanReadability: [],
    lost: [],
    lowest: [],
    ...(captions ? { captions } : {}),
    results,
  };
  for (const engine of engines) {
    const pages = results.map((r) => r.engines[engine]).filter((p): p is EnginePage => Boolean(p));
    const scores = pages.map((p) => p.score).filter((s): s is PageScore => Boolean(s));
    const snippets = pages.map((p) => p.snippets).filter((s): s is SnippetPage => Boolean(s));
    const noCaptions = pages.map((p) => p.scoreNoCaptions).filter((s): s is PageScore => Boolean(s));
    const refusedIds = results.filter((r) => r.engines[engine]?.refused).map((r) => r.id);
    out.engines[engine] = {
      ...summarize(scores),
      spread: bootstrap(scores),
      failures: pages.filter((p) => p.error).length,
      refused: refusedIds.length,
      refusedIds,
      ...(snippets.length ? { snippets: summarizeSnippets(snippets) } : {}),
      ...(noCaptions.length ? { noCaptions: summarize(noCaptions) } : {}),
      nodeMs: pages.reduce((a, p) => a + p.ms, 0),
    };
  }
  if (engines.includes('lectern') && engines.includes('readability')) {
    for (const r of results) {
      const l = r.engines.lectern?.score;
      const b = r.engines.readability?.score;
      if (!l || !b) continue;
      const lf = f1Of(l.precision, l.recall);
      const bf = f1Of(b.precision, b.recall);
      if (lf < bf - 1e-9) out.worseThanReadability.push({ id: r.id, lectern: lf, readability: bf, delta: lf - bf });
    }
    out.worseThanReadability.sort((a, b) => a.delta - b.delta);
  }
  const recalls: { id: string; recall: number }[] = [];
  for (const r of results) {
    const l = r.engines.lectern;
    if (!l || l.expectedRecall === undefined) continue;
    recalls.push({ id: r.id, recall: l.expectedRecall });
    if (l.chars === 0 || l.expectedRecall < LOST_RECALL) {
      out.lost.push({ id: r.id, recall: l.expectedRecall, ...(l.error ? { error: l.error } : {}) });
    }
  }
  out.lowest = recalls.sort((a, b) => a.recall - b.recall).slice(0, LOWEST_LISTED);
  return out;
}

export async function measureQuality(dir: string, options: QualityOptions = {}): Promise<CorpusQuality> {
  const corpus = readCorpus(dir, options.limit);
  // Without truth (truth.txt or snippets.json) only Lectern is scored (against expected.html, where there is one); the
  // others run only for captions.
  const requested = options.engines ?? ENGINES;
  const scored = corpus.hasTruth || corpus.hasSnippets ? requested : requested.filter((e) => e === 'lectern');
  const jobs = jobsFor(corpus, { ...options, engines: options.captions === false ? scored : requested });
  let done = 0;
  const workers = options.workers ?? Math.max(1, cpus().length);
  const results = await runJobs(jobs, workers, () => options.onPage?.(corpus.name, ++done, jobs.length));
  return summarizeCorpus(corpus, results, scored);
}
