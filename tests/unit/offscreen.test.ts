/**
 * A large page is read from its markup in the offscreen document (src/offscreen/read-html.ts). It must give the
 * article the page itself gives: every fixture read both ways. Fixtures with a `<noscript>` are left to the real
 * browser (tests/e2e/odd-pages.test.ts): a browser's page holds noscript content as text, jsdom's as elements, so
 * jsdom cannot stand for the live page there.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { readHtml } from '../../src/offscreen/read-html';
import { fixtureSlugs, readPage } from '../support/dom';

function livePage(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

/** What the page's script hands off: its doctype and markup. */
function handOff(dom: JSDOM): string {
  const doc = dom.window.document;
  return `${doc.doctype ? '<!doctype html>' : ''}${doc.documentElement.outerHTML}`;
}

describe('reading a page from its markup (offscreen) gives the article the page gives', () => {
  const slugs = fixtureSlugs().filter((slug) => !/<noscript/i.test(readPage(slug).html));

  it.each(slugs)('%s', (slug) => {
    const { html, url } = readPage(slug);
    const dom = livePage(html, url);
    const inPage = extractArticle(dom.window.document, { url }, { win: dom.window as never });
    const offscreen = readHtml(handOff(dom), url, {}, dom.window as never);
    expect(offscreen).toEqual(inPage);
  });
});
