// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { defaults, validate, type Settings } from '../../src/shared/settings';
import { createStore, type SettingsIO } from '../../src/ui/store';
import { applyTheme, cssVars, MEASURES, stepIn } from '../../src/ui/theme';
import { FONT_SIZES } from '../../src/shared/settings';

/** Settings kept in memory, shared by every store made from it, like storage.sync between views. */
function memoryIO(initial: Partial<Settings> = {}) {
  let stored: Settings = { ...defaults, ...initial };
  const watchers = new Set<(s: Settings) => void>();
  const saves: Array<Partial<Settings>> = [];
  const io: SettingsIO = {
    load: () => Promise.resolve(stored),
    save: (patch) => {
      saves.push(patch);
      stored = validate({ ...stored, ...patch }); // as saveSettings does
      for (const w of watchers) w(stored);
      return Promise.resolve();
    },
    watch: (cb) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
  return { io, saves };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('store', () => {
  it('starts from the defaults and takes the stored settings when they arrive', async () => {
    const store = createStore('popup', memoryIO({ theme: 'dark' }).io);
    expect(store.settings.value).toEqual(defaults);
    await tick();
    expect(store.settings.value.theme).toBe('dark');
  });

  it('applies a change at once, saves it, and every other view follows', async () => {
    const { io, saves } = memoryIO();
    const popup = createStore('popup', io);
    const panel = createStore('sidepanel', io);
    await tick();
    popup.update({ fontSize: 22 });
    expect(popup.settings.value.fontSize).toBe(22);
    await tick();
    expect(saves).toEqual([{ fontSize: 22 }]);
    expect(panel.settings.value.fontSize).toBe(22);
    panel.dispose();
    popup.update({ theme: 'sepia' });
    await tick();
    expect(panel.settings.value.theme).toBe('system');
  });

  it('refuses invalid values', () => {
    const store = createStore('popup', memoryIO().io);
    store.update({ fontSize: 1000, theme: 'dark' });
    expect(store.settings.value).toMatchObject({ fontSize: defaults.fontSize, theme: 'dark' });
  });

  it('derives CSS variables and keeps the document dressed in the theme', () => {
    const store = createStore('sidepanel', memoryIO().io);
    const stop = store.bindTheme(document.documentElement);
    store.update({ theme: 'dark', font: 'mono', width: 'full' });
    expect(store.vars.value['--lectern-measure']).toBe('none');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.style.getPropertyValue('--lectern-font')).toMatch(/monospace/);
    stop();
    store.update({ theme: 'light' });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

describe('theme', () => {
  it('turns settings into CSS custom properties', () => {
    expect(cssVars({ ...defaults, fontSize: 20, lineHeight: 1.8, width: 'narrow' })).toMatchObject({
      '--lectern-size': '20px',
      '--lectern-leading': '1.8',
      '--lectern-measure': MEASURES.narrow,
    });
    const el = document.createElement('div');
    applyTheme(el, { ...defaults, theme: 'sepia' });
    expect(el.dataset.theme).toBe('sepia');
    expect(el.style.getPropertyValue('--lectern-size')).toBe(`${defaults.fontSize}px`);
  });

  it('steps through font sizes and holds at the ends', () => {
    expect(stepIn(FONT_SIZES, 17, 1)).toBe(18);
    expect(stepIn(FONT_SIZES, 17, -1)).toBe(16);
    expect(stepIn(FONT_SIZES, FONT_SIZES[0], -1)).toBe(FONT_SIZES[0]);
    expect(stepIn(FONT_SIZES, FONT_SIZES.at(-1)!, 1)).toBe(FONT_SIZES.at(-1));
    expect(stepIn(FONT_SIZES, 19, 0)).toBe(18);
  });
});

describe('first paint', () => {
  it('starts from the cached copy when there is one, and keeps the copy up to date', () => {
    const remembered: Settings[] = [];
    const io: SettingsIO = {
      ...memoryIO({ theme: 'dark' }).io,
      cached: () => ({ ...defaults, theme: 'dark' }),
      remember: (s) => void remembered.push(s),
    };
    const store = createStore('popup', io);
    expect(store.settings.value.theme).toBe('dark');
    store.update({ theme: 'sepia' });
    expect(remembered.at(-1)?.theme).toBe('sepia');
    store.dispose();
    store.update({ theme: 'light' });
    expect(remembered.at(-1)?.theme).toBe('sepia');
  });

  it('the storage IO caches in localStorage and validates what it reads back', async () => {
    const { storageIO } = await import('../../src/ui/store');
    localStorage.clear();
    expect(storageIO.cached!()).toBeNull();
    storageIO.remember!({ ...defaults, fontSize: 22 });
    expect(storageIO.cached!()).toEqual({ ...defaults, fontSize: 22 });
    localStorage.setItem('lectern-settings', '{not json');
    expect(storageIO.cached!()).toBeNull();
    localStorage.setItem('lectern-settings', JSON.stringify({ version: 1, fontSize: 'huge', theme: 'dark' }));
    expect(storageIO.cached!()).toEqual({ ...defaults, theme: 'dark' });
  });
});
