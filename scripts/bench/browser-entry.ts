/**
 * The bench's in-page bundle (built to out/bench/bench.js as an IIFE): the two things the speed bench times in
 * Chromium, on the live page the browser parsed and laid out.
 */
import { Readability } from '@mozilla/readability';
import { extractArticle, type StepName } from '../../src/extract/index';

declare global {
  interface Window {
    lecternBench: {
      lecternExtract(doc: Document, url: string, steps?: Partial<Record<StepName, boolean>>): number;
      readabilityOnly(doc: Document): number;
      lecternAnswer(doc: Document, url: string): string;
      lecternProfile(doc: Document, url: string, steps?: Partial<Record<StepName, boolean>>): Record<string, number>;
    };
  }
}

window.lecternBench = {
  /** Lectern's full pipeline (it clones the document itself); returns the article's length, 0 when none. */
  lecternExtract(doc, url, steps) {
    const result = extractArticle(doc, { url, force: true, steps }, { win: window });
    return result.ok ? result.article.length : 0;
  },
  /** What the reader gets for the page, as the extension asks for it (no force): `article` or the failure reason. */
  lecternAnswer(doc, url) {
    const result = extractArticle(doc, { url }, { win: window });
    return result.ok ? 'article' : result.reason;
  },
  /** Lectern's full pipeline, with the milliseconds each stage took. */
  lecternProfile(doc, url, steps) {
    const timings: Record<string, number> = {};
    extractArticle(doc, { url, force: true, steps }, { win: window, timings });
    return timings;
  },
  /** Readability alone on a clone of the same document; returns the content's length, 0 when none. */
  readabilityOnly(doc) {
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    return parsed?.content?.length ?? 0;
  },
};
