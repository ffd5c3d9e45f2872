import { describe, expect, it } from 'vitest';
import { blockText, blockTextFoldedLength, CJK, countWords, MAYBE_CJK, foldsLongerThan, isSpaceCode, readingTimeMinutes, squash, textLongerThan, WORDS_PER_MINUTE } from '../../src/extract/text';
import { articleDom, makeDom, readPage, fixtureSlugs } from '../support/dom';
import { randomTrees } from '../support/random-tree';

const text = (html: string): string => blockText(articleDom(html));
const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('blockText', () => {
  it('puts each block on its own line, blank line between', () => {
    expect(text('<h1>Title</h1><p>First paragraph.</p><p>Second one.</p>')).toBe('Title\n\nFirst paragraph.\n\nSecond one.');
  });

  it('leaves a player\'s link card out of the text: the view\'s words, not the article\'s', () => {
    expect(text('<p>Watch:</p><a class="lectern-embed lectern-embed--video" href="https://www.youtube.com/watch?v=x"><span>YouTube</span> <span>Open video</span></a><p>After.</p>')).toBe('Watch:\n\nAfter.');
  });

  it('reads a code block line by line (one text node since the code step), a line break outside <pre> as a space', () => {
    expect(text('<p>Run:</p><pre><code>cd app\n\n  make test\n</code></pre><p>a\nb</p>')).toBe('Run:\n\ncd app\n\nmake test\n\na b');
  });

  it('joins inline elements into their line and folds whitespace', () => {
    expect(text('<p>A <em>quick</em>\n   <a href="#">brown</a>fox</p>')).toBe('A quick brownfox');
  });

  it('separates list items, table cells, captions and <br> lines', () => {
    expect(text('<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>')).toBe('one\n\ntwo\n\na\n\nb');
    expect(text('<figure><img src="x.jpg"><figcaption>Caption</figcaption></figure><p>line one<br>line two</p>')).toBe(
      'Caption\n\nline one\n\nline two',
    );
  });

  it('breaks text that runs on after a nested block', () => {
    expect(text('<div>before<p>inside</p>after</div>')).toBe('before\n\ninside\n\nafter');
  });

  it('skips script, style, template and noscript text and drops empty blocks', () => {
    expect(text('<p>shown</p><script>var x = 1</script><style>p{}</style><template>t</template><p> </p><div></div>')).toBe('shown');
  });

  it('gives an empty string for no text', () => {
    expect(text('')).toBe('');
    expect(text('<div><img src="a.jpg"></div>')).toBe('');
  });
});

describe('textLongerThan', () => {
  it('tells whether textContent (or its non-space characters) is longer than max, for random trees and every fixture element', () => {
    const reference = (node: Node, max: number, solid: boolean): boolean => {
      const all = node.textContent ?? '';
      return (solid ? all.replace(/\s/g, '').length : all.length) > max;
    };
    const doc = makeDom('<!doctype html><body></body>').window.document;
    const pieces = ['', ' ', '\n  ', '\u00a0', '\u3000', 'a', 'word', ' two words ', 'x'.repeat(30)];
    const tree = randomTrees(doc, pieces, { seed: 11, maxChildren: 3 });
    const check = (node: Node): void => {
      for (const max of [0, 1, 4, 20, 60, 400]) {
        for (const solid of [false, true]) expect(textLongerThan(node, max, solid), `${max} ${solid}`).toBe(reference(node, max, solid));
      }
    };
    for (let i = 0; i < 1500; i++) {
      const root = tree();
      check(root);
      for (const el of Array.from(root.querySelectorAll('*'))) check(el);
      if (root.firstChild && root.firstChild.nodeType !== 8) check(root.firstChild);
    }
    for (const slug of fixtureSlugs().slice(0, 8)) {
      const page = makeDom(readPage(slug).html).window.document;
      for (const el of Array.from(page.body.querySelectorAll('div, section, p, span, figure'))) check(el);
    }
  });
});

describe('blockTextFoldedLength', () => {
  it('is the folded length of a blockText result, for hand-made and fixture pages', () => {
    const samples = ['', '<p>one</p>', '<p>a \u00a0 b</p><p>c</p>', '<h1>T</h1><p>x<br>y</p><div>before<p>in</p>after</div>', '<p>\u2003</p>'].map(text);
    for (const slug of fixtureSlugs()) {
      samples.push(blockText(makeDom(readPage(slug).html).window.document.body));
    }
    expect(samples.filter((s) => s.includes('\n\n')).length).toBeGreaterThan(20);
    for (const sample of samples) expect(blockTextFoldedLength(sample), JSON.stringify(sample.slice(0, 60))).toBe(squash(sample).length);
  });
});

describe('MAYBE_CJK', () => {
  it('holds every character of the CJK scripts (every code point tested)', () => {
    let cjk = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!CJK.test(ch)) continue;
      cjk++;
      if (!MAYBE_CJK.test(ch)) throw new Error(`U+${cp.toString(16)} is CJK and not in MAYBE_CJK`);
    }
    expect(cjk).toBeGreaterThan(90000);
    expect(MAYBE_CJK.test('It’s a “quoted” — text… with café and naïve')).toBe(false);
  });
});

describe('squash', () => {
  it('folds exactly as replacing every \\s+ run with one space, then trimming', () => {
    const parts = [' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u2028', '\ufeff', '\u200b', 'a', 'b c', '.'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      const sample = Array.from({ length: Math.floor(next() * 8) }, () => parts[Math.floor(next() * parts.length)]).join('');
      expect(squash(sample), JSON.stringify(sample)).toBe(sample.replace(/\s+/g, ' ').trim());
    }
  });

  it('folds whitespace and trims; null becomes empty', () => {
    expect(squash('  a \n\t b  ')).toBe('a b');
    expect(squash(null)).toBe('');
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits in any script, joined by an apostrophe or hyphen between them', () => {
    const cases: [string, number][] = [
      ['', 0], [' — … ', 0], ['Hello', 1], ["don't well-known rock’n’roll", 3], ["'quoted' -dash- end-", 3],
      ['a--b', 2], ["it's 3-4 o'clock", 3], ['Ça déjà vu, naïve café', 5], ['Привет мир', 2], ['مرحبا بالعالم', 2],
      ['x2 2x 100,000', 4], ['e-mail: a@b.c', 4], ['tab\tand\nnewline', 3],
    ];
    for (const [text, n] of cases) expect(countWords(text), text).toBe(n);
  });
});

describe('readingTimeMinutes', () => {
  it('is 0 for no text', () => {
    expect(readingTimeMinutes('')).toBe(0);
    expect(readingTimeMinutes('  \n — … ')).toBe(0);
  });

  it('is at least 1 minute for any text', () => {
    expect(readingTimeMinutes('Hello')).toBe(1);
  });

  it('counts about 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingTimeMinutes(words(2300))).toBe(10);
    expect(readingTimeMinutes(words(1150))).toBe(5);
    expect(readingTimeMinutes(words(230 * 3 + 50))).toBe(3);
  });

  it("counts hyphenated and apostrophe words once", () => {
    expect(readingTimeMinutes(Array(460).fill("well-known don't").join(' '))).toBe(4);
  });

  it('counts CJK text by characters', () => {
    const han = '読'.repeat(5000);
    expect(readingTimeMinutes(han)).toBeGreaterThanOrEqual(9);
    expect(readingTimeMinutes(han)).toBeLessThanOrEqual(12);
    expect(readingTimeMinutes('한국어'.repeat(1000))).toBeGreaterThanOrEqual(5);
    // Without CJK counting, 5000 characters with no spaces would be a single word: 1 minute.
    expect(readingTimeMinutes(han)).toBeGreaterThan(readingTimeMinutes(words(1)));
  });

  it('adds CJK and Latin text together', () => {
    expect(readingTimeMinutes(`${words(1150)} ${'漢'.repeat(2500)}`)).toBe(readingTimeMinutes(words(2300)));
  });
});

describe('isSpaceCode', () => {
  it('says of every UTF-16 code unit what \\s says', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('foldsLongerThan', () => {
  it('says what squash(text).length > max says', () => {
    for (const text of ['', 'abc', 'abcd', ' abc ', 'a  bc', 'ab   cd  ', '\n\tab\u00a0\u00a0c ', 'abcde']) {
      for (const max of [0, 2, 3, 4]) expect(foldsLongerThan(text, max), JSON.stringify([text, max])).toBe(squash(text).length > max);
    }
  });
});
