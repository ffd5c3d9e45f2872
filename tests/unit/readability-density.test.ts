// @vitest-environment node
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { quickenDensity, type Observer } from '../../src/extract/steps/readability-density';
import { quicken } from '../../src/extract/steps/readability-quick';
import { makeDom, readPage, fixtureSlugs } from '../support/dom';

interface Density {
  _getLinkDensity(element: Element): number;
  _getInnerText(element: Node, normalizeSpaces?: boolean): string;
  _initializeNode(node: Element): void;
}

function dom(body: string): { doc: Document; Observer: Observer } {
  const { window } = makeDom(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`);
  return { doc: window.document, Observer: window.MutationObserver as unknown as Observer };
}

/** A shipped instance (the reference) and a quick one on the same document; `scoring` starts the quick one keeping lengths. */
function pair(doc: Document, Observer: Observer): { shipped: Density; quick: Density; scoring(): void } {
  const shipped = new Readability(doc) as unknown as Density;
  const quick = new Readability(doc) as unknown as Density;
  quickenDensity(quick, Observer);
  return { shipped, quick, scoring: () => quick._initializeNode(doc.body) };
}

const fixtures = fixtureSlugs();

describe('readability-density: the library\'s link density, each text measured once', () => {
  it('answers as the library at every ask of whole parses of every fixture page, reading fewer texts', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    // Texts read (`textContent`) by the quick answers and by the library's answers to the same asks.
    let quickReads = 0;
    let libraryReads = 0;
    for (const slug of fixtures) {
      const { html, url } = readPage(slug);
      const { window } = makeDom(html, url);
      const reader = new Readability(window.document, { keepClasses: true }) as unknown as Density & { parse(): unknown };
      const shipped = Readability.prototype as unknown as Density;
      quicken(reader, window.MutationObserver as unknown as Observer);
      const quick = reader._getLinkDensity;
      let asked = 0;
      const textContent = Object.getOwnPropertyDescriptor(window.Node.prototype, 'textContent') as PropertyDescriptor;
      const counted = <T>(read: () => T): [T, number] => {
        let reads = 0;
        Object.defineProperty(window.Node.prototype, 'textContent', { ...textContent, get(this: Node) { reads++; return textContent.get?.call(this); } });
        try {
          return [read(), reads];
        } finally {
          Object.defineProperty(window.Node.prototype, 'textContent', textContent);
        }
      };
      reader._getLinkDensity = function (this: Density, element: Element): number {
        const [answer, reads] = counted(() => quick.call(this, element));
        const [expected, ownReads] = counted(() => shipped._getLinkDensity.call(shipped, element));
        quickReads += reads;
        libraryReads += ownReads;
        expect(answer, `${slug}: ${element.tagName}.${element.className}`).toBe(expected);
        asked++;
        return answer;
      };
      reader.parse();
      expect(asked, slug).toBeGreaterThan(0);
    }
    // On the fixture pages: 518 texts read against the library's 901.
    expect(libraryReads).toBeGreaterThan(600);
    expect(quickReads).toBeLessThan(libraryReads * 0.7);
  });

  it('forgets kept lengths when the page changes: text, children, links, href, a node moved in', () => {
    const changes: Array<[string, (doc: Document) => void]> = [
      ['text', (doc) => { (doc.querySelector('#p1')?.firstChild as Text).data = 'changed  text   that is longer'; }],
      ['removed child', (doc) => doc.querySelector('#p2')?.remove()],
      ['added link', (doc) => { const a = doc.createElement('a'); a.href = '/x'; a.textContent = 'a new link with words'; doc.querySelector('#p1')?.append(a); }],
      ['href', (doc) => doc.querySelector('#l1')?.setAttribute('href', '#anchor')],
      ['moved in', (doc) => doc.querySelector('#p1')?.append(doc.querySelector('#outside') as Element)],
      ['text added', (doc) => doc.querySelector('#box')?.append('  more   words here  ')],
    ];
    for (const [label, change] of changes) {
      const { doc, Observer } = dom(`<div id="box"><p id="p1">Some text <a id="l1" href="/one">one link</a> more</p>
        <p id="p2"><a href="#top">top</a> and <b>bold  words</b></p></div><p id="outside"><a href="/far">far away link text</a></p>`);
      const { shipped, quick, scoring } = pair(doc, Observer);
      scoring();
      const ask = (): number[] => ['#box', '#p1', '#p2', '#l1'].map((id) => doc.querySelector(id)).filter((el): el is Element => !!el)
        .map((el) => quick._getLinkDensity(el));
      const expected = (): number[] => ['#box', '#p1', '#p2', '#l1'].map((id) => doc.querySelector(id)).filter((el): el is Element => !!el)
        .map((el) => shipped._getLinkDensity(el));
      expect(ask(), label).toEqual(expected());
      const before = expected();
      change(doc);
      expect(expected(), `${label} changes the answer`).not.toEqual(before);
      expect(ask(), label).toEqual(expected());
      // Scoring again keeps lengths again, for the changed page.
      scoring();
      expect(ask(), label).toEqual(expected());
    }
  });

  it('asks the library about elements outside the watched tree, and before scoring starts', () => {
    const { doc, Observer } = dom('<p id="p">in <a href="/a">the page</a></p>');
    const { shipped, quick, scoring } = pair(doc, Observer);
    const inPage = doc.querySelector('#p') as Element;
    expect(quick._getLinkDensity(inPage)).toBe(shipped._getLinkDensity(inPage));
    scoring();
    expect(quick._getLinkDensity(inPage)).toBe(shipped._getLinkDensity(inPage));
    const detached = doc.createElement('div');
    detached.innerHTML = '<p>detached <a href="#x">hash link</a> text</p>';
    expect(quick._getLinkDensity(detached)).toBe(shipped._getLinkDensity(detached));
    (detached.querySelector('a') as Element).textContent = 'a much longer hash link';
    expect(quick._getLinkDensity(detached)).toBe(shipped._getLinkDensity(detached));
  });

  it('leaves an instance alone without an observer or when the library lacks a method it stands on', () => {
    const { Observer } = dom('');
    const bare = { REGEXPS: { hashUrl: /^#.+/ }, _getLinkDensity: () => 0, parse: () => null };
    quickenDensity(bare, Observer);
    expect(Object.keys(bare)).toEqual(['REGEXPS', '_getLinkDensity', 'parse']);
    const reader = new Readability(dom('').doc) as unknown as Record<string, unknown>;
    quickenDensity(reader, undefined);
    expect(Object.prototype.hasOwnProperty.call(reader, '_getLinkDensity')).toBe(false);
  });
});
