/**
 * Fidelity in a real reader (#25): what the popup or sidebar renders of a fidelity fixture, read in the view's own
 * document (plain JS: it runs in Chromium and in Firefox), then checked in Node by the same `fidelityProblems` the
 * unit test uses, on the rendered body's HTML with the rendered text (`innerText`: what is laid out and shown).
 * The browser adds what only it knows: each formula laid out with a size (MathML rendered natively, not as loose
 * text), block formulas as blocks, code blocks scrolling inside themselves rather than widening the page, and no
 * request to a player's host (a card loads nothing). Collapsed `<details>` are opened first, as a reader would.
 */
import { expect } from 'vitest';
import { fidelityExpectation, fidelityProblems } from '../support/fidelity';
import { articleDom } from '../support/dom';

export interface RenderedFidelity {
  loaded: boolean;
  failure: string | null;
  title: string;
  html: string;
  text: string;
  maths: Array<{ width: number; height: number; display: string; block: boolean }>;
  /** How far the page scrolls sideways: a long code line must scroll inside its block, never the view. */
  pageOverflow: number;
  /** Every resource the view requested, as URLs. */
  resources: string[];
  frames: number;
}

export const RENDERED_FIDELITY = `(doc) => {
  const body = doc.querySelector('.lectern-reader__body');
  const main = doc.querySelector('main');
  const win = doc.defaultView;
  // A collapsed note (details) is read as a reader reads it: opened.
  for (const d of body ? body.querySelectorAll('details') : []) d.open = true;
  return {
    loaded: !!doc.querySelector('.lectern-reader, .lectern-status--failure'),
    failure: doc.querySelector('.lectern-status--failure')?.textContent ?? null,
    title: doc.querySelector('.lectern-reader h1')?.textContent?.trim() ?? '',
    html: body ? body.innerHTML : '',
    text: main ? main.innerText : '',
    maths: Array.from(body ? body.querySelectorAll('math') : [], (m) => {
      const box = m.getBoundingClientRect();
      return { width: box.width, height: box.height, display: win.getComputedStyle(m).display, block: m.getAttribute('display') === 'block' };
    }),
    pageOverflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
    resources: win.performance.getEntriesByType('resource').map((e) => e.name),
    frames: doc.querySelectorAll('iframe, embed, object, video, audio').length,
  };
}`;

const PLAYER_HOST = /youtube|vimeo|spotify|soundcloud|twitter|instagram|bsky|mastodon|mathjax|katex|wikimedia/i;

/** The fixture's expectation, checked on what a real reader rendered; `label` names the browser and surface. */
export function expectFaithful(slug: string, view: RenderedFidelity, label: string): void {
  expect(view.failure, `${label}: an article`).toBeNull();
  const root = articleDom(view.html);
  const problems = fidelityProblems({ root, text: `${view.title}\n${view.text}`.replace(/\s+/g, ' ') }, fidelityExpectation(slug));
  expect(problems, label).toEqual([]);
  for (const [i, m] of view.maths.entries()) {
    expect(m.width > 0 && m.height > 0, `${label}: formula ${i + 1} is laid out`).toBe(true);
    if (m.block) expect(m.display, `${label}: formula ${i + 1} is a block`).toMatch(/^block/);
    else expect(m.display, `${label}: formula ${i + 1} is inline`).toMatch(/^(?:inline|math)/);
  }
  expect(view.pageOverflow, `${label}: nothing widens the view`).toBeLessThanOrEqual(1);
  expect(view.frames, `${label}: no frame or player`).toBe(0);
  expect(view.resources.filter((url) => PLAYER_HOST.test(new URL(url).hostname)), `${label}: nothing fetched from a player's or renderer's host`).toEqual([]);
}
