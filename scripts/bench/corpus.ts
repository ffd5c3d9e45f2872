/**
 * A corpus is a folder of cases, one folder a page: `<id>/source.html`, `<id>/meta.json` (`{"url"}`) and, where known,
 * `<id>/truth.txt` (ground truth), `<id>/snippets.json` (strings the text must / must not contain: snippets.ts) or
 * `<id>/expected.html` (what Readability 0.6.0 outputs). Read in place, never copied.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseSnippets, type Snippets } from './snippets';

export interface Case {
  id: string;
  dir: string;
  url: string;
  hasTruth: boolean;
  hasSnippets: boolean;
  hasExpected: boolean;
}

export interface Corpus {
  name: string;
  dir: string;
  cases: Case[];
  /** True when at least one case has truth.txt: quality is scored on those cases. */
  hasTruth: boolean;
  /** True when at least one case has snippets.json: the snippet metric is scored on those cases. */
  hasSnippets: boolean;
}

const FALLBACK_URL = 'http://fakehost/test/page.html';

export function readCorpus(dir: string, limit?: number): Corpus {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`${dir}: not a folder`);
  const cases: Case[] = [];
  for (const id of readdirSync(root).sort()) {
    const caseDir = join(root, id);
    if (!statSync(caseDir).isDirectory() || !existsSync(join(caseDir, 'source.html'))) continue;
    let url = FALLBACK_URL;
    const metaPath = join(caseDir, 'meta.json');
    if (existsSync(metaPath)) {
      try {
        const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { url?: unknown };
        if (typeof meta.url === 'string' && URL.canParse(meta.url)) url = meta.url;
      } catch {
        // A broken meta.json leaves the fallback URL; the page is still measured.
      }
    }
    cases.push({
      id,
      dir: caseDir,
      url,
      hasTruth: existsSync(join(caseDir, 'truth.txt')),
      hasSnippets: existsSync(join(caseDir, 'snippets.json')),
      hasExpected: existsSync(join(caseDir, 'expected.html')),
    });
    if (limit !== undefined && cases.length >= limit) break;
  }
  return { name: basename(root), dir: root, cases, hasTruth: cases.some((c) => c.hasTruth), hasSnippets: cases.some((c) => c.hasSnippets) };
}

export function readSource(c: Case): string {
  return readFileSync(join(c.dir, 'source.html'), 'utf8');
}

export function readTruth(c: Case): string | null {
  return c.hasTruth ? readFileSync(join(c.dir, 'truth.txt'), 'utf8') : null;
}

export function readSnippets(c: Case): Snippets | null {
  return c.hasSnippets ? parseSnippets(readFileSync(join(c.dir, 'snippets.json'), 'utf8')) : null;
}

export function readExpected(c: Case): string | null {
  return c.hasExpected ? readFileSync(join(c.dir, 'expected.html'), 'utf8') : null;
}
