// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { paragraphStart, sentenceAt, stepParagraph, stepSentence } from '../../src/ui/tts/navigation';
import { sentencesOf } from '../../src/ui/tts/sentences';

describe('sentence steps', () => {
  it('moves by one and stays within the article', () => {
    expect(stepSentence(5, 2, 1)).toBe(3);
    expect(stepSentence(5, 2, -1)).toBe(1);
    expect(stepSentence(5, 4, 1)).toBe(4);
    expect(stepSentence(5, 0, -1)).toBe(0);
    expect(stepSentence(5, -1, 1)).toBe(1);
    expect(stepSentence(0, 0, 1)).toBeNull();
  });
});

describe('paragraph steps', () => {
  // Sentences 0-2 in paragraph 0, 3 in 1, 4-5 in 2.
  const paragraphs = [0, 0, 0, 1, 2, 2];

  it('finds the start of a paragraph', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => paragraphStart(paragraphs, i))).toEqual([0, 0, 0, 3, 4, 4]);
  });

  it('goes to the first sentence of the next paragraph, and stays in the last one', () => {
    expect(stepParagraph(paragraphs, 0, 1)).toBe(3);
    expect(stepParagraph(paragraphs, 2, 1)).toBe(3);
    expect(stepParagraph(paragraphs, 3, 1)).toBe(4);
    expect(stepParagraph(paragraphs, 5, 1)).toBe(5);
  });

  it('goes to the first sentence of the previous paragraph, and to the start of the first one', () => {
    expect(stepParagraph(paragraphs, 5, -1)).toBe(3);
    expect(stepParagraph(paragraphs, 4, -1)).toBe(3);
    expect(stepParagraph(paragraphs, 3, -1)).toBe(0);
    expect(stepParagraph(paragraphs, 2, -1)).toBe(0);
    expect(stepParagraph(paragraphs, 0, -1)).toBe(0);
    expect(stepParagraph([], 0, -1)).toBeNull();
  });
});

describe('paragraphs of a rendered body', () => {
  function body(html: string): HTMLElement {
    const el = document.createElement('div');
    el.innerHTML = html;
    document.body.replaceChildren(el);
    return el;
  }

  it('numbers paragraphs by block, skipping blocks with nothing to read, and keeps each block', () => {
    const root = body('<h2>Title</h2><p>One. Two.</p><p>—</p><ul><li>Item one. Item two.</li></ul><div>Loose <em>text</em> here. More.</div>');
    const sentences = sentencesOf(root);
    expect(sentences.map((s) => [s.text, s.paragraph, s.block.localName])).toEqual([
      ['Title', 0, 'h2'],
      ['One.', 1, 'p'],
      ['Two.', 1, 'p'],
      ['Item one.', 2, 'li'],
      ['Item two.', 2, 'li'],
      // Text in inline elements belongs to the block around them.
      ['Loose text here.', 3, 'div'],
      ['More.', 3, 'div'],
    ]);
    expect(stepParagraph(sentences.map((s) => s.paragraph), 2, 1)).toBe(3);
  });

  it('finds the sentence at a point: the one containing it, else the next', () => {
    const root = body('<p>The <em>harbor</em> ferry is back. It runs <a href="#">daily</a>.</p><figure><img alt=""></figure><p>Last one.</p>');
    const ranges = sentencesOf(root).map((s) => s.range);
    const em = root.querySelector('em')!.firstChild!;
    const a = root.querySelector('a')!.firstChild!;
    expect(sentenceAt(ranges, em, 2)).toBe(0);
    expect(sentenceAt(ranges, a, 0)).toBe(1);
    // The space between the two sentences: the next one.
    const between = root.querySelector('em')!.nextSibling as Text;
    expect(sentenceAt(ranges, between, between.data.indexOf('It'))).toBe(1);
    expect(sentenceAt(ranges, root.querySelector('figure')!, 0)).toBe(2);
    expect(sentenceAt(ranges, root, root.childNodes.length)).toBe(-1);
    expect(sentenceAt([], root, 0)).toBe(-1);
  });
});
