/**
 * Inject the content script into a tab and read its article. The only path from a tab to an article: every entry
 * point ends here. Failures come back as results with a sentence, never as thrown errors.
 */
import contentScript from '../content/content-script.ts?iife';
import { browser, scripting } from '../shared/browser';
import { isHandOff, type HandOff, type ReadOptions, type ReadResult } from '../shared/protocol';
import { canInject, RESTRICTED_MESSAGES } from '../shared/restricted';
import { stamp } from './trace';
import { oncePerTab } from './in-flight';
import { canHandOff, HAND_OFF_ABOVE, readOffscreen } from './offscreen';

const NO_ACCESS_MESSAGE = 'Lectern needs your go-ahead for this page: click the Lectern button in the toolbar while the page is open.';

/** Turn an injection error into the sentence a reader sees. */
function injectionFailure(error: unknown): ReadResult {
  const text = error instanceof Error ? error.message : String(error);
  if (/No tab with id|tab was closed|Frame with ID 0 was removed|No frame with id/i.test(text)) {
    return { ok: false, reason: 'no-tab', message: 'The tab was closed or moved on before Lectern could read it.' };
  }
  if (/gallery|webstore|cannot be scripted/i.test(text)) return { ok: false, reason: 'restricted', message: RESTRICTED_MESSAGES.store };
  if (/chrome:\/\/|chrome-extension:\/\/|about:|edge:\/\//i.test(text)) {
    return { ok: false, reason: 'restricted', message: RESTRICTED_MESSAGES.browser };
  }
  if (/file:\/\//i.test(text)) {
    return { ok: false, reason: 'no-access', message: 'To read local files, allow "Access file URLs" for Lectern on the extensions page.' };
  }
  if (/permission|Cannot access/i.test(text)) return { ok: false, reason: 'no-access', message: NO_ACCESS_MESSAGE };
  return { ok: false, reason: 'error', message: 'Lectern could not read this page.' };
}

/** Read a tab; a read of the same tab with the same options that is already running is shared, not repeated. */
export function readTab(tabId: number, options: ReadOptions = {}): Promise<ReadResult> {
  return oncePerTab(tabId, JSON.stringify({ force: !!options.force, selection: !!options.selection }), () => readNow(tabId, options));
}

async function readNow(tabId: number, options: ReadOptions): Promise<ReadResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, reason: 'no-tab', message: 'That tab is no longer open.' };
  }
  const verdict = canInject(url);
  if (!verdict.ok) return { ok: false, reason: 'restricted', message: verdict.message };
  try {
    stamp('bg:inject-start');
    await scripting.executeScript({ target: { tabId }, files: [contentScript] });
    stamp('bg:inject-end');
    const readInPage = async (handOffAbove: number | null): Promise<ReadResult | HandOff | null | undefined> => {
      const [frame] = await scripting.executeScript({
        target: { tabId },
        func: (opts: ReadOptions, above: number | null) => globalThis.__lectern?.read(opts, above) ?? null,
        args: [options, handOffAbove],
      });
      return frame?.result as ReadResult | HandOff | null | undefined;
    };
    let result = await readInPage(canHandOff() && !options.selection ? HAND_OFF_ABOVE : null);
    // A large page: read off its thread; if that cannot be done, in the page after all.
    if (isHandOff(result)) result = (await readOffscreen(result.handOff.html, result.handOff.url, options)) ?? (await readInPage(null));
    stamp('bg:read-end');
    return result && !isHandOff(result) ? result : { ok: false, reason: 'error', message: 'Lectern could not read this page.' };
  } catch (error) {
    return injectionFailure(error);
  }
}
