// @vitest-environment jsdom
/**
 * Per-site choices in the views (#28): the Display panel's "This site" controls and the options page. The browser's
 * permission prompt shows only inside the reader's click, so the request must be made before anything is awaited.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/extract/types';
import { noneRemoved } from '../../src/extract/steps/index';
import { defaults, validate } from '../../src/shared/settings';
import { parseSites, SITES_KEY, type Sites } from '../../src/shared/sites';
import { ReaderView } from '../../src/ui/components/ReaderView';
import { OptionsPage, pinnedWords } from '../../src/ui/options/OptionsPage';
import { createStore, StoreContext, type SettingsIO, type SitesIO } from '../../src/ui/store';

const SITE = 'https://www.example.org';
const PATTERN = `${SITE}/*`;

const ARTICLE: Article = {
  title: 'The harbor ferry returns', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null,
  weak: false, content: '<p>Intro.</p>', textContent: 'Intro.', length: 6, readingTimeMinutes: 1, url: `${SITE}/ferry`, removed: noneRemoved(),
};

/** browser.permissions as a test drives it: each request waits for `answer()`; grants are remembered. */
function fakePermissions() {
  const granted = new Set<string>();
  let answer: (yes: boolean) => void = () => undefined;
  const permissions = {
    request: vi.fn(({ origins }: { origins: string[] }) => new Promise<boolean>((resolve) => {
      answer = (yes) => {
        if (yes) for (const o of origins) granted.add(o);
        resolve(yes);
      };
    })),
    remove: vi.fn(({ origins }: { origins: string[] }) => Promise.resolve(origins.map((o) => granted.delete(o)).every(Boolean))),
    contains: vi.fn(({ origins }: { origins: string[] }) => Promise.resolve(origins.every((o) => granted.has(o)))),
  };
  Object.assign(browser, { permissions });
  return { permissions, granted, answer: (yes: boolean) => answer(yes) };
}

/** Sites in memory, as storage.local holds them; every save is recorded and reported to the watchers. */
function memorySites(initial: Sites = {}) {
  let sites: Sites = initial;
  const watchers = new Set<(s: Sites) => void>();
  const saves: Array<[string, unknown]> = [];
  const io: SitesIO = {
    load: () => Promise.resolve(sites),
    save: (site, change) => {
      saves.push([site, change]);
      const choice = { ...sites[site] };
      if (change.open === null) delete choice.open;
      else if (change.open) choice.open = change.open;
      if (change.pinned === null) delete choice.pinned;
      else if (change.pinned) choice.pinned = { ...choice.pinned, ...change.pinned };
      sites = parseSites({ version: 1, sites: { ...sites, [site]: choice } });
      for (const w of watchers) w(sites);
      return Promise.resolve(sites);
    },
    watch: (cb) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
  return { io, saves, stored: () => sites };
}

const settingsIO: SettingsIO = { load: () => Promise.resolve(validate(defaults)), save: () => Promise.resolve(), watch: () => () => undefined };

/** The reader on `article` with its Display panel open. */
async function showDisplay(article: Article = ARTICLE, sites = memorySites()) {
  const store = createStore('tab', settingsIO, sites.io);
  store.panel.value = 'settings';
  render(
    <StoreContext.Provider value={store}>
      <ReaderView view={{ phase: 'done', result: { ok: true, article } }} actions={{ retry: () => undefined, force: () => undefined }} />
    </StoreContext.Provider>,
  );
  await screen.findByRole('group', { name: 'Display' });
  return { store, sites };
}

const alwaysOpen = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Always open www.example.org in Lectern' });

afterEach(() => {
  cleanup();
  delete (browser as { permissions?: unknown }).permissions;
});

describe('the Display panel\'s "This site" controls', () => {
  it('show for an http(s) article, with the site\'s host', async () => {
    fakePermissions();
    await showDisplay();
    const group = screen.getByRole('group', { name: 'This site' });
    expect(within(group).getByRole('checkbox', { name: 'Use these settings for www.example.org' })).toBeTruthy();
    expect(alwaysOpen().checked).toBe(false);
    expect(within(group).getByRole('combobox', { name: 'Open in' })).toBeTruthy();
    expect(within(group).getAllByRole('option').map((o) => o.textContent)).toEqual(['Reader tab', 'Side panel', 'Badge on the toolbar button']);
    expect(group.textContent).toContain('Lectern then reads this site\'s pages by itself and opens only those that read as articles.');
  });

  it('an article\'s site brings its own settings to the view', async () => {
    const { store } = await showDisplay(ARTICLE, memorySites({ [SITE]: { pinned: { theme: 'dark', fontSize: 22 } } }));
    expect(store.site.value).toBe(SITE);
    await waitFor(() => expect(store.settings.value).toMatchObject({ theme: 'dark', fontSize: 22 }));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Use these settings for www.example.org' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Dark' }).checked).toBe(true);
  });

  it.each(['file:///home/reader/ferry.html', '', 'about:blank'])('are absent for a page that is not http(s): %j', async (url) => {
    await showDisplay({ ...ARTICLE, url });
    expect(screen.queryByRole('group', { name: 'This site' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /Always open/ })).toBeNull();
  });

  it('"Use these settings" pins the current values for the site, and unticking gives the global ones back', async () => {
    const { store, sites } = await showDisplay();
    const pin = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Use these settings for www.example.org' });
    fireEvent.click(pin);
    expect(pin.checked).toBe(true);
    expect(store.pinned.value).toBe(true);
    await waitFor(() => expect(sites.saves).toEqual([[SITE, { pinned: { fontSize: defaults.fontSize, font: defaults.font, width: defaults.width, theme: defaults.theme } }]]));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(store.settings.value.theme).toBe('dark');
    await waitFor(() => expect(sites.stored()[SITE]?.pinned?.theme).toBe('dark'));
    expect(store.global.value.theme).toBe(defaults.theme);
    fireEvent.click(pin);
    await waitFor(() => expect(pin.checked).toBe(false));
    expect(store.settings.value.theme).toBe(defaults.theme);
    expect(sites.stored()[SITE]).toBeUndefined();
  });

  it('ticking "Always open" asks the browser inside the click, before it stores the choice', async () => {
    const fake = fakePermissions();
    const { sites } = await showDisplay();
    fireEvent.change(screen.getByRole('combobox', { name: 'Open in' }), { target: { value: 'sidepanel' } });
    expect(sites.saves).toEqual([]);
    fireEvent.click(alwaysOpen());
    // Synchronously, within the click: nothing awaited before the request.
    expect(fake.permissions.request).toHaveBeenCalledExactlyOnceWith({ origins: [PATTERN] });
    fake.answer(true);
    await waitFor(() => expect(alwaysOpen().checked).toBe(true));
    expect(sites.saves).toEqual([[SITE, { open: 'sidepanel' }]]);
    expect(screen.getByRole('group', { name: 'This site' }).textContent).not.toContain('not allowed');
  });

  it('a refusal says so, leaves the box unticked and keeps no choice', async () => {
    const fake = fakePermissions();
    const { sites } = await showDisplay();
    fireEvent.click(alwaysOpen());
    expect(fake.permissions.request).toHaveBeenCalledOnce();
    fake.answer(false);
    expect(await screen.findByText('Lectern was not allowed on www.example.org.')).toBeTruthy();
    expect(alwaysOpen().checked).toBe(false);
    // Stored at once (a prompt may close a popup before it answers), taken back on the refusal.
    await waitFor(() => expect(sites.saves).toEqual([[SITE, { open: 'tab' }], [SITE, { open: null }]]));
  });

  it('reflects storage and the permission; the select then saves only the surface; unticking gives the access back', async () => {
    const fake = fakePermissions();
    fake.granted.add(PATTERN);
    const { sites } = await showDisplay(ARTICLE, memorySites({ [SITE]: { open: 'badge' } }));
    await waitFor(() => expect(alwaysOpen().checked).toBe(true));
    const where = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Open in' });
    expect(where.value).toBe('badge');
    fireEvent.change(where, { target: { value: 'tab' } });
    await waitFor(() => expect(sites.saves).toEqual([[SITE, { open: 'tab' }]]));
    expect(fake.permissions.request).not.toHaveBeenCalled();
    fireEvent.click(alwaysOpen());
    await waitFor(() => expect(alwaysOpen().checked).toBe(false));
    expect(sites.saves.at(-1)).toEqual([SITE, { open: null }]);
    expect(fake.permissions.remove).toHaveBeenCalledWith({ origins: [PATTERN] });
    expect(fake.granted.has(PATTERN)).toBe(false);
  });

  it('stays unticked for a stored site whose access the reader took back in the browser', async () => {
    fakePermissions();
    await showDisplay(ARTICLE, memorySites({ [SITE]: { open: 'tab' } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(alwaysOpen().checked).toBe(false);
  });
});

describe('the options page', () => {
  const store = (sites: Sites) => browser.storage.local.set({ [SITES_KEY]: { version: 1, sites } });
  const stored = async () => parseSites((await browser.storage.local.get(SITES_KEY))[SITES_KEY]);
  beforeEach(async () => {
    await browser.storage.local.remove(SITES_KEY);
  });

  it('says so when no site has choices of its own', async () => {
    render(<OptionsPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Lectern settings' })).toBeTruthy();
    expect(await screen.findByText(/^No site has choices of its own yet\./)).toBeTruthy();
  });

  it('lists every site: host, where it opens, its settings in words', async () => {
    await store({
      'https://news.example.org': { open: 'sidepanel' },
      'https://www.example.org': { pinned: { fontSize: 20, font: 'atkinson', width: 'wide', theme: 'dark' } },
    });
    render(<OptionsPage />);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['news.example.org', 'www.example.org']);
    const news = screen.getByRole('group', { name: 'news.example.org' });
    expect(within(news).getByRole<HTMLSelectElement>('combobox', { name: 'Opens' }).value).toBe('sidepanel');
    expect(news.textContent).toContain('The same as everywhere');
    const www = screen.getByRole('group', { name: 'www.example.org' });
    expect(within(www).getByRole<HTMLSelectElement>('combobox', { name: 'Opens' }).value).toBe('');
    expect(Array.from(www.querySelectorAll('.lectern-sites__pin'), (p) => p.textContent)).toEqual(['Text 20 px', 'Atkinson Hyperlegible', 'Wide', 'Dark']);
    expect(pinnedWords({ theme: 'sepia' })).toEqual(['Sepia']);
  });

  it('Remove forgets a site and gives its access back; the list follows storage', async () => {
    const fake = fakePermissions();
    fake.granted.add('https://news.example.org/*');
    await store({ 'https://news.example.org': { open: 'tab' }, 'https://www.example.org': { pinned: { theme: 'dark' } } });
    render(<OptionsPage />);
    const news = await screen.findByRole('group', { name: 'news.example.org' });
    fireEvent.click(within(news).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'news.example.org' })).toBeNull());
    expect(Object.keys(await stored())).toEqual(['https://www.example.org']);
    expect(fake.permissions.remove).toHaveBeenCalledWith({ origins: ['https://news.example.org/*'] });
    // A choice made in a reader shows at once.
    await store({ 'https://www.example.org': { pinned: { theme: 'dark' } }, 'https://later.example.com': { open: 'badge' } });
    expect(await screen.findByRole('group', { name: 'later.example.com' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'www.example.org' })).getByRole('button', { name: 'Remove' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'later.example.com' })).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/^No site has choices of its own yet\./)).toBeTruthy();
  });

  it('changing where a site opens saves it; opening a site by itself asks the browser first', async () => {
    const fake = fakePermissions();
    await store({ 'https://news.example.org': { open: 'tab' }, 'https://www.example.org': { pinned: { theme: 'dark' } } });
    render(<OptionsPage />);
    const news = await screen.findByRole('group', { name: 'news.example.org' });
    fireEvent.change(within(news).getByRole('combobox', { name: 'Opens' }), { target: { value: 'badge' } });
    await waitFor(async () => expect((await stored())['https://news.example.org']?.open).toBe('badge'));
    expect(fake.permissions.request).not.toHaveBeenCalled();
    const www = screen.getByRole('group', { name: 'www.example.org' });
    fireEvent.change(within(www).getByRole('combobox', { name: 'Opens' }), { target: { value: 'tab' } });
    expect(fake.permissions.request).toHaveBeenCalledExactlyOnceWith({ origins: [PATTERN] });
    fake.answer(false);
    expect(await within(www).findByText('Lectern was not allowed on www.example.org.')).toBeTruthy();
    expect((await stored())['https://www.example.org']).toEqual({ pinned: { theme: 'dark' } });
    await waitFor(() => expect(within(www).getByRole<HTMLSelectElement>('combobox', { name: 'Opens' }).value).toBe(''));
    fireEvent.change(within(www).getByRole('combobox', { name: 'Opens' }), { target: { value: 'tab' } });
    fake.answer(true);
    await waitFor(async () => expect((await stored())['https://www.example.org']).toEqual({ open: 'tab', pinned: { theme: 'dark' } }));
    // Back to "when you ask": the access goes too.
    fireEvent.change(within(news).getByRole('combobox', { name: 'Opens' }), { target: { value: '' } });
    await waitFor(async () => expect((await stored())['https://news.example.org']).toBeUndefined());
    expect(fake.permissions.remove).toHaveBeenCalledWith({ origins: ['https://news.example.org/*'] });
  });
});
