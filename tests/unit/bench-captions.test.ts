/**
 * The bench's captions section (scripts/bench/captions.ts) on small hand-made outputs: normalisation and repeated
 * blocks, widget-word blocks, caption texts lost against raw Readability, and distinct pictures.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import {
  harvestCaptions, isWidgetBlock, letterKey, lostCaptions, normalise, pageCaptions, pictureCount, repeatedBlocks,
  picturesInHtml, summarizeCaptions, widgetBlocks,
} from '../../scripts/bench/captions';
import type { EngineOutput } from '../../scripts/bench/engines';

const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://example.test/a', virtualConsole: new VirtualConsole() });
afterAll(() => dom.window.close());

function fragment(html: string): DocumentFragment {
  const template = dom.window.document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Block text as the bench writes it: one block a line, blank lines between. */
const text = (...lines: string[]): string => lines.join('\n\n');

describe('normalise', () => {
  it('folds NFKC, quotes, dashes, spaces and case, and trims trailing punctuation', () => {
    expect(normalise('  The “Big”  Apple’s  ﬁnest — 2024…  ')).toBe('the "big" apple\'s finest - 2024');
    expect(normalise('It’s ‘here’: ″x″ `y` – z.')).toBe(normalise("It's 'here': \"x\" 'y' - z"));
    expect(letterKey('A  man, walking.')).toBe('amanwalking');
  });
});

describe('repeated blocks', () => {
  it('counts a straight-quote copy of a curly-quote block as a repeat, every copy', () => {
    const t = text('The mayor said “we’re ready” on Monday.', 'Other paragraph text here, long enough.', 'The mayor said "we\'re ready" on Monday');
    expect(repeatedBlocks(t)).toEqual({ count: 2, texts: ['the mayor said "we\'re ready" on monday'] });
  });

  it('does not count blocks under 20 characters', () => {
    const short = 'Nineteen chars here'; // 19
    expect(short.length).toBe(19);
    expect(repeatedBlocks(text(short, short, short)).count).toBe(0);
    const twenty = 'Twenty characters ok';
    expect(twenty.length).toBe(20);
    expect(repeatedBlocks(text(twenty, twenty.toUpperCase())).count).toBe(2);
  });
});

describe('widget words', () => {
  it('counts blocks that are only a widget label or an image file name', () => {
    for (const label of ['hide caption', 'Enlarge this image', 'View image in fullscreen', 'Image source,', 'Image caption,',
      'Buy Photo', '3 of 12', '3 / 12', 'Purchase Licensing Rights', 'Next', 'Close', 'Bild vergrößern', 'Schließen',
      'Agrandir l’image', 'Fermer', 'toggle caption', 'View gallery', 'IMG_1234.JPG']) {
      expect(isWidgetBlock(label), label).toBe(true);
    }
    for (const prose of ['Hide the caption to see the photo better, she said.', 'Next year', 'Image of the week', 'Close to home', 'A boy with 2 dogs', '23/16', '0 of 5']) {
      expect(isWidgetBlock(prose), prose).toBe(false);
    }
    const t = text('A paragraph of the article.', 'hide caption', 'Enlarge this image', 'dsc_0042-1200x800.jpg', 'The next paragraph.');
    expect(widgetBlocks(t).count).toBe(3);
  });
});

describe('captions lost', () => {
  const readabilityHtml = '<div class="page"><p>Story text.</p><figure><img src="https://example.test/a.jpg">' +
    '<figcaption><span class="caption-text">The “old” mill  at dusk, seen from the river.</span> ' +
    '<span class="credit"><span class="label">Credit</span>Jane Doe/Agency</span> <button>hide caption</button></figcaption></figure>' +
    '<p class="wp-caption-text">Second photo: the dam.</p><p>More text.</p></div>';

  it('harvests figcaption and caption/credit/cutline texts without widget words or labels', () => {
    expect(harvestCaptions(fragment(readabilityHtml)).sort()).toEqual(['Jane Doe/Agency', 'Second photo: the dam.', 'The “old” mill at dusk, seen from the river.']);
    // Not captions: a figure that merely has one (its figcaption is harvested on its own), a "no_caption" modifier,
    // labels and counters, a lone digit.
    const other = '<figure class="image has-caption"><img src="https://example.test/b.jpg"><span>Share this</span><figcaption>Image caption, A dog.</figcaption></figure>' +
      '<div class="item no_caption">Not a caption at all.</div><div class="slide-caption"><span>Image</span> <span>1</span> of 5</div>' +
      '<p class="caption">3</p>';
    expect(harvestCaptions(fragment(other))).toEqual(['A dog.']);
  });

  it('counts a caption Readability shows and Lectern does not; spacing, quotes and line breaks do not count', () => {
    const captions = harvestCaptions(fragment(readabilityHtml));
    const readability = text('Story text.', 'The “old” mill at dusk, seen from the river. CreditJane Doe/Agency hide caption', 'Second photo: the dam.', 'More text.');
    const lectern = text('Story text.', 'The "old" mill at  dusk, seen from the river', 'Jane Doe / Agency', 'More text.');
    expect(lostCaptions(captions, readability, lectern)).toEqual({ shown: 3, lost: ['Second photo: the dam.'] });
    // A caption Readability's own text does not show (dropped by the sanitizer) is not counted at all.
    expect(lostCaptions(['Only in a noscript'], readability, lectern)).toEqual({ shown: 0, lost: [] });
  });
});

describe('pictures', () => {
  it('reads a trailing credit and an attribution holder as credits of their own: printed in another order is not lost', () => {
    const html = '<figure><figcaption><span class="attribution">© Jane Roe</span> A nurse gives a flu shot. (Photo: Getty Images)</figcaption></figure>';
    const captions = harvestCaptions(fragment(html));
    expect(captions.sort()).toEqual(['A nurse gives a flu shot.', 'Getty Images', '© Jane Roe']);
    const lectern = 'A nurse gives a flu shot. © Jane Roe · Photo: Getty Images';
    expect(lostCaptions(captions, '© Jane Roe A nurse gives a flu shot. (Photo: Getty Images)', lectern).lost).toEqual([]);
  });

  it('counts the same photo at two sizes once, and skips images without a real URL', () => {
    const html = '<img src="https://cdn.example.test/photos/mill-800x533.jpg">' +
      '<img src="https://cdn.example.test/photos/mill-1600x1066.jpg">' +
      '<img src="https://cdn.example.test/photos/dam.jpg?w=800">' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
      '<picture><source srcset="https://cdn.example.test/photos/dam.webp?w=1200"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></picture>';
    expect(pictureCount(fragment(html))).toBe(2);
    // Counted from the serialized HTML the same way, parsing only its images.
    expect(picturesInHtml(`<p>Text with <a href="x">a link</a> &lt;img src="https://example.test/not-an-image.jpg"&gt;</p>${html}<p alt=">">More</p>`)).toBe(2);
    expect(picturesInHtml('<p>No images.</p>')).toBe(0);
  });
});

describe('page and corpus figures', () => {
  it('puts each engine\'s figures together and lists Lectern\'s pages that miss the goal', () => {
    const img = (name: string): string => `<img src="https://example.test/${name}.jpg">`;
    const outputs: Partial<Record<'lectern' | 'readability' | 'defuddle', EngineOutput>> = {
      lectern: { text: text('Story text is here.', 'A caption that is long enough'), html: `<p>Story text is here.</p>${img('a')}<p>A caption that is long enough</p>`, ms: 1 },
      readability: {
        text: text('Story text is here.', 'A caption that is long enough', 'A caption that is long enough.', 'Credit: Someone Else'),
        html: `${img('a')}${img('b')}`,
        classHtml: '<figure><img src="https://example.test/a.jpg"><figcaption>A caption that is long enough</figcaption></figure><p class="credit">Credit: Someone Else</p>',
        ms: 1,
      },
      defuddle: { text: text('Story text is here.', '1 of 2'), html: img('a'), ms: 1 },
    };
    const page = pageCaptions(outputs);
    expect(page.readability).toMatchObject({ repeated: 2, widgets: 0, pictures: 2, captions: 2 });
    expect(page.lectern).toMatchObject({ repeated: 0, widgets: 0, pictures: 1, lost: ['Someone Else'] });
    expect(page.defuddle).toMatchObject({ repeated: 0, widgets: 1, pictures: 1 });
    const sum = summarizeCaptions([{ id: 'p1', captions: page }]);
    expect(sum.engines.lectern).toMatchObject({ lost: 1, lostPages: 1, fewerPictures: 1, pictures: 1 });
    expect(sum.engines.readability).toMatchObject({ repeated: 2, repeatedPages: 1, fewerPictures: 0, captions: 2 });
    expect(sum.engines.defuddle).toMatchObject({ widgets: 1, widgetPages: 1, fewerPictures: 1 });
    expect(sum.lost).toEqual([{ id: 'p1', text: 'Someone Else' }]);
    expect(sum.fewerPictures).toEqual([{ id: 'p1', lectern: 1, peers: { readability: 2, defuddle: 1 } }]);
  });
});
