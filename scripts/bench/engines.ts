/**
 * The engines the bench compares, run under a Node DOM (jsdom) for quality. Every engine's output is HTML, and its
 * text is taken the same way for all, as what the reader view would show of it: the HTML sanitized as the view does
 * (src/ui/sanitize.ts), parsed, and read block by block (`blockText`). The sanitized HTML is kept beside the text
 * (the captions section counts its photos: captions.ts), and Readability's output before sanitizing, classes kept,
 * for the caption texts it shows.
 * A DOM failure (jsdom throws on some pages) is that page's failure, never a crash of the run.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle } from '../../src/extract/index';
import { blockText } from '../../src/extract/text';
import { sanitizeHtml } from '../../src/ui/sanitize';
import type { StepName } from '../../src/extract/types';

export const ENGINES = ['lectern', 'readability', 'defuddle'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface EngineOutput {
  /** The article text, blocks on their own lines; '' when the engine found no article. */
  text: string;
  /** The engine's HTML sanitized as the view does: what the text is read from. Absent when there is no article. */
  html?: string;
  /**
   * Readability only: its output before sanitizing, run with `keepClasses` so the caption harvest (captions.ts) sees
   * the classes. The option only skips Readability's last step, which strips classes; the sanitizer drops every class
   * the page gave anyway, so `html` and `text` are what Readability's defaults give.
   */
  classHtml?: string;
  /** Why there is no text: the engine's own failure or the DOM's. */
  error?: string;
  /** Node-DOM milliseconds for this engine on this page (not counting the parse). */
  ms: number;
  /** Lectern only: its "is this an article?" pre-check refused the page (the text is from "Show anyway"). */
  refused?: boolean;
}

export interface PageRun {
  parseMs: number;
  /** Set when the DOM could not be built: every engine failed on this page. */
  domError?: string;
  outputs: Partial<Record<EngineName, EngineOutput>>;
}

export interface RunOptions {
  engines: readonly EngineName[];
  /** Lectern's step switches, e.g. `{ boilerplate: false }` to measure a step's contribution. */
  steps?: Partial<Record<StepName, boolean>>;
}

/** What the view shows of an engine's HTML: the sanitized HTML and its block text. */
function viewed(dom: JSDOM, html: string): { html: string; text: string } {
  const template = dom.window.document.createElement('template');
  const clean = sanitizeHtml(html, dom.window as unknown as Window & typeof globalThis).html;
  template.innerHTML = clean;
  return { html: clean, text: blockText(template.content) };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

function timed(fn: () => Omit<EngineOutput, 'ms'>): EngineOutput {
  const start = performance.now();
  let out: Omit<EngineOutput, 'ms'>;
  try {
    out = fn();
  } catch (error) {
    out = { text: '', error: errorText(error) };
  }
  return { ...out, ms: performance.now() - start };
}

export function runLectern(dom: JSDOM, url: string, steps?: RunOptions['steps']): EngineOutput {
  const doc = dom.window.document;
  const win = dom.window as unknown as Window & typeof globalThis;
  return timed(() => {
    const first = extractArticle(doc, { url, steps }, { win });
    if (first.ok) return viewed(dom, first.article.content);
    if (first.reason !== 'not-article') return { text: '', error: first.reason };
    // Refused by the pre-check: measure what "Show anyway" gives, and say so.
    const forced = extractArticle(doc, { url, steps, force: true }, { win });
    return forced.ok ? { ...viewed(dom, forced.article.content), refused: true } : { text: '', error: forced.reason, refused: true };
  });
}

export function runReadability(dom: JSDOM): EngineOutput {
  const doc = dom.window.document;
  return timed(() => {
    const parsed = new Readability(doc.cloneNode(true) as Document, { keepClasses: true }).parse();
    if (!parsed?.content) return { text: '', error: 'no article' };
    return { ...viewed(dom, parsed.content), classHtml: parsed.content };
  });
}

export function runDefuddle(dom: JSDOM, url: string): EngineOutput {
  const doc = dom.window.document;
  // Defuddle logs the page's broken JSON-LD and the like to the console: keep the bench's output readable.
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => undefined;
  try {
    return timed(() => {
      const parsed = new Defuddle(doc, { url, useAsync: false }).parse();
      if (!parsed?.content) return { text: '', error: 'no article' };
      return viewed(dom, parsed.content);
    });
  } finally {
    Object.assign(console, saved);
  }
}

/** Parse `html` once and run each engine on it (Defuddle last: it may change the document it reads). */
export function runPage(html: string, url: string, options: RunOptions): PageRun {
  const start = performance.now();
  let dom: JSDOM;
  try {
    dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch (error) {
    return { parseMs: performance.now() - start, domError: errorText(error), outputs: {} };
  }
  const parseMs = performance.now() - start;
  const outputs: PageRun['outputs'] = {};
  try {
    if (options.engines.includes('lectern')) outputs.lectern = runLectern(dom, url, options.steps);
    if (options.engines.includes('readability')) outputs.readability = runReadability(dom);
    if (options.engines.includes('defuddle')) outputs.defuddle = runDefuddle(dom, url);
  } finally {
    dom.window.close();
  }
  return { parseMs, outputs };
}
