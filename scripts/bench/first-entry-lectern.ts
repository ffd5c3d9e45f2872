/**
 * The cold first read's Lectern bundle (first-read.ts builds it to out/bench/first-lectern.js): Lectern's pipeline
 * and nothing else, so evaluating it costs what evaluating Lectern's code costs.
 */
import { extractArticle } from '../../src/extract/index';

declare global {
  interface Window {
    lecternFirstRead?: { run(doc: Document, url: string): number };
  }
}

window.lecternFirstRead = {
  /** Lectern's full pipeline as the bench times it (force: a page its check refuses is still read); the article's length. */
  run(doc, url) {
    const result = extractArticle(doc, { url, force: true }, { win: window });
    return result.ok ? result.article.length : 0;
  },
};
