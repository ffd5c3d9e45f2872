/**
 * Step `lostPhotos` through the whole pipeline on small pages: a photo Readability leaves out comes back beside the
 * text it stood next to, with its caption; a photo whose neighbours are not the article's text (a promotion, a logo)
 * stays out; switched off, the photo stays lost (so each case shows the step at work).
 */
import { describe, expect, it } from 'vitest';
import { articleDom, extractHtml } from '../support/dom';
import type { ExtractResult } from '../../src/extract/types';

const para = (n: number, topic = 'the harbor ferry'): string =>
  `<p>Paragraph ${n} about ${topic}: the crossing takes eighteen minutes from Corliss to Hatchford and another eleven to Lower Brennan, compared with close to an hour by road at rush hour, and riders under eighteen travel free.</p>`;

function page(before: string, after = ''): string {
  return `<!doctype html><html><head><title>The ferry returns</title></head><body>
<header><nav><a href="/">Home</a><a href="/news">News</a></nav><img src="/logo.png" alt="Site logo" width="180" height="40"></header>
<main><article><h1>The ferry returns</h1>${before}
<div class="article-body">${[1, 2, 3, 4, 5, 6].map((n) => para(n)).join('')}</div>${after}</article>
<div class="promo-box"><img src="/promo/subscribe-banner.jpg" alt="" width="600" height="200"><p>Subscribe today and read every story about every town on the river for one dollar a week, cancel any time you like.</p></div></main>
</body></html>`;
}

const HERO = `<div class="article-hero"><figure><img src="/media/ferry-lead-1200x800.jpg" alt="The ferry at dawn" width="1200" height="800"><figcaption>The Margaret Bell leaves the north landing on its first run of the season.</figcaption></figure></div>`;

function imageSources(result: ExtractResult): string[] {
  if (!result.ok) throw new Error(result.reason);
  return Array.from(articleDom(result.article.content).querySelectorAll('img'), (img) => img.getAttribute('src') ?? '');
}

describe('lostPhotos', () => {
  it('puts a lead photo in a hero container beside the body back before the body, with its caption once', () => {
    const result = extractHtml(page(HERO));
    expect(imageSources(result)).toEqual(['http://127.0.0.1/media/ferry-lead-1200x800.jpg']);
    if (!result.ok) return;
    expect(result.article.textContent.split('The Margaret Bell leaves the north landing').length - 1).toBe(1);
    expect(result.article.textContent.indexOf('The Margaret Bell')).toBeLessThan(result.article.textContent.indexOf('Paragraph 1'));
    expect(result.article.removed.lostPhotos).toBe(1);
  });

  it('leaves the lead photo lost when switched off (Readability drops the hero)', () => {
    expect(imageSources(extractHtml(page(HERO), { steps: { lostPhotos: false } }))).toEqual([]);
  });

  it('never brings back the site logo or a promotion whose text is not the article', () => {
    const sources = imageSources(extractHtml(page(HERO)));
    expect(sources.some((src) => /logo|subscribe-banner/.test(src))).toBe(false);
  });

  it('does not put back an uncaptioned image with no photo size, nor a lightbox copy of a photo', () => {
    const badge = '<div class="print-only"><img src="/img/print-logo.png" alt="print logo"> <span>https://example.com/story</span></div>';
    const viewer = `<div role="dialog" aria-hidden="true" class="viewer"><img src="/media/ferry-lead-2400x1600.jpg" alt="The ferry at dawn" width="2400" height="1600"><p>The Margaret Bell leaves the north landing on its first run of the season.</p></div>`;
    const sources = imageSources(extractHtml(page(badge + HERO, viewer)));
    expect(sources).toEqual(['http://127.0.0.1/media/ferry-lead-1200x800.jpg']);
  });

  // A print header (Dow Jones papers print one): a logo and a reprint notice long enough to pass for a caption.
  it('does not put back a logo named so, even with caption-length text beside it', () => {
    const header = '<div class="print-header"><img class="print-logo" src="/asset/images/courier-logo.png"><p>This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution to your colleagues, clients or customers visit the reprints desk.</p></div>';
    const result = extractHtml(page(header + HERO));
    expect(imageSources(result)).toEqual(['http://127.0.0.1/media/ferry-lead-1200x800.jpg']);
    if (result.ok) expect(result.article.textContent).not.toContain('presentation-ready');
  });
});

describe('captions step on a photo whose unit is the image and its credit spans', () => {
  it('keeps the image when the unit is the children of a wrapper span (BBC lead image markup)', () => {
    const html = `<!doctype html><html><head><title>A row over old songs ends</title></head><body><article><h1>A row over old songs ends</h1>
<div class="story-body__inner"><figure class="media-landscape no-caption full-width lead"><span class="image-and-copyright-container">
<img class="js-image-replace" alt="A singer on stage" src="/news/320/cpsprodpb/13500/production/_109740197_singer.jpg" width="976" height="549">
<span class="off-screen">Image copyright</span> <span class="story-image-copyright">Getty Images</span></span></figure>
${[1, 2, 3, 4, 5].map((n) => para(n, 'the record label')).join('')}</div></article></body></html>`;
    const result = extractHtml(html);
    expect(imageSources(result)).toEqual(['http://127.0.0.1/news/320/cpsprodpb/13500/production/_109740197_singer.jpg']);
    if (result.ok) expect(result.article.textContent.split('Getty Images').length - 1).toBe(1);
  });
});
