import { describe, expect, it } from 'vitest';
import { removeHeaderEcho } from '../../src/extract/steps/header-echo';
import { squash } from '../../src/extract/text';
import { countOccurrences, extractPage, makeDom } from '../support/dom';

function root(html: string): Element {
  return makeDom(`<!doctype html><body><div id="r">${html}</div></body>`).window.document.getElementById('r')!;
}

const PROSE = 'The ferry made its first crossing on Thursday with a crew of four and a captain who learned the route from her grandfather, who ran it for thirty years.';

describe('headerEcho step', () => {
  it('drops the article\'s own byline under the header that already shows it (sample article)', () => {
    const result = extractPage('captions-npr-toggle');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.byline).toBe('Marisol Okafor');
    expect(result.article.textContent).not.toMatch(/^By Marisol Okafor$/m);
    expect(countOccurrences(result.article.textContent, 'Marisol Okafor')).toBe(0);
    expect(result.article.content).not.toContain('storybyline');
    // The date beside it is a date line boilerplate takes first, and the byline box, left with less than went, with it.
    expect(result.article.removed.headerEcho + result.article.removed.boilerplate).toBeGreaterThanOrEqual(1);
    const noBoilerplate = extractPage('captions-npr-toggle', { steps: { boilerplate: false } });
    expect(noBoilerplate.ok && noBoilerplate.article.removed.headerEcho).toBe(1);
    expect(noBoilerplate.ok && countOccurrences(noBoilerplate.article.textContent, 'Marisol Okafor')).toBe(0);
  });

  it('removes leading copies of the title and byline, loosely matched', () => {
    const r = root(`<h2>After a decade away: the ferry returns!</h2><p>By <a href="/p/m">Marisol Okafor</a></p><p>${PROSE}</p>`);
    expect(removeHeaderEcho(r, { title: 'After a decade away, the ferry returns', byline: 'Marisol Okafor' })).toBe(2);
    expect(r.textContent).toContain(PROSE);
  });

  it('keeps a byline-like line once the article has started, and lines that only contain the name', () => {
    const r = root(`<p>${PROSE}</p><p>Marisol Okafor</p><p>Marisol Okafor reported from Corliss.</p>`);
    expect(removeHeaderEcho(r, { title: 'Ferry', byline: 'Marisol Okafor' })).toBe(0);
    expect(countOccurrences(r.textContent ?? '', 'Marisol Okafor')).toBe(2);
  });

  it('removes a leading byline block with a "By" / "Von" / "Par" / "Por" prefix, a link around the name and the date beside it', () => {
    const bylines = [
      // The sample article's block: the name's paragraph and its <time> in one box.
      '<div id="storybyline"><p class="byline__name">By <a href="/people/marisol-okafor">Marisol Okafor</a></p><time datetime="2023-02-17T09:30:00-05:00"><span class="date">February 17, 2023</span> <span class="time">9:30 AM ET</span></time></div>',
      '<p class="byline">By <a href="/p/m">Marisol Okafor</a> · February 17, 2023</p>',
      '<div class="byline">By <a href="/p/m">Marisol Okafor</a> <time datetime="2023-02-17">Feb. 17, 2023 9:30 a.m. ET</time></div>',
      '<div class="byline"><span>By</span> <a href="/p/m"><span>Marisol Okafor</span></a></div>',
      '<p>Updated February 17, 2023, 9:30 AM ET | By <a href="/p/m">Marisol Okafor</a></p>',
      '<p>Von <a href="/p/m">Marisol Okafor</a> | 17.02.2023, 09:30 Uhr</p>',
      '<p>Par <a href="/p/m">Marisol Okafor</a>, publié le 17 février 2023 à 9h30</p>',
      '<p>Por <a href="/p/m">Marisol Okafor</a>, 17 de febrero de 2023</p>',
    ];
    for (const byline of bylines) {
      const r = root(`<h1>After a decade away, the ferry returns</h1>${byline}<p>${PROSE}</p>`);
      expect(removeHeaderEcho(r, { title: 'After a decade away, the ferry returns', byline: 'Marisol Okafor', published: '2023-02-17T09:30:00-05:00' }), byline).toBe(2);
      expect(squash(r.textContent), byline).toBe(PROSE);
    }
  });

  it('keeps the date beside the byline when the header shows no date, and drops a split "By" with the name', () => {
    const split = root(`<div class="byline"><span>By:</span> <a href="/p/m"><span>Marisol Okafor</span></a></div><p>${PROSE}</p>`);
    expect(removeHeaderEcho(split, { title: 'Ferry', byline: 'Marisol Okafor' })).toBe(1);
    expect(squash(split.textContent)).toBe(PROSE);
    const apart = root(`<div class="byline"><p>By <a href="/p/m">Marisol Okafor</a></p><time datetime="2023-02-17">February 17, 2023</time></div><p>${PROSE}</p>`);
    expect(removeHeaderEcho(apart, { title: 'Ferry', byline: 'Marisol Okafor', published: null })).toBe(1);
    expect(squash(apart.textContent)).toBe(`February 17, 2023${PROSE}`);
    const together = root(`<p>By <a href="/p/m">Marisol Okafor</a> · February 17, 2023</p><p>${PROSE}</p>`);
    expect(removeHeaderEcho(together, { title: 'Ferry', byline: 'Marisol Okafor' })).toBe(0);
  });

  it('keeps leading lines that mention the author with more than a date: prose, a co-author, a place', () => {
    const kept = [
      '<p>Marisol Okafor reported from Corliss on February 17, 2023.</p>',
      '<p>By <a href="/p/m">Marisol Okafor</a> and <a href="/p/t">Teodora Blanchard</a></p>',
      '<div class="byline">By <a href="/p/m">Marisol Okafor</a> <span>in Corliss</span></div>',
      '<p>Photos by Marisol Okafor, 2023</p>',
    ];
    for (const line of kept) {
      const r = root(`${line}<p>${PROSE}</p>`);
      expect(removeHeaderEcho(r, { title: 'Ferry', byline: 'Marisol Okafor', published: '2023-02-17' }), line).toBe(0);
      expect(countOccurrences(r.textContent ?? '', 'Marisol Okafor'), line).toBe(1);
    }
  });

  it('removes a leading headline worded unlike the metadata title, but not a slide headline, a long one or a later one', () => {
    const r = root(`<h2 class="headline entry-title">Esper accuses China of intimidating smaller nations</h2><p>${PROSE}</p>`);
    expect(removeHeaderEcho(r, { title: 'Esper says US providing Vietnam with coast guard ship', byline: null })).toBe(1);
    expect(r.textContent).toContain(PROSE);
    const plain = root(`<h2 class="title">South Dakota says, 'Meth. We're On It'</h2><p>${PROSE}</p>`);
    expect(removeHeaderEcho(plain, { title: 'Meth campaign', byline: null })).toBe(1);
    const slide = root(`<h2 class="slideshow-headline">In this photo the rocket is installed on a launch pad.</h2><p>${PROSE}</p>`);
    expect(removeHeaderEcho(slide, { title: 'Cargo ship lost', byline: null })).toBe(0);
    const long = root(`<h2 class="article__hed">${PROSE}</h2><p>${PROSE}</p>`);
    expect(removeHeaderEcho(long, { title: 'Ferry', byline: null })).toBe(0);
    const later = root(`<p>${PROSE}</p><h2 class="section-title">What comes next</h2><p>${PROSE}</p>`);
    expect(removeHeaderEcho(later, { title: 'Ferry', byline: null })).toBe(0);
  });

  it('walks the leading blocks in document order, whatever order the DOM lists a selector list in', () => {
    // The markup of a news site's article (aeb 5caf91b8a442, ef2b3f268a67, db6b0816c612...): a "Breaking news" box,
    // the headline in its own box, then the body. On the pipeline's copy, jsdom's selector engine lists the results of
    // `querySelectorAll('p, div, h1, ...')` selector by selector (every <p> first): a walk in that order met the first
    // paragraph of prose before the headline, stopped, and left the headline in.
    const r = root(
      '<article><div class="article-breaking-now"><div class="header"><h2><span class="first-word">Breaking</span> News</h2></div></div>'
      + '<div class="article-content"><div class="article-title"><h2 class="headline entry-title">The Latest: Man stabbed to death on a commuter train</h2></div>'
      + `<div class="article-body"><p>${PROSE}</p><p>${PROSE}</p></div></div></article>`,
    );
    const inDocumentOrder = r.querySelectorAll.bind(r);
    Object.defineProperty(r, 'querySelectorAll', {
      value: (selectors: string) => {
        const found = Array.from(inDocumentOrder(selectors));
        const groups = selectors.split(',').map((s) => s.trim().toUpperCase());
        return found.sort((a, b) => groups.indexOf(a.tagName) - groups.indexOf(b.tagName));
      },
    });
    expect(removeHeaderEcho(r, { title: 'The Latest: Man stabbed to death on a commuter train', byline: null })).toBe(1);
    expect(r.textContent).not.toContain('Man stabbed');
    expect(countOccurrences(r.textContent ?? '', PROSE)).toBe(2);
  });

  it('does nothing without a title or byline', () => {
    const r = root('<p>By Someone</p>');
    expect(removeHeaderEcho(r, { title: null, byline: null })).toBe(0);
  });
});
