// @vitest-environment node
/**
 * Recall guard: no clean-up step may remove a block that reads as body prose (long, sentence-dense, few or no links)
 * in the article's own language. Every fixture under tests/pages/recall--<lang>/ is a news article in one language
 * whose body holds, besides plain paragraphs, two or three paragraphs of prose set in markup the steps read as
 * furniture (a box named like an author box, sign-up box or paywall, a run of alike linked boxes, a paragraph whose
 * first words read like a contact line), and one or two blocks of real furniture (share bars, tag lists, "read also"
 * lines, a newsletter pitch). Its `expect.json` says what a reader must see after the whole pipeline:
 *   present   one phrase of each body paragraph: each appears exactly once
 *   absent    text of each furniture block: none of it appears
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOccurrences, extractPage, fixtureSlugs, PAGES, readPage } from '../support/dom';

interface RecallExpectation {
  present: string[];
  absent: string[];
}

const RECALL_SLUGS = fixtureSlugs().filter((slug) => slug.startsWith('recall--'));
const LANGUAGES = ['de', 'fr', 'es', 'ru', 'zh', 'ja'];

function expectation(slug: string): RecallExpectation {
  return JSON.parse(readFileSync(join(PAGES, slug, 'expect.json'), 'utf8')) as RecallExpectation;
}

/** The primary language subtag of the page's `<html lang>` (`zh-CN` gives `zh`), or '' without one. */
function pageLang(slug: string): string {
  const m = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]+)/i.exec(readPage(slug).html);
  return m ? (m[1] as string).toLowerCase() : '';
}

function text(slug: string): string {
  const result = extractPage(slug);
  if (!result.ok) throw new Error(`${slug}: ${result.reason} ${result.message}`);
  return result.article.textContent;
}

describe('recall guard', () => {
  it(`has at least ${LANGUAGES.length} recall fixtures covering ${LANGUAGES.join(', ')}, each with prose and furniture to check`, () => {
    expect(RECALL_SLUGS.length).toBeGreaterThanOrEqual(LANGUAGES.length);
    const langs = new Set(RECALL_SLUGS.map(pageLang));
    for (const lang of LANGUAGES) expect(langs.has(lang), `a recall fixture in ${lang}`).toBe(true);
    for (const slug of RECALL_SLUGS) {
      const want = expectation(slug);
      expect(want.present.length, `${slug}: present`).toBeGreaterThan(0);
      expect(want.absent.length, `${slug}: absent`).toBeGreaterThan(0);
    }
  });

  // Compared as whole maps: a failure lists every phrase whose count is wrong, not only the first.
  it.each(RECALL_SLUGS)('%s: every body paragraph is kept, once', (slug) => {
    const want = expectation(slug);
    const seen = text(slug);
    const counts = Object.fromEntries(want.present.map((s) => [s, countOccurrences(seen, s)]));
    expect(counts, `${slug}: body prose`).toEqual(Object.fromEntries(want.present.map((s) => [s, 1])));
  });

  it.each(RECALL_SLUGS)('%s: the furniture goes', (slug) => {
    const want = expectation(slug);
    const seen = text(slug);
    const counts = Object.fromEntries(want.absent.map((s) => [s, countOccurrences(seen, s)]));
    expect(counts, `${slug}: furniture`).toEqual(Object.fromEntries(want.absent.map((s) => [s, 0])));
  });
});
