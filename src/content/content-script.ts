/**
 * The injected script. The background injects this file with scripting.executeScript({ files }) and then calls
 * `globalThis.__lectern.read(options)` with a second executeScript({ func }). A second injection into the same page
 * finds the API already there and leaves it alone.
 * It reads the live document and never changes it: extraction works on a clone (the selection on detached copies).
 */
import { DEFAULT_MAX_ELEMENTS, extractArticle } from '../extract/index';
import { extractSelection } from '../extract/selection';
import type { HandOff, ReadOptions, ReadResult } from '../shared/protocol';
import { RESTRICTED_MESSAGES } from '../shared/restricted';
import type { MaxStamps } from '../shared/trace';

export interface ContentApi {
  /** Bumped when the API's shape changes, so a stale copy in a long-lived page can be told apart. */
  version: number;
  /**
   * Read the page. With `handOffAbove`, a page of more elements than that (but not too large to read) is not read
   * here: its markup comes back (`HandOff`) for the background to read elsewhere, off the page's thread.
   */
  read(options?: ReadOptions, handOffAbove?: number | null): ReadResult | HandOff;
}

declare global {
  var __lectern: ContentApi | undefined;
}

const API_VERSION = 3;

/** The bench's stamps, E2E builds only (src/shared/trace.ts): kept in this isolated world, never seen by the page. */
const MAX_STAMPS: MaxStamps = 2000;
const TRACE = typeof __LECTERN_E2E__ !== 'undefined' && __LECTERN_E2E__;
function stamp(name: string): void {
  if (!TRACE) return;
  const list = (globalThis.__lecternTrace ??= []);
  if (list.length < MAX_STAMPS) list.push({ name, t: performance.timeOrigin + performance.now() });
}

/** Copies of the selected nodes in a detached element (nothing is added to the page). */
function selectedNodes(): HTMLElement | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const box = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box;
}

function read(options: ReadOptions = {}, handOffAbove: number | null = null): ReadResult | HandOff {
  stamp('cs:read-start');
  const result = readNow(options, handOffAbove);
  stamp('cs:read-end');
  return result;
}

function readNow(options: ReadOptions, handOffAbove: number | null): ReadResult | HandOff {
  if (document.contentType && !/html|xml/i.test(document.contentType)) {
    const pdf = document.contentType === 'application/pdf';
    return { ok: false, reason: 'restricted', message: pdf ? RESTRICTED_MESSAGES.pdf : RESTRICTED_MESSAGES.unknown };
  }
  const url = location.href;
  if (options.selection) {
    const nodes = selectedNodes();
    if (!nodes) return { ok: false, reason: 'empty', message: 'Select some text on the page first.' };
    return extractSelection(document, nodes, { url }, { win: window });
  }
  if (handOffAbove !== null) {
    const elements = document.getElementsByTagName('*').length;
    // Too large to read stays here: the refusal is as quick as counting.
    if (elements > handOffAbove && elements <= DEFAULT_MAX_ELEMENTS) {
      return { handOff: { html: `${document.doctype ? '<!doctype html>' : ''}${document.documentElement.outerHTML}`, url } };
    }
  }
  return extractArticle(document, { url, force: options.force }, { win: window });
}

stamp('cs:evaluated');
if (globalThis.__lectern?.version !== API_VERSION) {
  globalThis.__lectern = { version: API_VERSION, read };
}
