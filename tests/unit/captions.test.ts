/**
 * Step `captions` through the real pipeline: each fixture page under tests/pages/captions-* reproduces one pattern of
 * repeated captions (or is a control that must keep its repeats), and is checked the way a reader would look at it.
 */
import { describe, expect, it } from 'vitest';
import { articleDom, countOccurrences, extractPage } from '../support/dom';
import type { Article } from '../../src/extract/types';

function read(slug: string, captions = true): Article {
  const result = extractPage(slug, captions ? {} : { steps: { captions: false } });
  if (!result.ok) throw new Error(`${slug}: ${result.reason} ${result.message}`);
  return result.article;
}

function images(article: Article): HTMLImageElement[] {
  return Array.from(articleDom(article.content).querySelectorAll('img'));
}

function figcaptions(article: Article): string[] {
  return Array.from(articleDom(article.content).querySelectorAll('figcaption')).map((f) => (f.textContent ?? '').trim());
}

/** Visible text may not contain any caption-widget word. */
const WIDGET_WORDS = [
  /hide caption/i, /toggle caption/i, /enlarge this image/i, /view image in fullscreen/i, /image source,/i,
  /image caption,/i, /\b\d+ (?:of|\/) \d+\b/, /^(?:caption|close|previous|next)$/im,
];

function expectNoWidgetWords(text: string): void {
  for (const word of WIDGET_WORDS) expect(text).not.toMatch(word);
}

/** Each text occurs exactly once with the step, and more than once without it (so the fixture shows the problem). */
function expectOnceNotTwice(slug: string, texts: readonly string[]): Article {
  const before = read(slug, false);
  const after = read(slug);
  for (const text of texts) {
    expect(countOccurrences(after.textContent, text), text).toBe(1);
  }
  expect(texts.some((text) => countOccurrences(before.textContent, text) > 1)).toBe(true);
  return after;
}

const NPR_CAPTION_1 =
  'The restored ferry Margaret Bell leaves the north landing at Corliss on its first run of the season, carrying 61 passengers and a dozen bicycles.';
const NPR_CAPTION_2 =
  'Commuters wait at the Hatchford landing before the 7:15 a.m. crossing. The county expects about 400 riders a day by summer.';
const NPR_CREDIT = 'Dana Whitfield/Harbor Photo Service';

describe('captions: NPR-style toggle captions and enlarge copies', () => {
  it('prints each caption once, the shared credit once per photo, and no widget words', () => {
    const article = expectOnceNotTwice('captions-npr-toggle', [NPR_CAPTION_1, NPR_CAPTION_2]);
    expect(countOccurrences(article.textContent, NPR_CREDIT)).toBe(2);
    expectNoWidgetWords(article.textContent);
  });

  it('keeps one image per photo with its picture sources and link', () => {
    const article = read('captions-npr-toggle');
    const imgs = images(article);
    expect(imgs).toHaveLength(2);
    expect(imgs[0]?.closest('picture')?.querySelectorAll('source')).toHaveLength(2);
    expect(imgs[0]?.closest('a')?.getAttribute('href')).toMatch(/gettyimages-1241786500/);
    expect(imgs[0]?.getAttribute('src')).toMatch(/-s1100-c50\.jpg$/);
  });

  it('builds one figure per photo with caption and credit spans', () => {
    const dom = articleDom(read('captions-npr-toggle').content);
    const figures = Array.from(dom.querySelectorAll('figure'));
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      expect(figure.querySelectorAll('img')).toHaveLength(1);
      expect(figure.querySelectorAll('figcaption')).toHaveLength(1);
      expect(figure.querySelectorAll('figcaption > span.lectern-caption')).toHaveLength(1);
      expect(figure.querySelectorAll('figcaption > span.lectern-credit')).toHaveLength(1);
    }
    expect(figures[0]?.querySelector('.lectern-caption')?.textContent).toBe(NPR_CAPTION_1);
    expect(figures[0]?.querySelector('.lectern-credit')?.textContent).toBe(NPR_CREDIT);
  });

  it('replaces the file-name alt with the caption', () => {
    const [first, second] = images(read('captions-npr-toggle'));
    expect(first?.getAttribute('alt')).toBe(NPR_CAPTION_1);
    expect(second?.getAttribute('alt')).toBe('Commuters with coffee cups wait in line on a wooden ferry landing at sunrise.');
    expect(read('captions-npr-toggle').textContent).not.toMatch(/gettyimages/);
  });

  it('counts what it removed', () => {
    expect(read('captions-npr-toggle').removed.captions).toBeGreaterThan(0);
  });
});

describe('captions: copies of one photo', () => {
  it('drops the lightbox copy of image, caption and credit', () => {
    const article = expectOnceNotTwice('captions-lightbox-copy', [
      'The rediscovered painting of the Northfield mill, thought to date from about 1870, after its first cleaning.',
      'Photo: Owen Pratt for the Ledger',
    ]);
    expect(images(article)).toHaveLength(1);
    expect(images(article)[0]?.getAttribute('srcset')).toMatch(/640w/);
    expect(images(article)[0]?.closest('a')).not.toBeNull();
    expectNoWidgetWords(article.textContent);
  });

  it('keeps one of the mobile and desktop copies', () => {
    const article = expectOnceNotTwice('captions-mobile-desktop', [
      'Members of the Riverside Central robotics team carry their robot, nicknamed Gristle, onto the field before the regional final.',
      'Photo: Carmen Ibáñez/Riverside Standard',
    ]);
    expect(images(article)).toHaveLength(1);
    expect(images(article)[0]?.getAttribute('srcset')).toMatch(/1600w/);
  });

  it('drops carousel overlays and counters but keeps every slide', () => {
    const article = expectOnceNotTwice('captions-carousel-counter', [
      "The Gannet Point lighthouse marks the start of the trail. The keeper's cottage now sells coffee and maps.",
      'A boardwalk carries the trail across the Merrow salt marsh, where herons feed at low tide.',
      'Fishing boats in Selby Harbor at the end of the third day.',
    ]);
    expect(images(article)).toHaveLength(3);
    expect(countOccurrences(article.textContent, 'Photo: Nadia Kurtz')).toBe(3);
    expect(figcaptions(article)).toHaveLength(3);
    expectNoWidgetWords(article.textContent);
  });

  it('keeps one image when the same picture stands twice at another size', () => {
    const article = read('captions-size-variants');
    expect(images(article)).toHaveLength(2);
    expect(read('captions-size-variants', false).content.match(/<img/g)).toHaveLength(4);
    expect(countOccurrences(article.textContent, 'Margaret Hollis loads the new deck oven')).toBe(1);
    expect(figcaptions(article)).toEqual([
      'Margaret Hollis loads the new deck oven at the Bridge Street bakery before dawn on Tuesday.',
      "The bakery's treacle loaf, made to a recipe written down in 1934.",
    ]);
  });
});

describe('captions: widget words and pasted text', () => {
  it('strips BBC screen-reader prefixes from caption and credit', () => {
    const article = read('captions-bbc-prefixes');
    expectNoWidgetWords(article.textContent);
    expect(countOccurrences(article.textContent, 'Gwen Harries')).toBe(1);
    expect(countOccurrences(article.textContent, 'The pool was built in 1972 with money raised by local miners')).toBe(1);
    const dom = articleDom(article.content);
    expect(dom.querySelector('.lectern-credit')?.textContent).toBe('Gwen Harries');
    expect(read('captions-bbc-prefixes', false).textContent).toMatch(/Image caption, /);
  });

  it('drops caption and credit pasted as paragraphs next to the photo', () => {
    const article = expectOnceNotTwice('captions-pasted-paragraph', [
      'Volunteers plant saplings beside the former Ashby branch line near Copley Bridge.',
      'Photo: Bea Lindgren',
    ]);
    expect(images(article)).toHaveLength(1);
  });
});

describe('captions: file-name alt text', () => {
  it('replaces file-name alt with the caption or empties it, and keeps real alt text', () => {
    const article = read('captions-filename-alt');
    const alts = images(article).map((img) => img.getAttribute('alt'));
    expect(alts).toEqual([
      'Carver Hana Okabe fits a new foreleg to one of the Lakeside Park horses.',
      '',
      'Half-finished horses wait for their final coat of paint.',
      'Chisels and gouges laid out in a row on a workbench',
    ]);
  });

  it('removes a text block that is only a file name', () => {
    const article = read('captions-filename-alt');
    expect(article.textContent).not.toMatch(/gettyimages|IMG_1234|DSC_0042|hero-1200x800/);
    expect(read('captions-filename-alt', false).textContent).toMatch(/gettyimages-1241786500/);
  });
});

describe('captions: controls keep what is repeated on purpose', () => {
  it('keeps the same credit under different photos', () => {
    const article = read('captions-same-credit-different-photos');
    expect(images(article)).toHaveLength(3);
    expect(countOccurrences(article.textContent, 'Photo: Lena Marsh/Prairie Herald')).toBe(3);
    expect(figcaptions(article)).toHaveLength(3);
  });

  it('keeps body text that repeats a caption away from its photo', () => {
    const article = read('captions-body-sentence-elsewhere');
    expect(countOccurrences(article.textContent, 'The bridge is 140 metres long and was lifted into place in a single night.')).toBe(2);
  });

  it('keeps a quote the author repeats and a sentence about a caption contest', () => {
    const article = read('captions-repeated-quote');
    expect(countOccurrences(article.textContent, 'A town that knows its old trees is a town that will fight for them')).toBe(2);
    expect(article.textContent).toMatch(/the caption contest she ran on the project's website/);
    expect(countOccurrences(article.textContent, 'Beatrice Okonkwo measures the girth of the copper beech')).toBe(1);
  });

  it('keeps distinct images that share one alt text', () => {
    const article = read('captions-distinct-images-same-alt');
    const imgs = images(article);
    expect(imgs).toHaveLength(4);
    expect(new Set(imgs.map((img) => img.getAttribute('src'))).size).toBe(4);
    expect(imgs.every((img) => img.getAttribute('alt') === 'Harbor photograph')).toBe(true);
  });

  it('changes nothing on control pages when switched off', () => {
    for (const slug of ['captions-same-credit-different-photos', 'captions-distinct-images-same-alt']) {
      expect(images(read(slug, false))).toHaveLength(images(read(slug)).length);
    }
  });
});
