/**
 * `web-ext lint` (Mozilla's addons-linter, what addons.mozilla.org runs) on the Firefox release build, dist-firefox/.
 * 0 errors. Warnings only from the allow-list below: library code we bundle unmodified, each entry naming the library,
 * the file it lands in, the rule, and the code it flags, and each matching exactly one warning. Any other warning —
 * such as a new `innerHTML =` in our own code — fails, and so does an entry that no longer matches anything.
 *
 * Why not 0 warnings: addons-linter stops flagging a library only when the whole file's hash is on its known-library
 * list; that list (addons-linter 10.13) has DOMPurify up to 2.3.5 and neither Readability nor Preact, and our
 * bundles mix libraries with our code anyway.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/dom';

const DIST = join(ROOT, 'dist-firefox');
const WEB_EXT = join(ROOT, 'node_modules', '.bin', 'web-ext');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

interface Allowed {
  library: string;
  /** The built file the library lands in. */
  file: RegExp;
  code: string;
  /** The flagged code, as the minifier leaves it (matched within 200 characters around the reported position). */
  source: RegExp;
}

/** A chunk of the extension pages' code, as the bundler names it (`assets/<module>-<hash>.js`). */
const UI_CHUNK = /^assets\/[\w.-]+-[\w-]+\.js$/;

const ALLOWED: Allowed[] = [
  // Preact's renderer applies `dangerouslySetInnerHTML` (the reader body, after DOMPurify) with `dom.innerHTML = x.__html`.
  // The UI libraries land in whichever shared chunk the bundler makes for the extension pages (reader, options): any
  // asset chunk, told apart by the flagged code itself, once.
  { library: 'preact', file: UI_CHUNK, code: 'UNSAFE_VAR_ASSIGNMENT', source: /\.innerHTML=\w+\.__html/ },
  // DOMPurify's fallback parser when DOMParser fails: `doc.documentElement.innerHTML = dirty` on an inert document,
  // in the reader pages' code (the one place that sanitizes).
  { library: 'dompurify', file: UI_CHUNK, code: 'UNSAFE_VAR_ASSIGNMENT', source: /createDocument\([\s\S]*\.documentElement\.innerHTML=/ },
  // Readability restores the page it parsed (a clone) before each retry: `page.innerHTML = pageCacheHtml`.
  { library: '@mozilla/readability', file: /^src\/content\/content-script\.js$/, code: 'UNSAFE_VAR_ASSIGNMENT', source: /\.innerHTML=\w+,this\._attempts\.push/ },
  // Readability's _unwrapNoscriptImages: `tmp.innerHTML = noscript.innerHTML`, on the clone's own markup.
  { library: '@mozilla/readability', file: /^src\/content\/content-script\.js$/, code: 'UNSAFE_VAR_ASSIGNMENT', source: /\.innerHTML=\w+\.innerHTML;var \w+=\w+\.previousElementSibling;if\(\w+&&this\._isSingleImage/ },
];

/** The built code around a reported position (line and column are 1-based and 0-based, as addons-linter reports them). */
function around(message: LintMessage): string {
  if (!message.file || message.line === undefined) return '';
  const line = readFileSync(join(DIST, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = message.column ?? 0;
  return line.slice(Math.max(0, at - 200), at + 200);
}

function describeMessage(m: LintMessage): string {
  return `${m.code} ${m.file ?? '?'}:${m.line ?? '?'}:${m.column ?? '?'} ${m.message}\n    ${around(m).slice(150, 300)}`;
}

async function lint(): Promise<LintReport> {
  const { stdout } = await promisify(execFile)(WEB_EXT, ['lint', '--source-dir', DIST, '--no-input', '--output', 'json'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })); // web-ext exits 1 on errors; the report is still there
  return JSON.parse(stdout) as LintReport;
}

describe('web-ext lint on dist-firefox/', () => {
  it('has no errors, and no warnings but the allow-listed library ones', async () => {
    const report = await lint();
    expect(report.errors.map(describeMessage), 'lint errors').toEqual([]);

    const unused = new Set(ALLOWED);
    const unexpected: string[] = [];
    for (const warning of report.warnings) {
      const code = around(warning);
      const entry = [...unused].find((a) => a.code === warning.code && a.file.test(warning.file ?? '') && a.source.test(code));
      if (entry) unused.delete(entry);
      else unexpected.push(describeMessage(warning));
    }
    expect(unexpected, 'warnings not in the allow-list (fix the code, or allow-list a library with a reason)').toEqual([]);
    expect([...unused].map((a) => `${a.library} in ${a.file}`), 'allow-list entries that match nothing any more: remove them').toEqual([]);
  });
});
