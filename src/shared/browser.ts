/**
 * The one place that touches browser APIs directly. webextension-polyfill gives promise-based `browser.*` on
 * Chrome and Firefox; Chrome-only APIs are reached through guarded accessors here, never from feature code.
 */
import browser from 'webextension-polyfill';

export { browser };

/** The Chrome `scripting` API with `func` injection; Firefox exposes the same shape on `browser.scripting`. */
export const scripting = browser.scripting;
