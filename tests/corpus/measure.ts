/**
 * One corpus page through the real pipeline, measured against Readability 0.6.0's own expected output.
 * Used by corpus-worker.ts (run in child processes so the corpus spreads over every core).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDom } from '../support/dom';
import { extractArticle } from '../../src/extract/index';
import { looksReaderable } from '../../src/extract/readability/readerable';
import { blockText } from '../../src/extract/text';
import { f1Of, scorePage } from '../../scripts/bench/metric';

export interface PageRow {
  slug: string;
  ok: boolean;
  /** The failure reason, or the DOM library's exception, when `ok` is false. */
  reason: string;
  /** Would the default pre-check (no `force`) have let this page through? */
  readerable: boolean;
  ourChars: number;
  expectedChars: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Measure `dir/slug`: `source.html` at its meta.json URL with `{ force: true }`, text compared with `expected.html`. */
export function measurePage(dir: string, slug: string): PageRow {
  const row: PageRow = {
    slug, ok: false, reason: '', readerable: false, ourChars: 0, expectedChars: 0, precision: 0, recall: 0, f1: 0,
  };
  const pageDir = join(dir, slug);
  let close = (): void => {};
  try {
    const { url } = JSON.parse(readFileSync(join(pageDir, 'meta.json'), 'utf8')) as { url: string };
    const dom = makeDom(readFileSync(join(pageDir, 'source.html'), 'utf8'), url);
    close = () => dom.window.close();
    const doc = dom.window.document;
    const result = extractArticle(doc, { url, force: true }, { win: dom.window as never });
    // The pre-check reads the page and never changes it; the pipeline never changes the live page either.
    row.readerable = looksReaderable(doc);
    // Expected text: Readability's HTML parsed inert in the same document, read the same way as ours.
    const expected = doc.createElement('template');
    expected.innerHTML = readFileSync(join(pageDir, 'expected.html'), 'utf8');
    const expectedText = blockText(expected.content);
    row.expectedChars = expectedText.length;
    if (!result.ok) {
      row.reason = result.reason;
      return row;
    }
    row.ok = true;
    row.ourChars = result.article.textContent.length;
    // Formulas are left out of the comparison: Readability's expected output shows MediaWiki's formula images (no
    // text), Lectern their MathML (the `math` step), whose text splits the 4-word shingles around every formula.
    const ours = doc.createElement('template');
    ours.innerHTML = result.article.content;
    for (const math of Array.from(ours.content.querySelectorAll('math'))) math.remove();
    const { precision, recall } = scorePage(blockText(ours.content), expectedText);
    Object.assign(row, { precision, recall, f1: f1Of(precision, recall) });
  } catch (error) {
    row.ok = false;
    row.reason = `exception: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    close();
  }
  return row;
}
