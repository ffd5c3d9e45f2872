/**
 * The bench's fidelity section (scripts/bench/fidelity.ts) on two fixtures: Lectern is faithful on both, every engine
 * gets a problem list, and the report's totals (row and line) are counted from the page rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fidelityCell, fidelityRows, fidelityTotals, lecternProblems, measureFidelity, NO_ARTICLE, PROBLEM_CHARS, shortProblem, type FidelityResult } from '../../scripts/bench/fidelity';
import { textReport, type BenchResult } from '../../scripts/bench/report';

const SLUGS = ['fidelity--katex', 'fidelity--syntaxhighlighter'];

function bench(fidelity: FidelityResult): BenchResult {
  return {
    date: '2025-01-01T00:00:00.000Z', node: 'test', versions: { lectern: 'working-tree', readability: '0.6.0', defuddle: '0.19.4' },
    quality: [], ablations: [], speed: [], stress: [], size: null, click: null, firstRead: null, fidelity,
  };
}

describe('bench fidelity', () => {
  let result: FidelityResult;
  beforeAll(() => {
    result = measureFidelity({ slugs: SLUGS });
  });

  it('runs every engine on each fixture; Lectern is faithful on both', () => {
    expect(result.engines).toEqual(['lectern', 'readability', 'defuddle']);
    expect(result.pages.map((p) => p.id)).toEqual(SLUGS);
    for (const page of result.pages) {
      expect(page.url).toMatch(/^https?:\/\//);
      expect(page.engines.lectern).toEqual({ problems: [] });
      for (const engine of result.engines) expect(Array.isArray(page.engines[engine]?.problems), `${page.id} ${engine}`).toBe(true);
    }
    expect(lecternProblems(result)).toEqual([]);
  });

  it('forms the totals row and line from the page rows', () => {
    const rows = fidelityRows(result);
    expect(rows[0]).toEqual(['page', 'Lectern', 'Readability', 'Defuddle']);
    const body = rows.slice(1, -1);
    expect(body.map((r) => r[0])).toEqual(SLUGS);
    result.pages.forEach((page, i) => {
      result.engines.forEach((engine, j) => expect(body[i]?.[j + 1]).toBe(fidelityCell(page.engines[engine])));
    });
    const faithful = (column: number): string => `${body.filter((r) => r[column] === 'yes').length}/${SLUGS.length}`;
    expect(rows[rows.length - 1]).toEqual(['faithful pages', faithful(1), faithful(2), faithful(3)]);
    const line = fidelityTotals(result, rows);
    expect(line).toBe(`faithful pages: L ${faithful(1)}, R ${faithful(2)}, D ${faithful(3)}`);
    expect(line).toMatch(/^faithful pages: L 2\/2, R \d\/2, D \d\/2$/);
    expect(textReport(bench(result))).toContain(line);
  });

  it('counts problems, lists Lectern\'s shortened, and counts no article as unfaithful', () => {
    const long = `missing: "${'x'.repeat(300)}"`;
    const made: FidelityResult = {
      engines: ['lectern', 'readability', 'defuddle'],
      pages: [
        { id: 'fidelity--a', url: 'http://127.0.0.1/a', engines: { lectern: { problems: [long, 'headings: got []'] }, readability: { problems: [] }, defuddle: { problems: [NO_ARTICLE], error: 'Error: boom' } } },
        { id: 'fidelity--b', url: 'http://127.0.0.1/b', engines: { lectern: { problems: [] }, readability: { problems: [] }, defuddle: { problems: [] } } },
      ],
    };
    const rows = fidelityRows(made);
    expect(rows.slice(1)).toEqual([['fidelity--a', '2', 'yes', '1'], ['fidelity--b', 'yes', 'yes', 'yes'], ['faithful pages', '1/2', '2/2', '1/2']]);
    expect(fidelityTotals(made)).toBe('faithful pages: L 1/2, R 2/2, D 1/2');
    const listed = lecternProblems(made);
    expect(listed.map((p) => p.id)).toEqual(['fidelity--a']);
    expect(listed[0]?.problems[0]).toHaveLength(PROBLEM_CHARS);
    expect(listed[0]?.problems[1]).toBe('headings: got []');
    expect(shortProblem('a\n  b')).toBe('a b');
    const text = textReport(bench(made));
    expect(text).toContain('Lectern\'s problems:');
    expect(text).toContain('fidelity--a:');
  });
});
