import { describe, expect, it } from 'vitest';
import { removeHeaderEcho } from '../../src/extract/steps/header-echo';
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
    expect(result.article.removed.headerEcho).toBe(1);
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

  it('does nothing without a title or byline', () => {
    const r = root('<p>By Someone</p>');
    expect(removeHeaderEcho(r, { title: null, byline: null })).toBe(0);
  });
});
