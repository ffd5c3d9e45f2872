// @vitest-environment node
/** The removal steps share one set of text measures (block-stats.ts): removing blocks must keep them true. */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { measureText, removeMeasured, removeWithinShare, statsOf, textOf } from '../../src/extract/block-stats';
import type { StepContext, TextStats } from '../../src/extract/context';

function setup(): { root: Element; ctx: StepContext } {
  const { document } = new JSDOM(`<div id="r"><p>One two <a href="/a">three</a></p>
    <div class="nav"><ul><li><a href="/x">Home</a></li><li><a href="/y">World news</a></li></ul></div>
    <section><h2>Title here</h2><p>Body <b>text <a href="/b">link</a></b> tail.</p><aside><a href="/c">More from us</a> now</aside></section>
    <script>var notText = 1;</script></div>`).window;
  const root = document.getElementById('r') as Element;
  return { root, ctx: { doc: document, url: 'http://127.0.0.1/', baseUrl: 'http://127.0.0.1/', win: null } };
}

/** Every element still under the root has the counts a fresh measure gives. */
function expectTrue(stats: TextStats, root: Element): void {
  const fresh = measureText(root);
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    expect(stats.chars.get(el), el.outerHTML.slice(0, 40)).toBe(fresh.chars.get(el));
    expect(stats.linkChars.get(el), el.outerHTML.slice(0, 40)).toBe(fresh.linkChars.get(el));
  }
}

describe('shared text measures', () => {
  it('are measured once per root and context, and counted without whitespace or script text', () => {
    const { root, ctx } = setup();
    const stats = statsOf(root, ctx);
    expect(statsOf(root, ctx)).toBe(stats);
    expect(stats.chars.get(root)).toBe('Onetwothree'.length + 'HomeWorldnews'.length + 'TitlehereBodytextlinktail.Morefromusnow'.length);
    expect(stats.linkChars.get(root)).toBe('threeHomeWorldnewslinkMorefromus'.length);
  });

  it('count no white space of any kind, so an element\'s folded text is never shorter than its count', () => {
    const spaces = ' \t\n\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const { document } = new JSDOM(`<div id="r"><p>a${spaces}b</p><p>${spaces}</p><p>\u3000\u3000日本\u3000語\u3000</p>
      <p>thin\u2009spaces\u202fhere <b>\ufeffbom</b></p><p>\u200bzero-width\u0001control</p></div>`).window;
    const root = document.getElementById('r') as Element;
    const stats = measureText(root);
    expect(Array.from(root.children, (p) => stats.chars.get(p))).toEqual([2, 0, 3, 17, 18]);
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      expect(stats.chars.get(el) as number).toBeLessThanOrEqual((el.textContent ?? '').replace(/\s+/g, ' ').trim().length);
    }
  });

  it('stay true as nested and separate blocks are removed', () => {
    const { root, ctx } = setup();
    const stats = statsOf(root, ctx);
    removeMeasured(root.querySelector('b') as Element, stats);
    expectTrue(stats, root);
    removeMeasured(root.querySelector('aside') as Element, stats);
    removeMeasured(root.querySelector('.nav li') as Element, stats);
    expectTrue(stats, root);
    expect(removeWithinShare([root.querySelector('.nav') as Element], 9, stats)).toBe(1);
    expectTrue(stats, root);
  });

  it('share each text read, and forget the texts of the blocks a removal changes', () => {
    const { root, ctx } = setup();
    const stats = statsOf(root, ctx);
    const section = root.querySelector('section') as Element;
    const p = section.querySelector('p') as Element;
    expect(textOf(section, stats)).toBe('Title hereBody text link tail.More from us now');
    expect(textOf(p, stats)).toBe('Body text link tail.');
    removeMeasured(p.querySelector('b') as Element, stats);
    expect(textOf(p, stats)).toBe('Body tail.');
    expect(textOf(section, stats)).toBe('Title hereBody tail.More from us now');
    // A blank element between two words joined them; its going changes the text too.
    p.innerHTML = 'one<i> </i>two';
    stats.texts.delete(p);
    expect(textOf(p, stats)).toBe('one two');
    removeMeasured(p.querySelector('i') as Element, stats);
    expect(textOf(p, stats)).toBe('onetwo');
  });

  it('refuse a removal of more than half the text, and leave the tree and the measures as they were', () => {
    const { root, ctx } = setup();
    const stats = statsOf(root, ctx);
    const before = root.innerHTML;
    const all = Array.from(root.children).filter((el) => el.tagName !== 'SCRIPT');
    expect(removeWithinShare(all, stats.chars.get(root) ?? 0, stats)).toBe(0);
    expect(root.innerHTML).toBe(before);
    expectTrue(stats, root);
  });
});
