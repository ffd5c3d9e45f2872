// @vitest-environment jsdom
/**
 * The interface's words (#27): every locale has every key and keeps every placeholder; every sentence a result can
 * carry is in the English catalogue (so `sentence()` can show it in the reader's language); and the views render no
 * string that is not in the English catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import browser from 'webextension-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { FAILURE_MESSAGES } from '../../src/extract/index';
import { RESTRICTED_MESSAGES } from '../../src/shared/restricted';
import { defaults, validate } from '../../src/shared/settings';
import { SITES_KEY } from '../../src/shared/sites';
import { ReaderView } from '../../src/ui/components/ReaderView';
import { OptionsPage } from '../../src/ui/options/OptionsPage';
import { sentence, t, uiDirection } from '../../src/ui/i18n';
import { SENTENCE_KEYS } from '../../src/ui/sentence-keys';
import type { ReaderView as View } from '../../src/ui/reader-source';
import { createStore, StoreContext, type PanelName, type SettingsIO } from '../../src/ui/store';
import { noneRemoved } from '../../src/extract/steps/index';
import { useCatalogue } from '../support/browser-mock';
import { ROOT } from '../support/dom';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = join(ROOT, '_locales');
const read = (lang: string): Catalogue => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;
const EN = read('en');
const SHIPPED = ['en', 'de', 'fr', 'es', 'pt_BR', 'it', 'nl', 'pl', 'ja', 'zh_CN', 'ar', 'he'];

afterEach(() => {
  cleanup();
  useCatalogue(EN, 'en');
});

describe('the catalogues', () => {
  it('ship the twelve languages', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...SHIPPED].sort());
  });

  it.each(SHIPPED.filter((l) => l !== 'en'))('%s has every key, no other, and every placeholder', (lang) => {
    const other = read(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(EN).sort());
    for (const [key, entry] of Object.entries(EN)) {
      const theirs = other[key]!;
      expect(theirs.message.trim(), `${lang} ${key}`).not.toBe('');
      expect(theirs.placeholders, `${lang} ${key} placeholders`).toEqual(entry.placeholders);
      for (const name of Object.keys(entry.placeholders ?? {})) expect(theirs.message.toUpperCase(), `${lang} ${key}`).toContain(`$${name.toUpperCase()}$`);
    }
  });
});

describe('t() and sentence()', () => {
  it('fill placeholders and find a result\'s sentence in the catalogue', () => {
    expect(t('savedAs', 'Ferry.md')).toBe('Saved as Ferry.md.');
    expect(t('readingTime', '5')).toBe('5 min read');
    useCatalogue(read('de'), 'de');
    expect(sentence(FAILURE_MESSAGES['not-article'])).toBe(read('de').notArticle!.message);
    expect(sentence('A sentence no catalogue has.')).toBe('A sentence no catalogue has.');
  });

  it('every sentence a result can carry is in the English catalogue, under the key the view looks it up by', () => {
    for (const [english, key] of Object.entries(SENTENCE_KEYS)) expect(EN[key]?.message, key).toBe(english);
    for (const message of [...Object.values(FAILURE_MESSAGES), ...Object.values(RESTRICTED_MESSAGES)]) expect(SENTENCE_KEYS[message], message).toBeDefined();
  });

  it('lays Arabic and Hebrew interfaces out right to left', () => {
    expect(['ar', 'he', 'fa', 'en', 'de', 'ja'].map((l) => uiDirection(l))).toEqual(['rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
  });
});

const io: SettingsIO = { load: () => Promise.resolve(validate(defaults)), save: () => Promise.resolve(), watch: () => () => undefined };
const ARTICLE = {
  title: 'The harbor ferry returns', byline: 'Marisol Okafor', siteName: 'Lectern Test Radio', publishedTime: null, lang: 'en', dir: 'ltr' as const,
  excerpt: null, weak: true, content: '<p>Intro.</p><h2>Route</h2><p>One.</p><h2>Boats</h2><p>Two.</p><h2>Fares</h2><p>Three.</p>',
  textContent: 'Intro. One. Two. Three.', length: 20, readingTimeMinutes: 4, url: 'https://www.example.org/ferry', removed: noneRemoved(),
};

/** Every piece of text and every label the view renders, minus the article's own words (and the sites' hosts). */
function interfaceStrings(container: Element, hosts: string[] = []): string[] {
  const article = new Set(['The harbor ferry returns', 'Marisol Okafor', 'Lectern Test Radio', 'Intro.', 'Route', 'One.', 'Boats', 'Two.', 'Fares', 'Three.', ...hosts]);
  const found = new Set<string>();
  const walker = container.ownerDocument.createTreeWalker(container, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.nodeValue ?? '').trim();
    if (text && !n.parentElement?.closest('.lectern-reader__body, .lectern-toc')) found.add(text);
  }
  for (const el of Array.from(container.querySelectorAll('[aria-label], [title]'))) {
    for (const attr of ['aria-label', 'title']) {
      const v = el.getAttribute(attr);
      if (v) found.add(v);
    }
  }
  return [...found].filter((s) => !article.has(s) && !/^[\d\s·%:px.,−+–-]*$/.test(s));
}

describe('the views render only catalogued words', () => {
  const english = Object.values(EN).map((e) => e.message);
  /** A rendered string is catalogued when it is a message, or a message with its placeholders filled. */
  const catalogued = (s: string): boolean => english.some((m) => m === s || new RegExp(`^${m.replace(/[.*+?^{}()|[\]\\]/g, '\\$&').replace(/\\\$[A-Z]+\\\$|\$[A-Z]+\$/g, '.+')}$`).test(s));
  const article: View = { phase: 'done', result: { ok: true, article: ARTICLE } };
  const views: Array<[string, View, PanelName | null]> = [
    ['loading', { phase: 'loading' }, null],
    ['invite', { phase: 'invite', message: t('inviteButton') }, null],
    ['failure', { phase: 'done', result: { ok: false, reason: 'not-article', message: FAILURE_MESSAGES['not-article'] } }, null],
    ['article', article, null],
    ['article, Display open', article, 'settings'],
    ['article, Contents open', article, 'toc'],
    ['article, Listen open', article, 'speech'],
    ['article, Save open', article, 'save'],
  ];
  it.each(views)('%s', async (_name, view, panel) => {
    const store = createStore('popup', io);
    store.panel.value = panel;
    const { container } = render(
      <StoreContext.Provider value={store}>
        <ReaderView view={view} actions={{ retry: () => undefined, force: () => undefined, openInTab: () => undefined, openInSidePanel: () => undefined }} />
      </StoreContext.Provider>,
    );
    // A panel's code loads when it first opens (components/lazy.tsx): wait until it has replaced its busy placeholder.
    await waitFor(() => expect(container.querySelector('.lectern-panel[aria-busy="true"]')).toBeNull());
    const strings = interfaceStrings(container);
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.filter((s) => !catalogued(s))).toEqual([]);
    // The article's site has its choices in the Display panel.
    if (panel === 'settings') expect(strings).toContain('Always open www.example.org in Lectern');
  });

  it.each([
    ['options page, no sites', {}],
    ['options page, two sites', { 'https://www.example.org': { open: 'sidepanel' }, 'https://news.example.net': { pinned: { fontSize: 20, font: 'atkinson', width: 'wide', theme: 'dark' } } }],
  ])('%s', async (_name, sites) => {
    await browser.storage.local.set({ [SITES_KEY]: { version: 1, sites } });
    const { container } = render(<OptionsPage />);
    await screen.findByText(Object.keys(sites).length ? 'www.example.org' : /^No site has choices/);
    const strings = interfaceStrings(container, ['www.example.org', 'news.example.net']);
    expect(strings).toContain('Lectern settings');
    expect(strings.filter((s) => !catalogued(s))).toEqual([]);
  });
});
