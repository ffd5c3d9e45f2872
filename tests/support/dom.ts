/** Shared helpers for unit tests: build a Node DOM, run the real pipeline, read fixture pages. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../src/extract/index';
import { sanitizeHtml } from '../../src/ui/sanitize';
import type { ExtractOptions, ExtractResult } from '../../src/extract/types';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGES = join(ROOT, 'tests', 'pages');
export const FIXTURE_URL = 'http://127.0.0.1/news/story.html';

export function makeDom(html: string, url = FIXTURE_URL): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

export function extractHtml(html: string, options: Partial<ExtractOptions> = {}): ExtractResult {
  const url = options.url ?? FIXTURE_URL;
  const dom = makeDom(html, url);
  return extractArticle(dom.window.document, { ...options, url }, { win: dom.window as never });
}

/** The slugs of the fixture pages (folders of tests/pages with a source.html), sorted. */
export function fixtureSlugs(): string[] {
  return readdirSync(PAGES).filter((slug) => existsSync(join(PAGES, slug, 'source.html'))).sort();
}

/** A fixture page from tests/pages/<slug>/: its source and, when present, its meta.json url. */
export function readPage(slug: string): { html: string; url: string } {
  const dir = join(PAGES, slug);
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const metaPath = join(dir, 'meta.json');
  const url = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { url: string }).url : FIXTURE_URL;
  return { html, url };
}

export function extractPage(slug: string, options: Partial<ExtractOptions> = {}): ExtractResult {
  const { html, url } = readPage(slug);
  return extractHtml(html, { url, ...options });
}

/** What the reader view renders for an article's `content`: it sanitized, as the view does (src/ui/sanitize.ts). */
export function viewHtml(content: string): string {
  return sanitizeHtml(content, viewWindow()).html;
}

let view: (Window & typeof globalThis) | undefined;
function viewWindow(): Window & typeof globalThis {
  return (view ??= makeDom('<!doctype html><body></body>').window as unknown as Window & typeof globalThis);
}

/** Parse HTML as it is into a fragment to query it. */
export function articleDom(content: string): DocumentFragment {
  const template = viewWindow().document.createElement('template');
  template.innerHTML = content;
  return template.content;
}

/** What a reader sees of an article's `content`: it sanitized as the view does, parsed into a fragment. */
export function viewDom(content: string): DocumentFragment {
  return articleDom(viewHtml(content));
}

/** How many times `needle` occurs in `haystack` (whitespace folded in both). */
export function countOccurrences(haystack: string, needle: string): number {
  const h = haystack.replace(/\s+/g, ' ');
  const n = needle.replace(/\s+/g, ' ').trim();
  if (!n) return 0;
  let count = 0;
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) count++;
  return count;
}
