// @vitest-environment node
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { QUICK_LISTS, QUICK_LOOPS, QUICK_METHODS, quicken } from '../../src/extract/readability/quick';
import { missingPrivateMembers, PRIVATE_MEMBERS, runReadability } from '../../src/extract/readability/adapter';
import { makeDom, readPage, fixtureSlugs } from '../support/dom';
import { PLAYER_HOSTS } from '../../src/extract/embed-providers';

/** The public options the adapter gives the library: the shipped library with them is what it must match. */
const SHIPPED_OPTIONS = { keepClasses: true, allowedVideoRegex: PLAYER_HOSTS };

type Method = (typeof QUICK_METHODS)[number];
type Asker = Record<Method, (node: Element, matchString?: string) => boolean>;

/** Readability as shipped, and one given the quick methods, on the same document. */
function askers(doc: Document): { shipped: Asker; quick: Asker } {
  const shipped = new Readability(doc) as unknown as Asker;
  const quick = new Readability(doc) as unknown as Asker;
  quicken(quick);
  return { shipped, quick };
}

/** Every method's answer for every element of `doc`, as `method id-or-path answer` lines, from one asker. */
function answers(doc: Document, asker: Asker): string[] {
  const out: string[] = [];
  Array.from(doc.getElementsByTagName('*')).forEach((el, i) => {
    const match = `${(el as HTMLElement).className} ${el.id}`;
    for (const method of QUICK_METHODS) out.push(`${method} ${el.tagName}#${i} ${asker[method](el, match)}`);
  });
  return out;
}

function page(body: string): Document {
  return makeDom(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`).window.document;
}

describe('the Readability adapter', () => {
  it('the installed library has every private member the adapter uses (if this fails, Readability changed: update src/extract/readability/)', () => {
    const reader = new Readability(page('<p>x</p>'));
    expect(missingPrivateMembers(reader), `@mozilla/readability no longer has: ${missingPrivateMembers(reader).join(', ')}`).toEqual([]);
    for (const name of ['_fixRelativeUris', '_doc', ...QUICK_METHODS, ...QUICK_LOOPS, ...QUICK_LISTS]) expect(PRIVATE_MEMBERS).toContain(name);
  });

  it('names what a changed library lacks', () => {
    const reader = new Readability(page('<p>x</p>')) as unknown as Record<string, unknown>;
    delete reader._doc;
    expect(missingPrivateMembers(reader)).toEqual(['_doc']);
  });

  it('gives the library\'s own article with or without the quick methods on every fixture page', () => {
    let articles = 0;
    for (const slug of fixtureSlugs()) {
      const { html, url } = readPage(slug);
      const shipped = new Readability(makeDom(html, url).window.document, SHIPPED_OPTIONS).parse();
      const plain = runReadability(makeDom(html, url).window.document, { quick: false });
      expect(plain?.root.innerHTML ?? null, slug).toBe(shipped?.content ?? null);
      expect(plain?.title ?? null, slug).toBe(shipped?.title ?? null);
      if (plain) articles++;
    }
    expect(articles).toBeGreaterThan(60);
  });
});

describe('readability/quick: the library\'s own answers, sooner', () => {
  it('gives every quick method to the instance only, never to Readability itself', () => {
    const doc = page('<p>x</p>');
    const reader = new Readability(doc) as unknown as Record<string, unknown>;
    quicken(reader);
    for (const method of [...QUICK_METHODS, ...QUICK_LOOPS, ...QUICK_LISTS]) {
      expect(Object.prototype.hasOwnProperty.call(reader, method)).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(Readability.prototype, method)).toBe(true);
      expect(reader[method]).not.toBe((Readability.prototype as unknown as Record<string, unknown>)[method]);
    }
  });

  it('answers as the library on the hard cases: hidden, fallback images, space-only text, nested breaks, long bylines', () => {
    const doc = page(`
      <div id="a" style="display: none">gone</div><div id="b" style="visibility:hidden">x</div><div style="color: red">ok</div>
      <div hidden>h</div><div aria-hidden="true">h</div><div aria-hidden="true" class="x fallback-image">m</div>
      <div aria-hidden="false">v</div>
      <div id="empty"></div><section> \u00a0\t\n\u2003\ufeff </section><header>\u200b</header><h2> </h2>
      <div><br><hr></div><div><span><br></span></div><div> <span> </span> </div><div><img src="a.png"></div>
      <div><p>para</p></div><div><span><span><table></table></span></span></div><div><span>text only</span></div>
      <div><math><mi>x</mi></math></div><div>plain</div>
      <a rel="author" href="/me">Jo Writer</a><span itemprop="author">Ann</span><div class="byline"></div>
      <p class="byline">${'very long byline '.repeat(10)}</p><p class="author-box">By Sam</p><p id="writtenby">Kim</p>
      <p class="dateline">Paris</p><p class="p-author">Lee</p><p>Nobody</p>`);
    const foreign = doc.createElementNS('http://www.w3.org/2000/svg', 'p');
    const holder = doc.createElement('div');
    holder.append(doc.createElement('span'), foreign);
    doc.body.append(holder);
    const { shipped, quick } = askers(doc);
    expect(answers(doc, quick)).toEqual(answers(doc, shipped));
    // The cases above do reach both answers of each method.
    for (const method of QUICK_METHODS) {
      const said = new Set(answers(doc, quick).filter((line) => line.startsWith(`${method} `)).map((line) => line.endsWith(' true')));
      expect(said, method).toEqual(new Set([true, false]));
    }
  });

  it('answers as the library for every element of every fixture page', () => {
    const fixtures = fixtureSlugs();
    expect(fixtures.length).toBeGreaterThan(20);
    for (const slug of fixtures) {
      const { html, url } = readPage(slug);
      const doc = makeDom(html, url).window.document;
      const { shipped, quick } = askers(doc);
      expect(answers(doc, quick), slug).toEqual(answers(doc, shipped));
    }
  });

  it('leaves the article the same on every fixture page', () => {
    const fixtures = fixtureSlugs();
    for (const slug of fixtures) {
      const { html, url } = readPage(slug);
      const shipped = new Readability(makeDom(html, url).window.document, SHIPPED_OPTIONS).parse();
      const { window } = makeDom(html, url);
      const ours = runReadability(window.document);
      expect(ours?.root.innerHTML ?? null, slug).toBe(shipped?.content ?? null);
      expect(ours?.byline ?? null, slug).toBe(shipped?.byline ?? null);
    }
  });

  it('finds the elements the library finds, in its order, and the same text densities, for every tag list it asks', () => {
    type Lister = {
      _getAllNodesWithTag(node: Element | Document, tags: readonly string[]): ArrayLike<Element>;
      _getTextDensity(e: Element, tags: readonly string[]): number;
    };
    // Every list Readability 0.6.0 passes (the text-ish one is written in upper case), and single tags.
    const textish = ['SPAN', 'LI', 'TD', ...Array.from((Readability.prototype as unknown as { DIV_TO_P_ELEMS: Set<string> }).DIV_TO_P_ELEMS)];
    const lists = [['a'], ['img', 'picture', 'figure', 'video', 'audio', 'source'], ['h1', 'h2'], ['style'], ['font'], ['br'], ['p'],
      ['img', 'embed', 'object', 'iframe'], ['table'], ['script', 'noscript'], ['img', 'picture', 'figure'], ['img', 'picture'], ['ul', 'ol'],
      ['object', 'embed', 'iframe'], ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], textish, ['div'], ['title'], ['A', 'Svg'], ['mi', 'circle']];
    let compared = 0;
    let both = 0;
    const same = (doc: Document, label: string): void => {
      const shipped = new Readability(doc) as unknown as Lister;
      const quick = new Readability(doc) as unknown as Lister;
      quicken(quick);
      const all = Array.from(doc.getElementsByTagName('*'));
      const roots: Array<Element | Document> = [doc, ...all.filter((el, i) => el.firstElementChild && (i % 5 === 0 || all.length < 400))];
      for (const root of roots) {
        for (const tags of lists) {
          const found = Array.from(shipped._getAllNodesWithTag(root, tags));
          expect(Array.from(quick._getAllNodesWithTag(root, tags)), `${label} ${tags.join()}`).toEqual(found);
          if (new Set(found.map((el) => el.tagName)).size > 1) both++;
          if (root.nodeType === 1 && (tags.length === 6 || tags === textish)) {
            expect(quick._getTextDensity(root as Element, tags), `${label} density ${tags.join()}`).toBe(shipped._getTextDensity(root as Element, tags));
          }
          compared++;
        }
      }
    };
    same(page(`<h1>T</h1><div><h2>a</h2><p>one <a href="/x">x</a></p><ul><li>l</li></ul><ol><li>m</li></ol><span>s</span></div>
      <svg><a href="/s"><text>svg link</text></a><title>t</title><circle r="1"></circle></svg><math><mi>x</mi></math>
      <table><tr><td>cell <b>b</b></td></tr></table><p>  </p><div><img src="a.png"><picture><img src="b.png"></picture></div>`), 'hand');
    for (const slug of fixtureSlugs()) {
      const { html, url } = readPage(slug);
      same(makeDom(html, url).window.document, slug);
    }
    expect(compared).toBeGreaterThan(10000);
    // The cases include lists where two or more of the tags occur (the library's own query answers those).
    expect(both).toBeGreaterThan(100);
  });

  it('cleans styles as the library does: the same attributes left on every element of every fixture page', () => {
    type Cleaner = { _cleanStyles(e: Element | null): void };
    const cleaned = (html: string, url: string | undefined, quick: boolean): string => {
      const doc = makeDom(html, url).window.document;
      const foreign = doc.createElementNS('http://www.w3.org/1998/Math/MathML', 'mi');
      foreign.setAttribute('style', 'color: red');
      foreign.setAttribute('align', 'left');
      const odd = doc.createElement('svg'); // an HTML element named svg: the library leaves it as it is
      odd.setAttribute('style', 'x');
      const upper = doc.createElement('td');
      upper.setAttributeNS(null, 'STYLE', 'y'); // a name removeAttribute never matches
      upper.setAttribute('WIDTH', '3');
      doc.body.append(foreign, odd, upper);
      const reader = new Readability(doc) as unknown as Cleaner;
      if (quick) quicken(reader);
      reader._cleanStyles(doc.body);
      return doc.body.outerHTML;
    };
    const hand = `<!doctype html><body style="a"><table width="1" height="2" align="center" border="1" cellpadding="2"><tr>
      <td valign="top" bgcolor="red" width="5" class="keep">x</td><th height="3" style="b">h</th></tr></table><hr width="4">
      <pre width="80" id="p">code</pre><img width="10" height="20" src="a.png" hspace="3" vspace="4"><p style="c" data-x="1">t</p>
      <svg width="5" style="d"><rect style="e" width="1"></rect></svg><math><mi style="f">x</mi></math><frame frame="1" rules="2"></body>`;
    expect(cleaned(hand, undefined, true)).toBe(cleaned(hand, undefined, false));
    expect(cleaned(hand, undefined, true)).toContain('class="keep"');
    expect(cleaned(hand, undefined, true)).not.toContain('valign');
    for (const slug of fixtureSlugs()) {
      const { html, url } = readPage(slug);
      expect(cleaned(html, url, true), slug).toBe(cleaned(html, url, false));
    }
  });

  it('loops over node lists as Array.prototype.forEach, some and every do, also while the list changes under them', () => {
    type Loop = (list: ArrayLike<Node>, fn: (this: unknown, node: Node, i: number, list: ArrayLike<Node>) => unknown) => unknown;
    /** Calls made and the result, for one loop method on a fresh document, the callback changing the page as it goes. */
    const trace = (quick: boolean, method: (typeof QUICK_LOOPS)[number], listOf: (doc: Document) => ArrayLike<Node>, stopAt: number): string[] => {
      const doc = page('<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>');
      const reader = new Readability(doc) as unknown as Record<string, Loop>;
      if (quick) quicken(reader);
      const calls: string[] = [];
      const list = listOf(doc);
      const result = (reader[method] as Loop).call(reader, list, function (this: unknown, node, i, l) {
        calls.push(`${i}:${node.textContent}:${this === reader}:${l === list}`);
        if (i === 1) (node as Element).remove(); // a live collection shrinks
        if (i === 2) doc.body.append(doc.createElement('p'), doc.createElement('p')); // and grows past its first length
        return method === '_everyNode' ? i < stopAt : i >= stopAt;
      });
      calls.push(`=${String(result)}`);
      return calls;
    };
    const lists: Array<(doc: Document) => ArrayLike<Node>> = [
      (doc) => doc.body.getElementsByTagName('p'), // live
      (doc) => doc.body.querySelectorAll('p'), // static
      (doc) => doc.body.children,
      // eslint-disable-next-line @typescript-eslint/no-array-delete -- the hole is the case under test
      (doc) => { const ps = Array.from(doc.body.querySelectorAll('p')); delete ps[3]; return ps; }, // a hole
    ];
    for (const method of QUICK_LOOPS) {
      for (const [n, listOf] of lists.entries()) {
        for (const stopAt of [0, 2, 99]) {
          const shipped = trace(false, method, listOf, stopAt);
          expect(trace(true, method, listOf, stopAt), `${method} list ${n} stop ${stopAt}`).toEqual(shipped);
          expect(shipped.length).toBeGreaterThan(1);
        }
      }
    }
  });

  it('leaves an instance alone when the library lacks a method it stands for', () => {
    const reader = { REGEXPS: { byline: /byline/i }, DIV_TO_P_ELEMS: new Set(['P']), _isProbablyVisible: () => false };
    quicken(reader);
    expect(Object.keys(reader)).toEqual(['REGEXPS', 'DIV_TO_P_ELEMS', '_isProbablyVisible']);
  });
});
