// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collapsedOffsets, sentencesOf, splitSentences, wordSpan } from '../../src/ui/tts/sentences';

const texts = (text: string, lang?: string) => splitSentences(text, lang).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits prose into trimmed sentences', () => {
    expect(texts('  The ferry is back. Is it on time? Yes!  ')).toEqual(['The ferry is back.', 'Is it on time?', 'Yes!']);
  });

  it('drops runs with no letters or digits and handles empty text', () => {
    expect(texts('One. … — . Two.')).toEqual(['One.', 'Two.']);
    expect(texts('')).toEqual([]);
  });

  it('splits Arabic with its own question mark, and survives a bad language tag', () => {
    expect(texts('عادت العبارة. هل تصل في الموعد؟ نعم.', 'ar')).toHaveLength(3);
    expect(texts('One. Two.', 'not a tag!!')).toEqual(['One.', 'Two.']);
  });
});

describe('sentencesOf', () => {
  function body(html: string): HTMLElement {
    const el = document.createElement('div');
    el.innerHTML = html;
    document.body.replaceChildren(el);
    return el;
  }

  it('maps each sentence to a range over the rendered text, across inline elements', () => {
    const root = body('<p>The <em>harbor</em> ferry is back. It runs <a href="#">daily</a>.</p><p>New block</p>');
    const sentences = sentencesOf(root);
    expect(sentences.map((s) => s.text)).toEqual(['The harbor ferry is back.', 'It runs daily.', 'New block']);
    expect(sentences.map((s) => s.range.toString())).toEqual(['The harbor ferry is back.', 'It runs daily.', 'New block']);
  });

  it('keeps nested blocks apart, collapses whitespace and skips code', () => {
    const root = body('<ul><li>Outer item\n   text<ul><li>Inner item</li></ul></li></ul><pre>let x = 1;</pre><blockquote><p>Quoted.</p></blockquote>');
    expect(sentencesOf(root).map((s) => s.text)).toEqual(['Outer item text', 'Inner item', 'Quoted.']);
  });

  it('does not change the DOM it reads', () => {
    const root = body('<p>One. Two.</p><figure><img alt=""><figcaption><span class="lectern-caption">Cap.</span> <span class="lectern-credit">Credit</span></figcaption></figure>');
    const before = root.innerHTML;
    expect(sentencesOf(root).map((s) => s.text)).toEqual(['One.', 'Two.', 'Cap.', 'Credit']);
    expect(root.innerHTML).toBe(before);
  });
});

describe('word boundaries', () => {
  const word = (text: string, index: number, length?: number, lang?: string) => {
    const span = wordSpan(text, index, length, lang);
    return span && text.slice(span.start, span.end);
  };

  it('takes the word the voice reports, with or without its length', () => {
    const text = 'The harbor ferry is back.';
    expect(word(text, 4, 6)).toBe('harbor');
    expect(word(text, 4)).toBe('harbor');
    expect(word(text, 20)).toBe('back');
    // Some voices point at the space before the word, or give a length that runs into the next space.
    expect(word(text, 3)).toBe('harbor');
    expect(word(text, 11, 6)).toBe('ferry');
  });

  it('finds words in text without spaces, and refuses indexes off the text', () => {
    expect(word('今日は晴れです。', 3, undefined, 'ja')).toBeTruthy();
    expect(word('One.', 9)).toBeNull();
    expect(word('One.', -1)).toBeNull();
    expect(word('One.', Number.NaN)).toBeNull();
  });

  it('maps spoken offsets (whitespace collapsed) to offsets in the DOM text', () => {
    expect(collapsedOffsets('a  b\n\tc')).toEqual([0, 1, 3, 4, 6, 7]);
    expect(collapsedOffsets('')).toEqual([0]);
  });

  it('gives the DOM range of a spoken word, across inline elements and collapsed whitespace', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Intro. The <em>har</em>bor\n     ferry <a href="#">is   back</a>.</p>';
    document.body.replaceChildren(root);
    const sentence = sentencesOf(root)[1]!;
    expect(sentence.text).toBe('The harbor ferry is back.');
    const at = (w: string) => {
      const i = sentence.text.indexOf(w);
      return sentence.rangeOf(i, i + w.length).toString();
    };
    expect(['The', 'harbor', 'ferry', 'is', 'back', 'back.'].map(at)).toEqual(['The', 'harbor', 'ferry', 'is', 'back', 'back.']);
    expect(sentence.rangeOf(0, 999).toString().replace(/\s+/g, ' ')).toBe(sentence.text);
  });
});
