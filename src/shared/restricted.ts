/**
 * One function knows where Lectern cannot inject its script: browser pages, other extensions, the web stores, the
 * PDF viewer, source views. Everything else is worth a try (file:// works only with the user's permission, and the
 * injection error says so).
 */

export type InjectVerdict = { ok: true } | { ok: false; message: string };

const BLOCKED_SCHEMES = new Set([
  'chrome:', 'chrome-untrusted:', 'chrome-search:', 'chrome-extension:', 'devtools:', 'edge:', 'brave:', 'opera:',
  'vivaldi:', 'about:', 'view-source:', 'moz-extension:', 'resource:', 'javascript:', 'data:', 'blob:', 'filesystem:',
]);

/** Web store pages, where browsers forbid all extensions from running scripts. */
const STORE_PAGES: ReadonlyArray<{ host: string; path?: string }> = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org' },
  { host: 'addons.opera.com' },
];

export const RESTRICTED_MESSAGES = {
  browser: 'This is a browser page. Lectern cannot read browser pages.',
  store: 'Browsers do not let extensions read web store pages.',
  pdf: 'This is a PDF document. Lectern reads web pages, not PDF files.',
  source: 'This is a source view. Open the page itself to read it in Lectern.',
  unknown: 'Lectern cannot read this page.',
} as const;

export function canInject(url: string | undefined | null): InjectVerdict {
  if (!url) return { ok: true };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: RESTRICTED_MESSAGES.unknown };
  }
  if (parsed.protocol === 'view-source:') return { ok: false, message: RESTRICTED_MESSAGES.source };
  if (BLOCKED_SCHEMES.has(parsed.protocol)) return { ok: false, message: RESTRICTED_MESSAGES.browser };
  const store = STORE_PAGES.find((s) => parsed.hostname === s.host && (!s.path || parsed.pathname.startsWith(s.path)));
  if (store) return { ok: false, message: RESTRICTED_MESSAGES.store };
  if (/\.pdf$/i.test(parsed.pathname)) return { ok: false, message: RESTRICTED_MESSAGES.pdf };
  return { ok: true };
}
