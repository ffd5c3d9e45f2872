// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/extract/types';
import type { ReaderActions, ReaderView as View } from '../../src/ui/reader-source';
import { defaults, validate, type Settings } from '../../src/shared/settings';
import { ReaderView } from '../../src/ui/components/ReaderView';
import { scrollProgress } from '../../src/ui/components/ProgressBar';
import { createStore, StoreContext, type SettingsIO, type Store } from '../../src/ui/store';
import type { Surface } from '../../src/shared/protocol';
import { noneRemoved } from '../../src/extract/steps/index';

afterEach(cleanup);

const ARTICLE: Article = {
  title: 'The harbor ferry returns',
  byline: 'Marisol Okafor',
  siteName: 'Lectern Test Radio',
  publishedTime: '2023-02-17T09:30:00-05:00',
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  weak: false,
  content:
    '<p>Intro.</p><h2>Route</h2><p>One.</p><h2>Boats</h2><figure><img src="https://x.test/a.jpg" alt="A ferry">' +
    '<figcaption><span class="lectern-caption">The ferry.</span> <span class="lectern-credit">Jo Doe</span></figcaption></figure>' +
    '<h2>Fares</h2><p>Two.</p><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 1</script>',
  textContent: 'Intro. One. Two.',
  length: 16,
  readingTimeMinutes: 4,
  url: 'https://www.example.org/ferry',
  removed: noneRemoved(),
};

function fakeStore(surface: Surface, initial: Partial<Settings> = {}): { store: Store; saved: Array<Partial<Settings>> } {
  const saved: Array<Partial<Settings>> = [];
  const io: SettingsIO = {
    load: () => Promise.resolve(validate({ ...defaults, ...initial })),
    save: (patch) => {
      saved.push(patch);
      return Promise.resolve();
    },
    watch: () => () => undefined,
  };
  return { store: createStore(surface, io), saved };
}

function actions() {
  return { retry: vi.fn<() => void>(), force: vi.fn<() => void>() };
}

function show(view: View, a: ReaderActions = actions(), surface: Surface = 'sidepanel') {
  const { store, saved } = fakeStore(surface);
  const utils = render(
    <StoreContext.Provider value={store}>
      <ReaderView view={view} actions={a} />
    </StoreContext.Provider>,
  );
  return { ...utils, store, saved };
}

const done = (result: Extract<View, { phase: 'done' }>['result']): View => ({ phase: 'done', result });

describe('reader states', () => {
  it('loading shows a skeleton and a status, never a blank view', () => {
    const { container } = show({ phase: 'loading' });
    expect(screen.getByRole('status').textContent).toMatch(/Reading the page/);
    expect(container.querySelectorAll('.lectern-skeleton').length).toBeGreaterThan(0);
    expect(container.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
  });

  it('not an article: says so and offers "Show anyway"', () => {
    const a = actions();
    show(done({ ok: false, reason: 'not-article', message: 'This page does not look like an article.' }), a);
    expect(screen.getByRole('alert').textContent).toContain('does not look like an article');
    fireEvent.click(screen.getByRole('button', { name: 'Show anyway' }));
    expect(a.force).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('restricted page: a sentence and nothing to retry', () => {
    const { container } = show(done({ ok: false, reason: 'restricted', message: 'Lectern cannot read browser pages.' }));
    expect(container.querySelector('.lectern-status--failure')?.textContent).toContain('cannot read browser pages');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('extraction error: a sentence and "Try again"', () => {
    const a = actions();
    show(done({ ok: false, reason: 'error', message: 'Something went wrong reading this page.' }), a);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(a.retry).toHaveBeenCalledOnce();
  });

  it('invite: the sentence the source gave', () => {
    show({ phase: 'invite', message: 'Click the Lectern button to read this page.' });
    expect(screen.getByRole('status').textContent).toBe('Click the Lectern button to read this page.');
  });
});

describe('article', () => {
  it('shows the header facts, a link to the original, and the sanitized body once', () => {
    const { container } = show(done({ ok: true, article: ARTICLE }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ARTICLE.title);
    const facts = container.querySelector('.lectern-reader__facts')?.textContent ?? '';
    for (const fact of ['Lectern Test Radio', 'Marisol Okafor', '2023', '4 min read']) expect(facts).toContain(fact);
    expect(screen.getByRole('link', { name: 'Open the original page' }).getAttribute('href')).toBe(ARTICLE.url);
    expect(container.querySelectorAll('.lectern-reader__body')).toHaveLength(1);
    expect(container.querySelectorAll('figure figcaption')).toHaveLength(1);
    expect(container.querySelector('.lectern-credit')?.textContent).toBe('Jo Doe');
    expect(container.querySelector('script, [onerror]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a weak page: the article with one quiet note that it may not be an article; none on a normal one', () => {
    const weak = show(done({ ok: true, article: { ...ARTICLE, weak: true } }));
    expect(weak.container.querySelectorAll('[role="note"]')).toHaveLength(1);
    expect(screen.getByRole('note').textContent).toContain('may not be an article');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ARTICLE.title);
    weak.unmount();
    const normal = show(done({ ok: true, article: ARTICLE }));
    expect(normal.container.querySelector('[role="note"]')).toBeNull();
  });

  it('lays a right-to-left article out right to left', () => {
    const { container } = show(done({ ok: true, article: { ...ARTICLE, lang: 'ar', dir: 'rtl' } }));
    const article = container.querySelector('article');
    expect(article?.getAttribute('dir')).toBe('rtl');
    expect(article?.getAttribute('lang')).toBe('ar');
  });

  it('offers a table of contents for three headings or more, and not for fewer', () => {
    show(done({ ok: true, article: ARTICLE }));
    fireEvent.click(screen.getByRole('button', { name: 'Contents' }));
    const toc = screen.getByRole('navigation', { name: 'Contents' });
    expect(Array.from(toc.querySelectorAll('a'), (a) => a.textContent)).toEqual(['Route', 'Boats', 'Fares']);
    cleanup();
    show(done({ ok: true, article: { ...ARTICLE, content: '<h2>Only</h2><p>one</p>' } }));
    expect(screen.queryByRole('button', { name: 'Contents' })).toBeNull();
  });

  // The panels' code loads when a panel first opens (components/lazy.tsx): find* waits for it.
  it('the toolbar opens one panel at a time and says which is open', async () => {
    show(done({ ok: true, article: ARTICLE }));
    const display = screen.getByRole('button', { name: 'Display' });
    fireEvent.click(display);
    expect(display.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByRole('group', { name: 'Display' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    expect(display.getAttribute('aria-expanded')).toBe('false');
    expect((await screen.findByRole('group', { name: 'Listen' })).textContent).toMatch(/cannot read aloud/);
  });

  it('display settings change the store at once and are saved', async () => {
    const { store, saved } = show(done({ ok: true, article: ARTICLE }));
    fireEvent.click(screen.getByRole('button', { name: 'Display' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Dark' }));
    fireEvent.click(screen.getByRole('button', { name: 'Larger text' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Width' }), { target: { value: 'wide' } });
    expect(store.settings.value).toMatchObject({ theme: 'dark', fontSize: 18, width: 'wide' });
    expect(saved).toEqual([{ theme: 'dark' }, { fontSize: 18 }, { width: 'wide' }]);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Dark' }).checked).toBe(true);
  });

  it('every control in the display panel has a name', async () => {
    const { container } = show(done({ ok: true, article: ARTICLE }));
    fireEvent.click(screen.getByRole('button', { name: 'Display' }));
    await screen.findByRole('group', { name: 'Display' });
    for (const role of ['button', 'radio', 'combobox'] as const) {
      for (const el of screen.getAllByRole(role)) expect(el.textContent || el.getAttribute('aria-label') || el.closest('label')?.textContent).toBeTruthy();
    }
    expect(container.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Reading progress');
  });

  it('the popup keeps "Open in side panel" and has no width setting', async () => {
    const open = vi.fn();
    const { store } = fakeStore('popup');
    render(
      <StoreContext.Provider value={store}>
        <ReaderView view={done({ ok: true, article: ARTICLE })} actions={{ ...actions(), openInSidePanel: open }} />
      </StoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(open).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Display' }));
    await screen.findByRole('group', { name: 'Display' });
    expect(screen.queryByRole('combobox', { name: 'Width' })).toBeNull();
    expect(document.querySelector('main')?.className).toContain('lectern--popup');
  });
});

describe('reading progress', () => {
  it('is the share scrolled past, and full for a view that does not scroll', () => {
    expect(scrollProgress(0, 2000, 500)).toBe(0);
    expect(scrollProgress(750, 2000, 500)).toBe(0.5);
    expect(scrollProgress(2000, 2000, 500)).toBe(1);
    expect(scrollProgress(0, 400, 500)).toBe(1);
  });
});
