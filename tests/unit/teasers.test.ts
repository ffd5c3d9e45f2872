// @vitest-environment node
/**
 * Step `teasers`: the fixture tests/pages/teasers--story-cards/ holds a "Most read" rail of story cards, shouted
 * links to other stories between the paragraphs and a hover card inside a sentence. With the step on they are gone and
 * every body paragraph stays whole (the sentence keeps the name the hover card hung on); switched off, Readability's
 * output has them. The control page teasers--keeps-body has cards of body text (a picture, a heading and a paragraph
 * each) and a list of sources: nothing of it goes.
 */
import { describe, expect, it } from 'vitest';
import { removeTeasers } from '../../src/extract/steps/teasers';
import type { StepContext } from '../../src/extract/context';
import { countOccurrences, extractPage, makeDom } from '../support/dom';

function text(slug: string, on: boolean): string {
  const result = extractPage(slug, on ? {} : { steps: { teasers: false } });
  if (!result.ok) throw new Error(`${slug}: ${result.message}`);
  return result.article.textContent;
}

function run(html: string): { removed: number; text: string } {
  const url = 'https://courier.example/news/story.html';
  const doc = makeDom(`<!doctype html><body><div id="r">${html}</div></body>`, url).window.document;
  const root = doc.getElementById('r') as Element;
  const ctx: StepContext = { doc, url, baseUrl: url, win: null };
  const removed = removeTeasers(root, ctx);
  return { removed, text: (root.textContent ?? '').replace(/\s+/g, ' ') };
}

const PROSE = `<p>${'The board voted on Tuesday to rebuild the old pumping station at Millbrook, ending a long dispute. '.repeat(6)}</p>`;

describe('step teasers', () => {
  it('teasers--story-cards: removes the rail, the shouted links and the hover card, and keeps the body', () => {
    const on = text('teasers--story-cards', true);
    const off = text('teasers--story-cards', false);
    for (const s of [
      'Most read', 'BACK ON THE WATER', 'Ferry service returns to the river towns', 'Town offices move to the old post office',
      'RIVER LEVELS FALL TO A TEN-YEAR LOW', 'CLICK HERE TO GET THE COURIER APP', 'Alder to step down after eleven years',
    ]) {
      expect(countOccurrences(off, s), `Readability alone keeps "${s}"`).toBeGreaterThan(0);
      expect(countOccurrences(on, s), `"${s}" is removed`).toBe(0);
    }
    for (const s of [
      "The county's water board voted on Tuesday to rebuild the old pumping station at Millbrook",
      'The chair of the board, Ruth Alder, promised that no household will lose service.',
      'A final public hearing on the water rates will be held next month at the library',
      "The full engineering plans, the cost estimate and the study of the river's flow are at the town's site. FAQ",
    ]) {
      expect(countOccurrences(on, s), s).toBe(1);
    }
  });

  it('control: cards of body text, a list of sources and the boilerplate control page stay whole', () => {
    for (const slug of ['teasers--keeps-body', 'boilerplate--keeps-body']) {
      expect(text(slug, true)).toBe(text(slug, false));
    }
    const on = text('teasers--keeps-body', true);
    for (const s of ['Eastbrook kept the brick hall', 'Westford\'s station runs on power', 'The study of the river\'s flow in dry summers']) {
      expect(countOccurrences(on, s), s).toBe(1);
    }
  });

  it('removes the other posts printed after the story, even when they outweigh it', () => {
    const card = (n: number): string => `<article class="post"><a href="/p/${n}"><img src="/i/${n}.jpg"></a><p>${'Another post about faith, family and gratitude. '.repeat(8)}</p></article>`;
    const r = run(`<article class="story">${PROSE}</article><article class="list">${[1, 2, 3, 4, 5, 6].map(card).join('')}</article>`);
    expect(r.removed).toBe(1);
    expect(r.text).not.toContain('Another post');
    expect(r.text).toContain('ending a long dispute');
  });

  it('keeps a run of cards that would take most of the text when no story stays, galleries and lists', () => {
    const card = (n: number): string => `<div class="card"><a href="/s/${n}"><img src="/i/${n}.jpg"></a><h3>Story ${n}</h3><p>A line about story ${n}.</p></div>`;
    expect(run(`${[1, 2, 3, 4].map(card).join('')}<p>Short.</p>`).removed).toBe(0);
    const figures = [1, 2, 3].map((n) => `<div class="g"><figure><a href="/p/${n}"><img src="/i/${n}.jpg"></a><figcaption>Photo ${n}</figcaption></figure></div>`).join('');
    expect(run(`${PROSE}${figures}`).removed).toBe(0);
    const list = `<ul>${[1, 2, 3].map((n) => `<li><a href="/d/${n}.pdf"><img src="/i/${n}.png"> Document ${n}</a></li>`).join('')}</ul>`;
    expect(run(`${PROSE}${list}`).removed).toBe(0);
  });

  it('keeps a capitalised link that is a name or an acronym inside a sentence', () => {
    const r = run(`${PROSE}<p>The report by <a href="/nasa">NASA</a> and the <a href="/epa">EPA</a> was read aloud.</p><p><a href="/x">NASA</a></p>`);
    expect(r.removed).toBe(0);
  });

  it('removes a run of story cards that each end with a "more" link, and the heading of their box', () => {
    // greenpeace.de: "Zum Weiterlesen", then <article>s of a picture, an unlinked heading, an excerpt and "Mehr erfahren".
    const card = (n: number, more: string): string => `<article><div><picture><img src="/i/${n}.jpg" alt="Photo ${n}"></picture></div><div><h3><span>Kampagne ${n}</span></h3><div><p>Mehr als 130.000 Menschen in Deutschland fordern eindeutige Regelungen, Nummer ${n}.</p><p><a href="/engagieren/${n}"><span><span></span></span> ${more} </a></p></div></div></article>`;
    const r = run(`${PROSE}<div><h2> Zum Weiterlesen </h2><div>${[1, 2, 3].map((n) => card(n, 'Mehr erfahren')).join('')}</div></div>`);
    expect(r.removed).toBe(1);
    expect(r.text).not.toMatch(/Zum Weiterlesen|Kampagne|130\.000/);
    // Cards of body text whose link sits inside a sentence stay.
    const inline = (n: number): string => `<article><h3>Step ${n}</h3><p>Fill the tank and read <a href="/guide/${n}">the guide</a> before you start the pump.</p></article>`;
    expect(run(`${PROSE}<div>${[1, 2, 3].map(inline).join('')}</div>`).removed).toBe(0);
  });
});
