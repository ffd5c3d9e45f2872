/**
 * The view's state as signals: settings (kept in step with every other open view through storage), the CSS they
 * derive, which toolbar panel is open, and the read-aloud state. Created once per page by `createStore()` and
 * provided through context; components read it with `useStore()`.
 *
 * Settings are per site where the reader pinned some (shared/sites.ts): `settings` is what the view uses, the global
 * settings with the current article's site's pins over them, and `update` sends a pinned key to the site's pins.
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Surface } from '../shared/protocol';
import {
  defaults, loadSettings, parseStored, saveSettings, SETTINGS_VERSION, validate, watchSettings, type Settings,
} from '../shared/settings';
import {
  loadSites, PINNABLE, saveSite, settingsFor, watchSites, withSiteChange, type Pinnable, type Pinned, type SiteChange, type SiteOpen,
  type Sites,
} from '../shared/sites';
import { applyTheme, cssVars } from './theme';
import type { SpeechState } from './tts/speech';

/** Where settings come from and go to; tests pass an in-memory one. */
export interface SettingsIO {
  load(): Promise<Settings>;
  save(patch: Partial<Settings>): Promise<unknown>;
  watch(cb: (settings: Settings) => void): () => void;
  /** A synchronous copy of the last settings seen, so the first paint already has the reader's theme. */
  cached?(): Settings | null;
  remember?(settings: Settings): void;
}

/** Where the per-site choices come from and go to; tests pass an in-memory one. */
export interface SitesIO {
  load(): Promise<Sites>;
  save(site: string, change: SiteChange): Promise<unknown>;
  watch(cb: (sites: Sites) => void): () => void;
}

export const storageSitesIO: SitesIO = { load: loadSites, save: saveSite, watch: watchSites };

export type PanelName = 'settings' | 'toc' | 'speech' | 'save';

export interface Store {
  surface: Surface;
  /** The settings the view uses: the global ones with the current site's pins over them. */
  settings: ReadonlySignal<Settings>;
  /** The settings of every site without pins. */
  global: ReadonlySignal<Settings>;
  /** Every site's choices, as stored (shared/sites.ts), kept in step with storage. */
  sites: ReadonlySignal<Sites>;
  /** The site of the article on show (`siteOf(article.url)`), null for none or a page that is not http(s). */
  site: Signal<string | null>;
  /** True when the current site has settings of its own. */
  pinned: ReadonlySignal<boolean>;
  /** The CSS custom properties the settings give. */
  vars: ReadonlySignal<Record<string, string>>;
  /** The toolbar panel that is open, if any. */
  panel: Signal<PanelName | null>;
  speech: Signal<SpeechState>;
  /**
   * Change settings here at once, then store them (every other view follows). On a site with pins, the pinnable keys
   * change the site's pins and the others the global settings.
   */
  update: (patch: Partial<Settings>) => void;
  /** On: the current values of the pinnable settings become the current site's. Off: the site uses the global ones again. */
  pinSite: (on: boolean) => void;
  /** Open the current site's articles by themselves, here (null: never). The host permission is the caller's. */
  setSiteOpen: (open: SiteOpen | null) => Promise<unknown>;
  /** Keep `root` (the document element) dressed in the current theme; returns the stop function. */
  bindTheme(root: HTMLElement): () => void;
  dispose(): void;
}

/** Popup and side panel share this origin's localStorage: a copy for the first paint only; storage.sync decides. */
const CACHE_KEY = 'lectern-settings';

export const storageIO: SettingsIO = {
  load: loadSettings,
  save: saveSettings,
  watch: watchSettings,
  cached() {
    try {
      const raw = localStorage.getItem(CACHE_KEY);
      return raw === null ? null : parseStored(JSON.parse(raw));
    } catch {
      return null;
    }
  },
  remember(settings) {
    try {
      localStorage.setItem(CACHE_KEY, JSON.stringify({ ...settings, version: SETTINGS_VERSION }));
    } catch {
      // Private mode or a full quota: the cache is only a nicety.
    }
  },
};

const pick = (settings: Settings, keys: readonly Pinnable[]): Pinned => Object.fromEntries(keys.map((k) => [k, settings[k]]));

export function createStore(surface: Surface, io: SettingsIO = storageIO, sitesIO: SitesIO = storageSitesIO): Store {
  const global = signal<Settings>(io.cached?.() ?? { ...defaults });
  const sites = signal<Sites>({});
  const site = signal<string | null>(null);
  const settings = computed(() => settingsFor(global.value, sites.value, site.value));
  const pinned = computed(() => Boolean(site.value && sites.value[site.value]?.pinned));
  // The first paint's copy is the global settings: the next view may show another site.
  const unremember = io.remember ? effect(() => io.remember!(global.value)) : () => undefined;
  let touched = false;
  let sitesTouched = false;
  void io.load().then((stored) => {
    if (!touched) global.value = stored;
  }, () => undefined);
  void sitesIO.load().then((stored) => {
    if (!sitesTouched) sites.value = stored;
  }, () => undefined);
  const unwatch = io.watch((next) => {
    global.value = next;
  });
  const unwatchSites = sitesIO.watch((next) => {
    sites.value = next;
  });
  // Saves one after another: each reads the stored sites and writes them all, so two at once would lose one.
  let saving: Promise<unknown> = Promise.resolve();
  /** Change one site's choices here at once, then store them. */
  const changeSite = (key: string, change: SiteChange): Promise<unknown> => {
    sitesTouched = true;
    sites.value = withSiteChange(sites.value, key, change);
    saving = saving.then(() => sitesIO.save(key, change)).catch(() => undefined);
    return saving;
  };
  return {
    surface,
    settings,
    global,
    sites,
    site,
    pinned,
    vars: computed(() => cssVars(settings.value)),
    panel: signal<PanelName | null>(null),
    speech: signal<SpeechState>({ status: 'idle', index: -1 }),
    update(patch) {
      // The site whose pins the pinnable keys change, if it has pins.
      const current = pinned.value ? site.value : null;
      const pins: Partial<Settings> = {};
      const rest: Partial<Settings> = {};
      for (const [key, value] of Object.entries(patch)) {
        Object.assign(current !== null && PINNABLE.includes(key as Pinnable) ? pins : rest, { [key]: value });
      }
      if (current !== null) {
        // Validated as the settings are; an invalid value is left out (the one in use stays).
        const valid = validate({ ...settings.value, ...pins });
        const keys = PINNABLE.filter((key) => key in pins && valid[key] === pins[key]);
        if (keys.length) void changeSite(current, { pinned: pick(valid, keys) });
      }
      if (Object.keys(rest).length) {
        touched = true;
        global.value = validate({ ...global.value, ...rest });
        void io.save(rest).catch(() => undefined);
      }
    },
    pinSite(on) {
      const current = site.value;
      if (current === null) return;
      void changeSite(current, { pinned: on ? pick(settings.value, PINNABLE) : null });
    },
    setSiteOpen(open) {
      const current = site.value;
      return current === null ? Promise.resolve() : changeSite(current, { open });
    },
    bindTheme(root) {
      return effect(() => applyTheme(root, settings.value));
    },
    dispose() {
      unwatch();
      unwatchSites();
      unremember();
    },
  };
}

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() outside a StoreContext provider');
  return store;
}
