// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildToc, headingAt, parseFragment, TOC_MIN_ENTRIES } from '../../src/ui/toc';

const ARTICLE = `
  <p>Intro</p>
  <h2>Why   ferries</h2><p>x</p>
  <h3>The <em>old</em> route</h3><p>y</p>
  <h2></h2>
  <h4>Tides</h4>
  <h2>What next</h2>`;

describe('buildToc', () => {
  it('lists the headings in order with their text and depth, skipping empty ones', () => {
    expect(buildToc(ARTICLE)).toEqual([
      { text: 'Why ferries', level: 1, index: 0 },
      { text: 'The old route', level: 2, index: 1 },
      { text: 'Tides', level: 3, index: 3 },
      { text: 'What next', level: 1, index: 4 },
    ]);
  });

  it('counts depth from the highest level the article uses', () => {
    expect(buildToc('<h3>A</h3><h4>B</h4><h3>C</h3>').map((e) => e.level)).toEqual([1, 2, 1]);
  });

  it('takes parsed HTML as well as a string, and ignores h1, h5 and h6', () => {
    const parsed = parseFragment('<h1>Title</h1><h2>One</h2><h5>Deep</h5><h6>Deeper</h6>');
    expect(buildToc(parsed)).toEqual([{ text: 'One', level: 1, index: 0 }]);
    expect(buildToc('<p>no headings</p>')).toEqual([]);
  });

  it('finds the heading an entry points at in the rendered body', () => {
    const body = document.createElement('div');
    body.innerHTML = ARTICLE;
    const entries = buildToc(body);
    expect(entries.length).toBeGreaterThanOrEqual(TOC_MIN_ENTRIES);
    for (const entry of entries) expect(headingAt(body, entry.index)?.textContent?.replace(/\s+/g, ' ')).toBe(entry.text);
    expect(headingAt(body, 99)).toBeNull();
  });

  it('never runs what it parses', () => {
    let ran = false;
    (window as unknown as { ranToc: () => void }).ranToc = () => (ran = true);
    buildToc('<img src="x" onerror="ranToc()"><script>ranToc()</script><h2>A</h2>');
    expect(ran).toBe(false);
  });
});
