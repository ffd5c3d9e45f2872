/**
 * Publisher caption patterns: every fixture under tests/pages/captions--<pattern>/ reproduces one publisher's or
 * platform's photo markup and says in its `expect.json` what a reader must see after the whole pipeline:
 *   pattern   what markup it reproduces (one sentence)
 *   once      texts that appear exactly once (captions, credits)
 *   count     controls: texts that appear exactly this many times (a credit under two photos, a body sentence)
 *   absent    texts that must not appear (widget words, file names, control labels)
 *   images    how many photos the reader sees (`<img>` with a source, after the view's sanitizer)
 *   present   texts that must appear at least once (the story's prose)
 *   figcaption texts shown as a photo's caption (inside a figcaption under it), not as a paragraph of the story
 * The text checked is what the view shows: the article sanitized as the reader renders it, read block by block.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOccurrences, extractPage, fixtureSlugs, PAGES, viewDom } from '../support/dom';
import { blockText } from '../../src/extract/text';

export interface PatternExpectation {
  pattern: string;
  once?: string[];
  count?: Record<string, number>;
  absent?: string[];
  present?: string[];
  images?: number;
  figcaption?: string[];
}

export const PATTERN_SLUGS = fixtureSlugs().filter((slug) => slug.startsWith('captions--'));

export function expectation(slug: string): PatternExpectation {
  return JSON.parse(readFileSync(join(PAGES, slug, 'expect.json'), 'utf8')) as PatternExpectation;
}

/** What the reader sees: the article's text and its photos (images with a source), after the view's sanitizer. */
export function seen(slug: string): { text: string; images: number; captions: string[] } {
  const result = extractPage(slug);
  if (!result.ok) throw new Error(`${slug}: ${result.reason} ${result.message}`);
  const dom = viewDom(result.article.content);
  const images = Array.from(dom.querySelectorAll('img')).filter((img) => (img.getAttribute('src') ?? '').trim() !== '');
  const captions = Array.from(dom.querySelectorAll('figure figcaption')).map((caption) => caption.textContent ?? '');
  return { text: `${result.article.title}\n${blockText(dom)}`, images: images.length, captions };
}

describe('caption patterns', () => {
  it('has at least 30 publisher patterns, each with an expectation and a control', () => {
    expect(PATTERN_SLUGS.length).toBeGreaterThanOrEqual(30);
    for (const slug of PATTERN_SLUGS) {
      const want = expectation(slug);
      expect(want.pattern, slug).toBeTruthy();
      expect((want.once ?? []).length, `${slug}: once`).toBeGreaterThan(0);
      expect(Object.keys(want.count ?? {}).length + (want.present ?? []).length, `${slug}: control`).toBeGreaterThan(0);
    }
  });

  it.each(PATTERN_SLUGS)('%s: each caption and credit once, controls kept, every photo shown', (slug) => {
    const want = expectation(slug);
    const { text, images, captions } = seen(slug);
    for (const once of want.once ?? []) expect(countOccurrences(text, once), `once: ${once}`).toBe(1);
    for (const [control, n] of Object.entries(want.count ?? {})) expect(countOccurrences(text, control), `count: ${control}`).toBe(n);
    for (const present of want.present ?? []) expect(countOccurrences(text, present), `present: ${present}`).toBeGreaterThan(0);
    for (const absent of want.absent ?? []) expect(text.toLowerCase(), `absent: ${absent}`).not.toContain(absent.toLowerCase());
    if (want.images !== undefined) expect(images, 'photos shown').toBe(want.images);
    for (const caption of want.figcaption ?? []) expect(captions.some((c) => c.includes(caption)), `figcaption: ${caption}`).toBe(true);
  });
});
