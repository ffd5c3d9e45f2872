/**
 * `npm run golden [-- --update] [--pages] [--corpus <name>]... [--workers N]`
 * Checks the golden outputs (tests/golden: what extraction gives for every fixture page and corpus page; see
 * tests/support/golden.ts) against what extraction gives now, and prints a summary: cases unchanged, changed, added
 * (no expected files yet) and removed (expected files without a page). With --update it rewrites the files after the
 * same summary. --pages and --corpus choose the groups (default: the pages and every golden corpus).
 * Exit codes: 0 all match (or updated), 1 differences found (check), 2 bad arguments or a corpus not found.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  caseDifferences, caseName, defaultWorkers, GOLDEN, GOLDEN_CORPORA, goldenIds, goldenPath, groupCases, PAGES_GROUP,
  readGolden, renderAll, type CaseOutput, type GoldenCase,
} from '../tests/support/golden';
import { outcomeOf, textOf } from '../tests/support/golden-format';

function usage(message: string): never {
  process.stderr.write(`golden: ${message}\nusage: npm run golden -- [--update] [--pages] [--corpus <name>]... [--workers N]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { update: boolean; groups: string[]; workers: number } {
  let update = false;
  let workers = defaultWorkers();
  const groups: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--update' || arg === '-u') update = true;
    else if (arg === '--pages') groups.push(PAGES_GROUP);
    else if (arg === '--corpus') groups.push(argv[++i] ?? usage('--corpus needs a name'));
    else if (arg.startsWith('--corpus=')) groups.push(arg.slice('--corpus='.length));
    else if (arg === '--workers') workers = Number(argv[++i]);
    else usage(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(workers) || workers < 1) usage('--workers needs a positive whole number');
  for (const group of groups) {
    if (group !== PAGES_GROUP && !(GOLDEN_CORPORA as readonly string[]).includes(group)) {
      usage(`no golden corpus ${group} (golden corpora: ${GOLDEN_CORPORA.join(', ')})`);
    }
  }
  return { update, groups: groups.length ? [...new Set(groups)] : [PAGES_GROUP, ...GOLDEN_CORPORA], workers };
}

/** Check mode prints where the files differ for this many changed cases. */
const SHOW_DIFFS = 20;

const args = parseArgs(process.argv.slice(2));
const cases: GoldenCase[] = [];
for (const group of args.groups) {
  try {
    cases.push(...groupCases(group));
  } catch (error) {
    // A corpus that is not there: the sentence says what to set.
    process.stderr.write(`golden: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

const start = performance.now();
let seen = 0;
const tty = process.stderr.isTTY;
const outputs = await renderAll(cases, {
  workers: args.workers,
  onResult: () => {
    seen++;
    if (tty) process.stderr.write(`\rgolden: ${seen}/${cases.length}`);
  },
});
if (tty) process.stderr.write('\r\x1b[K');
const seconds = (performance.now() - start) / 1000;

const changed: string[] = [];
const added: string[] = [];
const removed: string[] = [];
const details: string[] = [];
const chars = (txt: string): number => textOf(txt).length;
const headerOf = (txt: string): string => txt.split('\n\n', 1)[0] ?? '';

for (const c of cases) {
  const out = outputs.get(caseName(c)) as CaseOutput;
  const expected = readGolden(c);
  if (!expected) {
    added.push(caseName(c));
    details.push(`  + ${caseName(c)}: ${outcomeOf(out.txt)}, text ${chars(out.txt)} chars`);
  } else {
    const diffs = caseDifferences(expected, out, c);
    if (diffs.length === 0) continue;
    changed.push(caseName(c));
    const before = outcomeOf(expected.txt);
    const after = outcomeOf(out.txt);
    const what = [
      before === after ? before : `${before} → ${after}`,
      headerOf(expected.txt) === headerOf(out.txt) ? '' : 'header changed',
      textOf(expected.txt) === textOf(out.txt) ? 'text same' : `text ${chars(expected.txt)} → ${chars(out.txt)} chars`,
      expected.html === out.html ? 'html same' : `html ${expected.html?.length ?? 0} → ${out.html?.length ?? 0} chars`,
    ].filter(Boolean);
    details.push(`  ~ ${caseName(c)}: ${what.join(', ')}`);
    // Where each file first differs, for the first few cases (the rest: git diff after --update).
    if (!args.update && changed.length <= SHOW_DIFFS) details.push(...diffs.map((d) => d.replace(/^/gm, '      ')));
  }
  if (args.update) {
    for (const ext of ['txt', 'html'] as const) {
      const path = goldenPath(c, ext);
      const content = out[ext];
      if (content === null) rmSync(path, { force: true });
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    }
  }
}
for (const group of args.groups) {
  const ids = new Set(cases.filter((c) => c.group === group).map((c) => c.id));
  for (const id of goldenIds(group)) {
    if (ids.has(id)) continue;
    removed.push(`${group}/${id}`);
    details.push(`  - ${group}/${id}: no such page any more`);
    if (args.update) for (const ext of ['txt', 'html']) rmSync(join(GOLDEN, group, `${id}.${ext}`), { force: true });
  }
}

const counts = args.groups.map((g) => `${g} ${cases.filter((c) => c.group === g).length}`).join(', ');
const same = cases.length - changed.length - added.length;
const verb = args.update ? 'updated' : 'checked';
console.log(`golden: ${verb} ${cases.length} cases (${counts}) in ${seconds.toFixed(1)} s with ${args.workers} workers`);
console.log(`  ${same} unchanged, ${changed.length} changed, ${added.length} added, ${removed.length} removed`);
if (details.length) console.log(details.join('\n'));
const differs = changed.length + added.length + removed.length > 0;
if (differs && !args.update) {
  console.log('Review the changes; if they are intended, `npm run golden -- --update` rewrites the expected files.');
  process.exit(1);
}
