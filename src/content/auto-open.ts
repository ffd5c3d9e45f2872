/**
 * Registered (background/auto-open.ts) only on the sites the reader chose to open in Lectern by themselves, and only
 * while the reader's permission for that site is held. It runs once per page load, in the top frame, and tells the
 * background that a page has loaded; the background decides whether it reads as an article. It reads nothing and
 * sends nothing anywhere else.
 */
import { AUTO_OPEN_MESSAGE } from '../shared/protocol';

type Runtime = { sendMessage(message: unknown): Promise<unknown> | undefined };
const api = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
const runtime = api.browser?.runtime ?? api.chrome?.runtime;
try {
  void runtime?.sendMessage({ [AUTO_OPEN_MESSAGE]: true })?.catch(() => undefined);
} catch {
  // The extension was reloaded under this page: nothing to tell.
}
