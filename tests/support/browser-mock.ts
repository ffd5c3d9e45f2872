/** Stand-in for webextension-polyfill in unit tests (the real one throws outside an extension). */
import en from '../../_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
/** The catalogue `i18n.getMessage` reads: English, as the browser would for an English reader; tests may swap it. */
let catalogue: Catalogue = en;
let uiLanguage = 'en';
export function useCatalogue(next: Catalogue, language: string): void {
  catalogue = next;
  uiLanguage = language;
}

/** chrome.i18n.getMessage: the message with its $NAME$ placeholders replaced by the numbered substitutions. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const value = content.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
    text = text.split(new RegExp(`\\$${name}\\$`, 'gi')).join(value);
  }
  return text;
}
type Change = { oldValue?: unknown; newValue?: unknown };
type Listener = (changes: Record<string, Change>, area: string) => void;

const listeners = new Set<Listener>();

/** An in-memory storage area that reports changes through `storage.onChanged`, like the real one. */
function area(name: string) {
  const data = new Map<string, unknown>();
  const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
  return {
    get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      const wanted = keys == null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = clone(data.get(key));
      return Promise.resolve(out);
    },
    set(items: Record<string, unknown>): Promise<void> {
      const changes: Record<string, Change> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: clone(data.get(key)), newValue: clone(value) };
        data.set(key, clone(value));
      }
      for (const listener of listeners) listener(changes, name);
      return Promise.resolve();
    },
    remove(keys: string | string[]): Promise<void> {
      const changes: Record<string, Change> = {};
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: clone(data.get(key)) };
        data.delete(key);
      }
      for (const listener of listeners) listener(changes, name);
      return Promise.resolve();
    },
    /** Test helper: forget everything without reporting changes. */
    reset(): void {
      data.clear();
    },
  };
}

const browser = {
  runtime: { id: 'test', getURL: (path: string) => `chrome-extension://test/${path}` },
  i18n: { getMessage, getUILanguage: () => uiLanguage },
  storage: {
    sync: area('sync'),
    session: area('session'),
    local: area('local'),
    onChanged: {
      addListener: (listener: Listener) => void listeners.add(listener),
      removeListener: (listener: Listener) => void listeners.delete(listener),
      hasListener: (listener: Listener) => listeners.has(listener),
    },
  },
};
export default browser;
