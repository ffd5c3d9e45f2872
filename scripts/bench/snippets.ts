/**
 * The snippet metric of corpora whose cases carry `snippets.json` instead of `truth.txt` (trafilatura-dev: trafilatura's
 * own evaluation), exactly as ../shared/corpora/README.md states it:
 * - a snippet is found when it occurs in the extracted text, both with whitespace runs folded to one space (`/\s+/g`)
 *   and the snippet trimmed; case and everything else count;
 * - over all snippets of all pages: tp = `with` found, fn = `with` missing, fp = `without` found, tn = `without` absent;
 * - precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2PR/(P+R), accuracy = (tp+tn)/all (each 0 when its denominator is);
 * - also the share of `with` found, of `without` absent, and the pages where every `with` is found / no `without` is.
 * The text scored is each engine's `text` as the shingle metric scores it (block text of the sanitized HTML; the title
 * is not prepended). The table and ablation rows for the reports are here too (report.ts calls them).
 */
import type { EngineName } from './engines';

/** A case's `snippets.json`. */
export interface Snippets {
  with: string[];
  without: string[];
}

/** One engine on one page: how many snippets of each kind there are and how many occur in its text. */
export interface SnippetPage {
  with: number;
  withFound: number;
  without: number;
  withoutFound: number;
}

export interface SnippetSummary {
  pages: number;
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Share of `with` snippets found (= recall). */
  withFound: number;
  /** Share of `without` snippets absent. */
  withoutAbsent: number;
  /** Pages where every `with` is found. */
  pagesAllWith: number;
  /** Pages where no `without` is present. */
  pagesNoWithout: number;
}

/** Whitespace runs to one space. */
export const foldSpace = (s: string): string => s.replace(/\s+/g, ' ');

/** Parse a `snippets.json`: non-string entries are dropped, a missing list is empty. */
export function parseSnippets(json: string): Snippets {
  const raw = JSON.parse(json) as { with?: unknown; without?: unknown };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return { with: list(raw.with), without: list(raw.without) };
}

export function scoreSnippets(text: string, snippets: Snippets): SnippetPage {
  const folded = foldSpace(text);
  const found = (s: string): boolean => folded.includes(foldSpace(s).trim());
  return {
    with: snippets.with.length,
    withFound: snippets.with.filter(found).length,
    without: snippets.without.length,
    withoutFound: snippets.without.filter(found).length,
  };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function summarizeSnippets(pages: readonly SnippetPage[]): SnippetSummary {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const p of pages) {
    tp += p.withFound;
    fn += p.with - p.withFound;
    fp += p.withoutFound;
    tn += p.without - p.withoutFound;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    pages: pages.length,
    tp,
    fn,
    fp,
    tn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    accuracy: ratio(tp + tn, tp + fn + fp + tn),
    withFound: recall,
    withoutAbsent: ratio(tn, fp + tn),
    pagesAllWith: pages.filter((p) => p.withFound === p.with).length,
    pagesNoWithout: pages.filter((p) => p.withoutFound === 0).length,
  };
}

/** What the snippet tables read of an engine's quality (quality.ts's SnippetScored is one). */
export interface SnippetScored {
  snippets?: SnippetSummary;
  failures: number;
  refused: number;
  refusedIds: string[];
}

const f3 = (x: number): string => x.toFixed(3);
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const delta = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

/** The snippet table: one row per engine scored on the corpus. */
export function snippetRows(engines: Partial<Record<EngineName, SnippetScored>>, label: (e: EngineName) => string): string[][] {
  const rows = [['engine', 'precision', 'recall', 'F1', 'accuracy', '"with" found', '"without" absent', 'pages all "with"', 'pages no "without"', 'failed', 'refused*']];
  for (const [engine, q] of Object.entries(engines) as [EngineName, SnippetScored][]) {
    const s = q.snippets;
    if (!s) continue;
    rows.push([
      label(engine), f3(s.precision), f3(s.recall), f3(s.f1), f3(s.accuracy), percent(s.withFound), percent(s.withoutAbsent),
      `${s.pagesAllWith}/${s.pages}`, `${s.pagesNoWithout}/${s.pages}`, String(q.failures), engine === 'lectern' ? String(q.refused) : '',
    ]);
  }
  return rows;
}

/** Lectern with all steps, then with each step off: snippet F1, P, R and what the step adds to each (all - without). */
export function snippetAblationRows(lectern: SnippetScored | undefined, ablations: readonly { step: string; without: SnippetScored }[]): string[][] {
  const rows = [['Lectern (snippets)', 'F1', 'precision', 'recall', 'accuracy', 'refused', 'ΔF1 from the step', 'ΔP', 'ΔR']];
  const all = lectern?.snippets;
  if (!lectern || !all) return rows;
  rows.push(['all steps', f3(all.f1), f3(all.precision), f3(all.recall), f3(all.accuracy), String(lectern.refused), '', '', '']);
  for (const a of ablations) {
    const s = a.without.snippets;
    if (!s) continue;
    rows.push([`without ${a.step}`, f3(s.f1), f3(s.precision), f3(s.recall), f3(s.accuracy), String(a.without.refused),
      delta(all.f1 - s.f1), delta(all.precision - s.precision), delta(all.recall - s.recall)]);
  }
  return rows;
}

/** The corpus's snippet totals, for the section heading. */
export function snippetTotals(engines: Partial<Record<EngineName, SnippetScored>>): string {
  const s = Object.values(engines).find((q) => q?.snippets)?.snippets;
  return s ? `${s.tp + s.fn} "with" and ${s.fp + s.tn} "without" snippets` : 'no snippets';
}

/** Lectern's refusals on a corpus, as one sentence with the page ids. */
export function refusedLine(corpus: string, lectern: SnippetScored | undefined): string {
  if (!lectern) return '';
  const ids = lectern.refusedIds;
  return `Lectern refused ${ids.length} page${ids.length === 1 ? '' : 's'} of ${corpus} (its "is this an article?" check; scored on "Show anyway")` +
    (ids.length ? `: ${ids.join(', ')}` : '');
}
