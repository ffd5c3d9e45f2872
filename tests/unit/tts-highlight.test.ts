// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME, showSentence, showWord, WORD_HIGHLIGHT_NAME } from '../../src/ui/tts/highlight';

class FakeHighlight {
  ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

function fakeWindow(rectTop: number) {
  const registry = new Map<string, unknown>();
  const scrollBy = vi.fn<(options: ScrollToOptions) => void>();
  const win = {
    CSS: { highlights: registry },
    Highlight: FakeHighlight,
    document,
    innerHeight: 600,
    scrollBy,
  };
  const range = document.createRange();
  range.getBoundingClientRect = () => ({ top: rectTop, bottom: rectTop + 20 }) as DOMRect;
  return { win: win as unknown as Window, registry, scrollBy, range };
}

afterEach(() => document.body.replaceChildren());

describe('showSentence', () => {
  it('highlights the range through the CSS Custom Highlight API, without touching the DOM', () => {
    document.body.innerHTML = '<p>One. Two.</p>';
    const before = document.body.innerHTML;
    const { win, registry, range } = fakeWindow(100);
    showSentence(range, win);
    expect((registry.get(HIGHLIGHT_NAME) as FakeHighlight).ranges).toEqual([range]);
    expect(document.body.innerHTML).toBe(before);
    showSentence(null, win);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('scrolls only when the sentence is out of view', () => {
    const inView = fakeWindow(100);
    showSentence(inView.range, inView.win);
    expect(inView.scrollBy).not.toHaveBeenCalled();
    const below = fakeWindow(900);
    showSentence(below.range, below.win);
    expect(below.scrollBy).toHaveBeenCalledOnce();
    expect(below.scrollBy.mock.calls[0]![0].top).toBeGreaterThan(0);
  });

  it('does nothing harmful where the highlight API is missing', () => {
    const { range } = fakeWindow(100);
    const bare = { document, innerHeight: 600, scrollBy: vi.fn() } as unknown as Window;
    expect(() => showSentence(range, bare)).not.toThrow();
  });

  it('highlights the word apart from the sentence, clears it with the next sentence, and scrolls only when following', () => {
    const { win, registry, range, scrollBy } = fakeWindow(900);
    showSentence(range, win, false);
    showWord(range, win, false);
    expect(scrollBy).not.toHaveBeenCalled();
    expect((registry.get(WORD_HIGHLIGHT_NAME) as FakeHighlight).ranges).toEqual([range]);
    expect((registry.get(HIGHLIGHT_NAME) as FakeHighlight).ranges).toEqual([range]);
    showSentence(range, win);
    expect(registry.has(WORD_HIGHLIGHT_NAME)).toBe(false);
    expect(scrollBy).toHaveBeenCalledOnce();
    showWord(range, win);
    expect(scrollBy).toHaveBeenCalledTimes(2);
  });
});
