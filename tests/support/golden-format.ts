/**
 * How a golden case is written down (tests/golden, scripts/golden.ts): the extraction result as a `.txt` (a header of
 * the result's fields, a blank line, the article's text) and the article's HTML as a `.html`, one block element a line.
 * Pure functions of the result, so the files are the same on every run and every machine.
 */
import type { ExtractResult } from '../../src/extract/index';

/** A case's expected files: `txt` always, `html` only when there is an article (or a "Show anyway" article). */
export interface GoldenFiles {
  txt: string;
  html: string | null;
}

/**
 * The `.txt` file. For an article:
 *
 *     ok: true
 *     title: …            (then byline, site, published, lang, dir, excerpt: `null` when the page gives none)
 *     weak: false
 *
 *     The article's text (`article.textContent`: blocks apart by blank lines)
 *
 * A page the "is this an article?" check refuses ('not-article') also records what the reader's "Show anyway" gives
 * (`force: true`, as the bench measures it): `ok: false`, `reason`, `message`, then `show anyway: ok` and the forced
 * article's fields and text, or `show anyway: <reason>`. Any other failure is the header alone.
 * `dom-error` is not the pipeline's: the DOM library threw while parsing the page (jsdom on aeb/f5c90a6d5253).
 */
export function goldenFiles(
  doc: Document, result: ExtractResult | { ok: false; reason: 'dom-error'; message: string }, forced?: ExtractResult,
): GoldenFiles {
  if (result.ok) return articleFiles(doc, ['ok: true'], result);
  const head = [`ok: false`, `reason: ${result.reason}`, `message: ${oneLine(result.message)}`];
  if (!forced) return { txt: `${head.join('\n')}\n`, html: null };
  if (forced.ok) return articleFiles(doc, [...head, 'show anyway: ok'], forced);
  return { txt: `${[...head, `show anyway: ${forced.reason}`].join('\n')}\n`, html: null };
}

function articleFiles(doc: Document, head: string[], result: Extract<ExtractResult, { ok: true }>): GoldenFiles {
  const a = result.article;
  const fields: [string, string | null][] = [
    ['title', a.title], ['byline', a.byline], ['site', a.siteName], ['published', a.publishedTime], ['lang', a.lang],
    ['dir', a.dir], ['excerpt', a.excerpt],
  ];
  const lines = [...head, ...fields.map(([key, value]) => `${key}: ${value === null ? 'null' : oneLine(value)}`), `weak: ${a.weak}`];
  return { txt: `${lines.join('\n')}\n\n${a.textContent}\n`, html: formatHtml(a.content, doc) };
}

/** Header values are folded by the pipeline already (`squash`); a line break would split the header, so fold again. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** The text part of a `.txt` file (after the header's blank line); '' when there is none. */
export function textOf(txt: string): string {
  const at = txt.indexOf('\n\n');
  return at === -1 ? '' : txt.slice(at + 2).replace(/\n$/, '');
}

/** The header's `ok`/`reason` in a word: 'ok', 'not-article', 'not-article, shown anyway', … */
export function outcomeOf(txt: string): string {
  const header = txt.split('\n\n', 1)[0] ?? '';
  const field = (key: string): string | undefined => new RegExp(`^${key}: (.*)$`, 'm').exec(header)?.[1];
  if (field('ok') === 'true') return 'ok';
  const anyway = field('show anyway');
  return `${field('reason') ?? '?'}${anyway === 'ok' ? ', shown anyway' : anyway ? `, show anyway: ${anyway}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// The HTML formatter: the article's markup re-serialized so that a changed block is a changed line.

/** Elements laid out on lines of their own (text.ts's block tags and the rest of HTML's block-level containers). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'colgroup', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);
const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);
/** Kept exactly as the DOM serializes them: white space matters in them, or their text is not markup. */
const VERBATIM_TAGS = new Set(['pre', 'textarea', 'listing', 'plaintext', 'script', 'style', 'xmp', 'template']);
const INDENT = '  ';
/** Deeper nesting is not indented further: a page of unclosed tags would otherwise make lines of spaces. */
const MAX_INDENT = 16;

/**
 * `html` parsed inert (a template of `doc`) and written back one block a line: a block with only inline content on one
 * line, a block holding blocks as its open tag, its children indented, its close tag. Inline runs are kept whole on
 * their line with ASCII white space folded to one space (as rendering folds it); `<pre>` and the like stay verbatim.
 * Attribute values keep their text, line breaks and tabs written as character references. An inline element that
 * holds a block is laid out as a block.
 */
export function formatHtml(html: string, doc: Document): string {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const lines = joinRuns(Array.from(template.content.childNodes, (node) => layout(node, 0)), 0);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

type Layout = { block: false; html: string } | { block: true; lines: string[] };

function layout(node: Node, depth: number): Layout | null {
  switch (node.nodeType) {
    case 3: // text
      return { block: false, html: escapeText((node as Text).data).replace(/[ \t\n\r\f]+/g, ' ') };
    case 4: // CDATA (foreign content)
      return { block: false, html: `<![CDATA[${(node as CharacterData).data.replace(/[\r\n]+/g, ' ')}]]>` };
    case 8: // comment
      return { block: false, html: `<!--${(node as Comment).data.replace(/[\r\n]+/g, ' ')}-->` };
    case 1:
      return elementLayout(node as Element, depth);
    default:
      return null;
  }
}

function elementLayout(el: Element, depth: number): Layout {
  const tag = el.localName;
  const open = `<${tag}${attributes(el)}>`;
  if (VOID_TAGS.has(tag)) return BLOCK_TAGS.has(tag) ? { block: true, lines: [indent(depth) + open] } : { block: false, html: open };
  if (VERBATIM_TAGS.has(tag)) {
    const whole = el.outerHTML;
    return BLOCK_TAGS.has(tag) ? { block: true, lines: [indent(depth) + whole] } : { block: false, html: whole.replace(/[\r\n]+/g, ' ') };
  }
  const close = `</${tag}>`;
  const children = Array.from(el.childNodes, (child) => layout(child, depth + 1));
  const hasBlock = children.some((c) => c?.block);
  if (!hasBlock) {
    const inner = children.map((c) => (c && !c.block ? c.html : '')).join('');
    if (!BLOCK_TAGS.has(tag)) return { block: false, html: open + inner + close };
    return { block: true, lines: [indent(depth) + open + trimSpaces(inner) + close] };
  }
  return { block: true, lines: [indent(depth) + open, ...joinRuns(children, depth + 1), indent(depth) + close] };
}

/** Children in order: each block's lines, and each run of inline content between blocks on a line of its own. */
function joinRuns(children: (Layout | null)[], depth: number): string[] {
  const lines: string[] = [];
  let run = '';
  const flush = (): void => {
    const text = trimSpaces(run);
    if (text) lines.push(indent(depth) + text);
    run = '';
  };
  for (const child of children) {
    if (!child) continue;
    if (child.block) {
      flush();
      for (const line of child.lines) lines.push(line);
    } else run += child.html;
  }
  flush();
  return lines;
}

/** Runs are folded already: only ' ' is left of ASCII white space (other spaces, such as U+3000, are text). */
function trimSpaces(html: string): string {
  return html.replace(/^ +| +$/g, '');
}

function indent(depth: number): string {
  return INDENT.repeat(Math.min(depth, MAX_INDENT));
}

function attributes(el: Element): string {
  let out = '';
  for (const attr of Array.from(el.attributes)) out += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  return out;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;')
    .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
