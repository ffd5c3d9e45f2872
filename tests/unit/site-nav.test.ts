// @vitest-environment node
/**
 * Step `siteNav`: the fixture tests/pages/sitenav--menu-in-article/ has the site's menu inside the article box that
 * Readability keeps. With the step on the menu is gone and every body paragraph stays; switched off, it is there. The
 * boilerplate control page (its own list of sources, a link list in the body) loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { removeSiteNav } from '../../src/extract/steps/site-nav';
import type { StepContext } from '../../src/extract/context';
import { countOccurrences, extractPage, makeDom } from '../support/dom';

function text(slug: string, on: boolean): string {
  const result = extractPage(slug, on ? {} : { steps: { siteNav: false } });
  if (!result.ok) throw new Error(`${slug}: ${result.message}`);
  return result.article.textContent;
}

const BODY = [
  "The county's water board voted on Tuesday to rebuild the old pumping station at Millbrook",
  'The new design keeps the brick front of the original building',
  'A final public hearing on the water rates will be held next month at the library',
];

const PROSE = '<p>The county\'s water board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a dispute that has divided the valley for a decade, and the work will begin in spring.</p>';

function run(html: string, url = 'https://courier.example/news/story.html'): { removed: number; text: string } {
  const doc = makeDom(`<!doctype html><body><div id="r">${html}</div></body>`, url).window.document;
  const root = doc.getElementById('r') as Element;
  const ctx: StepContext = { doc, url, baseUrl: url, win: null };
  const removed = removeSiteNav(root, ctx);
  return { removed, text: root.textContent ?? '' };
}

describe('step siteNav', () => {
  it('sitenav--menu-in-article: removes the menu and keeps the body', () => {
    const on = text('sitenav--menu-in-article', true);
    const off = text('sitenav--menu-in-article', false);
    for (const s of ['Entertainment', 'Obituaries', 'Classifieds', 'High school']) {
      expect(countOccurrences(off, s), `Readability alone keeps "${s}"`).toBeGreaterThan(0);
      expect(countOccurrences(on, s), `"${s}" is removed`).toBe(0);
    }
    for (const s of BODY) expect(countOccurrences(on, s), s).toBe(1);
    const result = extractPage('sitenav--menu-in-article');
    expect(result.ok && result.article.removed.siteNav).toBe(1);
  });

  it('control: the boilerplate control page and its list of sources are left alone', () => {
    expect(text('boilerplate--keeps-body', true)).toBe(text('boilerplate--keeps-body', false));
    expect(text('teasers--keeps-body', true)).toBe(text('teasers--keeps-body', false));
  });

  it('removes ARIA menus and boxes named nav / breadcrumb that are link lists, and a print header with the page address', () => {
    const r = run(`<div role="menu"><a href="/a">News</a> <a href="/b">Sport</a></div>
      <div class="siteNav"><a href="/a">Local</a> <a href="/b">Business</a> <a href="/c">Jobs</a></div>
      <div class="print-header"><img src="/logo.png"><span>https://www.courier.example/news/story.html</span></div>
      ${PROSE}`);
    expect(r.removed).toBe(3);
    expect(r.text).not.toMatch(/News|Sport|Local|Business|Jobs|courier\.example/);
    expect(r.text).toContain('ending a dispute');
  });

  it('removes a breadcrumb trail that ends at the page itself, its name unlinked (aeb 358cc4a08045, 34a7328535ad)', () => {
    const r = run(`<nav id="breadcrumb"><a href="/" class="home-link">Home</a><em class="delimiter"></em><a class="b-label" href="/search/label/SPORT%20NEWS">SPORT NEWS</a><em class="delimiter"></em><span>BREAKING NEWS: Chelsea activate release clause to sign a new keeper from Athletic Bilbao</span></nav>
      ${PROSE}`);
    expect(r.removed).toBe(1);
    expect(r.text).not.toMatch(/Home|SPORT NEWS|BREAKING/);
    expect(r.text).toContain('ending a dispute');
    const arrows = run(`<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a> › Board votes to rebuild the pumping station</div>${PROSE}`);
    expect(arrows.removed).toBe(1);
  });

  it('keeps a nav whose unlinked text is more than the page name at its end: a sentence among links, a long last item', () => {
    const sentence = run(`<nav><a href="/a">Home</a> The board meets on Tuesdays at the library, and the public may attend. <a href="/b">Agenda</a></nav>${PROSE}`);
    expect(sentence.removed).toBe(0);
    const plain = run(`<div class="crumbs-note">The board meets on Tuesdays at the library.</div>${PROSE}`);
    expect(plain.removed).toBe(0);
  });

  it('keeps a nav-named box that is mostly text, a menu with a figure, another address, a table of contents, and everything when it would take most of the text', () => {
    const kept = run(`<div class="menu-of-the-day">The café serves soup, bread and <a href="/menu">a pie</a> every day of the week from noon.</div>
      <nav><figure><img src="/m.png"><figcaption><a href="/x">Map</a></figcaption></figure></nav>
      <p>https://other.example/page</p><nav class="toc"><a href="#one">One</a> <a href="#two">Two</a></nav>${PROSE}`);
    expect(kept.removed).toBe(0);
    const home = run('<nav><a href="/1">One story</a> <a href="/2">Another story</a> <a href="/3">A third story</a></nav><p>Short.</p>');
    expect(home.removed).toBe(0);
  });
});
