/**
 * The cold first read's Lectern bundle (first-read.ts builds it to out/bench/first-lectern.js): Lectern's pipeline
 * and nothing else, so evaluating it costs what evaluating Lectern's code costs.
 */
import { extractArticle } from '../../src/extract/index';

declare global {
  interface Window {
    lecternFirstRead?: { run(doc: Document, url: string, timings?: Record<string, number>): number };
  }
}

window.lecternFirstRead = {
  /**
   * Lectern's full pipeline as the bench times it (force: a page its check refuses is still read); the article's
   * length. With `timings`, each stage's milliseconds are added to it (the pipeline's own stopwatch: a few
   * `performance.now()` reads).
   */
  run(doc, url, timings) {
    const result = extractArticle(doc, { url, force: true }, { win: window, timings });
    return result.ok ? result.article.length : 0;
  },
};
