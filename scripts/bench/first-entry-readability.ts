/**
 * The cold first read's Readability bundle (first-read.ts builds it to out/bench/first-readability.js): raw
 * @mozilla/readability on a clone of the document, as the warm bench runs it (browser-entry.ts).
 */
import { Readability } from '@mozilla/readability';

window.lecternFirstRead = {
  /** Readability alone on a clone of the document; the content's length. */
  run(doc) {
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    return parsed?.content?.length ?? 0;
  },
};
