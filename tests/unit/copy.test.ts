// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyForReading, isInvisible, LEFT_OUT, leftOutUnder } from '../../src/extract/copy';
import { runReadability } from '../../src/extract/readability/adapter';
import { hasText } from '../../src/extract/text';
import { extractArticle } from '../../src/extract/index';
import { makeDom, readPage, fixtureSlugs } from '../support/dom';
import { corpusDir } from '../../scripts/lib/corpora';

const PAGE = `<!doctype html><html lang="fr" dir="ltr"><head><title>Le titre</title>
<meta property="og:site_name" content="Le Site"><base href="/archive/"><link rel="stylesheet" href="/a.css">
<link rel="canonical" href="http://127.0.0.1/x"><style>p { color: red }</style>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Le titre"}</script><script>var tracker = 1;</script></head>
<body><style>.x{}</style><article><h1>Le titre</h1><p>Texte.</p><img src="a.jpg" alt=""></article></body></html>`;

/** Every fixture page, then the first `aebCount` pages of the aeb corpus (real news pages, read in place). */
function fixtureAndAebPages(aebCount: number): { label: string; html: string; url: string }[] {
  const aeb = corpusDir('aeb');
  return [
    ...fixtureSlugs().map((slug) => ({ label: slug, ...readPage(slug) })),
    ...readdirSync(aeb).filter((id) => existsSync(join(aeb, id, 'source.html'))).sort().slice(0, aebCount).map((id) => ({
      label: `aeb ${id}`,
      html: readFileSync(join(aeb, id, 'source.html'), 'utf8'),
      url: (JSON.parse(readFileSync(join(aeb, id, 'meta.json'), 'utf8')) as { url: string }).url,
    })),
  ];
}

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
    let total = 0;
    for (const { label, html } of fixtureAndAebPages(25)) {
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
    expect(copy.documentElement.ownerDocument.defaultView).toBeNull();
  });

  it('copies a real fixture page element for element, style sheets, scripts, SVG and invisible blocks aside', () => {
    const doc = makeDom(readPage('captions-npr-toggle').html).window.document;
    const copy = copyForReading(doc);
    const leftOut = (el: Element): boolean => {
      if (el.closest('svg')) return true;
      for (let a: Element | null = el; a; a = a.parentElement) if (isInvisible(a) && a.tagName !== 'IMG' && !a.querySelector('img')) return true;
      return false;
    };
    const kept = (root: Element): number =>
      Array.from(root.querySelectorAll('*:not(style):not(link[rel~=stylesheet]):not(script)')).filter((el) => !leftOut(el)).length;
    expect(kept(copy.documentElement)).toBe(copy.documentElement.querySelectorAll('*:not(script)').length);
    expect(kept(copy.documentElement)).toBe(kept(doc.documentElement));
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
    expect(copy.documentElement.ownerDocument.createTreeWalker(copy.documentElement, 128).nextNode()).toBeNull();
    // The live page keeps all of it.
    expect(doc.body.textContent).toContain('Hidden menu');
    expect(doc.querySelector('svg')).not.toBeNull();
  });
});

describe('the copy is a document of its own', () => {
  it.each([
    ['white space in the title', '<title>\t Le \n\r titre\f  du  jour </title>', '<p>x</p>'],
    ['a title only in the body', '', '<div><title>Body title</title></div>'],
    ['an absolute base', '<base href="https://example.com/dir/page">', '<a href="x">x</a>'],
    ['a frameset page', '<title>F</title>', ''],
  ])('%s: the same title, base and head as the page, every node connected to it', (_label, head, body) => {
    const html = `<!doctype html><html><head>${head}</head>${body ? `<body>${body}</body>` : '<frameset><frame src="a.html"></frameset>'}</html>`;
    const page = makeDom(html).window.document;
    const copy = copyForReading(page);
    expect(copy).not.toBe(page);
    expect(copy.documentElement.isConnected).toBe(true);
    expect(copy.title).toBe(page.title);
    expect(copy.head?.outerHTML).toBe(page.head?.outerHTML);
    if (head.includes('base')) expect(copy.baseURI).toBe(page.baseURI);
  });

  it('a <base> in the body is not followed (as the absoluteUrls step does not): links Readability keeps stay for that step', () => {
    const page = makeDom(`<!doctype html><head><title>T</title></head><body><article><p>${'Words in a long paragraph. '.repeat(30)}<a href="next.html">next</a></p></article>
      <aside><base href="https://evil.example/"></aside></body>`).window.document;
    const copy = copyForReading(page);
    expect(copy.baseURI).toBe('about:blank');
    expect(runReadability(copy)?.root.querySelector('a')?.getAttribute('href')).toBe('next.html');
    const result = extractArticle(page, { url: 'http://127.0.0.1/news/story.html', force: true });
    if (!result.ok) throw new Error(`not an article: ${result.reason}`);
    expect(result.article.content).toContain('href="http://127.0.0.1/news/next.html"');
  });

  it('every fixture page and 20 aeb pages: Readability finds an article in the copy wherever it finds one in the page', () => {
    let compared = 0;
    for (const { label, html, url } of fixtureAndAebPages(20)) {
      const page = makeDom(html, url).window.document;
      const inPage = runReadability(page.cloneNode(true) as Document);
      const inCopy = runReadability(copyForReading(page));
      expect(Boolean(inCopy), label).toBe(Boolean(inPage));
      if (inCopy) {
        expect(inCopy.title, label).toBe(inPage?.title);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
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
