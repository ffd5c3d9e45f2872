/**
 * Odd pages (tests/pages/odd--*): frames, <base href>, protocol-relative URLs, odd srcset descriptors, broken markup,
 * many images, right-to-left Hebrew, no title, a single-page app that swaps its body, a page of only images,
 * and a generated page of 200,000 elements. Each reads to an article or to a sentence; none throws, none is changed.
 * The browser side (frames, the app's swap, the thousand images, the huge page) is tests/e2e/odd-pages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { articleDom, extractHtml, extractPage, makeDom, readPage } from '../support/dom';

function article(slug: string) {
  const result = extractPage(slug);
  if (!result.ok) throw new Error(`${slug}: ${result.reason} ${result.message}`);
  return result.article;
}

/** Every URL a reader would load or follow in the article: img src and srcset candidates, link hrefs. */
function urls(content: string): { src: string[]; srcset: string[]; href: string[] } {
  const root = articleDom(content);
  return {
    src: Array.from(root.querySelectorAll('img'), (i) => i.getAttribute('src') ?? ''),
    srcset: Array.from(root.querySelectorAll('[srcset]'), (i) => i.getAttribute('srcset') ?? ''),
    href: Array.from(root.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? ''),
  };
}

describe('odd--frames', () => {
  it('reads the top document only: no frame, no text from a child frame or srcdoc', () => {
    const a = article('odd--frames');
    expect(a.textContent).toContain('The night market opens');
    expect(a.textContent).toContain('nobody seems in a hurry to leave');
    expect(a.textContent).not.toMatch(/FRAME-CHILD|FRAME-SRCDOC/);
    expect(a.content).not.toMatch(/<iframe|srcdoc/i);
  });
});

describe('odd--base-href', () => {
  it('resolves relative images and links against <base href>, keeps in-page anchors', () => {
    const { src, href } = urls(article('odd--base-href').content);
    expect(src).toContain('https://cdn.example.org/photos/2024/stalls/corn.jpg');
    expect(href).toContain('https://cdn.example.org/photos/2024/more/market.html');
    expect(href).toContain('https://cdn.example.org/about/');
    expect(href).toContain('https://cdn.example.org/photos/archive/');
    expect(href.filter((h) => !h.startsWith('#')).every((h) => /^https:\/\//.test(h))).toBe(true);
  });
});

describe('odd--protocol-relative', () => {
  it('gives //host URLs the page scheme, in src, srcset and href', () => {
    const { src, srcset, href } = urls(article('odd--protocol-relative').content);
    expect(src).toContain('https://img.example.net/market/steam.jpg');
    expect(srcset.join(' ')).toContain('https://img.example.net/market/steam-2x.jpg 2x');
    expect(href).toContain('https://example.net/council/report');
    expect([...src, ...srcset, ...href].join(' ')).not.toMatch(/(^|[\s,])\/\//);
  });
});

describe('odd--srcset-descriptors', () => {
  const { srcset, src } = urls(article('odd--srcset-descriptors').content);
  const candidates = srcset.flatMap((s) => s.split(/,\s+/)).map((c) => c.trim());

  it('keeps width and density descriptors, made absolute, whatever the spacing', () => {
    expect(candidates).toContain('http://127.0.0.1/city/odd/a-large.jpg 1200w');
    expect(candidates).toContain('http://127.0.0.1/city/odd/b-1.5x.jpg 1.5x');
    expect(candidates).toContain('http://127.0.0.1/city/odd/b-3x.jpg 3x');
    expect(candidates.some((c) => c.startsWith('http://127.0.0.1/city/odd/d@2x.webp'))).toBe(true);
  });

  it('every candidate URL is absolute and every image kept', () => {
    expect(src.length).toBe(4);
    for (const c of candidates) expect(c, c).toMatch(/^(https?:\/\/|data:)/);
  });
});

describe('odd--broken-html', () => {
  it('reads every paragraph despite unclosed, stray and mis-nested tags', () => {
    const a = article('odd--broken-html');
    for (const text of ['The night market opens', 'Most of the vendors', 'The council has tried', 'What keeps people coming', 'a bare ampersand']) {
      expect(a.textContent).toContain(text);
    }
    expect(articleDom(a.content).querySelector('b')?.textContent).toContain('Most of the vendors');
  });

  it('an unclosed <title> swallows the page (browsers show nothing either): a sentence, not a crash', () => {
    const html = readPage('odd--broken-html').html.replace('</title>', '');
    expect(extractHtml(html)).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('odd--many-images', () => {
  // 400 photographs here (every fixture also runs through the invariants suite under jsdom, where captions cost grows
  // faster than linearly); tests/e2e/odd-pages.test.ts generates a page of 3,000 for Chromium.
  it('keeps all 400 photographs with their captions', () => {
    const started = performance.now();
    const a = article('odd--many-images');
    const root = articleDom(a.content);
    expect(root.querySelectorAll('img').length).toBe(400);
    expect(a.textContent).toContain('Stall number 399 at the market.');
    expect(performance.now() - started).toBeLessThan(60_000); // a hang guard, not a speed target (the bench measures)
  });
});

describe('odd--rtl-hebrew', () => {
  it('reads the Hebrew article with its direction and language', () => {
    const a = article('odd--rtl-hebrew');
    expect(a.dir).toBe('rtl');
    expect(a.lang).toBe('he');
    expect(a.title).toBe('שוק הלילה שלא זז');
    expect(a.textContent).toContain('שוק הלילה נפתח');
  });
});

describe('odd--no-title', () => {
  it('still gives a title (the host name) and the article', () => {
    const a = article('odd--no-title');
    expect(a.title).toBe('127.0.0.1');
    expect(a.textContent).toContain('The night market opens');
  });
});

describe('odd--spa-body-change', () => {
  it('reading again after the app swaps its content reads the new content', () => {
    const { html, url } = readPage('odd--spa-body-change');
    const dom = new (makeDom('').constructor as typeof import('jsdom').JSDOM)(html, { url, runScripts: 'dangerously' });
    const read = () => extractArticle(dom.window.document, { url }, { win: dom.window as never });
    const first = read();
    expect(first.ok && first.article.textContent).toContain('The night market opens');
    (dom.window as unknown as { showSecondStory(): void }).showSecondStory();
    const second = read();
    if (!second.ok) throw new Error(second.reason);
    expect(second.article.title).toMatch(/second story/i);
    expect(second.article.textContent).toContain('The river ferry opens');
    expect(second.article.textContent).not.toContain('The night market opens');
    dom.window.close();
  });
});

describe('odd--only-images', () => {
  it('is not an article; "Show anyway" reads what there is', () => {
    const result = extractPage('odd--only-images');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('not-article');
    const forced = extractPage('odd--only-images', { force: true });
    expect(forced.ok || (!forced.ok && ['not-article', 'empty'].includes(forced.reason))).toBe(true);
  });
});

describe('a generated page of 200,000 elements', () => {
  it('is refused as too large, with the sentence, before any costly work', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<div><p>Row ${i} ${'<span>w</span>'.repeat(98)}</p></div>`).join('');
    const html = `<!doctype html><title>Huge</title><body><article><h1>Huge</h1>${rows}</article></body>`;
    const dom = makeDom(html);
    expect(dom.window.document.getElementsByTagName('*').length).toBeGreaterThanOrEqual(200_000);
    const result = extractArticle(dom.window.document, { url: 'http://127.0.0.1/huge.html' }, { win: dom.window as never });
    expect(result).toEqual({ ok: false, reason: 'too-large', message: 'This page is too large to read in Lectern.' });
  });

});
