/**
 * The injected script. The background injects this file with scripting.executeScript({ files }) and then calls
 * `globalThis.__lectern.read(options)` with a second executeScript({ func }). A second injection into the same page
 * finds the API already there and leaves it alone.
 * It reads the live document and never changes it: extraction works on a clone.
 */
import { extractArticle } from '../extract/index';
import type { ReadOptions, ReadResult } from '../shared/protocol';
import { RESTRICTED_MESSAGES } from '../shared/restricted';

export interface ContentApi {
  /** Bumped when the API's shape changes, so a stale copy in a long-lived page can be told apart. */
  version: number;
  read(options?: ReadOptions): ReadResult;
}

declare global {
  // eslint-disable-next-line no-var
  var __lectern: ContentApi | undefined;
}

const API_VERSION = 1;

function read(options: ReadOptions = {}): ReadResult {
  if (document.contentType && !/html|xml/i.test(document.contentType)) {
    const pdf = document.contentType === 'application/pdf';
    return { ok: false, reason: 'restricted', message: pdf ? RESTRICTED_MESSAGES.pdf : RESTRICTED_MESSAGES.unknown };
  }
  return extractArticle(document, { url: location.href, force: options.force }, { win: window });
}

if (globalThis.__lectern?.version !== API_VERSION) {
  globalThis.__lectern = { version: API_VERSION, read };
}
