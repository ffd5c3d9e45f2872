/**
 * Captions found by their text (captions/text-run.ts) through the whole pipeline: plain blocks after a photo that
 * repeat each other or end in a credit line become its one caption; body prose after a photo stays prose.
 */
import { describe, expect, it } from 'vitest';
import { articleDom, countOccurrences, extractHtml } from '../support/dom';

const para = (n: number): string =>
  `<p>Paragraph ${n}: several thousand teachers wearing red surrounded the Statehouse on Tuesday to call for better pay and more respect, in a protest that closed more than half of the state's school districts for the day.</p>`;

function read(photoBlock: string): { text: string; figcaptions: string[] } {
  const html = `<!doctype html><html><head><title>Teachers rally</title></head><body><article><h1>Teachers rally</h1>
${para(1)}${para(2)}${photoBlock}${para(3)}${para(4)}${para(5)}</article></body></html>`;
  const result = extractHtml(html);
  if (!result.ok) throw new Error(result.reason);
  const dom = articleDom(result.article.content);
  return { text: result.article.textContent, figcaptions: Array.from(dom.querySelectorAll('figcaption'), (f) => (f.textContent ?? '').trim()) };
}

const CAPTION = 'Teachers carry signs as they rally at the Statehouse in Indianapolis on Tuesday.';

describe('captions found by their text', () => {
  it('takes a wrapper of plain blocks (caption, an empty block, a credit line) as the photo’s caption', () => {
    const { text, figcaptions } = read(
      `<div class="asset"><p><img src="/photos/rally-1080.jpg" alt=""></p><div class="image-meta"><p>${CAPTION}</p><div></div><p>Michael Roe, AP</p><div></div></div></div>`,
    );
    expect(figcaptions).toEqual([`${CAPTION} Michael Roe, AP`]);
    expect(countOccurrences(text, CAPTION)).toBe(1);
  });

  it('leaves a wrapper whose blocks are prose as it is', () => {
    const prose = 'The union said the rally was its largest ever, and that more than half of the districts had closed.';
    const { text, figcaptions } = read(`<div class="asset"><p><img src="/photos/rally-1080.jpg" alt=""></p><div class="notes"><p>${prose}</p><p>${prose.replace('largest', 'loudest')}</p></div></div>`);
    expect(figcaptions).toEqual([]);
    expect(countOccurrences(text, prose)).toBe(1);
  });

  it('takes the first block after a photo when it ends with its own credit in parentheses', () => {
    const { text, figcaptions } = read(`<div class="image top"><img src="/photos/rally-1080.jpg" alt="Rally"><p>${CAPTION} (AP Photo/Michael Roe, File)</p></div>`);
    expect(figcaptions).toHaveLength(1);
    expect(figcaptions[0]).toContain(CAPTION);
    expect(figcaptions[0]).toContain('AP Photo/Michael Roe, File');
    expect(countOccurrences(text, CAPTION)).toBe(1);
  });

  it('leaves a short paragraph after a photo that ends in an aside, not a credit, as prose', () => {
    const aside = 'The union said the rally was its largest ever (the last one was in 2011).';
    const { text, figcaptions } = read(`<div class="image top"><img src="/photos/rally-1080.jpg" alt="Rally"><p>${aside}</p></div>`);
    expect(figcaptions).toEqual([]);
    expect(countOccurrences(text, aside)).toBe(1);
  });
});
