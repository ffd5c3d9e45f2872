/**
 * Save a file from a page of the extension the way any web page does: a Blob, an object URL, a link with `download`
 * clicked and removed. No `downloads` permission: the browser asks where to save, or saves to its folder, as it
 * would for a web page.
 */

/** Save `content` as `filename` (use `safeFilename`) of type `mime` ("text/markdown;charset=utf-8"), from `doc`. */
export function downloadFile(doc: Document, filename: string, content: string, mime: string): void {
  // The document's own window: its Blob and URL are the ones its links can open.
  const view = doc.defaultView ?? globalThis;
  const url = view.URL.createObjectURL(new view.Blob([content], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  (doc.body ?? doc.documentElement).append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked after a tick: the click's download starts reading the URL first.
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }
}
