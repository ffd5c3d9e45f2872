/**
 * `tsx tests/support/golden-worker.ts`: reads one GoldenCase as JSON a line on stdin, writes its CaseOutput as JSON a
 * line on stdout (golden.ts `renderAll` feeds it one case at a time). renderCase never throws for a page's sake; a
 * source that cannot be read fails its case alone.
 */
import { createInterface } from 'node:readline';
import { renderCase, type CaseOutput, type GoldenCase } from './golden';

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const c = JSON.parse(line) as GoldenCase;
  let out: CaseOutput;
  try {
    out = renderCase(c);
  } catch (error) {
    // Not the page's result (an unreadable source.html): the case fails and says why; the next case still runs.
    const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    out = { group: c.group, id: c.id, txt: `ok: false\nreason: exception\nmessage: ${message}\n`, html: null };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
