// @vitest-environment node
/** Print and export (#26), the pure part: Markdown, the self-contained HTML file, file names, the download. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/extract/types';
import { downloadFile } from '../../src/ui/export/download';
import { MAX_NAME_CHARS, safeFilename } from '../../src/ui/export/filename';
import { articleHtmlDocument, EXPORT_CSP } from '../../src/ui/export/html';
import { articleMarkdown } from '../../src/ui/export/markdown';
import { countOccurrences, extractPage, makeDom, PAGES, viewHtml } from '../support/dom';

interface Expect {
  present?: string[];
  code?: { text: string; lang: string }[];
}

const doc = (): Document => makeDom('<!doctype html><body></body>').window.document;

function read(slug: string): { article: Article; html: string; expect: Expect } {
  const result = extractPage(slug);
  if (!result.ok) throw new Error(`${slug}: ${result.reason}`);
  const expect = JSON.parse(readFileSync(join(PAGES, slug, 'expect.json'), 'utf8')) as Expect;
  return { article: result.article, html: viewHtml(result.article.content), expect };
}

function markdownOf(slug: string): string {
  const { article, html } = read(slug);
  return articleMarkdown(article, html, doc());
}

function article(fields: Partial<Article> = {}): Article {
  return {
    title: 'A title',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: 'en',
    dir: null,
    excerpt: null,
    content: '',
    textContent: '',
    length: 0,
    readingTimeMinutes: 1,
    url: 'https://example.com/a',
    weak: false,
    removed: {} as Article['removed'],
    ...fields,
  };
}

/** The front matter read back: each `key: "…"` line's value through JSON.parse (a JSON string is YAML's double-quoted scalar). */
function parseFrontMatter(markdown: string): Record<string, string> {
  const lines = markdown.split('\n');
  expect(lines[0]).toBe('---');
  const end = lines.indexOf('---', 1);
  expect(end).toBeGreaterThan(0);
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    // One line per field, and nothing YAML takes as a line break or refuses raw inside the quotes.
    const m = /^([a-z]+): ("(?:[^"\\\p{Cc}\u2028\u2029\ufeff]|\\.)*")$/u.exec(line);
    expect(m, line).not.toBeNull();
    fields[m![1]!] = JSON.parse(m![2]!) as string;
  }
  return fields;
}

/** The lines of a Markdown text with the blank ones left out. */
const filled = (markdown: string): string[] => markdown.split('\n').filter((line) => line.trim());

describe('articleMarkdown: front matter and title', () => {
  it('writes the facts as YAML that reads back exactly, author left out when there is none', () => {
    const title = 'Say "cheese": a C:\\path, a tab\there,\na new line, a \u2028 separator, DEL \u007f and a lone \ud800';
    const md = articleMarkdown(
      article({ title, byline: 'O\'Brien: "Ed"', siteName: 'The Site', publishedTime: '2024-06-03T07:30:00+01:00', url: 'https://example.com/a?b=1&c="2"' }),
      '<p>Body.</p>',
      doc(),
    );
    expect(parseFrontMatter(md)).toEqual({
      title: title.replace('\ud800', '\ufffd'),
      author: 'O\'Brien: "Ed"',
      site: 'The Site',
      date: '2024-06-03T07:30:00+01:00',
      source: 'https://example.com/a?b=1&c="2"',
    });
    const bare = parseFrontMatter(articleMarkdown(article(), '<p>Body.</p>', doc()));
    expect(Object.keys(bare)).toEqual(['title', 'source']);
  });

  it('follows the front matter with the title as one escaped heading line, then the body', () => {
    const md = articleMarkdown(article({ title: '# Not *bold*\nsecond line' }), '<p>Body.</p>', doc());
    const after = md.slice(md.indexOf('\n---\n') + 5);
    expect(after).toBe('\n# \\# Not \\*bold\\* second line\n\nBody.\n');
  });

  it('parses into an inert template: nothing reaches the live document', () => {
    const d = doc();
    articleMarkdown(article(), '<p>Hi</p><img src="x" onerror="globalThis.pwned = 1">', d);
    expect(d.body.childNodes.length).toBe(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('articleMarkdown on fixture pages (the real pipeline, the view\'s sanitized HTML)', () => {
  it('fidelity--prism: each code block fenced with its language and its exact text', () => {
    const { article: a, html, expect: e } = read('fidelity--prism');
    const md = articleMarkdown(a, html, doc());
    expect(e.code?.length).toBe(3);
    for (const { text, lang } of e.code ?? []) expect(md).toContain(`\n\`\`\`${lang}\n${text}\n\`\`\`\n`);
    expect(md).toContain('a plain `for await` loop');
    expect(md).toContain('## Streaming the rows');
    expect(md).not.toMatch(/\bCopy\b/);
  });

  it('fidelity--github-readme: a GFM pipe table, task items, footnote links that reach their anchors', () => {
    const md = markdownOf('fidelity--github-readme');
    const lines = md.split('\n');
    const head = lines.indexOf('| Flag | Default | What it does |');
    expect(head).toBeGreaterThan(0);
    expect(lines.slice(head + 1, head + 3)).toEqual(['| --- | --- | --- |', '| `--level` | `info` | Hides records below this level. |']);
    expect(lines).toContain('- [x] Follow rotated files across renames');
    expect(lines).toContain('- [x] Read logfmt as well as JSON');
    expect(lines).toContain('- [ ] Highlight fields that changed since the previous record');
    expect(md).not.toMatch(/[\u2610\u2611]/);
    // The footnote mark links to its note and the note links back, each to an anchor that is in the file.
    const links = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBe(4);
    for (const id of links) expect(md).toContain(`<a id="${id}"></a>`);
    expect(md).toMatch(/<sup><a id="user-content-fnref-1-[0-9a-f]+"><\/a>\[1\]\(#user-content-fn-1-[0-9a-f]+\)<\/sup>/);
    expect(md).toMatch(/\n1\. <a id="user-content-fn-1-[0-9a-f]+"><\/a>If you need shipping/);
    expect(md).toContain('\n```toml\n[output]\n');
  });

  it('captions--wordpress-gutenberg: each photo, then its caption and credit as the line below it, once', () => {
    const md = markdownOf('captions--wordpress-gutenberg');
    const lines = filled(md);
    const photo = lines.findIndex((line) => line.startsWith('![Paper lanterns strung over food stalls at Depot Square]('));
    expect(photo).toBeGreaterThan(0);
    expect(lines[photo]).toBe('![Paper lanterns strung over food stalls at Depot Square](http://127.0.0.1/wp-content/uploads/2024/06/night-market-lanterns-1024x683.jpg)');
    expect(lines[photo + 1]).toBe("_Lanterns strung from the old freight platform light the food stalls on the market's first night back. \u2014 Photo: Imani Rhodes_");
    expect(countOccurrences(md, 'Lanterns strung from the old freight platform')).toBe(1);
    const noodles = lines.findIndex((line) => line.startsWith('![Wen Liang stretches noodle dough at his cart]('));
    expect(lines[noodles + 1]).toBe('_Wen Liang stretches dough for hand-pulled noodles at his cart on Canal Street._');
    expect(countOccurrences(md, 'Photo: Imani Rhodes')).toBe(2);
  });

  it('captions--nyt: a <picture> becomes its image line (not indented), the caption below it, once', () => {
    const md = markdownOf('captions--nyt');
    const lines = md.split('\n').filter((line) => line.trim());
    const photo = lines.findIndex((line) => line.includes('![A woman with gray hair'));
    expect(lines[photo]).toMatch(/^!\[A woman with gray hair stands behind a wooden counter stacked with bread and newspapers\.\]\(https:\/\/static\.example\.com\/\S+articleLarge\.jpg\S*\)$/);
    expect(lines[photo + 1]).toBe('_Fern Albright has run the Greylock Falls General Store for 31 years. At a town meeting on Tuesday, residents voted to buy it from her. Lena Moravec for The New York Times_');
    expect(countOccurrences(md, 'Fern Albright has run the Greylock Falls General Store for 31 years.')).toBe(1);
    expect(md).not.toMatch(/^ {4}!\[/m);
    // A dollar sign is escaped: Markdown viewers with formulas read `$…$` as one.
    expect(md).toContain('The town will pay \\$480,000');
  });

  it('fidelity--katex: without TeX (the pipeline drops the annotation) each formula stays MathML, display ones on their own', () => {
    const { article: a, html } = read('fidelity--katex');
    const md = articleMarkdown(a, html, doc());
    const formulas = (html.match(/<math[\s>]/g) ?? []).length;
    expect(formulas).toBe(6);
    expect((md.match(/<math[\s>]/g) ?? []).length).toBe(formulas);
    expect((md.match(/<\/math>/g) ?? []).length).toBe(formulas);
    const display = filled(md).filter((line) => line.startsWith('<math') && line.includes('display="block"'));
    expect(display.length).toBe(3);
    for (const line of display) expect(line).toMatch(/<\/math>$/);
    expect(md).toContain('the sample mean, <math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><mover accent="true"><mi>x</mi>');
    expect(md).not.toContain('$$');
  });

  it('fidelity--video-embeds: each player card is one link line, without its "Open" words', () => {
    const lines = filled(markdownOf('fidelity--video-embeds'));
    expect(lines).toContain('[\u25b6 YouTube](https://www.youtube.com/watch?v=kX3nB7qLw2E)');
    expect(lines).toContain('[\u25b6 Vimeo: The River Returns](https://vimeo.com/912345678)');
    expect(lines).toContain('[\u25b6 YouTube: Environment Committee, 12 March 2024: Alder River restoration, phase two](https://www.youtube.com/watch?v=Rv8dJ2pQx0Y)');
    expect(lines).toContain('[\u266a Spotify](https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk)');
    expect(lines.some((line) => line.startsWith('[\u266a SoundCloud](https://w.soundcloud.com/player/?url='))).toBe(true);
    const card = lines.indexOf('[\u25b6 YouTube](https://www.youtube.com/watch?v=kX3nB7qLw2E)');
    expect(lines[card + 1]).toBe('_Drone footage recorded by the Alder River Trust in April shows the new channel braiding across the old reservoir bed._');
    expect(lines.join('\n')).not.toMatch(/Open (?:video|audio)/);
  });
});

describe('articleMarkdown rules on hand-made HTML', () => {
  const body = (html: string): string => {
    const md = articleMarkdown(article({ title: '' }), html, doc());
    return md.slice(md.indexOf('\n---\n') + 5).trim();
  };

  it('writes a formula with TeX as $…$ inline and $$ lines for display', () => {
    expect(body('<p>Energy <math alttext="E=mc^2"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> is conserved.</p>'))
      .toBe('Energy $E=mc^2$ is conserved.');
    expect(body('<p>So</p><p><math display="block" alttext=" \\int_0^1 x\\,dx "><mi>x</mi></math></p><p>done.</p>'))
      .toBe('So\n\n$$\n\\int_0^1 x\\,dx\n$$\n\ndone.');
  });

  it('escapes what Markdown would read inside a raw <math> (kept when there is no TeX)', () => {
    expect(body('<p><math><mi>a</mi><mo>*</mo><mi>b_c</mi><mo>*</mo></math></p>'))
      .toBe('<math><mi>a</mi><mo>\\*</mo><mi>b\\_c</mi><mo>\\*</mo></math>');
  });

  it('fences code with more backticks than any run inside it, and keeps the text exactly', () => {
    const code = 'Use ``` here\n````\n\tand `x`  ';
    const md = body(`<pre data-lang="markdown"><code>${code.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</code></pre><pre>plain *pre* &lt;b&gt;</pre>`);
    expect(md).toBe(`\`\`\`\`\`markdown\n${code}\n\`\`\`\`\`\n\n\`\`\`\nplain *pre* <b>\n\`\`\``);
  });

  it('keeps kbd, sub and sup as raw tags; strikes through with ~~; escapes ~, $, and what would be raw HTML', () => {
    expect(body('<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: H<sub>2</sub>O, x<sup>2</sup>, <del>gone</del>, ~5 for $3, &lt;div&gt; &amp;amp; 5 &lt; 6</p>'))
      .toBe('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: H<sub>2</sub>O, x<sup>2</sup>, ~~gone~~, \\~5 for \\$3, \\<div> \\&amp; 5 < 6');
  });

  it('writes task items, nested and ordered lists with one space after the marker', () => {
    expect(body('<ol start="9"><li>nine</li><li>ten<ul><li>\u2610 open</li><li>\u2611\u00a0done</li></ul></li></ol>'))
      .toBe('9. nine\n10. ten\n    - [ ] open\n    - [x] done');
  });

  it('puts a caption below its image even when the page put it above, with " — " before the credit', () => {
    expect(body('<figure><figcaption>The <em>first</em> boat<span class="lectern-credit">Photo: A. B.</span></figcaption><img src="https://e.com/a b.jpg" alt="A [boat]"></figure>'))
      .toBe('![A \\[boat\\]](<https://e.com/a b.jpg>)\n\n_The *first* boat \u2014 Photo: A. B._');
    expect(body('<figure><img src="https://e.com/c.jpg" alt=""><figcaption><span class="lectern-credit">Photo: C</span></figcaption></figure>'))
      .toBe('![](https://e.com/c.jpg)\n\n_Photo: C_');
  });

  it('escapes pipes in table cells and keeps a table GFM cannot hold as HTML', () => {
    expect(body('<table><caption>Sizes</caption><thead><tr><th>A|B</th><th>C</th></tr></thead><tbody><tr><td>1 | 2</td><td><code>x|y</code></td></tr></tbody></table>'))
      .toBe('_Sizes_\n\n| A\\|B | C |\n| --- | --- |\n| 1 \\| 2 | `x\\|y` |');
    expect(body('<table><tbody><tr><td colspan="2">wide</td></tr></tbody></table>')).toBe('<table><tbody><tr><td colspan="2">wide</td></tr></tbody></table>');
    expect(body('<p>a</p><table></table><p>b</p>')).toBe('a\n\n<table></table>\n\nb');
  });

  it('writes a card with no title as its provider alone, escaped', () => {
    expect(body('<a class="lectern-embed lectern-embed--audio" href="https://x.fm/ep(1)"><span class="lectern-embed__provider">Pod [x]</span> <span class="lectern-embed__action">Open audio</span></a>'))
      .toBe('[\u266a Pod \\[x\\]](https://x.fm/ep\\(1\\))');
  });
});

describe('articleHtmlDocument', () => {
  const CSS = ':root { --lectern-bg: #fff; } .x::after { content: "</style><script>alert(1)</script>"; }';

  it('is one file the reader\'s way: CSP first, the stylesheet inlined, the reader\'s classes, the sanitized body', () => {
    const { article: a, html, expect: e } = read('fidelity--prism');
    const out = articleHtmlDocument(a, html, CSS);
    expect(out.startsWith('<!doctype html>\n')).toBe(true);
    const d = new JSDOM(out).window.document;
    expect(d.querySelectorAll('script').length).toBe(0);
    const metas = d.head.querySelectorAll('meta');
    expect(metas[0]?.getAttribute('charset')).toBe('utf-8');
    expect(metas[1]?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(metas[1]?.getAttribute('content')).toBe(EXPORT_CSP);
    expect(EXPORT_CSP).toBe("default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'");
    expect(d.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(d.title).toBe(a.title);
    expect(d.querySelectorAll('style').length).toBe(1);
    expect(d.querySelector('style')?.textContent).toContain('content: "<\\/style><script>alert(1)</script>"');
    expect(d.documentElement.getAttribute('lang')).toBe('en');
    expect(d.documentElement.getAttribute('data-theme')).toBe('light');
    const reader = d.querySelector('main.lectern > article.lectern-reader');
    expect(reader).not.toBeNull();
    expect(reader?.querySelector('header.lectern-reader__header > h1.lectern-reader__title')?.textContent).toBe(a.title);
    const facts = [...(reader?.querySelectorAll('.lectern-reader__facts > .lectern-reader__fact') ?? [])].map((f) => f.textContent);
    expect(facts[0]).toBe('Back Office Engineering');
    expect(facts[1]).toBe('Priya Raman');
    expect(reader?.querySelector('.lectern-reader__fact time')?.getAttribute('datetime')).toBe('2024-11-05T10:15:00.000Z');
    const source = reader?.querySelector('a.lectern-reader__source');
    expect(source?.getAttribute('href')).toBe(a.url);
    expect(source?.textContent).toBe('127.0.0.1');
    const bodyText = reader?.querySelector('.lectern-reader__body')?.textContent ?? '';
    for (const text of e.present ?? []) expect(bodyText).toContain(text);
    expect(reader?.querySelector('.lectern-reader__body pre[data-lang="javascript"] > code')?.textContent).toBe(e.code?.[0]?.text);
  });

  it('escapes every text it puts in: a title or byline cannot open an element', () => {
    const title = '</title><script>alert(1)</script> & "quotes"';
    const out = articleHtmlDocument(
      article({ title, byline: '<img src=x onerror=alert(1)>', siteName: 'A & B', lang: 'ar" onload="x', dir: 'rtl', url: 'https://example.com/?a=1&b="2"' }),
      '<p>Body text.</p>',
      '',
      { theme: 'sepia' },
    );
    expect(out).not.toContain('<script>');
    const d = new JSDOM(out).window.document;
    expect(d.querySelectorAll('script, img, [onerror], [onload]').length).toBe(0);
    expect(d.title).toBe(title);
    expect(d.querySelector('.lectern-reader__title')?.textContent).toBe(title);
    expect([...d.querySelectorAll('.lectern-reader__fact')].map((f) => f.textContent)).toEqual(['A & B', '<img src=x onerror=alert(1)>', '1 min read']);
    expect(d.documentElement.getAttribute('lang')).toBe('ar" onload="x');
    expect(d.documentElement.getAttribute('dir')).toBe('rtl');
    expect(d.documentElement.getAttribute('data-theme')).toBe('sepia');
    expect(d.querySelector('.lectern-reader__source')?.getAttribute('href')).toBe('https://example.com/?a=1&b="2"');
    expect(d.querySelector('.lectern-reader__body')?.textContent?.trim()).toBe('Body text.');
  });

  it('sets the reader\'s type and measure on <html>, and links the source only when it is a web address', () => {
    const out = articleHtmlDocument(article({ url: 'about:blank' }), '<p>x</p>', '', {
      vars: { '--lectern-font': "Georgia, 'Noto Serif', serif", '--lectern-size': '18px', 'color': 'red', '--bad': 'x; color: red' },
    });
    const d = new JSDOM(out).window.document;
    expect(d.documentElement.getAttribute('style')).toBe("--lectern-font: Georgia, 'Noto Serif', serif; --lectern-size: 18px");
    expect(d.querySelector('.lectern-reader__source')).toBeNull();
  });
});

describe('safeFilename', () => {
  const base = (name: string): string => name.replace(/\.(?:md|html)$/, '');

  it('keeps a plain title, with its extension', () => {
    expect(safeFilename('Why the bell curve keeps showing up', 'md')).toBe('Why the bell curve keeps showing up.md');
    expect(safeFilename('Why the bell curve keeps showing up', 'html')).toBe('Why the bell curve keeps showing up.html');
  });

  it('drops the characters a file system refuses and folds the spaces they leave', () => {
    expect(safeFilename('AC/DC: "Live" <at> Wembley? *|\\', 'md')).toBe('AC DC Live at Wembley.md');
    expect(safeFilename('tab\there\nnew line\u0000nul\u007fdel\u0085nel', 'md')).toBe('tab here new line nul del nel.md');
    expect(safeFilename('  lots \u00a0 of\u3000space  ', 'md')).toBe('lots of space.md');
  });

  it('never starts or ends with a dot or a space', () => {
    expect(safeFilename('...hidden. ', 'md')).toBe('hidden.md');
    expect(safeFilename('.bashrc', 'md')).toBe('bashrc.md');
    expect(safeFilename('v1.2.', 'md')).toBe('v1.2.md');
  });

  it('falls back to "article" when nothing is left', () => {
    for (const title of ['', '   ', '...', '///', '<>:"|?*', '\u202e\u200f']) expect(safeFilename(title, 'md')).toBe('article.md');
  });

  it('is never a device name Windows reserves, in any case, with or without an extension', () => {
    expect(safeFilename('CON', 'md')).toBe('CON_.md');
    expect(safeFilename('con', 'html')).toBe('con_.html');
    expect(safeFilename('Nul.txt', 'md')).toBe('Nul_.txt.md');
    expect(safeFilename('aux.tar.gz', 'md')).toBe('aux_.tar.gz.md');
    expect(safeFilename('PRN. ', 'md')).toBe('PRN_.md');
    expect(safeFilename('com1', 'md')).toBe('com1_.md');
    expect(safeFilename('LPT9', 'md')).toBe('LPT9_.md');
    expect(safeFilename('COM1 .log', 'md')).toBe('COM1_.log.md');
    // Not reserved: longer words, and COM/LPT without their digit.
    for (const title of ['CONSOLE', 'Auxiliary', 'COM', 'LPT10', 'con-artist']) expect(safeFilename(title, 'md')).toBe(`${title}.md`);
  });

  it('cuts at 100 code points, never inside a surrogate pair, and without a trailing space', () => {
    expect(safeFilename('a'.repeat(300), 'md')).toBe(`${'a'.repeat(100)}.md`);
    const words = base(safeFilename('word '.repeat(60), 'md'));
    expect(words.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(words.endsWith(' ')).toBe(false);
    const emoji = base(safeFilename(`${'a'.repeat(99)}\u{1f600}\u{1f600}b`, 'md'));
    expect(emoji).toBe(`${'a'.repeat(99)}\u{1f600}`);
    expect([...emoji].length).toBe(100);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(base(safeFilename(`${'a'.repeat(98)}\u{1f469}\u200d\u{1f4bb} x`, 'md'))).toBe(`${'a'.repeat(98)}\u{1f469}`);
    expect(safeFilename('half \ud83d a pair', 'md')).toBe('half a pair.md');
  });

  it('keeps letters of every script, and stays within 255 bytes for long non-Latin titles', () => {
    expect(safeFilename('سوق النحاسين في عين الزيتون يفتح أبوابه', 'md')).toBe('سوق النحاسين في عين الزيتون يفتح أبوابه.md');
    expect(safeFilename('東京の夜市、三年ぶりに再開', 'html')).toBe('東京の夜市、三年ぶりに再開.html');
    expect(safeFilename('Ünïcödé: Café crème, déjà vu', 'md')).toBe('Ünïcödé Café crème, déjà vu.md');
    expect(safeFilename('Cafe\u0301', 'md')).toBe('Caf\u00e9.md');
    const long = safeFilename('字'.repeat(120), 'md');
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(255);
    expect([...base(long)].length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(base(long)).toMatch(/^字+$/);
  });

  it('drops the invisible characters that could disguise the name', () => {
    expect(safeFilename('photo\u202egpj.exe', 'md')).toBe('photogpj.exe.md');
    expect(safeFilename('\u2067عنوان\u2069 title\u200b', 'md')).toBe('عنوان title.md');
    // ZWJ and ZWNJ are part of words and emoji.
    expect(safeFilename('می\u200cخواهم \u{1f469}\u200d\u{1f4bb}', 'md')).toBe('می\u200cخواهم \u{1f469}\u200d\u{1f4bb}.md');
  });
});

describe('downloadFile', () => {
  it('clicks a hidden <a download> to a Blob URL, removes it, and revokes the URL after a tick', async () => {
    const { window } = makeDom('<!doctype html><body><p>page</p></body>');
    const d = window.document;
    const created: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:lectern/1';
    });
    const revoke = vi.fn();
    Object.assign(window.URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: { download: string; href: string; inDocument: boolean }[] = [];
    d.addEventListener('click', (event) => {
      const link = event.target as HTMLAnchorElement;
      clicks.push({ download: link.download, href: link.getAttribute('href') ?? '', inDocument: d.contains(link) });
      event.preventDefault();
    });

    downloadFile(d, 'Notes.md', '# Hé\n', 'text/markdown;charset=utf-8');

    expect(clicks).toEqual([{ download: 'Notes.md', href: 'blob:lectern/1', inDocument: true }]);
    expect(d.querySelectorAll('a').length).toBe(0);
    expect(d.body.innerHTML).toBe('<p>page</p>');
    expect(created.length).toBe(1);
    expect(created[0]?.type).toBe('text/markdown;charset=utf-8');
    expect(await created[0]?.text()).toBe('# Hé\n');
    expect(revoke).not.toHaveBeenCalled();
    await new Promise((resolve) => window.setTimeout(resolve, 5));
    expect(revoke).toHaveBeenCalledWith('blob:lectern/1');
  });
});
