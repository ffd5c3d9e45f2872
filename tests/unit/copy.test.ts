// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { copyForReading } from '../../src/extract/copy';
import { hasText } from '../../src/extract/text';
import { makeDom, readPage } from '../support/dom';

const PAGE = `<!doctype html><html lang="fr" dir="ltr"><head><title>Le titre</title>
<meta property="og:site_name" content="Le Site"><base href="/archive/"><link rel="stylesheet" href="/a.css">
<link rel="canonical" href="http://127.0.0.1/x"><style>p { color: red }</style>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Le titre"}</script><script>var tracker = 1;</script></head>
<body><style>.x{}</style><article><h1>Le titre</h1><p>Texte.</p><img src="a.jpg" alt=""></article></body></html>`;

describe('copyForReading: the pipeline\'s own copy of the page', () => {
  it('keeps what the steps read (lang, dir, title, metadata, JSON-LD, <base>, the body), no style sheets, no other scripts', () => {
    const doc = makeDom(PAGE).window.document;
    const copy = copyForReading(doc);
    expect(copy).not.toBe(doc);
    expect(copy.documentElement.getAttribute('lang')).toBe('fr');
    expect(copy.documentElement.getAttribute('dir')).toBe('ltr');
    expect(copy.title).toBe('Le titre');
    expect(copy.querySelector('meta[property="og:site_name"]')?.getAttribute('content')).toBe('Le Site');
    expect(copy.querySelector('script[type="application/ld+json"]')?.textContent).toContain('NewsArticle');
    expect(copy.querySelector('base')?.getAttribute('href')).toBe('/archive/');
    expect(copy.querySelector('link[rel=canonical]')).not.toBeNull();
    expect(copy.body.querySelector('article')?.innerHTML).toBe(doc.body.querySelector('article')?.innerHTML);
    expect(copy.querySelectorAll('style, link[rel=stylesheet]')).toHaveLength(0);
    expect(Array.from(copy.querySelectorAll('script'), (s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
  });

  it('never changes the live page, and the copy runs and loads nothing (no window)', () => {
    const doc = makeDom(PAGE).window.document;
    const before = doc.documentElement.outerHTML;
    const copy = copyForReading(doc);
    copy.body.innerHTML = '';
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(copy.defaultView).toBeNull();
  });

  it('copies a real fixture page element for element, style sheets and scripts aside', () => {
    const doc = makeDom(readPage('captions-npr-toggle').html).window.document;
    const copy = copyForReading(doc);
    const count = (d: Document): number => d.querySelectorAll('*:not(style):not(link[rel~=stylesheet]):not(script)').length;
    expect(count(copy)).toBe(count(doc));
  });
});

describe('hasText', () => {
  const body = (html: string): HTMLElement => makeDom(`<!doctype html><body>${html}</body>`).window.document.body;
  it('is false for a body of scripts, styles, noscript, templates and spaces', () => {
    expect(hasText(body('<script>var a = "words"</script><style>p{}</style><noscript>Enable JS</noscript><template>t</template> \n\u00a0'))).toBe(false);
    expect(hasText(body(''))).toBe(false);
  });
  it('is true as soon as one visible character is there, however deep', () => {
    expect(hasText(body('<script>x</script><div><div><span> a </span></div></div>'))).toBe(true);
  });
});
