/**
 * `npm run -s extract -- <file.html | -> --url <page-url> [--text] [--force] [--sanitize]`
 * Runs Lectern's extraction pipeline under a Node DOM (jsdom) and prints the result as JSON, or the article as plain
 * text with --text. The article's `content` is the page's own markup; with --sanitize it is first passed through the
 * reader view's sanitizer (src/ui/sanitize.ts: the same DOMPurify configuration, here in a blank jsdom window), so it
 * is safe to show. Exit codes: 0 article, 1 not an article (the `{ ok: false }` JSON is printed), 2 bad input.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/extract/index';
import { sanitizeHtml } from '../src/ui/sanitize';

const USAGE = 'usage: extract <file.html | -> --url <page-url> [--text] [--force] [--sanitize]';

function usage(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

interface Args {
  input: string;
  url: string;
  text: boolean;
  force: boolean;
  sanitize: boolean;
}

function parseArgs(argv: string[]): Args {
  let input: string | undefined;
  let url = '';
  let text = false;
  let force = false;
  let sanitize = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--url') url = argv[++i] ?? usage('--url needs a value');
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg === '--text') text = true;
    else if (arg === '--force') force = true;
    else if (arg === '--sanitize') sanitize = true;
    else if (arg === '-' || !arg.startsWith('-')) {
      if (input !== undefined) usage(`unexpected argument ${arg}`);
      input = arg;
    } else usage(`unknown option ${arg}`);
  }
  if (input === undefined) usage(USAGE);
  return { input, url, text, force, sanitize };
}

function readInput(input: string): string {
  try {
    return readFileSync(input === '-' ? 0 : input, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') usage(`${input}: no such file`);
    if (code === 'EISDIR') usage(`${input}: is a directory`);
    return usage(`${input}: cannot be read (${code ?? 'unknown error'})`);
  }
}

/** HTML is text with at least one tag; anything with NUL bytes or no markup is refused. */
function looksLikeHtml(source: string): boolean {
  return !source.includes('\u0000') && /<\s*(!doctype|html|head|body|p|div|article|main|h[1-6]|section)\b/i.test(source);
}

const args = parseArgs(process.argv.slice(2));
const source = readInput(args.input);
if (!looksLikeHtml(source)) usage(`${args.input === '-' ? 'standard input' : args.input}: not an HTML document`);
let url = args.url || 'http://localhost/';
try {
  url = new URL(url).href;
} catch {
  usage(`--url ${args.url}: not an absolute URL`);
}

let dom: JSDOM;
try {
  dom = new JSDOM(source, { url, virtualConsole: new VirtualConsole() });
} catch (error) {
  usage(`${args.input}: the HTML could not be parsed (${(error as Error).message.split('\n')[0]})`);
}
const result = extractArticle(dom.window.document, { url, force: args.force }, { win: dom.window as never });
if (args.sanitize && result.ok) {
  // As the reader view does where it renders the article, in a window of its own (not the page's).
  const view = new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window;
  result.article.content = sanitizeHtml(result.article.content, view as unknown as Window & typeof globalThis).html;
}
if (args.text && result.ok) {
  const { title, byline, siteName, publishedTime } = result.article;
  const head = [title, [byline, siteName, publishedTime].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
  process.stdout.write(`${head}\n\n${result.article.textContent}\n`);
} else {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
process.exit(result.ok ? 0 : 1);
