/**
 * Step `captions` on real pages from the shared corpora ($LECTERN_CORPORA, by default ../shared/corpora), read in place: pages that print a caption or credit several
 * times for one photo now print it once; control pages keep every image and every credit repeated under other photos.
 * The strings were checked by hand against the pipeline's text output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleDom, countOccurrences, extractHtml } from '../support/dom';
import { corpusDir } from '../../scripts/lib/corpora';
import type { Article } from '../../src/extract/types';
import { isWidgetText } from '../../src/extract/steps/captions/widget-words';

const READABILITY_URL = 'http://fakehost/test/page.html';

function read(corpus: string, slug: string, captions = true): Article {
  // Without the corpus, the one sentence that says what to set.
  const dir = join(corpusDir(corpus), slug);
  const metaPath = join(dir, 'meta.json');
  const url = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { url: string }).url : READABILITY_URL;
  const result = extractHtml(readFileSync(join(dir, 'source.html'), 'utf8'), { url, steps: { captions } });
  if (!result.ok) throw new Error(`${corpus}/${slug}: ${result.reason}`);
  return result.article;
}

const imageCount = (article: Article): number => articleDom(article.content).querySelectorAll('img').length;

describe('captions on aeb pages with repeated captions', () => {
  const cases: [string, string[]][] = [
    ['05844573ca7e', ['Photo: Damian Dovarganes, AP']],
    ['a6968f427cdb', ['Photo: Meg Kinnard, AP']],
    ['aec5deeaada8', ['Photo: John Locher, AP']],
    ['db6b0816c612', ['Photo: Hau Dinh, AP']],
    ['ecb46e3e489d', ['Photo: Gene J. Puskar']],
    ['eecd2575093b', ['Photo: Ringo H.W. Chiu, AP']],
    [
      '9ebb3af65694',
      ['a long row of unsold E-Pace sports-utility vehicles sits at a Jaguar dealership', 'Photo: David Zalubowski, STF / Associated Press'],
    ],
  ];

  it.each(cases)('%s prints each caption and credit once, without gallery controls', (slug, texts) => {
    const before = read('aeb', slug, false);
    const after = read('aeb', slug);
    for (const text of texts) {
      expect(countOccurrences(before.textContent, text), text).toBeGreaterThan(1);
      expect(countOccurrences(after.textContent, text), text).toBe(1);
    }
    expect(after.textContent).not.toMatch(/Image 1 of/);
    expect(after.textContent).not.toMatch(/^(?:Caption|Close)$/m);
    expect(imageCount(after)).toBe(imageCount(before));
  });
});

describe('captions on aeb control pages', () => {
  const cases: [string, string, number][] = [
    ['8b1945303082', 'Credit: The Siberian Times', 3],
    ['5fbc7ccb504c', 'Jason Cipriani/ZDNet', 2],
    ['8cad00dc22de', '2018 Jeongdong Theater Tradition Series Performance', 12],
  ];

  it.each(cases)('%s keeps every image and the repeated credit %s', (slug, credit, times) => {
    const before = read('aeb', slug, false);
    const after = read('aeb', slug);
    expect(imageCount(after)).toBe(imageCount(before));
    expect(countOccurrences(before.textContent, credit)).toBe(times);
    expect(countOccurrences(after.textContent, credit)).toBe(times);
  });

});

describe('captions on readability-0.6.0 pages', () => {
  it('yahoo-2 prints the slideshow caption once and drops its counter', () => {
    const caption = 'the Soyuz-FG rocket booster with the Progress MS-04 cargo ship is installed on a launch pad';
    expect(countOccurrences(read('readability-0.6.0', 'yahoo-2', false).textContent, caption)).toBe(2);
    const after = read('readability-0.6.0', 'yahoo-2');
    expect(countOccurrences(after.textContent, caption)).toBe(1);
    expect(after.textContent).not.toMatch(/^1 \/ 5$/m);
  });

  it.each(['keep-images', 'ehow-2', 'engadget', 'nytimes-5', 'schema-org-context-object', 'dev418'])(
    '%s keeps all its images and repeated lines',
    (slug) => {
      const before = read('readability-0.6.0', slug, false);
      const after = read('readability-0.6.0', slug);
      expect(imageCount(after)).toBe(imageCount(before));
      // A "Credit" screen-reader label glued to the credit ("CreditJane Roe") is a widget word the step drops.
      const lines = before.textContent
        .split('\n')
        .map((line) => line.trim().replace(/^Credit(?=\S)/, ''))
        .filter((line) => line.length > 3);
      // Screen-reader labels such as "Photo" are widget words: the step may drop them.
      const repeated = [...new Set(lines.filter((line, i) => lines.indexOf(line) !== i && !isWidgetText(line, true)))];
      for (const line of repeated) {
        expect(countOccurrences(after.textContent, line), line).toBe(countOccurrences(before.textContent, line));
      }
    },
  );

  it.each(['bug-1255978', 'pixnet', 'tmz-1', 'wikipedia'])('%s has no file-name alt text left', (slug) => {
    const before = Array.from(articleDom(read('readability-0.6.0', slug, false).content).querySelectorAll('img'));
    const after = Array.from(articleDom(read('readability-0.6.0', slug).content).querySelectorAll('img'));
    expect(after).toHaveLength(before.length);
    expect(before.some((img) => /\.(?:jpe?g|png)$|\d{2}$/i.test(img.getAttribute('alt') ?? ''))).toBe(true);
    for (const img of after) expect(img.getAttribute('alt') ?? '').not.toMatch(/\.(?:jpe?g|png|gif)$|^[\w-]*\d[\w-]*$/i);
  });
});
