import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { proseOf, looksReaderable } from '../../src/extract/readability/readerable';
import { extractPage, readPage } from '../support/dom';

function doc(html: string): Document {
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
}

describe('is it an article?', () => {
  it('a short news item fails Readability\'s pre-check but reads as prose, so it is an article', () => {
    expect(looksReaderable(doc(readPage('article--short-news').html))).toBe(false);
    const result = extractPage('article--short-news');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain('route 14 will run on past the station');
  });

  it('"Show anyway" on a home page shows its link lists: clean-up never takes the larger part of a page', () => {
    const result = extractPage('not-article--home-page', { force: true });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.article.textContent).toContain('Top stories');
      expect(result.article.textContent).toContain('Lantern festival returns after four years');
    }
  });

  // Real articles the checks refused (aeb and trafilatura-dev have a few of each shape): short news in CJK, where a
  // character carries a word's worth of text, reads as prose; a one-paragraph item, a short blog post and a link-heavy
  // ticker item are read, with a quiet notice.
  it.each([
    ['prose--short-zh', '早晚高峰期间将每八分钟发一班车', false],
    ['prose--short-ja', '自習室の席も二十席増やす', false],
    ['thin--one-paragraph-fr', 'une étude menée pendant dix ans', true],
    ['thin--short-blog-de', 'Heute kam ein Brief von einer alten Freundin', true],
    ['thin--link-heavy-de', 'rund 2.400 Stellen', true],
  ])('%s: read as an article (short CJK prose) or read and marked weak (thin prose)', (slug, sentence, weak) => {
    const result = extractPage(slug);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(sentence);
    expect(result.article.weak).toBe(weak);
  });

  it('a page that passes the checks is not weak, nor is one the reader forced', () => {
    const result = extractPage('article--short-news');
    expect(result.ok && result.article.weak).toBe(false);
    const forced = extractPage('not-article--search-results', { force: true });
    expect(forced.ok && forced.article.weak).toBe(false);
  });

  it('prose means enough text, two real paragraphs and few links', () => {
    const para = 'A sentence of ordinary prose that goes on long enough to count as a paragraph of an article. ';
    const body = (html: string) => doc(`<body><div id="a">${html}</div></body>`).getElementById('a')!;
    expect(proseOf(body(`<p>${para.repeat(3)}</p><p>${para.repeat(2)}</p>`))).toBe('prose');
    expect(proseOf(body(`<p>${para.repeat(5)}</p>`))).not.toBe('prose'); // one paragraph
    expect(proseOf(body(`<p>${para}</p><p>${para}</p>`))).not.toBe('prose'); // too little text
    expect(proseOf(body(`<p><a href="/x">${para.repeat(3)}</a></p><p>${para.repeat(2)}</p>`))).not.toBe('prose'); // links
  });
});
