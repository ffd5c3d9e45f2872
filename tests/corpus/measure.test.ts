import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPage } from '../support/dom';
import { measurePage } from './measure';

const dir = mkdtempSync(join(tmpdir(), 'lectern-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function addPage(slug: string, files: Record<string, string>): void {
  mkdirSync(join(dir, slug));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, slug, name), text);
}

describe('measurePage', () => {
  it('scores a page against its expected article', () => {
    const { html, url } = readPage('article--metadata');
    const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>') + 10);
    addPage('good', { 'source.html': html, 'meta.json': JSON.stringify({ url }), 'expected.html': article });
    const row = measurePage(dir, 'good');
    expect(row).toMatchObject({ slug: 'good', ok: true, reason: '', readerable: true });
    // Readability moves the title and byline out of the body, so a little of the <article> is not in ours.
    expect(row.recall).toBeGreaterThan(0.95);
    expect(row.precision).toBe(1);
  });

  it('turns an exception on one page into that page failing', () => {
    addPage('broken', { 'source.html': '<p>x</p>', 'meta.json': '{ not json', 'expected.html': '<p>x</p>' });
    addPage('missing', { 'meta.json': JSON.stringify({ url: 'http://fakehost/test/page.html' }) });
    for (const slug of ['broken', 'missing']) {
      const row = measurePage(dir, slug);
      expect(row.ok).toBe(false);
      expect(row.reason).toMatch(/^exception: /);
      expect(row.f1).toBe(0);
    }
  });

  it('records a result that is not an article as a failure with its reason', () => {
    addPage('blank', {
      'source.html': '<!doctype html><body><div></div></body>',
      'meta.json': JSON.stringify({ url: 'http://fakehost/test/page.html' }),
      'expected.html': '<p>Some article text that was expected here.</p>',
    });
    expect(measurePage(dir, 'blank')).toMatchObject({ ok: false, reason: 'empty', recall: 0 });
  });
});
