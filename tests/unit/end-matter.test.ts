// @vitest-environment node
/**
 * Step `endMatter`: the fixture tests/pages/endmatter--author-box-and-notices/ ends with a reporting credit, a contact
 * line, a reuse notice and an author box, and opens with an affiliate disclosure. With the step on they are gone and
 * every body paragraph stays, among them a body sentence that gives an e-mail address and mentions Twitter; switched
 * off, Readability's output has them. The teasers control page (a paragraph that starts "Email is how…", one that
 * starts "Reporting by the board's own engineers…") loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { removeEndMatter } from '../../src/extract/steps/end-matter';
import type { StepContext } from '../../src/extract/context';
import { countOccurrences, extractPage, makeDom } from '../support/dom';

function text(slug: string, on: boolean): string {
  const result = extractPage(slug, on ? {} : { steps: { endMatter: false } });
  if (!result.ok) throw new Error(`${slug}: ${result.message}`);
  return result.article.textContent;
}

function run(html: string): number {
  const url = 'https://courier.example/news/story.html';
  const doc = makeDom(`<!doctype html><body><div id="r">${html}</div></body>`, url).window.document;
  const root = doc.getElementById('r') as Element;
  const ctx: StepContext = { doc, url, baseUrl: url, win: null };
  return removeEndMatter(root, ctx);
}

const PROSE = `<p>${'The board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a long dispute. '.repeat(6)}</p>`;

describe('step endMatter', () => {
  it('endmatter--author-box-and-notices: removes the credit, contact line, notices and author box, keeps the body', () => {
    const on = text('endmatter--author-box-and-notices', true);
    const off = text('endmatter--author-box-and-notices', false);
    for (const s of [
      'This post may contain affiliate links', 'Additional reporting by Lee Okonkwo', 'Email Dana Whitfield at',
      'This document is subject to copyright', 'Dana Whitfield covers local government',
    ]) {
      expect(countOccurrences(off, s), `Readability alone keeps "${s}"`).toBeGreaterThan(0);
      expect(countOccurrences(on, s), `"${s}" is removed`).toBe(0);
    }
    for (const s of [
      "The county's water board voted on Tuesday to rebuild the old pumping station at Millbrook",
      'Residents with questions can email the board at board@valleywater.example or follow its updates on Twitter',
      'A final public hearing on the water rates will be held next month at the library',
    ]) {
      expect(countOccurrences(on, s), s).toBe(1);
    }
    const result = extractPage('endmatter--author-box-and-notices');
    expect(result.ok && result.article.removed.endMatter).toBe(5);
  });

  it('control: body lines that start like end matter stay, and so does the boilerplate control page', () => {
    for (const slug of ['teasers--keeps-body', 'boilerplate--keeps-body']) expect(text(slug, true)).toBe(text(slug, false));
  });

  it('reads credit lines as names and credit words only', () => {
    expect(run(`${PROSE}<p>Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly in New York; Editing by Nick Zieminski</p>`)).toBe(1);
    expect(run(`${PROSE}<p>Associated Press writers Alan Fram and Zeke Miller contributed to this report.</p>`)).toBe(1);
    expect(run(`${PROSE}<p>Reporting by the state's auditors showed the fund was short by a third.</p>`)).toBe(0);
  });

  it('keeps a long box named author (the article itself) and an author box holding a quote', () => {
    expect(run(`<div class="author-bio">${PROSE}${PROSE}</div>`)).toBe(0);
    expect(run(`${PROSE}<div class="author-note"><blockquote>Words of the author.</blockquote></div>`)).toBe(0);
    expect(run(`${PROSE}<div class="post-author-content"><p>The author's own story goes on here.</p></div>`)).toBe(0);
  });
});
