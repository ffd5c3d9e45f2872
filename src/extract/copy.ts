/**
 * The pipeline's own copy of the page: everything after this works on it, never on the live document.
 *
 * Built in a new document with no browsing context (nothing in it runs or loads), from copies of `<html>` and its
 * children made detached and inserted once, without style sheets: a `<style>` that enters a document is parsed even
 * though nothing will ever render it, which made `document.cloneNode(true)` cost about twice a copy of the elements
 * alone on the aeb corpus in Chromium. Readability drops style sheets and scripts anyway (it reads JSON-LD first,
 * which stays); nothing else in the pipeline reads them.
 */
/** Left out of the copy: style sheets, and scripts other than JSON-LD metadata (Readability reads that, then drops the rest). */
const LEFT_OUT = 'style, link[rel~="stylesheet" i], script:not([type="application/ld+json" i])';

export function copyForReading(doc: Document): Document {
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.importNode(doc.documentElement, false);
  for (const child of Array.from(doc.documentElement.childNodes)) {
    const node = copy.importNode(child, true);
    if (node.nodeType === 1) for (const sheet of Array.from((node as Element).querySelectorAll(LEFT_OUT))) sheet.remove();
    html.appendChild(node);
  }
  copy.replaceChild(html, copy.documentElement);
  return copy;
}
