// @vitest-environment node
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { copyForReading } from '../../src/extract/copy';
import { removeUnlikely } from '../../src/extract/steps/unlikely';
import { markupBeforeFirstPass, runReadability } from '../../src/extract/steps/readability';
import { makeDom, readPage, fixtureSlugs } from '../support/dom';

const PROSE = 'The council met on Tuesday evening and argued for three hours about the new bridge, the budget and the bus lanes. ';

function bodyOf(html: string): Document {
  return makeDom(`<!doctype html><html><head><title>Bridge vote</title></head><body>${html}</body></html>`).window.document;
}

/** Ids of the elements left in `doc`'s body after the step. */
function leftAfter(html: string): string[] {
  const doc = bodyOf(html);
  removeUnlikely(doc.documentElement);
  return Array.from(doc.body.querySelectorAll('[id]'), (el) => el.id);
}

describe('unlikely: what Readability\'s first pass would drop, dropped before it runs', () => {
  it('removes blocks with unlikely class or id words and unlikely roles, outermost only', () => {
    const html = `<div id="story"><p id="p1">${PROSE}</p></div>
      <div class="comment-list" id="c"><div class="comment" id="c1">Nice</div></div>
      <div id="sidebar"><p id="s1">More</p></div>
      <ul role="navigation" id="nav"><li>Home</li></ul>
      <section class="share social-links" id="soc">Share</section>`;
    expect(leftAfter(html)).toEqual(['story', 'p1']);
    const doc = bodyOf(html);
    expect(removeUnlikely(doc.documentElement)).toBe(4);
  });

  it('keeps what Readability keeps: maybe-candidate words, blocks near a table or code, links, the body', () => {
    const html = `<div class="comments-and-content" id="a">x</div><div class="main-footer" id="b">x</div>
      <table><tbody><tr><td><div class="footer" id="c">cell</div></td></tr></tbody></table>
      <code><span class="comment" id="d">// note</span></code><a class="social" id="e" href="/x">link</a>`;
    expect(leftAfter(html)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const doc = makeDom('<!doctype html><html><body class="sidebar-open"><p>x</p></body></html>').window.document;
    expect(removeUnlikely(doc.documentElement)).toBe(0);
  });

  it('keeps what Readability reads before it tests the words: bylines, headings, metadata, and what holds them', () => {
    const html = `<div class="header-byline" id="a">By Jane Roe</div><div class="footer" rel="author" id="b">Jane</div>
      <div class="related" itemprop="author" id="c">Jane</div><h2 class="related-title" id="d">Bridge vote</h2>
      <header class="site-header" id="e"><h1>Site</h1></header><div class="footer" id="f"><meta itemprop="datePublished" content="2024-01-01"></div>
      <div class="footer" id="g"><script type="application/ld+json">{}</script></div>
      <div class="author-box" id="h"><div class="social" id="i">Follow</div>Jane Roe</div>
      <h1 id="j"><span class="menu" id="k">Bridge</span> vote</h1>`;
    expect(leftAfter(html)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
  });

  it('Readability 0.6.0 still restores its page from markup before each further pass, where the pipeline steps in', () => {
    const short = bodyOf(`<p>${PROSE}</p>`);
    const body = short.body;
    const sets: string[] = [];
    const inner = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(body))), 'innerHTML');
    expect(typeof inner?.set).toBe('function');
    Object.defineProperty(body, 'innerHTML', {
      configurable: true,
      get(): unknown { return inner!.get!.call(body); },
      set(value: string) { sets.push(value); inner!.set!.call(body, value); },
    });
    new Readability(short).parse();
    expect(sets.length).toBe(4); // every pass finds too little: three further passes, then the longest attempt
    expect(runReadability(bodyOf(`<p>${PROSE}</p>`), () => `<p>${PROSE}</p>`).retried).toBe(true);
    expect(runReadability(bodyOf(`<article>${`<p>${PROSE}</p>`.repeat(8)}</article>`), () => '').retried).toBe(false);
  });

  it('Readability gets the markup for further passes only when it starts again, once', () => {
    let asked = 0;
    const markup = () => { asked++; return `<p>${PROSE}</p>`; };
    expect(runReadability(bodyOf(`<article>${`<p>${PROSE}</p>`.repeat(8)}</article>`), markup).retried).toBe(false);
    expect(asked).toBe(0);
    const again = runReadability(bodyOf('<p>Short.</p>'), markup);
    expect(again.retried).toBe(true);
    expect(asked).toBe(1);
    expect(again.article?.root.textContent).toContain('argued for three hours');
  });

  it('markupBeforeFirstPass is the markup Readability restores its page from: prepared, then left as it was', () => {
    const doc = bodyOf(`<div>one<br><br>two</div><script>var x = 1;</script><style>p {}</style><p>${PROSE}</p>`);
    const markup = markupBeforeFirstPass(doc);
    expect(markup).toContain('<p>two</p>'); // Readability's own <br> handling
    expect(markup).not.toMatch(/<script|<style/);
    expect(markup).toContain('argued for three hours');
    expect(Object.getOwnPropertyDescriptor(doc.body, 'innerHTML')).toBeUndefined();
    // And a normal run of Readability afterwards, on another page, sees the usual accessor.
    expect(runReadability(bodyOf(`<article>${`<p>${PROSE}</p>`.repeat(8)}</article>`)).article?.root.textContent).toContain('bus lanes');
  });

  it('a page Readability must read again without its first-pass removals comes out as without the step', () => {
    // The story sits in a "comments"-classed box: the first pass drops it, finds too little and tries again with it.
    const html = `<div class="comments-box"><p>${PROSE.repeat(3)}</p><p>${PROSE.repeat(2)}</p></div><p>Short note.</p>`;
    const copy = copyForReading(bodyOf(html));
    expect(removeUnlikely(copy.documentElement)).toBe(1);
    expect(runReadability(copy, () => '').retried).toBe(true);
    const on = extractArticle(bodyOf(html), { url: 'http://127.0.0.1/a', force: true });
    const off = extractArticle(bodyOf(html), { url: 'http://127.0.0.1/a', force: true, steps: { unlikely: false } });
    expect(on.ok && off.ok).toBe(true);
    if (!on.ok || !off.ok) return;
    expect(on.article.textContent).toContain('argued for three hours');
    expect(on.article.content).toBe(off.article.content);
    expect(on.article.removed.unlikely).toBe(0);
  });
});

describe('unlikely changes no article: every fixture page reads the same with the step on and off', () => {
  const fixtures = fixtureSlugs();
  const removedSomewhere: number[] = [];

  it.each(fixtures)('%s', (slug) => {
    const { html, url } = readPage(slug);
    const read = (unlikely: boolean) => {
      const dom = makeDom(html, url);
      return extractArticle(dom.window.document, { url, steps: { unlikely } }, { win: dom.window as never });
    };
    const on = read(true);
    const off = read(false);
    if (on.ok) removedSomewhere.push(on.article.removed.unlikely);
    expect(on.ok).toBe(off.ok);
    if (!on.ok || !off.ok) return void expect(on).toEqual(off);
    const { removed: removedOn, ...articleOn } = on.article;
    const { removed: removedOff, ...articleOff } = off.article;
    expect(articleOn).toEqual(articleOff);
    expect(removedOff.unlikely).toBe(0);
  });

  it('and the step had something to remove on some of them', () => {
    expect(removedSomewhere.some((n) => n > 0)).toBe(true);
  });
});
