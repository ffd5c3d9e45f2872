/**
 * Golden outputs (issue #24): every fixture page (tests/pages) and every page of the aeb, readability-0.6.0 and
 * trafilatura-dev corpora ($LECTERN_CORPORA, default ../shared/corpora) must give exactly its expected files,
 * tests/golden/<group>/<id>.txt (the result's fields and the article's text) and .html (the article's markup, one block
 * a line). A change of output is not a failure of the change: review the diff, then `npm run golden -- --update`
 * rewrites the files and they are committed with it. How the files are made: tests/support/golden.ts.
 *
 * Runtime: about 700 jsdom parses and extractions (the parse and the pipeline about half each; writing the files down
 * 3%), 120 to 150 s of CPU, spread over child processes fed one page at a time, one per core. Measured on two cores
 * shared with other runs: about 65 s at a load of 5 to 7, 2 to 5.5 minutes at a load of 8 to 12.
 */
import { beforeAll, describe, it } from 'vitest';
import {
  caseDifferences, caseName, GOLDEN_CORPORA, goldenIds, groupCases, missingCorpus, PAGES_GROUP, readGolden, renderAll,
  type CaseOutput, type GoldenCase,
} from '../support/golden';

const UPDATE = '`npm run golden -- --update` rewrites them after review';
const REMOVE = '`npm run golden -- --update` removes them';

/** A failure that is its message alone: vitest prints no stack for it. */
function failure(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

const missing = new Set<string>();
const groups: string[] = [];
const cases: GoldenCase[] = [];
for (const group of [PAGES_GROUP, ...GOLDEN_CORPORA]) {
  const why = group === PAGES_GROUP ? null : missingCorpus(group);
  if (why) missing.add(why);
  else {
    groups.push(group);
    cases.push(...groupCases(group));
  }
}

describe('golden outputs (tests/golden)', () => {
  let outputs = new Map<string, CaseOutput>();

  beforeAll(async () => {
    outputs = await renderAll(cases);
    // A guard against a hung worker, not a speed target.
  }, 1_800_000);

  for (const sentence of missing) {
    it('finds the corpora', () => {
      throw failure(sentence);
    });
  }

  it.each(cases.map((c) => [caseName(c), c] as const))('%s', (name, c) => {
    const actual = outputs.get(name);
    if (!actual) throw failure(`${name}: no output (its worker gave none).`);
    const expected = readGolden(c);
    if (!expected) throw failure(`${name}: no expected files (tests/golden/${name}.txt); ${UPDATE}.`);
    const diffs = caseDifferences(expected, actual, c);
    if (diffs.length) {
      throw failure(`${name}: the output differs from its expected files; if the change is intended, ${UPDATE}.\n${diffs.join('\n')}`);
    }
  });

  it.each(groups)('%s: no expected files without a page', (group) => {
    const ids = new Set(cases.filter((c) => c.group === group).map((c) => c.id));
    const stale = goldenIds(group).filter((id) => !ids.has(id));
    if (stale.length) {
      throw failure(`tests/golden/${group} has files for pages that are gone: ${stale.slice(0, 10).join(', ')}` +
        `${stale.length > 10 ? ` and ${stale.length - 10} more` : ''}; ${REMOVE}.`);
    }
  });
});
