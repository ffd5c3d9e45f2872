/**
 * The view's state as signals: settings (kept in step with every other open view through storage), the CSS they
 * derive, which toolbar panel is open, and the read-aloud state. Created once per page by `createStore()` and
 * provided through context; components read it with `useStore()`.
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Surface } from '../shared/protocol';
import {
  defaults, loadSettings, parseStored, saveSettings, SETTINGS_VERSION, validate, watchSettings, type Settings,
} from '../shared/settings';
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

export type PanelName = 'settings' | 'toc' | 'speech' | 'save';

export interface Store {
  surface: Surface;
  settings: Signal<Settings>;
  /** The CSS custom properties the settings give. */
  vars: ReadonlySignal<Record<string, string>>;
  /** The toolbar panel that is open, if any. */
  panel: Signal<PanelName | null>;
  speech: Signal<SpeechState>;
  /** Change settings here at once, then store them (every other view follows). */
  update: (patch: Partial<Settings>) => void;
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

export function createStore(surface: Surface, io: SettingsIO = storageIO): Store {
  const settings = signal<Settings>(io.cached?.() ?? { ...defaults });
  const unremember = io.remember ? effect(() => io.remember!(settings.value)) : () => undefined;
  let touched = false;
  void io.load().then((stored) => {
    if (!touched) settings.value = stored;
  }, () => undefined);
  const unwatch = io.watch((next) => {
    settings.value = next;
  });
  return {
    surface,
    settings,
    vars: computed(() => cssVars(settings.value)),
    panel: signal<PanelName | null>(null),
    speech: signal<SpeechState>({ status: 'idle', index: -1 }),
    update(patch) {
      touched = true;
      settings.value = validate({ ...settings.value, ...patch });
      void io.save(patch).catch(() => undefined);
    },
    bindTheme(root) {
      return effect(() => applyTheme(root, settings.value));
    },
    dispose() {
      unwatch();
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
