// @vitest-environment node
/**
 * The Readability adapter (src/extract/readability/adapter.ts): every private member it uses is still in the installed
 * library (this test fails loudly, naming it, when Readability changes under Lectern), and the one it replaces,
 * `_fixRelativeUris`, changes nothing but the URLs (tests/unit/absolute-urls.test.ts holds the articles to that).
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { missingPrivateMembers, PRIVATE_MEMBERS, runReadability } from '../../src/extract/readability/adapter';
import { makeDom, readPage, fixtureSlugs } from '../support/dom';

function page(body: string): Document {
  return makeDom(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`).window.document;
}

describe('the Readability adapter', () => {
  it('the installed library has every private member the adapter uses (if this fails, Readability changed: update src/extract/readability/)', () => {
    const reader = new Readability(page('<p>x</p>'));
    expect(missingPrivateMembers(reader), `@mozilla/readability no longer has: ${missingPrivateMembers(reader).join(', ')}`).toEqual([]);
    expect(typeof (reader as unknown as Record<string, unknown>)._fixRelativeUris).toBe('function');
    expect(PRIVATE_MEMBERS).toEqual(['_fixRelativeUris', '_doc']);
  });

  it('names what a changed library lacks', () => {
    const reader = new Readability(page('<p>x</p>')) as unknown as Record<string, unknown>;
    delete reader._doc;
    expect(missingPrivateMembers(reader)).toEqual(['_doc']);
  });

  it('gives the library\'s own article (keepClasses, the element itself) on every fixture page', () => {
    let articles = 0;
    for (const slug of fixtureSlugs()) {
      const { html, url } = readPage(slug);
      const shipped = new Readability(makeDom(html, url).window.document, { keepClasses: true }).parse();
      const ours = runReadability(makeDom(html, url).window.document);
      expect(ours?.root.innerHTML ?? null, slug).toBe(shipped?.content ?? null);
      expect(ours?.byline ?? null, slug).toBe(shipped?.byline ?? null);
      expect(ours?.title ?? null, slug).toBe(shipped?.title ?? null);
      if (ours) articles++;
    }
    expect(articles).toBeGreaterThan(60);
  });
});
