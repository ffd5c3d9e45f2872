// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { describe, expect, it, vi } from 'vitest';
import { skipGrabbedLog, skipNextMarkupRead } from '../../src/extract/steps/readability-markup';
import { runReadability } from '../../src/extract/steps/readability';
import { makeDom, readPage, fixtureSlugs } from '../support/dom';

function page(body: string): Document {
  return makeDom(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`).window.document;
}

describe('readability-markup: the markup Readability reads, answered by the pipeline', () => {
  it('leaves the article the same on every fixture page', () => {
    const fixtures = fixtureSlugs();
    for (const slug of fixtures) {
      const { html, url } = readPage(slug);
      const shipped = new Readability(makeDom(html, url).window.document, { keepClasses: true }).parse();
      const { window } = makeDom(html, url);
      const ours = runReadability(window.document).article;
      expect(ours?.root.innerHTML ?? null, slug).toBe(shipped?.content ?? null);
      expect(ours?.byline ?? null, slug).toBe(shipped?.byline ?? null);
    }
  });

  it('skips the article markup only for the "Grabbed" debug message, which the pinned library builds right after grabbing it', () => {
    // The pinned source: the article's first markup read after `_grabArticle` is that message's (and is not guarded).
    const source = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
    expect(source).toMatch(/var articleContent = this\._grabArticle\(\);\s*if \(!articleContent\) \{\s*return null;\s*\}\s*this\.log\("Grabbed: " \+ articleContent\.innerHTML\);/);
    expect(source.match(/"Grabbed: "/g)).toHaveLength(1);

    // One read answers '', every later read and any write are the element's own.
    const doc = page('<p>one <b>two</b></p>');
    const p = doc.querySelector('p') as Element;
    skipNextMarkupRead(p);
    expect(p.innerHTML).toBe('');
    expect(p.innerHTML).toBe('one <b>two</b>');
    expect(Object.getOwnPropertyDescriptor(p, 'innerHTML')).toBeUndefined();
    skipNextMarkupRead(p);
    p.innerHTML = '<i>new</i>';
    expect(p.innerHTML).toBe('<i>new</i>');
    expect(Object.getOwnPropertyDescriptor(p, 'innerHTML')).toBeUndefined();

    // In a whole parse: the message gets '' with debugging off, the whole article with it on; the article is the same.
    const { html, url } = readPage(fixtureSlugs()[0] as string);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      /** The parsed article, and every element whose markup was read (the window's own `innerHTML` getter) during the parse. */
      const parse = (debug: boolean) => {
        const { window } = makeDom(html, url);
        const inner = Object.getOwnPropertyDescriptor(window.Element.prototype, 'innerHTML') as PropertyDescriptor;
        const serialized: Element[] = [];
        Object.defineProperty(window.Element.prototype, 'innerHTML', { ...inner, get(this: Element) { serialized.push(this); return inner.get?.call(this); } });
        const reader = new Readability(window.document, { debug, keepClasses: true, serializer: (n: Node) => n as Element });
        skipGrabbedLog(reader);
        const article = reader.parse()?.content as Element;
        Object.defineProperty(window.Element.prototype, 'innerHTML', inner);
        return { article, serialized };
      };
      const { article: quiet, serialized } = parse(false);
      expect(log).not.toHaveBeenCalled();
      expect(serialized).not.toContain(quiet);
      expect(Object.getOwnPropertyDescriptor(quiet, 'innerHTML')).toBeUndefined();
      expect(quiet.innerHTML.length).toBeGreaterThan(500);
      const { article: loud, serialized: loudly } = parse(true);
      expect(loudly).toContain(loud);
      const grabbed = log.mock.calls.map((call) => call.join(' ')).find((line) => line.includes('Grabbed: '));
      expect(grabbed?.length).toBeGreaterThan(500);
      expect(loud.innerHTML).toBe(quiet.innerHTML);
    } finally {
      log.mockRestore();
    }
  });

  it('leaves an instance without _grabArticle alone', () => {
    const reader = { _debug: false, parse: () => null };
    skipGrabbedLog(reader);
    expect(Object.keys(reader)).toEqual(['_debug', 'parse']);
  });
});
