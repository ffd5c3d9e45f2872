// @vitest-environment node
/**
 * Guard rails of the extraction core against a Readability that changes under it (src/extract/readability/): the
 * article is never empty while Readability's own result is not, and `extractArticle` never returns `ok` with an
 * empty body. The upstream changes are simulated on the library's prototype, then put back.
 */
import { Readability } from '@mozilla/readability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractArticle, type ExtractResult } from '../../src/extract/index';
import { makeDom, readPage } from '../support/dom';

const SLUGS = ['article--short-news', 'captions--aggregator-seed', 'endmatter--author-box-and-notices', 'boilerplate--keeps-body'];
type Grab = (this: unknown, page?: unknown) => Element | null;
type Proto = Record<string, unknown> & { _grabArticle: Grab };
const proto = Readability.prototype as unknown as Proto;

function read(slug: string): ExtractResult {
  const { html, url } = readPage(slug);
  const { window } = makeDom(html, url);
  return extractArticle(window.document, { url }, { win: window as unknown as Window & typeof globalThis });
}

function textOf(result: ExtractResult): string {
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return result.article.textContent;
}

/** Never `ok` with no text or no markup. */
function expectNoEmptyArticle(result: ExtractResult, label: string): void {
  if (result.ok) {
    expect(result.article.textContent.trim(), label).not.toBe('');
    expect(result.article.content.trim(), label).not.toBe('');
  } else {
    expect(result.message, label).toMatch(/\.$/);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('extraction survives a Readability that changes under it', () => {
  const before = Object.fromEntries(SLUGS.map((slug) => [slug, textOf(read(slug))]));

  it('upstream master calls doc.createDocumentFragment() inside _grabArticle: the same articles', () => {
    const grab = proto._grabArticle;
    vi.spyOn(proto, '_grabArticle').mockImplementation(function (this: { _doc: Document }, page?: unknown) {
      this._doc.createDocumentFragment().appendChild(this._doc.createElement('div'));
      return grab.call(this, page);
    });
    for (const slug of SLUGS) expect(textOf(read(slug)), slug).toBe(before[slug]);
    expect(proto._grabArticle).toHaveBeenCalled();
  });

  it('an article element whose markup reads empty (a trap left armed): never an ok result with an empty body', () => {
    const grab = proto._grabArticle;
    vi.spyOn(proto, '_grabArticle').mockImplementation(function (this: unknown, page?: unknown) {
      const article = grab.call(this, page);
      if (article) Object.defineProperty(article, 'innerHTML', { configurable: true, get: () => '' });
      return article;
    });
    for (const slug of SLUGS) expectNoEmptyArticle(read(slug), slug);
  });
});

describe('the clean-up steps never leave an article without text', () => {
  it('an article a step would empty is read again without the steps: Readability\'s own text, not nothing', async () => {
    vi.resetModules();
    vi.doMock('../../src/extract/steps/end-matter', () => ({
      removeEndMatter: (root: Element) => {
        const n = root.childNodes.length;
        while (root.firstChild) root.firstChild.remove();
        return n;
      },
    }));
    const { extractArticle: extractWithEmptying } = await import('../../src/extract/index');
    const { html, url } = readPage('article--short-news');
    const { window } = makeDom(html, url);
    const result = extractWithEmptying(window.document, { url }, { win: window as unknown as Window & typeof globalThis });
    expectNoEmptyArticle(result, 'article--short-news');
    expect(result.ok && result.article.textContent).toContain('route 14 will run on past the station');
    // Read without the steps: nothing counted as removed.
    expect(result.ok && result.article.removed.endMatter).toBe(0);
    vi.doUnmock('../../src/extract/steps/end-matter');
    vi.resetModules();
  });
});
