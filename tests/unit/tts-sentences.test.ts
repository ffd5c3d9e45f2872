// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sentencesOf, splitSentences } from '../../src/ui/tts/sentences';

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
