/**
 * Fidelity (#25): what a reader sees of formulas, code, embeds and docs-page markup, per engine. Every fixture under
 * tests/pages/fidelity--<renderer>/ (source.html, meta.json with its url, expect.json) is read by each engine under
 * jsdom, and the checker the unit test uses (tests/support/fidelity.ts: `fidelityProblems`) lists what is wrong with
 * what that engine's reader would show, title above the article. A page is faithful for an engine when nothing is.
 *
 *   Lectern      `extractArticle` on the page, then the view's own sanitizer (`sanitizeHtml`) in a blank window, as
 *                the reader renders it (tests/support/dom.ts `viewDom`); no "Show anyway": a refusal is no article.
 *   Readability  raw `new Readability(doc, {}).parse()`, its content as it is (what its own reader shows, unsanitized).
 *   Defuddle     `new Defuddle(doc, { url, useAsync: false }).parse()` as the quality section calls it, its content
 *                as it is.
 *
 * Each engine reads its own freshly parsed copy of the page (Readability and Defuddle change the document they read).
 * An engine that throws or finds nothing is unfaithful with the one problem "no article" (why is kept in `error`).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle } from '../../src/extract/index';
import type { StepName } from '../../src/extract/types';
import { sanitizeHtml } from '../../src/ui/sanitize';
import { readPage } from '../../tests/support/dom';
import { FIDELITY_SLUGS, fidelityExpectation, fidelityProblems, shownOf } from '../../tests/support/fidelity';
import { ENGINES, type EngineName } from './engines';

/** The problem an engine gets on a page where it throws or returns no article. */
export const NO_ARTICLE = 'no article';
/** How many characters of a problem the report shows. */
export const PROBLEM_CHARS = 160;

export interface FidelityEngine {
  /** What the reader misses or sees wrongly, in sentences (tests/support/fidelity.ts); [] = faithful. */
  problems: string[];
  /** Why there was no article: the engine's error or failure reason (the problem is then just NO_ARTICLE). */
  error?: string;
}

export interface FidelityPage {
  /** The fixture's folder name under tests/pages/ (fidelity--<renderer>). */
  id: string;
  url: string;
  engines: Partial<Record<EngineName, FidelityEngine>>;
}

export interface FidelityResult {
  engines: EngineName[];
  pages: FidelityPage[];
}

export interface FidelityOptions {
  engines?: readonly EngineName[];
  /** Lectern's step switches (the bench's --steps). */
  steps?: Partial<Record<StepName, boolean>>;
  /** Only these fixtures (default: every fidelity--* folder). */
  slugs?: readonly string[];
  onPage?: (corpus: string, done: number, total: number) => void;
}

/** What an engine hands the checker: the article's HTML as its reader shows it, and the title above it. */
interface Shown {
  html: string;
  title: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

function pageDom(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

/** Lectern as the reader shows it: the pipeline's content sanitized by the view's sanitizer in `view`. */
function lecternShown(html: string, url: string, view: JSDOM, steps: FidelityOptions['steps']): Shown {
  const dom = pageDom(html, url);
  try {
    const result = extractArticle(dom.window.document, { url, steps }, { win: dom.window as unknown as Window & typeof globalThis });
    if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
    const clean = sanitizeHtml(result.article.content, view.window as unknown as Window & typeof globalThis).html;
    return { html: clean, title: result.article.title };
  } finally {
    dom.window.close();
  }
}

function readabilityShown(html: string, url: string): Shown {
  const dom = pageDom(html, url);
  try {
    const parsed = new Readability(dom.window.document, {}).parse();
    if (!parsed?.content) throw new Error('Readability returned no content');
    return { html: parsed.content, title: parsed.title ?? '' };
  } finally {
    dom.window.close();
  }
}

function defuddleShown(html: string, url: string): Shown {
  const dom = pageDom(html, url);
  // Defuddle logs a page's broken JSON-LD and the like to the console: keep the bench's output readable (engines.ts).
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => undefined;
  try {
    const parsed = new Defuddle(dom.window.document, { url, useAsync: false }).parse();
    if (!parsed?.content) throw new Error('Defuddle returned no content');
    return { html: parsed.content, title: parsed.title ?? '' };
  } finally {
    Object.assign(console, saved);
    dom.window.close();
  }
}

/** One engine on one fixture: the checker's problems with what its reader shows. */
export function fidelityOf(engine: EngineName, slug: string, view: JSDOM, steps?: FidelityOptions['steps']): FidelityEngine {
  const { html, url } = readPage(slug);
  let shown: Shown;
  try {
    shown = engine === 'lectern' ? lecternShown(html, url, view, steps) : engine === 'readability' ? readabilityShown(html, url) : defuddleShown(html, url);
  } catch (error) {
    return { problems: [NO_ARTICLE], error: errorText(error) };
  }
  const template = view.window.document.createElement('template');
  template.innerHTML = shown.html;
  if (!template.content.textContent?.trim()) return { problems: [NO_ARTICLE], error: 'an empty article' };
  return { problems: fidelityProblems(shownOf(template.content, shown.title), fidelityExpectation(slug)) };
}

/** Every fidelity fixture (or `options.slugs`) read by every engine asked for. */
export function measureFidelity(options: FidelityOptions = {}): FidelityResult {
  const engines = ENGINES.filter((e) => (options.engines ?? ENGINES).includes(e));
  const slugs = options.slugs ?? FIDELITY_SLUGS();
  // A blank window for the view's sanitizer and for parsing every engine's output (scripts inside a template stay inert).
  const view = pageDom('<!doctype html><body></body>', 'http://127.0.0.1/');
  const pages: FidelityPage[] = [];
  try {
    for (const id of slugs) {
      const page: FidelityPage = { id, url: readPage(id).url, engines: {} };
      for (const engine of engines) page.engines[engine] = fidelityOf(engine, id, view, options.steps);
      pages.push(page);
      options.onPage?.('fixtures', pages.length, slugs.length);
    }
  } finally {
    view.window.close();
  }
  return { engines, pages };
}

const LETTER: Record<EngineName, string> = { lectern: 'L', readability: 'R', defuddle: 'D' };
const COLUMN: Record<EngineName, string> = { lectern: 'Lectern', readability: 'Readability', defuddle: 'Defuddle' };

/** A page's cell: "yes" when faithful, else the number of problems. */
export function fidelityCell(e: FidelityEngine | undefined): string {
  if (!e) return '-';
  return e.problems.length ? String(e.problems.length) : 'yes';
}

/** The table: one row per fixture, one column per engine, then the totals row (faithful pages out of all). */
export function fidelityRows(f: FidelityResult): string[][] {
  const head = ['page', ...f.engines.map((e) => COLUMN[e])];
  const body = f.pages.map((p) => [p.id, ...f.engines.map((e) => fidelityCell(p.engines[e]))]);
  const totals = ['faithful pages', ...f.engines.map((_, i) => `${body.filter((row) => row[i + 1] === 'yes').length}/${body.length}`)];
  return [head, ...body, totals];
}

/** The totals line, read off the table's totals row: "faithful pages: L n/16, R n/16, D n/16". */
export function fidelityTotals(f: FidelityResult, rows: string[][] = fidelityRows(f)): string {
  const totals = rows[rows.length - 1] ?? [];
  return `faithful pages: ${f.engines.map((e, i) => `${LETTER[e]} ${totals[i + 1] ?? '-'}`).join(', ')}`;
}

/** A problem as the report lists it: on one line, at most PROBLEM_CHARS characters. */
export function shortProblem(problem: string): string {
  const line = problem.replace(/\s+/g, ' ');
  return line.length > PROBLEM_CHARS ? `${line.slice(0, PROBLEM_CHARS - 1)}…` : line;
}

/** Lectern's unfaithful pages and their problems, shortened (empty when Lectern did not run or is faithful throughout). */
export function lecternProblems(f: FidelityResult): { id: string; problems: string[] }[] {
  return f.pages
    .filter((p) => (p.engines.lectern?.problems.length ?? 0) > 0)
    .map((p) => {
      const e = p.engines.lectern as FidelityEngine;
      return { id: p.id, problems: e.problems.map((problem) => shortProblem(e.error ? `${problem} (${e.error})` : problem)) };
    });
}
