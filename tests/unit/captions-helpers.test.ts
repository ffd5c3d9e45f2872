/** The pure helpers behind step `captions`: file-name detection, image identity, widget words, text dedupe. */
import { describe, expect, it } from 'vitest';
import { isFileNameText } from '../../src/extract/steps/captions/filename-alt';
import { imageKey } from '../../src/extract/steps/captions/image-identity';
import { isWidgetText, stripWidgetPhrases } from '../../src/extract/steps/captions/widget-words';
import { uniqueTexts } from '../../src/extract/steps/captions/figures';
import { isKnownText, normalText } from '../../src/extract/steps/captions/photo-unit';
import { cleanCaptions } from '../../src/extract/steps/captions';
import { roleOf } from '../../src/extract/steps/captions/roles';
import { textLongerThan } from '../../src/extract/text';
import { makeDom } from '../support/dom';

describe('isFileNameText', () => {
  it.each([
    'gettyimages 1241786500 wide 982e83a17e78452bfb662860965dbdf083441ecf s1400 c100.jpg',
    'gettyimages-1241786500_wide-982e83a17e78452bfb662860965dbdf083441ecf-s1400-c100.jpg',
    'gettyimages 1241786500 wide 982e83a17e78452bfb662860965dbdf083441ecf s1400 c100',
    'DSC_0042',
    'IMG_1234.JPG',
    'hero-1200x800',
    'P1610088.jpg',
    '12-IMG_3886.jpg',
    'Mozilla dinosaur head logo.png',
    '0225-lupita-nyongo-getty-01',
    'update_graphic_red_bar',
    'PXL_20230412_101530123',
  ])('%s is a file name', (text) => {
    expect(isFileNameText(text)).toBe(true);
  });

  it.each([
    'A boy with 2 dogs',
    'COVID-19 patients',
    'F-35 jet',
    'F-35',
    'COVID-19',
    'Swimmers doing lengths in an indoor pool',
    'The 2024 budget, in 3 charts',
    'Flight 1549 on the Hudson',
    'state-of-the-art',
    'Photo: Jane Roe/AP',
    'Bug 1553982',
    'Order 123456789 shipped',
    'https://www.example.com/news/article/Story-title-14848164.php',
    '',
  ])('%s is not a file name', (text) => {
    expect(isFileNameText(text)).toBe(false);
  });
});

describe('imageKey', () => {
  const npr = 'https://media.example.org/assets/img/2023/02/17/gettyimages-1241786500_wide-982e83a17e78452bfb662860965dbdf083441ecf';

  it('ignores size suffixes, size params, retina marks and format', () => {
    expect(imageKey(`${npr}-s1100-c50.jpg`)).toBe(imageKey(`${npr}-s1400-c100.jpg`));
    expect(imageKey(`${npr}-s800-c85.webp`)).toBe(imageKey(`${npr}-s1400-c100.jpg`));
    expect(imageKey('https://a.example/p/photo-800x533.jpg')).toBe(imageKey('https://a.example/p/photo.jpg'));
    expect(imageKey('https://a.example/p/photo.jpg?w=800&q=80')).toBe(imageKey('https://a.example/p/photo.jpg?w=1600'));
    expect(imageKey('https://a.example/p/photo@2x.png')).toBe(imageKey('https://a.example/p/photo.png'));
    expect(imageKey('https://a.example/photos/18637072/5/920x920.jpg')).toBe(imageKey('https://a.example/photos/18637072/5/1200x0.jpg'));
    expect(imageKey('https://a.example/resize/800x600/p/photo.jpg')).toBe(imageKey('https://a.example/p/photo.jpg'));
  });

  it('tells different photos apart', () => {
    expect(imageKey('https://a.example/p/photo-1.jpg')).not.toBe(imageKey('https://a.example/p/photo-2.jpg'));
    expect(imageKey('https://a.example/2024/05/photo.jpg')).not.toBe(imageKey('https://a.example/2024/06/photo.jpg'));
    expect(imageKey('https://a.example/img.php?id=1&w=800')).not.toBe(imageKey('https://a.example/img.php?id=2&w=800'));
    expect(imageKey('https://a.example/p/photo.jpg')).not.toBe(imageKey('https://b.example/p/photo.jpg'));
    expect(imageKey('https://a.example/photos/18637072/5/920x920.jpg')).not.toBe(imageKey('https://a.example/photos/18637073/5/920x920.jpg'));
  });

  it('has no key for data: URLs', () => {
    expect(imageKey('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBe('');
  });
});

describe('widget words', () => {
  it('matches whole texts, case-insensitively', () => {
    expect(isWidgetText('hide caption', false)).toBe(true);
    expect(isWidgetText('Toggle Caption', false)).toBe(true);
    expect(isWidgetText('Enlarge this image', false)).toBe(true);
    expect(isWidgetText('View image in fullscreen', false)).toBe(true);
    expect(isWidgetText('Image source, ', false)).toBe(true);
    expect(isWidgetText('3 of 5', true)).toBe(true);
    expect(isWidgetText('Image 1 of / 23', true)).toBe(true);
    expect(isWidgetText('Close', true)).toBe(true);
  });

  it('never matches a sentence that merely contains the word', () => {
    expect(isWidgetText('The caption contest drew two hundred entries.', true)).toBe(false);
    expect(isWidgetText('Readers can hide caption text in the settings menu.', true)).toBe(false);
    expect(isWidgetText('Close', false)).toBe(false);
    expect(isWidgetText('3 of 5', false)).toBe(false);
  });

  it('reads an element as a widget by its text only when its text is short enough to be a label', () => {
    const doc = makeDom('<div id="a">\n    <b>Hide</b>\n\n      caption\n  </div><p id="b">One <i>two</i> three</p>').window.document;
    const a = doc.getElementById('a') as Element;
    const b = doc.getElementById('b') as Element;
    expect(roleOf(a)).toBe('widget');
    expect(textLongerThan(b, 10, true)).toBe(true);
    expect(textLongerThan(b, 11, true)).toBe(false);
    expect(textLongerThan(a, 11, true)).toBe(false);
    expect(textLongerThan(a, 11)).toBe(true);
  });

  it('takes no text longer than the longest label for one, however it ends', () => {
    expect(isWidgetText(`  Hide  caption${' '.repeat(60)}`, false)).toBe(true);
    expect(isWidgetText(`Hide caption${'.'.repeat(60)}`, false)).toBe(false);
    expect(isWidgetText(`Photo 1 of ${'9'.repeat(60)}`, true)).toBe(false);
  });

  it('strips leading and trailing widget phrases only', () => {
    expect(stripWidgetPhrases('Image caption, The pool was built in 1972')).toBe('The pool was built in 1972');
    expect(stripWidgetPhrases('Image source, Gwen Harries')).toBe('Gwen Harries');
    expect(stripWidgetPhrases('A ferry leaves the landing. hide caption')).toBe('A ferry leaves the landing.');
    expect(stripWidgetPhrases('How to hide caption text on a phone')).toBe('How to hide caption text on a phone');
  });
});

describe('caption text dedupe', () => {
  it('keeps each text once, in order, and a longer text over its parts', () => {
    expect(uniqueTexts(['A ferry.', 'a ferry', 'B boat']).kept).toEqual(['A ferry.', 'B boat']);
    expect(uniqueTexts(['A ferry', 'A ferry at dawn']).kept).toEqual(['A ferry at dawn']);
    expect(uniqueTexts(['Photo: X'], ['photo: x']).kept).toEqual([]);
  });

  it('recognises a caption and credit run together', () => {
    const known = [normalText('A ferry leaves.'), normalText('Photo: Jane Roe')];
    expect(isKnownText('A ferry leaves. Photo: Jane Roe', known)).toBe(true);
    expect(isKnownText('A ferry leaves the dock every hour.', known)).toBe(false);
  });
});

describe('cleanCaptions on a bare tree', () => {
  function run(html: string): { root: Element; removed: number } {
    const dom = makeDom(`<!doctype html><body><div id="root">${html}</div></body>`);
    const doc = dom.window.document;
    const root = doc.getElementById('root') as Element;
    const removed = cleanCaptions(root, { doc, url: 'http://127.0.0.1/', baseUrl: 'http://127.0.0.1/', win: null });
    return { root, removed };
  }

  it('leaves a photo without caption alone', () => {
    const html = '<p>Body text that is long enough.</p><p><img src="http://127.0.0.1/a.jpg" alt="A dog"></p>';
    expect(run(html).root.innerHTML).toBe(html);
  });

  it('does not merge two photos that share an alt text', () => {
    const { root } = run(
      '<figure><img src="http://127.0.0.1/a.jpg" alt="Same"><figcaption class="caption">One</figcaption></figure>' +
        '<figure><img src="http://127.0.0.1/b.jpg" alt="Same"><figcaption class="caption">One</figcaption></figure>',
    );
    expect(root.querySelectorAll('img')).toHaveLength(2);
    expect(root.querySelectorAll('figcaption')).toHaveLength(2);
  });

  it('keeps the same URL shown twice outside any lightbox or mobile copy', () => {
    const { root } = run('<ul><li><img src="http://127.0.0.1/a.jpg"></li><li><img src="http://127.0.0.1/a.jpg"></li></ul>');
    expect(root.querySelectorAll('img')).toHaveLength(2);
  });

  it('removes widget-only elements anywhere but keeps sentences about captions', () => {
    const { root, removed } = run('<p>hide caption</p><p>We changed how we hide caption text.</p>');
    expect(root.textContent).toBe('We changed how we hide caption text.');
    expect(removed).toBe(1);
  });
});
