// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyForReading, isInvisible, LEFT_OUT, leftOutUnder } from '../../src/extract/copy';
import { hasText } from '../../src/extract/text';
import { makeDom, PAGES, readPage, SHARED } from '../support/dom';

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

  it('leaves out by tag name exactly what its selector selects, on hand-made cases and every fixture page', () => {
    const same = (root: Element, label: string): number => {
      const bySelector = new Set(root.querySelectorAll(LEFT_OUT));
      const byTag = leftOutUnder(root);
      expect(new Set(byTag), label).toEqual(bySelector);
      expect(byTag.length, label).toBe(bySelector.size);
      return bySelector.size;
    };
    const hand = makeDom(`<!doctype html><head><link rel="StyleSheet" href="a.css"><link rel="alternate stylesheet" href="b.css">
      <link rel="stylesheets" href="c.css"><link rel=" preload\tstylesheet " href="d.css"><link rel="icon" href="i.png"><link href="e.css">
      <script type="APPLICATION/LD+JSON">{}</script><script type="application/ld+json ">{}</script><script type="module">1</script>
      <script type="">2</script><script>3</script><style>p{}</style></head>
      <body><svg><script>4</script><style>q{}</style><svg></svg></svg><div><style>r{}</style><link rel=stylesheet href=f.css></div></body>`).window.document;
    expect(same(hand.head, 'head')).toBe(8);
    expect(same(hand.body, 'body')).toBe(6);
    // Every fixture page, and the first 25 pages of the aeb corpus (real news pages, read in place).
    const aeb = join(SHARED, 'corpora', 'aeb');
    const pages = [
      ...readdirSync(PAGES).filter((slug) => existsSync(join(PAGES, slug, 'source.html'))).map((slug) => ({ label: slug, html: readPage(slug).html })),
      ...readdirSync(aeb).filter((id) => existsSync(join(aeb, id, 'source.html'))).sort().slice(0, 25)
        .map((id) => ({ label: `aeb ${id}`, html: readFileSync(join(aeb, id, 'source.html'), 'utf8') })),
    ];
    let total = 0;
    for (const { label, html } of pages) {
      const doc = makeDom(html).window.document;
      for (const child of Array.from(doc.documentElement.children)) total += same(child, `${label} ${child.tagName}`);
    }
    expect(total).toBeGreaterThan(500);
  });

  it('never changes the live page, and the copy runs and loads nothing (no window)', () => {
    const doc = makeDom(PAGE).window.document;
    const before = doc.documentElement.outerHTML;
    const copy = copyForReading(doc);
    copy.body.innerHTML = '';
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(copy.defaultView).toBeNull();
  });

  it('copies a real fixture page element for element, style sheets, scripts, SVG and invisible blocks aside', () => {
    const doc = makeDom(readPage('captions-npr-toggle').html).window.document;
    const copy = copyForReading(doc);
    const leftOut = (el: Element): boolean => {
      if (el.closest('svg')) return true;
      for (let a: Element | null = el; a; a = a.parentElement) if (isInvisible(a) && a.tagName !== 'IMG' && !a.querySelector('img')) return true;
      return false;
    };
    const kept = (d: Document): number =>
      Array.from(d.querySelectorAll('*:not(style):not(link[rel~=stylesheet]):not(script)')).filter((el) => !leftOut(el)).length;
    expect(kept(copy)).toBe(copy.querySelectorAll('*:not(script)').length);
    expect(kept(copy)).toBe(kept(doc));
  });

  it('leaves out what Readability would drop as invisible, inline SVG and comments; keeps invisible blocks with images', () => {
    const doc = makeDom(`<!doctype html><body><article><p>Shown.</p><!-- build 1234 -->
      <div hidden>Hidden menu</div><div aria-hidden="true">Decoration</div><p style="display: none">Gone</p>
      <span style="visibility: hidden">Invisible</span><p style="color: none">Colour none is shown.</p>
      <div aria-hidden="false">Not hidden</div><div aria-hidden="true" class="fallback-image">Fallback kept</div>
      <div style="display:none"><img src="placeholder.gif"></div><noscript><img src="real.jpg"></noscript>
      <a href="/x"><svg viewBox="0 0 1 1"><path d="M0 0"/><text>icon</text></svg>Link</a></article></body>`).window.document;
    const copy = copyForReading(doc);
    const text = copy.body.textContent ?? '';
    for (const gone of ['Hidden menu', 'Decoration', 'Gone', 'Invisible', 'icon']) expect(text).not.toContain(gone);
    for (const kept of ['Shown.', 'Colour none is shown.', 'Not hidden', 'Fallback kept', 'Link']) expect(text).toContain(kept);
    expect(copy.querySelector('img[src="placeholder.gif"]')).not.toBeNull();
    expect(copy.querySelector('svg')).toBeNull();
    expect(copy.createTreeWalker(copy, 128).nextNode()).toBeNull();
    // The live page keeps all of it.
    expect(doc.body.textContent).toContain('Hidden menu');
    expect(doc.querySelector('svg')).not.toBeNull();
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
