/**
 * Read a page from its markup, as the offscreen document does for large pages (background/offscreen.ts): parsed into
 * an inert document, then the same extraction as in the page.
 */
import { extractArticle } from '../extract/index';
import type { ReadOptions, ReadResult } from '../shared/protocol';

/** `win`: the window whose DOMParser parses (the offscreen document's; tests pass a jsdom one). */
export function readHtml(html: string, url: string, options: ReadOptions = {}, win?: Window & typeof globalThis): ReadResult {
  const doc = new (win ?? globalThis).DOMParser().parseFromString(html, 'text/html');
  // The live page parsed <noscript> content as text (scripting on); DOMParser parses it as elements (scripting off).
  // Text again, so the document is the one the page had.
  const noscripts = doc.getElementsByTagName('noscript');
  for (let i = 0; i < noscripts.length; i++) {
    const n = noscripts[i] as Element;
    n.replaceChildren(doc.createTextNode(n.innerHTML));
  }
  return extractArticle(doc, { url, force: options.force }, { win });
}
