// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { defaults, validate, type Settings } from '../../src/shared/settings';
import { createStore, type SettingsIO, type SitesIO } from '../../src/ui/store';
import { parseSites, SITES_KEY, type Pinned, type SiteOpen, type Sites } from '../../src/shared/sites';
import browser from 'webextension-polyfill';
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

/** Sites kept in memory as storage.local keeps them (raw, parsed on every read), shared by every store made from it. */
function memorySites(initial: unknown = {}) {
  let raw: unknown = initial;
  const watchers = new Set<(s: Sites) => void>();
  const saves: Array<[string, { open?: SiteOpen | null; pinned?: Pinned | null }]> = [];
  const io: SitesIO = {
    load: () => Promise.resolve(parseSites(raw)),
    save: (site, change) => {
      saves.push([site, change]);
      // As saveSite does: merge the change, forget a site with no choice left.
      const sites = parseSites(raw);
      const choice = { ...sites[site] };
      if (change.open === null) delete choice.open;
      else if (change.open) choice.open = change.open;
      if (change.pinned === null) delete choice.pinned;
      else if (change.pinned) choice.pinned = { ...choice.pinned, ...change.pinned };
      if (choice.open || choice.pinned) sites[site] = choice;
      else delete sites[site];
      raw = { version: 1, sites };
      for (const w of watchers) w(parseSites(raw));
      return Promise.resolve(sites);
    },
    watch: (cb) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
  return { io, saves, stored: () => parseSites(raw) };
}

const SITE = 'https://news.example.org';
const OTHER = 'https://blog.example.net';

describe('per-site settings', () => {
  it('uses a site\'s pins over the global settings on that site only', async () => {
    const sites = memorySites({ version: 1, sites: { [SITE]: { pinned: { theme: 'dark', fontSize: 22 } } } });
    const store = createStore('tab', memoryIO({ theme: 'sepia', lineHeight: 1.8 }).io, sites.io);
    await tick();
    expect(store.settings.value).toMatchObject({ theme: 'sepia', fontSize: defaults.fontSize });
    store.site.value = SITE;
    expect(store.pinned.value).toBe(true);
    expect(store.settings.value).toMatchObject({ theme: 'dark', fontSize: 22, lineHeight: 1.8 });
    expect(store.vars.value['--lectern-size']).toBe('22px');
    store.site.value = OTHER;
    expect(store.pinned.value).toBe(false);
    expect(store.settings.value).toMatchObject({ theme: 'sepia', fontSize: defaults.fontSize });
    store.site.value = null;
    expect(store.settings.value.theme).toBe('sepia');
  });

  it('sends pinned keys to the site\'s pins and the others to the global settings', async () => {
    const settings = memoryIO();
    const sites = memorySites({ version: 1, sites: { [SITE]: { pinned: { fontSize: 20 } } } });
    const store = createStore('tab', settings.io, sites.io);
    store.site.value = SITE;
    await tick();
    store.update({ fontSize: 24, lineHeight: 1.8 });
    expect(store.settings.value).toMatchObject({ fontSize: 24, lineHeight: 1.8 });
    expect(store.global.value.fontSize).toBe(defaults.fontSize);
    await tick();
    expect(sites.saves).toEqual([[SITE, { pinned: { fontSize: 24 } }]]);
    expect(settings.saves).toEqual([{ lineHeight: 1.8 }]);
    // An invalid value keeps the one in use.
    store.update({ fontSize: 1000 });
    expect(store.settings.value.fontSize).toBe(24);
    // A key the site has not pinned yet becomes one of its pins.
    store.update({ theme: 'contrast' });
    await tick();
    expect(sites.stored()[SITE]?.pinned).toEqual({ fontSize: 24, theme: 'contrast' });
    expect(store.global.value.theme).toBe('system');
  });

  it('without pins, every change is global, as before (a site that only opens by itself has none)', async () => {
    const settings = memoryIO();
    const sites = memorySites({ version: 1, sites: { [SITE]: { open: 'tab' } } });
    const store = createStore('tab', settings.io, sites.io);
    store.site.value = SITE;
    await tick();
    store.update({ theme: 'dark', fontSize: 20 });
    await tick();
    expect(settings.saves).toEqual([{ theme: 'dark', fontSize: 20 }]);
    expect(sites.saves).toEqual([]);
    expect(store.settings.value).toMatchObject({ theme: 'dark', fontSize: 20 });
  });

  it('pins the current values for the site; unpinning falls back to the global settings at once', async () => {
    const settings = memoryIO({ theme: 'light', font: 'sans', width: 'wide', fontSize: 18 });
    const sites = memorySites({ version: 1, sites: { [SITE]: { open: 'badge' } } });
    const store = createStore('tab', settings.io, sites.io);
    store.site.value = SITE;
    await tick();
    store.pinSite(true);
    expect(store.pinned.value).toBe(true);
    await tick();
    expect(sites.saves).toEqual([[SITE, { pinned: { fontSize: 18, font: 'sans', width: 'wide', theme: 'light' } }]]);
    store.update({ theme: 'dark', fontSize: 22 });
    expect(store.settings.value).toMatchObject({ theme: 'dark', fontSize: 22 });
    expect(store.global.value).toMatchObject({ theme: 'light', fontSize: 18 });
    store.pinSite(false);
    expect(store.pinned.value).toBe(false);
    expect(store.settings.value).toMatchObject({ theme: 'light', fontSize: 18 });
    await tick();
    expect(sites.stored()).toEqual({ [SITE]: { open: 'badge' } });
    expect(settings.saves).toEqual([]);
  });

  it('stores where a site opens by itself, keeping its pins', async () => {
    const sites = memorySites({ version: 1, sites: { [SITE]: { pinned: { theme: 'dark' } } } });
    const store = createStore('tab', memoryIO().io, sites.io);
    await store.setSiteOpen('sidepanel');
    expect(sites.saves).toEqual([]);
    store.site.value = SITE;
    await store.setSiteOpen('sidepanel');
    expect(sites.stored()[SITE]).toEqual({ open: 'sidepanel', pinned: { theme: 'dark' } });
    await store.setSiteOpen(null);
    expect(sites.stored()[SITE]).toEqual({ pinned: { theme: 'dark' } });
  });

  it('every open view follows a site\'s pins', async () => {
    const settings = memoryIO();
    const sites = memorySites();
    const tab = createStore('tab', settings.io, sites.io);
    const panel = createStore('sidepanel', settings.io, sites.io);
    tab.site.value = SITE;
    panel.site.value = SITE;
    await tick();
    tab.update({ theme: 'sepia' });
    tab.pinSite(true);
    tab.update({ theme: 'dark' });
    await tick();
    expect(panel.pinned.value).toBe(true);
    expect(panel.settings.value.theme).toBe('dark');
    expect(panel.global.value.theme).toBe('sepia');
    panel.pinSite(false);
    await tick();
    expect(tab.settings.value.theme).toBe('sepia');
  });

  it('a corrupt stored value never breaks the view: unknown sites and values are dropped one by one', async () => {
    for (const corrupt of ['garbage', null, [1, 2], { version: 1, sites: 'x' }, { version: 'x', [SITE]: { pinned: 7 } }]) {
      const store = createStore('tab', memoryIO({ theme: 'sepia' }).io, memorySites(corrupt).io);
      store.site.value = SITE;
      await tick();
      expect(store.settings.value.theme).toBe('sepia');
      expect(store.pinned.value).toBe(false);
    }
    const mixed = { version: 1, sites: { 'javascript:alert(1)': { pinned: { theme: 'dark' } }, [SITE]: { open: 'window', pinned: { fontSize: 'huge', theme: 'neon', width: 'wide' } } } };
    const store = createStore('tab', memoryIO({ theme: 'sepia' }).io, memorySites(mixed).io);
    store.site.value = SITE;
    await tick();
    expect(store.settings.value).toMatchObject({ theme: 'sepia', fontSize: defaults.fontSize, width: 'wide' });
  });

  it('the storage IO reads and follows storage.local, and survives what a hand edit left there', async () => {
    await browser.storage.local.set({ [SITES_KEY]: { version: 1, sites: { [SITE]: { pinned: { theme: 'neon', fontSize: 20 } }, nope: {} } } });
    const store = createStore('tab', memoryIO().io);
    store.site.value = SITE;
    await tick();
    expect(store.settings.value.fontSize).toBe(20);
    await browser.storage.local.set({ [SITES_KEY]: 42 });
    expect(store.settings.value.fontSize).toBe(defaults.fontSize);
    store.pinSite(true);
    await tick();
    expect(((await browser.storage.local.get(SITES_KEY))[SITES_KEY] as { sites: Sites }).sites[SITE]?.pinned?.fontSize).toBe(defaults.fontSize);
    store.dispose();
  });
});
