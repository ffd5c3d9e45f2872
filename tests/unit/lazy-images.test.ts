import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixLazyImages } from '../../src/extract/steps/lazy-images';
import { articleDom, extractPage, FIXTURE_URL, makeDom } from '../support/dom';

/** Run the step alone on `body` and return the document it rewrote. */
function fix(body: string, dom: JSDOM = makeDom(`<!doctype html><body>${body}</body>`)): { doc: Document; changed: number } {
  const doc = dom.window.document;
  const changed = fixLazyImages({ doc, url: FIXTURE_URL, baseUrl: FIXTURE_URL, win: dom.window as never });
  return { doc, changed };
}

function article(slug: string): DocumentFragment {
  const result = extractPage(slug);
  if (!result.ok) throw new Error(`${slug}: ${result.reason}`);
  return articleDom(result.article.content);
}

function imageByAlt(root: ParentNode, alt: string): HTMLImageElement {
  const img = Array.from(root.querySelectorAll('img')).find((i) => i.getAttribute('alt') === alt);
  if (!img) throw new Error(`no image with alt "${alt}"`);
  return img;
}

describe('lazyImages step', () => {
  it('gives a data-src image behind a placeholder gif its real src', () => {
    const { doc, changed } = fix('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/a.jpg" alt="a">');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/a.jpg');
    expect(changed).toBe(1);
  });

  it('uses data-original and data-lazy-src, and fills a missing src', () => {
    const { doc } = fix(
      '<img src="/img/spacer.gif" data-original="/b.jpg" alt="b"><img data-lazy-src="/c.jpg" alt="c"><img data-url="/d.jpg" alt="d">',
    );
    expect(Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual(['/b.jpg', '/c.jpg', '/d.jpg']);
  });

  it('fills the srcset of a <picture> source only: a video source and plain images are left as they are', () => {
    const { doc, changed } = fix(
      '<picture><source data-srcset="/p.webp 1x"><img src="/p.jpg" alt="p"></picture>'
        + '<video><source data-srcset="/v.mp4"></video><img src="/q.jpg" alt="q" data-caption="x">',
    );
    expect(Array.from(doc.querySelectorAll('source'), (s) => s.getAttribute('srcset'))).toEqual(['/p.webp 1x', null]);
    expect(Array.from(doc.querySelectorAll('img'), (i) => i.getAttribute('src'))).toEqual(['/p.jpg', '/q.jpg']);
    expect(changed).toBe(1);
  });

  it('keeps a real src even when lazy attributes are present', () => {
    const { doc, changed } = fix('<img src="/photos/real.jpg" data-src="/photos/other.jpg" alt="x">');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/photos/real.jpg');
    expect(changed).toBe(0);
  });

  it('never copies a data: URI from data-src over a placeholder', () => {
    const { doc } = fix('<img src="/blank.gif" data-src="data:image/gif;base64,R0lGOD" alt="x">');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/blank.gif');
  });

  it('turns data-srcset into srcset but keeps an existing real srcset', () => {
    const { doc } = fix(
      '<img id="lazy" data-srcset="/s-400.jpg 400w, /s-800.jpg 800w">' +
        '<img id="real" src="/r.jpg" srcset="/r-1x.jpg 1x, /r-2x.jpg 2x" data-srcset="/low.jpg 1x">' +
        '<img id="placeholder" srcset="data:image/gif;base64,R0lGOD 1x" data-lazy-srcset="/p-1x.jpg 1x, /p-2x.jpg 2x">',
    );
    expect(doc.getElementById('lazy')?.getAttribute('srcset')).toBe('/s-400.jpg 400w, /s-800.jpg 800w');
    expect(doc.getElementById('real')?.getAttribute('srcset')).toBe('/r-1x.jpg 1x, /r-2x.jpg 2x');
    expect(doc.getElementById('placeholder')?.getAttribute('srcset')).toBe('/p-1x.jpg 1x, /p-2x.jpg 2x');
  });

  it('replaces a placeholder with the image in the <noscript> after it, keeping the alt', () => {
    const { doc, changed } = fix('<p><img src="/blank.gif" alt="The tower"><noscript><img src="/tower.jpg"></noscript></p>');
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('noscript')).toBeNull();
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/tower.jpg');
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('The tower');
    expect(changed).toBe(1);
  });

  it('reads <noscript> as text too, as a browser with scripting on parses it', () => {
    // With scripting on, a noscript's content is raw text (this page has no scripts to run).
    const dom = new JSDOM('<!doctype html><body><img src="/blank.gif" alt=""><noscript><img src="/real.jpg" alt="Real"></noscript></body>', {
      url: FIXTURE_URL, runScripts: 'dangerously', virtualConsole: new VirtualConsole(),
    });
    expect(dom.window.document.querySelector('noscript')?.children).toHaveLength(0);
    const { doc } = fix('', dom);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/real.jpg');
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('Real');
  });

  // A noscript with several images or with text is not a copy of the placeholder. (It used to be taken anyway when
  // the noscript was parsed as elements, as in jsdom, while the browser's text path refused it.)
  it('leaves a real image and a noscript with text or several images alone', () => {
    const { doc, changed } = fix(
      '<img id="a" src="/photo.jpg"><noscript><img src="/other.jpg"></noscript>' +
        '<img id="b" src="/blank.gif"><noscript><img src="/1.jpg"><img src="/2.jpg"></noscript>' +
        '<img id="c" src="/blank.gif"><noscript><img src="/3.jpg"> Please enable JavaScript to see the gallery.</noscript>',
    );
    expect(doc.getElementById('a')?.getAttribute('src')).toBe('/photo.jpg');
    expect(doc.getElementById('b')?.getAttribute('src')).toBe('/blank.gif');
    expect(doc.getElementById('c')?.getAttribute('src')).toBe('/blank.gif');
    expect(doc.querySelectorAll('noscript')).toHaveLength(3);
    expect(changed).toBe(0);
  });
});

describe('lazy images in the reader (fixture pages)', () => {
  it('images--lazy-data-src: every photo shows its real image, no placeholder left', () => {
    const root = article('images--lazy-data-src');
    expect(imageByAlt(root, 'The queue outside the bakery before seven').getAttribute('src')).toBe(
      'http://127.0.0.1/images/bakery/queue.jpg',
    );
    expect(imageByAlt(root, 'The deck oven at three in the morning').getAttribute('src')).toBe(
      'https://cdn.example.org/bakery/ovens.jpg',
    );
    const loaves = imageByAlt(root, 'Four kinds of loaf on the shelves');
    expect(loaves.getAttribute('srcset')).toBe(
      'http://127.0.0.1/images/bakery/loaves-400.jpg 400w, http://127.0.0.1/images/bakery/loaves-800.jpg 800w',
    );
    const oduya = imageByAlt(root, 'Maren Oduya shaping dough');
    expect(oduya.getAttribute('srcset')).toBe(
      'http://127.0.0.1/images/bakery/oduya-1x.jpg 1x, http://127.0.0.1/images/bakery/oduya-2x.jpg 2x',
    );
    for (const img of Array.from(root.querySelectorAll('img'))) {
      expect(img.getAttribute('src') ?? '').not.toMatch(/placeholder|^data:/);
    }
    expect(root.querySelectorAll('img')).toHaveLength(4);
  });

  it('images--lazy-noscript: the noscript copies replace the placeholders', () => {
    const root = article('images--lazy-noscript');
    const srcs = Array.from(root.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(srcs).toEqual(['https://images.example.net/skerrow/ledgers.jpg', 'http://127.0.0.1/photos/skerrow-tower-1937.jpg']);
    expect(imageByAlt(root, 'The Skerrow light in a storm').getAttribute('src')).toContain('skerrow-tower-1937.jpg');
  });

  it('images--picture-data-srcset: <source data-srcset> becomes srcset, a real one is kept', () => {
    const root = article('images--picture-data-srcset');
    const sources = Array.from(root.querySelectorAll('picture source')).map((s) => s.getAttribute('srcset'));
    expect(sources).toEqual([
      'http://127.0.0.1/media/trees/trench-640.webp 640w, http://127.0.0.1/media/trees/trench-1280.webp 1280w',
      'http://127.0.0.1/media/trees/trench-640.jpg 640w, http://127.0.0.1/media/trees/trench-1280.jpg 1280w',
      'http://127.0.0.1/media/trees/grille-800.webp 800w',
    ]);
    expect(imageByAlt(root, 'A tree trench being dug beside a kerb').getAttribute('src')).toBe(
      'http://127.0.0.1/media/trees/trench-1280.jpg',
    );
  });

  it('switched off, the step leaves a placeholder that only it recognises', () => {
    const on = extractPage('images--lazy-data-src');
    const off = extractPage('images--lazy-data-src', { steps: { lazyImages: false } });
    if (!on.ok || !off.ok) throw new Error('fixture should be an article');
    expect(on.article.removed.lazyImages).toBe(3);
    expect(off.article.removed.lazyImages).toBe(0);
    const oven = imageByAlt(articleDom(off.article.content), 'The deck oven at three in the morning');
    expect(oven.getAttribute('src')).toBe('http://127.0.0.1/static/img/placeholder.png');
  });
});

describe('lazyImages: images only a script would show', () => {
  it('turns an AMP amp-img into an img with its source, size and alt, and drops its noscript fallback', () => {
    const { doc, changed } = fix(
      '<figure><amp-img src="/p/seawall-1200x800.jpg" srcset="/p/seawall-600x400.jpg 600w, /p/seawall-1200x800.jpg 1200w" width="1200" height="800" layout="responsive" alt="A seawall"><noscript><img src="/p/seawall-1200x800.jpg" alt="A seawall"></noscript></amp-img><figcaption>The seawall.</figcaption></figure>',
    );
    expect(doc.querySelector('amp-img')).toBeNull();
    const imgs = doc.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe('/p/seawall-1200x800.jpg');
    expect(imgs[0]?.getAttribute('srcset')).toMatch(/600w/);
    expect(imgs[0]?.getAttribute('alt')).toBe('A seawall');
    expect(imgs[0]?.getAttribute('width')).toBe('1200');
    expect(doc.querySelector('figcaption')?.textContent).toBe('The seawall.');
    expect(changed).toBe(1);
  });

  it('keeps an amp-img placeholder out: only the amp-img itself becomes an image', () => {
    const { doc } = fix('<amp-img src="/p/a.jpg" width="4" height="3" alt="a"><amp-img placeholder src="/p/a-blur.jpg" layout="fill"></amp-img></amp-img>');
    expect(Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual(['/p/a.jpg']);
  });

  it('gives the img of a sources-only <picture> the largest candidate of its sources', () => {
    const { doc, changed } = fix(
      '<picture><source type="image/webp" srcset="/m/640/x.webp 640w, /m/1400/x.webp 1400w"><source srcset="/m/640/x.jpeg 640w, /m/1400/x.jpeg 1400w"><img alt="" width="700" height="467" loading="lazy" role="presentation"></picture>',
    );
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/m/1400/x.jpeg');
    expect(changed).toBe(1);
  });

  it('leaves a picture whose img has a src as it is', () => {
    const { doc, changed } = fix('<picture><source srcset="/a-big.webp 1400w"><img src="/a.jpg" alt="a"></picture>');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/a.jpg');
    expect(changed).toBe(0);
  });
});
