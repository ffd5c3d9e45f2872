import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/ui/sanitize';
import { articleDom, extractPage, makeDom, viewDom, viewHtml } from '../support/dom';

const win = makeDom('<!doctype html><body></body>').window as unknown as Window & typeof globalThis;
const clean = (html: string): string => sanitizeHtml(html, win).html;
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Everything in `html` that could run script or load a page: what a reader must never get. */
function dangers(html: string): string[] {
  const root = articleDom(html);
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'style', 'base', 'meta', 'link', 'svg'].includes(tag)) {
      found.push(`<${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data'].includes(attr.name)) {
        const value = attr.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
        if (/^(javascript|vbscript):/.test(value)) found.push(`${tag}[${attr.name}=${attr.value}]`);
        if (value.startsWith('data:') && !(tag === 'img' && attr.name === 'src')) found.push(`${tag}[${attr.name}=data:]`);
      }
    }
  }
  return found;
}

const VECTORS: Record<string, string> = {
  'script element': '<p>hi</p><script>alert(1)</script>',
  'img onerror': '<img src=x onerror=alert(1)>',
  'svg onload': '<svg onload=alert(1)><circle r=5></circle></svg>',
  'javascript: link': '<a href="javascript:alert(1)">x</a>',
  'mixed-case, entity-split javascript: link': '<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a>',
  'vbscript: link': '<a href="vbscript:msgbox(1)">x</a>',
  'data:text/html link': '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  'object and embed': '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  'form with formaction button': '<form><button formaction="javascript:alert(1)">go</button><input name=q></form>',
  'meta refresh and base': '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//">',
  'style element and attribute': '<style>@import "javascript:alert(1)";</style><p style="background:url(javascript:alert(1))">x</p>',
  'mathml link': '<math><mi xlink:href="javascript:alert(1)" href="javascript:alert(1)">x</mi></math>',
  'noscript mutation (mXSS)': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  'details ontoggle': '<details open ontoggle=alert(1)><summary>s</summary></details>',
  'video poster javascript:': '<video poster="javascript:alert(1)"><source src="javascript:alert(1)"></video>',
};

describe('sanitizeHtml against classic XSS vectors', () => {
  it.each(Object.entries(VECTORS))('%s: nothing can run', (_name, vector) => {
    expect(dangers(clean(vector))).toEqual([]);
  });

  it('the checker itself sees every vector as dangerous before sanitizing', () => {
    const unsafe = Object.entries(VECTORS).filter(([name]) => name !== 'noscript mutation (mXSS)');
    for (const [name, vector] of unsafe) expect(dangers(vector), name).not.toEqual([]);
  });
});

describe('sanitizeHtml keeps what an article needs', () => {
  it('keeps text, headings, lists, tables, quotes, code and figures', () => {
    const html = clean(
      '<h2>Head</h2><p>Para <em>em</em> <strong>strong</strong> <code>x</code></p><ul><li>one</li></ul>' +
        '<blockquote>q</blockquote><pre>pre</pre><table><tr><td>cell</td></tr></table>' +
        '<figure><img src="https://example.org/a.jpg" srcset="https://example.org/a-2x.jpg 2x" alt="A"><figcaption>Cap</figcaption></figure>',
    );
    const root = articleDom(html);
    for (const sel of ['h2', 'em', 'strong', 'code', 'ul li', 'blockquote', 'pre', 'table td', 'figure img', 'figcaption']) {
      expect(root.querySelector(sel), sel).not.toBeNull();
    }
    expect(root.querySelector('img')?.getAttribute('srcset')).toBe('https://example.org/a-2x.jpg 2x');
  });

  it('allows data: images but no data: links', () => {
    const root = articleDom(clean(`<img src="${PNG}" alt="dot"><a href="${PNG}">open</a>`));
    expect(root.querySelector('img')?.getAttribute('src')).toBe(PNG);
    expect(root.querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  it('opens links in a new tab without referrer, leaves #anchors in place', () => {
    const root = articleDom(clean('<a href="https://example.org/" target="_self" ping="https://t.example/">out</a><a href="#n">in</a>'));
    const [out, inPage] = Array.from(root.querySelectorAll('a'));
    expect(out?.getAttribute('target')).toBe('_blank');
    expect(out?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(out?.hasAttribute('ping')).toBe(false);
    expect(inPage?.hasAttribute('target')).toBe(false);
    expect(inPage?.getAttribute('href')).toBe('#n');
  });

  it('drops every class except lectern-* ones, and data- attributes', () => {
    const root = articleDom(clean('<p class="lead lectern-caption x-lectern-y" data-track="1">a</p><p class="foo">b</p><a class="lectern-embed lectern-embed--video" href="https://e.example/"><span class="lectern-embed__title">t</span></a>'));
    expect(root.querySelector('span')?.getAttribute('class')).toBe('lectern-embed__title');
    expect(root.querySelector('a')?.getAttribute('class')).toBe('lectern-embed lectern-embed--video');
    const [first, second] = Array.from(root.querySelectorAll('p'));
    expect(first?.getAttribute('class')).toBe('lectern-caption');
    expect(first?.hasAttribute('data-track')).toBe(false);
    expect(second?.hasAttribute('class')).toBe(false);
  });

  it('shows a formula once: MathML kept, the TeX source in its annotation dropped with its text', () => {
    const katex = '<p>Energy <math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi>' +
      '<msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math> holds.</p>' +
      '<math display="block"><semantics><mfrac><mi>a</mi><mi>b</mi></mfrac><annotation-xml encoding="MathML-Content"><apply><divide/><ci>a</ci><ci>b</ci></apply></annotation-xml></semantics></math>';
    const root = articleDom(clean(katex));
    const maths = Array.from(root.querySelectorAll('math'));
    expect(maths.map((m) => m.textContent)).toEqual(['E=mc2', 'ab']);
    expect(maths[1]?.getAttribute('display')).toBe('block');
    expect(root.querySelector('msup mn')?.textContent).toBe('2');
    expect(root.textContent).not.toContain('mc^2');
    expect(root.querySelector('annotation, annotation-xml')).toBeNull();
  });

  it('keeps a code block\'s language as data-lang when it is a plain name, and no other data- attribute', () => {
    const root = articleDom(clean('<pre data-lang="c++"><code>int x;</code></pre><pre data-lang="objective-c"><code>y</code></pre>' +
      '<pre data-lang="a b"><code>z</code></pre><pre data-lang="&quot;><img src=x onerror=alert(1)>"><code>w</code></pre>' +
      '<p data-lang="en">not code</p>'));
    expect(Array.from(root.querySelectorAll('pre')).map((p) => p.getAttribute('data-lang'))).toEqual(['c++', 'objective-c', null, null]);
    expect(root.querySelector('p')?.hasAttribute('data-lang')).toBe(false);
    expect(root.querySelector('img')).toBeNull();
  });

  it('unwraps the article\'s own main landmark: the reader view has the one main', () => {
    expect(clean('<main><p>Body text</p></main><div role="main"><p>More</p></div>')).toBe('<p>Body text</p><div><p>More</p></div>');
  });

  it('counts what it removed', () => {
    expect(sanitizeHtml('<p>plain</p>', win).removed).toBe(0);
    expect(sanitizeHtml('<p onclick="x()">a</p><script>1</script>', win).removed).toBe(2);
  });
});

describe('the reader view on the pipeline\'s output (sanitize--hostile-article)', () => {
  const result = extractPage('sanitize--hostile-article');
  if (!result.ok) throw new Error(`fixture is an article: ${result.reason}`);
  // What the view renders: the pipeline's HTML, sanitized once where it is rendered.
  const content = viewHtml(result.article.content);
  const root = viewDom(result.article.content);

  it('keeps the article', () => {
    expect(result.article.textContent).toContain('The synthesizer arrived in a cardboard box');
    expect(result.article.textContent).toContain('every key works and the whine is gone');
    expect(sanitizeHtml(result.article.content, win).removed).toBeGreaterThan(0);
  });

  it('leaves no script, event handler, unsafe URL or active element', () => {
    expect(dangers(content)).toEqual([]);
    expect(content).not.toMatch(/<script|javascript:|vbscript:|\bon[a-z]+=|document\.cookie|steal\(/i);
    for (const tag of ['iframe', 'form', 'object', 'embed', 'input', 'button', 'style', 'base', 'meta', 'svg']) {
      expect(root.querySelector(tag), tag).toBeNull();
    }
  });

  it('keeps the data: image, drops unsafe hrefs but keeps their words', () => {
    expect(root.querySelector('img[alt="A one-pixel diagram"]')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const words = Array.from(root.querySelectorAll('a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(words).toContainEqual(['view the schematic', null]);
    expect(words).toContainEqual(['old readings', null]);
    expect(words).toContainEqual(['new ones', null]);
    expect(result.article.textContent).toContain('Click to enlarge');
  });

  it('gives links target=_blank and rel="noopener noreferrer" and drops ping', () => {
    const parts = root.querySelector('a[href="http://127.0.0.1/parts"]');
    expect(parts?.getAttribute('target')).toBe('_blank');
    expect(parts?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(parts?.hasAttribute('ping')).toBe(false);
  });

  it('drops classes other than lectern-* and inline styles', () => {
    const classes = Array.from(root.querySelectorAll('[class]')).flatMap((el) => (el.getAttribute('class') ?? '').split(/\s+/));
    expect(classes.every((c) => c.startsWith('lectern-'))).toBe(true);
    expect(classes).toContain('lectern-keep');
    expect(root.querySelector('[style]')).toBeNull();
  });

  it('the pipeline hands the page\'s markup on unsanitized (so the view\'s sanitize is what removes it)', () => {
    expect(result.article.content).toMatch(/onmouseover=/);
    expect(result.article.content).toMatch(/class="lead lectern-keep"/);
  });
});
