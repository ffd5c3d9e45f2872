/**
 * The pipeline's own copy of the page: everything after this works on it, never on the live document.
 *
 * Built in a new document with no browsing context (nothing in it runs or loads), from copies of `<html>` and its
 * children made detached and inserted once, without style sheets: a `<style>` that enters a document is parsed even
 * though nothing will ever render it, which made `document.cloneNode(true)` cost about twice a copy of the elements
 * alone on the aeb corpus in Chromium. Readability drops style sheets anyway; nothing in the pipeline reads them.
 */
const STYLE_SHEETS = 'style, link[rel~="stylesheet" i]';

export function copyForReading(doc: Document): Document {
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.importNode(doc.documentElement, false);
  for (const child of Array.from(doc.documentElement.childNodes)) {
    const node = copy.importNode(child, true);
    if (node.nodeType === 1) for (const sheet of Array.from((node as Element).querySelectorAll(STYLE_SHEETS))) sheet.remove();
    html.appendChild(node);
  }
  copy.replaceChild(html, copy.documentElement);
  return copy;
}
