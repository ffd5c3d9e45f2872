/** The bench's outputs: a plain-text table for stdout, docs/benchmarks.md, and an SVG chart beside it. */
import type { StepName } from '../../src/extract/types';
import { MIN_REPEAT_CHARS, SAMPLE_CHARS, type CaptionsSummary } from './captions';
import { HEARTBEAT_MS, LOADING_GOAL_MS, OPEN_LABELS, PANEL_STAGES, POPUP_STAGES, TIMELINE_EVENTS, type ClickResult, type ClickVariant, type Summary } from './click';
import type { EngineName } from './engines';
import { fidelityRows, fidelityTotals, lecternProblems, PROBLEM_CHARS, type FidelityResult } from './fidelity';
import { BOOTSTRAP_SAMPLES } from './metric';
import { LOST_RECALL, type CorpusQuality, type EngineQuality } from './quality';
import type { FirstReadResult } from './first-read';
import { budgetOf, type SizeReport } from './size';
import { refusedLine, snippetAblationRows, snippetRows, snippetTotals } from './snippets';
import type { CorpusSpeed } from './speed';
import { STRESS_BUDGET_MS, type StressRow } from './stress';

export interface Ablation {
  step: StepName;
  corpus: string;
  /** Lectern with this step switched off. */
  without: EngineQuality;
  /** Pages of the regression corpus that lose their article without the step (none expected). */
  lost?: number;
}

export interface BenchResult {
  date: string;
  node: string;
  versions: Record<EngineName, string>;
  quality: CorpusQuality[];
  ablations: Ablation[];
  speed: CorpusSpeed[];
  /** Generated huge pages read in Chromium (empty when the speed bench did not run). */
  stress: StressRow[];
  size: SizeReport | null;
  /** Click to article in the real extension (absent or null when it did not run). */
  click?: ClickResult | null;
  /** A cold first read per engine (absent or null when it did not run). */
  firstRead?: FirstReadResult | null;
  /** Formulas, code, embeds and docs markup as each engine's reader shows them (absent or null when it did not run). */
  fidelity?: FidelityResult | null;
}

/** Published F1 on aeb (the benchmark's README), drawn as reference lines. */
export const PUBLISHED_AEB: { name: string; f1: number }[] = [
  { name: 'rs_trafilatura', f1: 0.97 },
  { name: 'trafilatura 2.0.0', f1: 0.958 },
  { name: 'Readability.js 0.6.0 (published)', f1: 0.947 },
];

export const SPEED_GOAL = 1.15;

export function engineLabel(engine: EngineName, versions: Record<EngineName, string>): string {
  if (engine === 'lectern') return 'Lectern';
  if (engine === 'readability') return `Readability ${versions.readability} (raw)`;
  return `Defuddle ${versions.defuddle}`;
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '-');
const f1d = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '-');
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '-');
const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const pm = (x: number, s: number): string => `${f3(x)} ± ${f3(s)}`;

function pad(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

function mdTable(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function qualityRows(q: CorpusQuality, versions: BenchResult['versions']): string[][] {
  const rows = [['engine', 'F1', 'precision', 'recall', 'failed', 'refused*', 'Node-DOM s']];
  for (const [engine, s] of Object.entries(q.engines) as [EngineName, EngineQuality][]) {
    rows.push([
      engineLabel(engine, versions),
      pm(s.f1, s.spread.f1),
      pm(s.precision, s.spread.precision),
      pm(s.recall, s.spread.recall),
      String(s.failures),
      engine === 'lectern' ? String(s.refused) : '',
      f1d(s.nodeMs / 1000),
    ]);
  }
  return rows;
}

/** Lines listed per goal in the captions section; the rest are counted. */
export const CAPTION_LIST_LINES = 30;

function captionsRows(c: CaptionsSummary, versions: BenchResult['versions']): string[][] {
  const rows = [['engine', 'repeated blocks (total / pages)', 'widget words left (total / pages)', 'captions lost (total / pages)', 'pictures (total distinct)', 'pages with fewer pictures than a peer']];
  for (const [engine, s] of Object.entries(c.engines) as [EngineName, NonNullable<CaptionsSummary['engines'][EngineName]>][]) {
    rows.push([
      engineLabel(engine, versions),
      `${s.repeated} / ${s.repeatedPages}`,
      `${s.widgets} / ${s.widgetPages}`,
      s.lost === undefined ? '' : `${s.lost} / ${s.lostPages ?? 0}`,
      String(s.pictures),
      String(s.fewerPictures),
    ]);
  }
  return rows;
}

const quote = (t: string): string => `"${t}"`;

/** Lectern's pages that miss the captions goal: one list per goal, each a title and rows (page first). */
function captionLists(c: CaptionsSummary, versions: BenchResult['versions']): { title: string; head: string[]; rows: string[][] }[] {
  const pages = (n: number): string => `${n} page${n === 1 ? '' : 's'}`;
  const peerNames = (['readability', 'defuddle'] as const).filter((e) => c.engines[e]);
  return [
    {
      title: `Lectern: repeated blocks on ${pages(c.repeated.length)}`,
      head: ['page', 'blocks', 'repeated text (normalised)'],
      rows: c.repeated.map((x) => [x.id, String(x.count), x.texts.map(quote).join(', ')]),
    },
    {
      title: `Lectern: caption texts lost, ${c.lost.length} on ${pages(new Set(c.lost.map((x) => x.id)).size)}`,
      head: ['page', `lost text (first ${SAMPLE_CHARS} characters)`],
      rows: c.lost.map((x) => [x.id, quote(x.text)]),
    },
    {
      title: `Lectern: fewer pictures than a peer on ${pages(c.fewerPictures.length)}`,
      head: ['page', 'Lectern', ...peerNames.map((e) => engineLabel(e, versions))],
      rows: c.fewerPictures.map((x) => [x.id, String(x.lectern), ...peerNames.map((e) => String(x.peers[e] ?? '-'))]),
    },
    {
      title: `Lectern: widget words left on ${pages(c.widgets.length)} (not part of the goal)`,
      head: ['page', 'blocks', 'text'],
      rows: c.widgets.map((x) => [x.id, String(x.count), x.texts.map(quote).join(', ')]),
    },
  ];
}

function captionsNote(c: CaptionsSummary): string {
  const r = c.engines.readability;
  return r?.captions === undefined ? '' : `Caption and credit texts harvested from raw Readability's output and shown by it: ${r.captions} on ${r.captionPages ?? 0} pages.`;
}

function ablationRows(r: BenchResult, corpus: string): string[][] {
  const lectern = r.quality.find((q) => q.corpus === corpus)?.engines.lectern;
  const rows = [['Lectern', 'F1', 'precision', 'recall', 'ΔF1 from the step']];
  if (!lectern) return rows;
  rows.push(['all steps', f3(lectern.f1), f3(lectern.precision), f3(lectern.recall), '']);
  for (const a of r.ablations.filter((x) => x.corpus === corpus)) {
    rows.push([`without ${a.step}`, f3(a.without.f1), f3(a.without.precision), f3(a.without.recall), `${lectern.f1 - a.without.f1 >= 0 ? '+' : ''}${(lectern.f1 - a.without.f1).toFixed(4)}`]);
  }
  return rows;
}

function speedRows(speed: CorpusSpeed[]): string[][] {
  const rows = [['corpus', 'pages', 'Lectern ms (median / p95)', 'Readability ms (median / p95)', 'ratio (median ± / p95)', 'per-page ratio (median ± / p95)']];
  for (const s of speed) {
    rows.push([
      s.corpus,
      `${s.measured}/${s.pages}`,
      `${f1d(s.lectern.median)} / ${f1d(s.lectern.p95)}`,
      `${f1d(s.readability.median)} / ${f1d(s.readability.p95)}`,
      `${f2(s.ratio.median)}x ± ${f2(s.ratio.std)} / ${f2(s.ratio.p95)}x`,
      `${f2(s.pageRatio.median)}x ± ${f2(s.pageRatio.std)} / ${f2(s.pageRatio.p95)}x`,
    ]);
  }
  return rows;
}

/** Where Lectern's time goes: each stage's summed per-page medians as a share of all stages'. */
function stageRows(speed: CorpusSpeed[]): string[][] {
  const withStages = speed.filter((s) => s.stages);
  const names = [...new Set(withStages.flatMap((s) => Object.keys(s.stages ?? {})))];
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
  return [
    ['stage', ...withStages.map((s) => `${s.corpus} (share of Lectern)`)],
    ...names.map((n) => [n, ...withStages.map((s) => percent(s.stages?.[n] ?? 0))]),
  ];
}

function stressRows(stress: StressRow[]): string[][] {
  return [
    ['generated page', 'elements', 'answer', 'ms (median / max of 3)', `within ${STRESS_BUDGET_MS} ms`],
    ...stress.map((s) => [s.id, String(s.elements), s.answer, `${f1d(s.median)} / ${f1d(s.max)}`, s.max <= STRESS_BUDGET_MS ? 'yes' : 'no']),
  ];
}

const mp = (s: Pick<Summary, 'median' | 'p95'>): string => `${f1d(s.median)} / ${f1d(s.p95)}`;

/** Per open kind: how many opens ended with the article, the loading state and the article painted, from the click. */
export function clickRows(c: ClickResult): string[][] {
  const rows = [['open', 'pages', 'loading painted ms (median / p95)', 'article painted ms (median / p95)', 'from the view\'s navigation start (median / p95)']];
  for (const v of c.variants) {
    rows.push([OPEN_LABELS[v.kind], `${v.articles}/${v.opens}`, mp(v.loading), mp(v.article), mp(v.fromViewStart)]);
  }
  return rows;
}

function floorLine(c: ClickResult): string {
  const f = c.floor;
  if (!f) return '';
  return `Floor: the popup where nothing is read (about:blank, ${f.opens} opens; median / p95 ms after the click): navigation start ${mp(f.viewStart)}, ` +
    `DOMContentLoaded ${mp(f.domContentLoaded)}, first paint ${mp(f.firstPaint)}, its sentence painted ${mp(f.answer)}`;
}

/** One surface's stages: median and mean per stage, per open kind (the means add up to the mean total). */
export function stageRowsFor(c: ClickResult, surface: 'popup' | 'panel'): string[][] {
  const variants = c.variants.filter((v) => v.kind.startsWith(surface));
  const defs = surface === 'popup' ? POPUP_STAGES : PANEL_STAGES;
  const rows = [['stage', ...variants.map((v) => `${OPEN_LABELS[v.kind]} ms (median / mean)`)]];
  defs.forEach((d, i) => rows.push([d.label, ...variants.map((v) => `${f1d(v.stages[i]?.median ?? Number.NaN)} / ${f1d(v.stages[i]?.mean ?? Number.NaN)}`)]));
  rows.push(['total (to the article painted)', ...variants.map((v) => `${f1d(v.article.median)} / ${f1d(v.article.mean)}`)]);
  return rows;
}

export function timelineRows(c: ClickResult): string[][] {
  const variants: ClickVariant[] = c.variants;
  const rows = [['event (median ms after the click)', ...variants.map((v) => OPEN_LABELS[v.kind])]];
  for (const e of TIMELINE_EVENTS) {
    if (!variants.some((v) => v.timeline[e.name] !== undefined)) continue;
    rows.push([e.label, ...variants.map((v) => (v.timeline[e.name] === undefined ? '' : f1d(v.timeline[e.name] as number)))]);
  }
  return rows;
}

export function longTaskRows(c: ClickResult): string[][] {
  return [
    ['stress page', 'elements', 'answer', 'click to answer ms', 'extraction ms', 'longest task ms', 'long tasks', 'blocking ms (beyond 50 ms each)'],
    ...c.longTasks.map((t) => [t.id, String(t.elements), t.answer, f1d(t.clickToAnswer), t.extraction === undefined ? '' : f1d(t.extraction), f1d(t.longest), String(t.longTasks), f1d(t.blocking)]),
  ];
}

export function firstReadRows(f: FirstReadResult, versions: BenchResult['versions']): string[][] {
  const eager = f.eager;
  return [
    ['engine', 'bundle', 'eval ms (median / p95)', 'run ms (median / p95)', 'total ms (median / p95)'],
    ...(['lectern', 'readability'] as const).map((e) => [engineLabel(e, versions), kib(f[e].bytes), mp(f[e].eval), mp(f[e].run), mp(f[e].total)]),
    ['Lectern / Readability (ratio of medians)', '', `${f2(f.ratio.eval)}x`, `${f2(f.ratio.run)}x`, `${f2(f.ratio.total)}x`],
    ['per-page ratio (median)', '', '', `${f2(f.ratio.pageRun)}x`, `${f2(f.ratio.pageTotal)}x`],
    ...(f.against
      ? [
        [`Lectern at ${f.against.rev}`, kib(f.against.bytes), mp(f.against.eval), mp(f.against.run), mp(f.against.total)],
        [`this tree / ${f.against.rev}, per page (median)`, '', '', `${f2(f.against.pageRun)}x`, `${f2(f.against.pageTotal)}x`],
      ]
      : []),
    // --first-read-eager: eval is the whole bundle's compile, run has no compile in it.
    ...(eager ? (['lectern', 'readability'] as const).map((e) => [`${engineLabel(e, versions)}, compiled whole`, '', mp(eager[e].eval), mp(eager[e].run), mp(eager[e].total)]) : []),
  ];
}

/** Lectern's cold run by stage (the stages' means add up to the mean run). */
export function firstReadStageRows(f: FirstReadResult): string[][] {
  return [['stage', 'median ms', 'mean ms'], ...f.stages.map((s) => [s.stage, f1d(s.median), f1d(s.mean)])];
}

function clickFailures(c: ClickResult): string {
  const failed = c.results.filter((r) => r.error);
  return failed.length ? `Pages that failed: ${failed.map((r) => `${r.id} (${r.error})`).join('; ')}` : '';
}

/** `text` as inline code, fenced with more backticks than it holds in a row (markup and `_`/`*` stay literal). */
function mdCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function sizeRows(size: SizeReport): string[][] {
  const budget = (e: SizeReport['entries'][number]): string => {
    const b = budgetOf(e);
    return b === null ? '' : `${e.gzip <= b ? 'within' : 'OVER'} ${kib(b)}`;
  };
  return [
    ['bundle', 'gzip', 'raw', 'files', 'budget (gzip)'],
    ...size.entries.map((e) => [e.name, kib(e.gzip), kib(e.raw), String(e.files.length), budget(e)]),
  ];
}

/**
 * One line: every engine's F1 with the photo captions of its output (`figcaption`) not counted, for corpora whose
 * truth leaves captions out (aeb); '' when no engine has the figure.
 */
export function noCaptionsLine(q: CorpusQuality, label: (e: EngineName) => string): string {
  const parts = (Object.entries(q.engines) as [EngineName, EngineQuality][])
    .filter(([, s]) => s.noCaptions)
    .map(([engine, s]) => `${label(engine)} ${f3(s.noCaptions?.f1 ?? 0)} (P ${f3(s.noCaptions?.precision ?? 0)}, R ${f3(s.noCaptions?.recall ?? 0)})`);
  return parts.length ? `F1 with photo captions (figcaption) not counted, a diagnostic for truth that leaves captions out: ${parts.join('; ')}` : '';
}

export function textReport(r: BenchResult, options: { worst?: number } = {}): string {
  const out: string[] = [];
  const label = (e: EngineName): string => engineLabel(e, r.versions);
  for (const q of r.quality) {
    const ablations = r.ablations.filter((a) => a.corpus === q.corpus);
    if (!q.hasTruth && !q.hasSnippets) out.push(`Quality: ${q.corpus} (${q.pages} pages): no truth`);
    if (q.hasSnippets) {
      out.push(`Quality: ${q.corpus} (${q.pages} pages; snippet metric over ${snippetTotals(q.engines)})`, pad(snippetRows(q.engines, label)));
      if (!q.hasTruth && q.domErrors.length) out.push(`DOM failures (no text for every engine): ${q.domErrors.join(', ')}`);
      if (ablations.length) out.push('', pad(snippetAblationRows(q.engines.lectern, ablations)));
      if (q.hasTruth) out.push('');
    }
    if (q.hasTruth) {
      out.push(`Quality: ${q.corpus} (${q.pages} pages; ± = bootstrap std over 1000 resamples)`);
      out.push(pad(qualityRows(q, r.versions)));
      const noCaptions = noCaptionsLine(q, label);
      if (noCaptions) out.push(noCaptions);
      if (q.domErrors.length) out.push(`DOM failures (scored 0 for every engine): ${q.domErrors.join(', ')}`);
      if (r.ablations.some((a) => a.corpus === q.corpus)) out.push('', pad(ablationRows(r, q.corpus)));
      if (q.engines.lectern && q.engines.readability) {
        const worst = q.worseThanReadability.slice(0, options.worst ?? 20);
        out.push('', `Lectern worse than raw Readability on ${q.worseThanReadability.length} pages (per-page F1${worst.length < q.worseThanReadability.length ? `, worst ${worst.length}` : ''}):`);
        if (worst.length) out.push(pad([['page', 'Lectern', 'Readability', 'delta'], ...worst.map((w) => [w.id, f3(w.lectern), f3(w.readability), f3(w.delta)])]));
      }
    }
    if (q.results.some((p) => p.engines.lectern?.expectedRecall !== undefined)) {
      out.push(`Articles kept (${q.corpus}, against Readability's expected.html, recall >= ${LOST_RECALL}): ${q.pages - q.lost.length}/${q.pages}` +
        (q.lost.length ? `; lost: ${q.lost.map((l) => `${l.id} (recall ${f3(l.recall)}${l.error ? `, ${l.error}` : ''})`).join(', ')}` : '') +
        `; lowest recall: ${q.lowest.map((l) => `${l.id} ${f3(l.recall)}`).join(', ')}`);
    }
    if (q.engines.lectern) out.push(refusedLine(q.corpus, q.engines.lectern));
    if (q.captions) {
      out.push('', `Captions: ${q.corpus} (${q.pages} pages; goal for Lectern: 0 repeated, 0 lost, never fewer pictures than a peer)`);
      out.push(pad(captionsRows(q.captions, r.versions)));
      const note = captionsNote(q.captions);
      if (note) out.push(note);
      for (const list of captionLists(q.captions, r.versions)) {
        if (!list.rows.length) continue;
        const shown = list.rows.slice(0, CAPTION_LIST_LINES);
        out.push(`${list.title}:`, pad([list.head, ...shown]).split('\n').map((l) => `  ${l}`).join('\n'));
        if (list.rows.length > shown.length) out.push(`  ... and ${list.rows.length - shown.length} more`);
      }
    }
    out.push('');
  }
  if (r.fidelity) {
    const f = r.fidelity;
    const rows = fidelityRows(f);
    out.push(`Fidelity (${f.pages.length} pages of tests/pages/fidelity--*; "yes" = faithful, else the number of problems; ${fidelityTotals(f, rows)})`);
    out.push(pad(rows));
    const lectern = lecternProblems(f);
    if (lectern.length) {
      out.push('Lectern\'s problems:');
      for (const p of lectern) out.push(`  ${p.id}:`, ...p.problems.map((problem) => `    - ${problem}`));
    }
    out.push('');
  }
  if (r.click) {
    const c = r.click;
    out.push(`Click to article in Chromium (the real extension, E2E build; ${c.corpus}: ${c.pages} pages; ms after the click; goal: a loading state by ${LOADING_GOAL_MS} ms)`);
    out.push(pad(clickRows(c)));
    const floor = floorLine(c);
    if (floor) out.push(floor);
    const failed = clickFailures(c);
    if (failed) out.push(failed);
    out.push('', 'Where the popup\'s time goes (per stage over the opens with an article; the means add up to the mean total)', pad(stageRowsFor(c, 'popup')), '');
    out.push('The side panel\'s read path (its page loads alongside: see the timeline)', pad(stageRowsFor(c, 'panel')), '');
    out.push('Timeline', pad(timelineRows(c)), '');
    if (c.longTasks.length) out.push('Longest task in the page while Lectern reads it (stress pages, through the popup)', pad(longTaskRows(c)), '');
  }
  if (r.firstRead) {
    const f = r.firstRead;
    out.push(`First read, cold (${f.corpus}: ${f.measured}/${f.pages} pages; per page and engine a new browser context, the engine's own bundle evaluated on the freshly loaded page, one run)`);
    out.push(pad(firstReadRows(f, r.versions)), '');
    if (f.stages.length) out.push("Lectern's cold run, stage by stage", pad(firstReadStageRows(f)), '');
  }
  if (r.speed.length) {
    out.push(`Speed in Chromium, warm code (page JS off, other hosts blocked; ${r.speed[0]?.runs ?? 0} runs after ${r.speed[0]?.warmups ?? 0} warm-up rounds; corpus figures are over per-page medians)`);
    out.push(pad(speedRows(r.speed)), '');
    for (const s of r.speed.filter((x) => x.against)) {
      const a = s.against as NonNullable<CorpusSpeed['against']>;
      out.push(`${s.corpus}: this tree's time / ${a.rev}'s, timed in the same pages: per page median ${f2(a.pageRatio.median)} (p95 ${f2(a.pageRatio.p95)}), summed ${f2(a.sumRatio)}`);
    }
    if (r.speed.some((x) => x.against)) out.push('');
    for (const s of r.speed.filter((x) => x.firstRun)) {
      const f = s.firstRun as NonNullable<CorpusSpeed['firstRun']>;
      out.push(`${s.corpus}: first runs on freshly loaded pages (${f.loads} loads each, code warmed on a parsed copy): Lectern ${f1d(f.lectern)} ms, ` +
        `Readability ${f1d(f.readability)} ms (medians); ratio ${f2(f.ratio)}x, per-page ratio ${f2(f.pageRatio)}x`);
    }
    if (r.speed.some((x) => x.firstRun)) out.push('');
    if (r.speed.some((s) => s.stages)) out.push('Lectern by stage (profile runs; summed per-page medians, share of all stages)', pad(stageRows(r.speed)), '');
  }
  if (r.stress.length) out.push('Huge pages in Chromium (time to the answer, article or refusal)', pad(stressRows(r.stress)), '');
  if (r.size) out.push('Size (each file gzipped -9)', pad(sizeRows(r.size)), '');
  out.push('* refused: pages Lectern\'s "is this an article?" check refused; their text is what "Show anyway" gives.');
  return out.join('\n');
}

export function markdownReport(r: BenchResult, chart: string): string {
  const out: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench -- --write-docs\` on ${r.date.slice(0, 10)} (Node ${r.node}; Lectern = working tree,`,
    `@mozilla/readability ${r.versions.readability} raw, Defuddle ${r.versions.defuddle}). Do not edit by hand.`,
    '',
    `![F1 of Lectern, Readability and Defuddle; Lectern's speed ratio to Readability](${chart})`,
    '',
    '## Quality',
    '',
    'The metric of the article extraction benchmark (../shared/corpora/README.md, implemented in',
    '`scripts/bench/metric.ts`): shingles of 4 tokens, per-page precision and recall, means over pages, F1 of the means,',
    '± the standard deviation over 1000 bootstrap resamples. Every engine\'s text is taken the same way: its HTML output',
    'parsed into a DOM and read block by block (`blockText` in `src/extract/text.ts`), under jsdom. Lectern runs its',
    'full pipeline; a page its pre-check refuses is scored on what "Show anyway" gives (column *refused*). A page the DOM',
    'library cannot parse scores 0 for every engine.',
    '',
  ];
  for (const q of r.quality) {
    const ablations = r.ablations.filter((a) => a.corpus === q.corpus);
    out.push(`### ${q.corpus} (${q.pages} pages${q.hasTruth || q.hasSnippets ? '' : ', no truth'})`, '');
    if (q.hasSnippets) {
      out.push(
        `Snippet truth (${snippetTotals(q.engines)}), trafilatura's own evaluation (\`scripts/bench/snippets.ts\`): a snippet is`,
        'found when it occurs in the engine\'s text, whitespace folded to single spaces in both; over all snippets of all',
        'pages, tp = "with" found, fn = "with" missing, fp = "without" found, tn = "without" absent; precision, recall, F1',
        'and accuracy = (tp + tn) / all from those totals. The text is the same block text the shingle metric scores (no',
        'title prepended). Every page is an article: a refusal is a failure to show it.',
        '',
        mdTable(snippetRows(q.engines, (e) => engineLabel(e, r.versions))),
        '',
      );
      if (!q.hasTruth && q.domErrors.length) out.push(`DOM failures (no text for every engine): ${q.domErrors.join(', ')}.`, '');
      if (ablations.length) {
        out.push('Each Lectern step switched off in turn (`steps: { name: false }`), snippet metric:', '', mdTable(snippetAblationRows(q.engines.lectern, ablations)), '');
      }
    }
    if (q.hasTruth) {
      out.push(mdTable(qualityRows(q, r.versions)), '');
      const noCaptions = noCaptionsLine(q, (e) => engineLabel(e, r.versions));
      if (noCaptions) {
        out.push(`${noCaptions}. Lectern keeps one caption per photo by design; aeb's truth has none, so each kept caption counts against precision there.`, '');
      }
      if (q.domErrors.length) out.push(`DOM failures (0 for every engine): ${q.domErrors.join(', ')}.`, '');
      if (r.ablations.some((a) => a.corpus === q.corpus)) {
        out.push('Each Lectern step switched off in turn (`steps: { name: false }`):', '', mdTable(ablationRows(r, q.corpus)), '');
      }
      if (q.engines.lectern && q.engines.readability) {
        out.push(`Pages where Lectern scores below raw Readability (per-page F1): ${q.worseThanReadability.length}.`, '');
        if (q.worseThanReadability.length) {
          out.push(mdTable([['page', 'Lectern', 'Readability', 'delta'], ...q.worseThanReadability.map((w) => [w.id, f3(w.lectern), f3(w.readability), f3(w.delta)])]), '');
        }
      }
    }
    if (q.results.some((p) => p.engines.lectern?.expectedRecall !== undefined)) {
      out.push(`Articles kept against Readability's own expected output (recall of its text's shingles at least ${LOST_RECALL}, ` +
        `the regression test's bar): ${q.pages - q.lost.length} of ${q.pages}` +
        (q.lost.length ? ` (lost: ${q.lost.map((l) => `${l.id}, recall ${f3(l.recall)}`).join('; ')})` : '') +
        `. Lowest recalls: ${q.lowest.map((l) => `${l.id} ${f3(l.recall)}`).join(', ')} (a lost article keeps next to nothing;` +
        ` caption clean-ups alone can cost a page a quarter of its shingles: \`LOST_RECALL\` in scripts/bench/quality.ts).`, '');
    }
    if (q.engines.lectern) out.push(`${refusedLine(q.corpus, q.engines.lectern)}.`, '');
  }
  if (r.quality.some((q) => q.captions)) {
    out.push(
      '## Captions',
      '',
      'What each engine does with photos, captions and credits, on the same sanitized HTML and block text as the quality',
      `figures (\`scripts/bench/captions.ts\`). Text is compared normalised: NFKC, curly quotes and dashes folded, spaces`,
      'collapsed, lower case, trailing punctuation trimmed. *Repeated blocks*: blocks (lines of the text) of',
      `${MIN_REPEAT_CHARS}+ characters whose normalised text appears more than once in that output, every copy counted.`,
      '*Widget words left*: blocks that are only a caption-widget label ("hide caption", "Enlarge this image", "1 of 5",',
      '"Schließen", ...: `WIDGET_LABELS`) or an image file name. *Captions lost* (Lectern): caption and credit texts raw',
      'Readability shows (each `figcaption` and each element whose class contains caption, credit or cutline, harvested',
      'from its output with classes kept) that are not in Lectern\'s text, compared on letters and digits only.',
      '*Pictures*: distinct photos among the images with a real URL, the same photo at two sizes counted once. The goal for',
      'Lectern: no repeated block, no caption lost, never fewer pictures than a peer; the pages that miss it are listed.',
      '',
    );
    for (const q of r.quality) {
      if (!q.captions) continue;
      out.push(`### ${q.corpus} (${q.pages} pages)`, '', mdTable(captionsRows(q.captions, r.versions)), '');
      const note = captionsNote(q.captions);
      if (note) out.push(note, '');
      for (const list of captionLists(q.captions, r.versions)) {
        out.push(`${list.title}${list.rows.length ? ':' : '.'}`, '');
        if (!list.rows.length) continue;
        const shown = list.rows.slice(0, CAPTION_LIST_LINES);
        out.push(mdTable([list.head, ...shown.map((row) => row.map((cell) => cell.replace(/\|/g, '\\|')))]), '');
        if (list.rows.length > shown.length) out.push(`... and ${list.rows.length - shown.length} more.`, '');
      }
    }
  }
  if (r.fidelity) {
    const f = r.fidelity;
    const rows = fidelityRows(f);
    out.push(
      '## Fidelity',
      '',
      'What a reader sees of formulas, code, embeds and docs-page markup (`scripts/bench/fidelity.ts`): each fixture under',
      '`tests/pages/fidelity--<renderer>/` is a real renderer\'s output in an article (KaTeX, MathJax, Pygments, Shiki, video',
      'embeds, Sphinx, ...), and its `expect.json` says what must be shown: each formula once as MathML, each code block\'s',
      'exact text in one `<pre><code>` with its language, a link for each embed, note titles, no permalink marks. The',
      'checker is the unit test\'s (`tests/support/fidelity.ts`), run under jsdom on what each engine\'s reader shows, title',
      'above the article: Lectern\'s pipeline then the view\'s sanitizer; raw Readability\'s and Defuddle\'s content as it is.',
      'A page is faithful when nothing is wrong; otherwise the cell counts the problems (an engine that finds no article has',
      'the one problem "no article").',
      '',
      mdTable(rows),
      '',
      `${fidelityTotals(f, rows).replace(/^f/, 'F')}.`,
      '',
    );
    const lectern = lecternProblems(f);
    if (lectern.length) {
      out.push(`Lectern's problems (each cut to ${PROBLEM_CHARS} characters):`, '');
      for (const p of lectern) out.push(`- ${p.id}`, ...p.problems.map((problem) => `  - ${mdCode(problem)}`));
      out.push('');
    }
  }
  if (r.click) {
    const c = r.click;
    out.push(
      '## Click to article',
      '',
      `The speed a reader feels: the extension itself (its E2E build, which may read http://127.0.0.1/* without a gesture,`,
      `built fresh into out/bench/dist-e2e/) in headless Chromium reads the first ${c.pages} pages of ${c.corpus}, served from`,
      `127.0.0.1 with every other host unreachable and the page's own JavaScript off, through the real toolbar popup and`,
      `the real side panel (\`scripts/bench/click.ts\`). The click: for the popup, the service worker's clock just before`,
      `\`chrome.action.openPopup()\` (what the toolbar button does); for the side panel, the \`pointerdown\` of a trusted click`,
      `on the popup's "Open in side panel". The article painted: the view's first contentful paint (the browser's paint`,
      `timing, when the frame was presented) once the article body is in the DOM, else the first task after the next`,
      `animation frame after it. The loading state painted: the view's first paint. Per page: the popup on the freshly`,
      `loaded page (first open), again (repeat), then from that popup the side panel (first panel open: the page has been`,
      `read twice by then, as it has when a reader gets there) and again (repeat). Median and p95 over the pages. The`,
      `last column starts at the view page's own navigation start: what happens before it is the browser opening the`,
      `popup window, which no extension code runs in (Chromium starts a new renderer process for each popup: a new`,
      `\`--type=renderer\` process shows up per open; the side panel, opened while the popup is still up, needs none), so`,
      `it depends on the machine and the browser. Goal: a loading state by ${LOADING_GOAL_MS} ms. Time never fails a test.`,
      '',
      mdTable(clickRows(c)),
      '',
    );
    const floor = floorLine(c);
    if (floor) out.push(`${floor}.`, '');
    const failed = clickFailures(c);
    if (failed) out.push(`${failed}.`, '');
    out.push(
      'Where the time goes. The E2E build stamps each step in the service worker, the page (the content script\'s',
      'isolated world) and the view, in epoch milliseconds (`performance.timeOrigin + performance.now()`) so that',
      'stamps from different processes compare (`src/shared/trace.ts`; production builds drop them). Each stage runs',
      'from one stamp to the next; median and mean per stage over the opens that ended with an article (the means add',
      'up to the mean total).',
      '',
      mdTable(stageRowsFor(c, 'popup')),
      '',
      'The side panel\'s read path (the panel page loads alongside; the timeline shows both):',
      '',
      mdTable(stageRowsFor(c, 'panel')),
      '',
      mdTable(timelineRows(c)),
      '',
    );
  }
  if (r.click?.longTasks.length) {
    out.push(
      '## Longest task',
      '',
      'The page\'s main thread while Lectern reads it: the stress pages (`scripts/bench/stress.ts`) opened in the same',
      `browser and read through the popup. Chromium gives the page no \`longtask\` entries for an extension's injected`,
      `scripts, so a timer in the page (every ${HEARTBEAT_MS} ms) shows how long it was kept waiting: the longest gap between`,
      'two beats (minus the interval) that started between the click and the answer painted, how many gaps were long',
      'tasks (over 50 ms), and their time beyond 50 ms summed (blocking). *Extraction* is the content script\'s own read,',
      'stamped in the page (one task; serializing the result for the background follows in the same task).',
      '',
      mdTable(longTaskRows(r.click)),
      '',
    );
  }
  if (r.firstRead) {
    const f = r.firstRead;
    out.push(
      '## First read (cold)',
      '',
      `What one read costs on a page the engine has never seen, with code it has never run (\`scripts/bench/first-read.ts\`):`,
      `per page and engine a new browser context (a new renderer process: nothing compiled, nothing cached), the page`,
      `loaded with its own JavaScript off, then the engine's own bundle (Lectern's pipeline, or raw Readability on a`,
      `clone of the document; each bundle holds only its engine) evaluated in the page and one run timed. *Eval* is`,
      `evaluating the bundle (parse, compile, its top-level code), *run* the one read, *total* both. Lectern runs with`,
      `\`force\`, as in the warm figures. ${f.measured} of the first ${f.pages} pages of ${f.corpus}; median and p95 over pages.`,
      '',
      mdTable(firstReadRows(f, r.versions)),
      '',
      ...(f.stages.length ? ["Lectern's cold run, stage by stage (the pipeline's stopwatch; the means add up to the mean run):", '', mdTable(firstReadStageRows(f)), ''] : []),
    );
  }
  if (r.speed.length) {
    out.push(
      '## Speed, warm code (Chromium)',
      '',
      'The engines\' own speed once their code is warm: a secondary figure (a reader\'s read is the cold one above).',
      '',
      'Each page served from 127.0.0.1 with every other host blocked and the page\'s own JavaScript off; in the page,',
      `Lectern's full pipeline (\`extractArticle\`, which clones the document) and Readability alone on a clone of the same`,
      `document run alternately, ${r.speed[0]?.warmups ?? 0} untimed rounds then ${r.speed[0]?.runs ?? 0} timed runs each, in an order where each`,
      `follows the other as often as it follows itself (Readability alone took about 10% less time right after its own`,
      `run than right after Lectern's; Lectern's time did not depend on it). Per page the median; over the corpus`,
      `the median and p95 of those. The goal is a median ratio of at most ${SPEED_GOAL}x. Time never fails a test.`,
      `Repeated on one page, both engines keep getting quicker for about 20 rounds, Lectern (more code to warm) more`,
      `slowly at first, so the ratio falls over those rounds: times taken early measure how far each engine has warmed`,
      `(on aeb, the per-page ratio read 1.18x over rounds 1-6 and 1.10x over rounds 10-29 of the same runs). The`,
      `untimed rounds put the timed ones where the curve is nearly flat. A reader's first read runs freshly loaded code,`,
      `which neither figure shows (\`--first-runs\` times a first run on a new page, with the code warmed on a copy).`,
      `± is the standard deviation of the median over ${BOOTSTRAP_SAMPLES} bootstrap resamples of the pages: how far it`,
      `would move with another sample of pages. It leaves out the timing noise between separate runs.`,
      `The runs repeat on one page, so work done on the live page itself gets cheaper after the first run (the JavaScript`,
      `objects and caches built for the page's nodes stay), which a reader's first read does not get. Lectern reads little`,
      `of the live page (its element count, its first text, the copy); work moved onto it must be timed on first runs too`,
      `(\`--first-runs\`).`,
      '',
      mdTable(speedRows(r.speed)),
      '',
    );
    if (r.speed.some((s) => s.stages)) {
      out.push(
        'Where Lectern\'s time goes: each stage of the pipeline timed in separate runs (the same count), per page the',
        'median, summed over the corpus, as a share of all stages. Those runs come after the timed ones, when the page\'s',
        'code is warmer, so they are shares, not times to set beside Readability\'s. `readability` is Readability inside',
        'Lectern\'s pipeline; everything else is Lectern\'s own cost.',
        '',
        mdTable(stageRows(r.speed)),
        '',
      );
    }
  }
  if (r.stress.length) {
    out.push(
      '### Huge pages',
      '',
      `Generated pages read in Chromium as the extension reads them (no "Show anyway"), timed from the call to the answer:`,
      `the article, or the refusal of a page over the element limit. Budget: ${STRESS_BUDGET_MS} ms.`,
      '',
      mdTable(stressRows(r.stress)),
      '',
    );
  }
  if (r.size) out.push('## Size', '', 'Each file gzipped (-9) on its own, from a fresh production build.', '', mdTable(sizeRows(r.size)), '');
  return out.join('\n');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Two panels: F1 per engine on each corpus with truth (± bars, published references), and the speed ratios. */
export function svgChart(r: BenchResult): string {
  const engines = ['lectern', 'readability', 'defuddle'] as const;
  const colors: Record<EngineName, string> = { lectern: '#2b6cb0', readability: '#dd6b20', defuddle: '#718096' };
  const W = 760;
  const H = 300;
  const parts: string[] = [];
  const truthCorpora = r.quality.filter((q) => q.hasTruth);
  // Left panel: F1 from 0.88 to 1.0.
  const lx = 60;
  const lw = 400;
  const top = 40;
  const ph = 200;
  const lo = 0.88;
  const hi = 1.0;
  const y = (v: number): number => top + ph - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * ph;
  parts.push(`<text x="${lx}" y="22" font-size="14" font-weight="bold">F1 (article extraction benchmark metric)</text>`);
  for (let t = lo; t <= hi + 1e-9; t += 0.02) {
    parts.push(`<line x1="${lx}" x2="${lx + lw}" y1="${y(t)}" y2="${y(t)}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${lx - 6}" y="${y(t) + 4}" font-size="11" text-anchor="end">${t.toFixed(2)}</text>`);
  }
  const groupW = lw / Math.max(1, truthCorpora.length);
  truthCorpora.forEach((q, gi) => {
    const barW = Math.min(50, (groupW - 40) / engines.length);
    const gx = lx + gi * groupW + (groupW - barW * engines.length) / 2;
    engines.forEach((e, i) => {
      const s = q.engines[e];
      if (!s) return;
      const x = gx + i * barW;
      parts.push(`<rect x="${x + 4}" y="${y(s.f1)}" width="${barW - 8}" height="${top + ph - y(s.f1)}" fill="${colors[e]}"><title>${esc(engineLabel(e, r.versions))}: ${s.f1.toFixed(3)} ± ${s.spread.f1.toFixed(3)}</title></rect>`);
      const cx = x + barW / 2;
      parts.push(`<line x1="${cx}" x2="${cx}" y1="${y(s.f1 + s.spread.f1)}" y2="${y(s.f1 - s.spread.f1)}" stroke="#1a202c"/>`);
      parts.push(`<text x="${cx}" y="${y(s.f1) - 6}" font-size="11" text-anchor="middle">${s.f1.toFixed(3)}</text>`);
    });
    parts.push(`<text x="${lx + gi * groupW + groupW / 2}" y="${top + ph + 16}" font-size="12" text-anchor="middle">${esc(q.corpus)}</text>`);
    if (q.corpus === 'aeb') {
      for (const ref of PUBLISHED_AEB.slice(0, 2)) {
        parts.push(`<line x1="${lx + gi * groupW}" x2="${lx + (gi + 1) * groupW}" y1="${y(ref.f1)}" y2="${y(ref.f1)}" stroke="#38a169" stroke-dasharray="4 3"/>`);
        parts.push(`<text x="${lx + (gi + 1) * groupW - 2}" y="${y(ref.f1) - 3}" font-size="10" text-anchor="end" fill="#276749">${esc(ref.name)} ${ref.f1.toFixed(3)}</text>`);
      }
    }
  });
  engines.forEach((e, i) => {
    parts.push(`<rect x="${lx + i * 160 - 40}" y="${H - 30}" width="12" height="12" fill="${colors[e]}"/>`);
    parts.push(`<text x="${lx + i * 160 - 24}" y="${H - 20}" font-size="11">${esc(engineLabel(e, r.versions))}</text>`);
  });
  // Right panel: speed ratio Lectern / Readability, median and p95 of per-page medians.
  const rx = 530;
  const rw = 200;
  const rmax = Math.max(2, ...r.speed.flatMap((s) => [s.ratio.median, s.ratio.p95].filter(Number.isFinite))) * 1.1;
  const ry = (v: number): number => top + ph - (v / rmax) * ph;
  parts.push(`<text x="${rx - 30}" y="22" font-size="14" font-weight="bold">Speed: Lectern / Readability</text>`);
  for (let t = 0; t <= rmax; t += 0.5) {
    parts.push(`<line x1="${rx}" x2="${rx + rw}" y1="${ry(t)}" y2="${ry(t)}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${rx - 6}" y="${ry(t) + 4}" font-size="11" text-anchor="end">${t.toFixed(1)}x</text>`);
  }
  parts.push(`<line x1="${rx}" x2="${rx + rw}" y1="${ry(SPEED_GOAL)}" y2="${ry(SPEED_GOAL)}" stroke="#38a169" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${rx + rw + 2}" y="${ry(SPEED_GOAL) + 3}" font-size="10" fill="#276749">goal</text>`);
  const sw = rw / Math.max(1, r.speed.length);
  r.speed.forEach((s, i) => {
    const bw = Math.min(30, (sw - 20) / 2);
    const x0 = rx + i * sw + (sw - 2 * bw) / 2;
    [['median', s.ratio.median, '#2b6cb0'], ['p95', s.ratio.p95, '#90cdf4']].forEach(([label, v, fill], j) => {
      const val = v as number;
      if (!Number.isFinite(val)) return;
      parts.push(`<rect x="${x0 + j * bw + 2}" y="${ry(val)}" width="${bw - 4}" height="${top + ph - ry(val)}" fill="${fill as string}"><title>${esc(s.corpus)} ${label as string}: ${val.toFixed(2)}x</title></rect>`);
      parts.push(`<text x="${x0 + j * bw + bw / 2}" y="${ry(val) - 4}" font-size="10" text-anchor="middle">${val.toFixed(2)}</text>`);
    });
    parts.push(`<text x="${rx + i * sw + sw / 2}" y="${top + ph + 16}" font-size="11" text-anchor="middle">${esc(s.corpus)}</text>`);
  });
  if (r.speed.length) {
    parts.push(`<rect x="${rx}" y="${H - 30}" width="12" height="12" fill="#2b6cb0"/><text x="${rx + 16}" y="${H - 20}" font-size="11">median</text>`);
    parts.push(`<rect x="${rx + 70}" y="${H - 30}" width="12" height="12" fill="#90cdf4"/><text x="${rx + 86}" y="${H - 20}" font-size="11">p95</text>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
