/** Stand-in for webextension-polyfill in unit tests (the real one throws outside an extension). */
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
