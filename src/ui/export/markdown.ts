/**
 * The article as a Markdown file (issue #26): YAML front matter, the title, then the body as the reader view renders
 * it, turned into GitHub Flavored Markdown by turndown and its gfm plugin. Pure: it parses into the Document it is
 * given (the view's own, or a jsdom one in tests) through an inert `<template>`, and needs no extension API.
 *
 * What the reader's markup becomes (the body is the sanitized HTML of src/ui/sanitize.ts):
 * - a code block `<pre data-lang="x">` -> a fence in language x, longer than any run of backticks in the code;
 * - a photo -> `![alt](src)`, and its figure's caption (with its credit) as the line below, in italics:
 *   `_Caption — Credit_`;
 * - a formula -> `$TeX$` (inline) or `$$` lines (display) when it carries its TeX in `alttext`, else the `<math>`
 *   element itself as raw HTML;
 * - a video or audio card -> one link line `[▶ Provider: Title](href)` (`♪` for audio), without the "Open video" words;
 * - `kbd`, `sub`, `sup` -> the raw tags; `del`/`s` -> `~~text~~`; a task item ("☑ " / "☐ ") -> `- [x] ` / `- [ ] `;
 * - a table with a heading row -> a pipe table; any other table stays HTML (GFM has no header-less or spanning cells);
 * - an element an in-article link points at (a footnote, a footnote mark) -> an empty `<a id>` anchor before it, so
 *   the footnote links keep working as plain links.
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { Article } from '../../extract/types';
import { parseFragment } from '../toc';

/** A task item's mark, as the pipeline leaves it at the start of the item's text. */
const TASK_MARK = /^\s*([\u2611\u2610])\s*/;
const TASK_ATTR = 'data-lectern-task';
/** Marks the anchors `addAnchors` made or found: only those are written out. */
const ANCHOR_ATTR = 'data-lectern-anchor';
/** Targets an anchor goes before rather than into. */
const INLINE_OR_LIST = /^(?:a|abbr|b|cite|code|em|i|img|kbd|mark|math|picture|q|s|small|span|strong|sub|sup|time|u|table|ul|ol|dl)$/;
/** A language name as `data-lang` carries it (the sanitizer keeps only such names): safe after a fence. */
const FENCE_LANG = /^[\w+#.-]+$/;
const VIDEO_MARK = '\u25b6';
const AUDIO_MARK = '\u266a';

/** The Markdown file for an article: front matter, `# Title`, the body. `html` is the reader view's sanitized body. */
export function articleMarkdown(article: Article, html: string, doc: Document): string {
  // Parsed by DOMParser into a document of its own: inert, and no `innerHTML` assignment (Firefox's linter flags it).
  const view = doc.defaultView;
  if (!view) throw new Error('articleMarkdown needs a document with a window');
  const body = parseFragment(html, view);
  prepare(body);
  const service = markdownService();
  const markdown = service.turndown(body);
  const title = oneLine(article.title);
  const parts = [frontMatter(article)];
  if (title) parts.push(`# ${service.escape(title)}`);
  if (markdown) parts.push(markdown);
  return `${parts.join('\n\n')}\n`;
}

/** `---`, one `key: "value"` line per known fact (the title always), `---`. */
export function frontMatter(article: Article): string {
  const fields: [string, string | null][] = [
    ['title', article.title],
    ['author', article.byline],
    ['site', article.siteName],
    ['date', article.publishedTime],
    ['source', article.url],
  ];
  const lines = fields
    .filter(([key, value]) => key === 'title' || (value !== null && value.trim() !== ''))
    .map(([key, value]) => `${key}: ${yamlString(value ?? '')}`);
  return ['---', ...lines, '---'].join('\n');
}

/**
 * A YAML double-quoted scalar. A JSON string is one (quotes, backslashes, newlines and C0 controls escaped); on top,
 * the characters YAML will not take raw (DEL, C1 controls, BOM, U+FFFE/FFFF) or reads as line breaks (NEL, U+2028,
 * U+2029) are escaped too, and a lone surrogate (no YAML parser accepts one) becomes U+FFFD.
 */
export function yamlString(value: string): string {
  const wellFormed = value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return JSON.stringify(wellFormed).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Reshape the parsed body where Markdown needs it, before turndown (which converts a copy of it): task marks become
 * an attribute of their item, a figure's caption goes below its image with " — " before its credit, a table's
 * caption goes above it, and anchors go before the targets of in-article links.
 */
function prepare(root: HTMLElement): void {
  const doc = root.ownerDocument;
  // A picture's <source>s choose an image the Markdown does not: gone, with the spaces around them that would indent it.
  for (const source of Array.from(root.querySelectorAll('source, track, wbr'))) source.remove();
  for (const li of Array.from(root.querySelectorAll('li'))) {
    const text = leadingText(li);
    const mark = text ? TASK_MARK.exec(text.data) : null;
    if (!text || !mark) continue;
    text.data = text.data.slice(mark[0].length);
    li.setAttribute(TASK_ATTR, mark[1] === '\u2611' ? 'x' : ' ');
  }
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    const caption = Array.from(figure.children).find((child) => child.localName === 'figcaption');
    if (!caption) continue;
    if (caption !== figure.lastElementChild) figure.append(caption);
    for (const credit of Array.from(caption.querySelectorAll('.lectern-credit'))) {
      const range = doc.createRange();
      range.setStart(caption, 0);
      range.setEndBefore(credit);
      const before = range.toString().trim();
      if (before && !/^[\u2014\u2013|/-]/.test((credit.textContent ?? '').trim())) credit.before(doc.createTextNode(' \u2014 '));
    }
  }
  for (const tableCaption of Array.from(root.querySelectorAll('table > caption'))) {
    // Shown like a figure's caption (an italic line), above its table: a pipe table has no room for it.
    const line = doc.createElement('figcaption');
    line.append(...Array.from(tableCaption.childNodes));
    tableCaption.parentElement?.before(line);
    tableCaption.remove();
  }
  addAnchors(root);
}

/** The first text of an item with anything in it, unless something else (an image, a nested list) comes first. */
function leadingText(el: Element): Text | null {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      if ((node as Text).data.trim()) return node as Text;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (child.localName === 'ul' || child.localName === 'ol') return null;
    const found = leadingText(child);
    if (found) return found;
    if (child.matches('img, math, picture') || child.querySelector('img, math, picture')) return null;
  }
  return null;
}

/** Before each element an in-article link (`href="#id"`) points at, an empty `<a id>` a Markdown viewer keeps. */
function addAnchors(root: HTMLElement): void {
  const targets = new Set<string>();
  for (const link of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const raw = (link.getAttribute('href') ?? '').slice(1);
    let id = raw;
    try {
      id = decodeURIComponent(raw);
    } catch {
      // A malformed escape: the id as written.
    }
    if (id) targets.add(id);
  }
  if (!targets.size) return;
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    if (!targets.has(el.id)) continue;
    targets.delete(el.id); // The first element with an id is the one a link goes to.
    if (el.localName === 'a' && !el.hasAttribute('href')) {
      el.setAttribute(ANCHOR_ATTR, ''); // Already an anchor: kept as one.
      continue;
    }
    const anchor = doc.createElement('a');
    anchor.id = el.id;
    anchor.setAttribute(ANCHOR_ATTR, '');
    if (INLINE_OR_LIST.test(el.localName)) el.before(anchor);
    else if (/^(?:thead|tbody|tfoot|tr)$/.test(el.localName)) el.querySelector('th, td')?.prepend(anchor);
    else intoFirstBlock(el).prepend(anchor);
  }
}

/** Where an anchor goes into a block: into its first paragraph when it starts with one (a footnote's `li > p`). */
function intoFirstBlock(el: Element): Element {
  let into = el;
  for (;;) {
    let first: Node | null = into.firstChild;
    while (first && first.nodeType === 3 && !(first as Text).data.trim()) first = first.nextSibling;
    if (!first || first.nodeType !== 1 || !/^(?:p|div|section|article|blockquote|h[1-6])$/.test((first as Element).localName)) return into;
    into = first as Element;
  }
}

/** Escape `$` (a formula's delimiter in most Markdown viewers), `~` (GFM strikes through), `<` and `&` (raw HTML). */
function escapeMore(text: string): string {
  return text
    .replace(/[$~]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** The text of a raw HTML element (a formula) with what Markdown would read inside inline HTML escaped. */
function rawHtml(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) (child as Text).data = (child as Text).data.replace(/[\\`*_[\]~$|]/g, '\\$&');
      else walk(child);
    }
  };
  walk(copy);
  return copy.outerHTML;
}

function linkDestination(href: string): string {
  const escaped = href.replace(/[<>()]/g, '\\$&');
  return /\s/.test(escaped) ? `<${escaped}>` : escaped;
}

function trimNewlines(text: string): string {
  return text.replace(/^\n+/, '').replace(/\n+$/, '');
}

function markdownService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.use(gfm);
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string) => escapeMore(escapeMarkdown(text));

  // Rules added later are tried first: these all win over turndown's own and the gfm plugin's.
  service.addRule('lecternCodeBlock', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const lang = node.getAttribute('data-lang') ?? '';
      const code = (node.textContent ?? '').replace(/\n$/, '');
      let longest = 0;
      for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
      const fence = '`'.repeat(Math.max(3, longest + 1));
      return `\n\n${fence}${FENCE_LANG.test(lang) ? lang : ''}\n${code}\n${fence}\n\n`;
    },
  });

  service.addRule('lecternMath', {
    filter: (node) => node.nodeName.toLowerCase() === 'math',
    replacement: (_content, node) => {
      const display = node.getAttribute('display') === 'block';
      const tex = (node.getAttribute('alttext') ?? '').trim();
      if (tex && display) return `\n\n$$\n${tex.replace(/\n\s*\n/g, '\n')}\n$$\n\n`;
      if (tex) return `$${tex.replace(/\s+/g, ' ')}$`;
      return display ? `\n\n${rawHtml(node)}\n\n` : rawHtml(node);
    },
  });

  service.addRule('lecternEmbed', {
    filter: (node) => node.nodeName === 'A' && node.classList.contains('lectern-embed') && !!node.getAttribute('href'),
    replacement: (_content, node) => {
      const part = (name: string): string => oneLine(node.querySelector(`.lectern-embed__${name}`)?.textContent);
      const mark = node.classList.contains('lectern-embed--audio') ? AUDIO_MARK : VIDEO_MARK;
      const label = [part('provider'), part('title')].filter(Boolean).join(': ');
      return `[${mark}${label ? ` ${service.escape(label)}` : ''}](${linkDestination(node.getAttribute('href') ?? '')})`;
    },
  });

  service.addRule('lecternCaption', {
    filter: 'figcaption',
    replacement: (content) => {
      const line = content.replace(/\s+/g, ' ').trim();
      return line ? `\n\n_${line}_\n\n` : '';
    },
  });

  // Emphasis inside a caption (already in `_…_`) takes the other delimiter, so it nests instead of closing it.
  service.addRule('lecternCaptionEmphasis', {
    filter: (node) => (node.nodeName === 'EM' || node.nodeName === 'I') && !!node.closest('figcaption'),
    replacement: (content) => (content.trim() ? `*${content}*` : ''),
  });

  service.addRule('lecternRawInline', {
    filter: ['kbd', 'sub', 'sup'],
    replacement: (content, node) => {
      const tag = node.nodeName.toLowerCase();
      return content ? `<${tag}>${content}</${tag}>` : '';
    },
  });

  service.addRule('lecternStrikethrough', {
    filter: (node) => node.nodeName === 'DEL' || node.nodeName === 'S' || node.nodeName === 'STRIKE',
    replacement: (content) => (content.trim() ? `~~${content}~~` : ''),
  });

  service.addRule('lecternAnchor', {
    filter: (node) => node.nodeName === 'A' && node.hasAttribute(ANCHOR_ATTR) && !!node.id,
    replacement: (content, node) => `<a id="${node.id.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></a>${content}`,
  });

  service.addRule('lecternHeading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      // One line, and a closing run of '#' escaped (ATX would drop it).
      const text = content.replace(/\s*\n\s*/g, ' ').trim().replace(/(\s)(#+)$/, '$1\\$2');
      return text ? `\n\n${'#'.repeat(Number(node.nodeName.charAt(1)))} ${text}\n\n` : '';
    },
  });

  // turndown's list item, with a one-space marker (`- `, `1. `) and the task box after it.
  service.addRule('lecternListItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const list = node.parentElement;
      let prefix = `${options.bulletListMarker ?? '-'} `;
      if (list?.localName === 'ol') {
        const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(list.children, node)}. `;
      }
      const paragraph = /\n$/.test(content);
      let body = trimNewlines(content) + (paragraph ? '\n' : '');
      body = body.replace(/\n(?=[^\n])/g, `\n${' '.repeat(prefix.length)}`); // Blank lines stay empty.
      const task = node.getAttribute(TASK_ATTR);
      if (task !== null) body = `[${task}] ${body}`;
      return prefix + body + (node.nextSibling ? '\n' : '');
    },
  });

  // A pipe table cell is one line, and a '|' in it is escaped.
  service.addRule('lecternTableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const cell = content.replace(/\s*\n\s*/g, ' ').trim().replace(/\|/g, '\\|');
      const first = node.parentNode?.firstChild === node;
      return `${first ? '| ' : ' '}${cell} |`;
    },
  });

  // Tables a pipe table cannot hold stay HTML: no rows, spanning cells, blocks in cells. (The gfm plugin keeps those
  // without a heading row; it would stumble on a table without rows.)
  service.addRule('lecternHtmlTable', {
    filter: (node) => node.nodeName === 'TABLE' && !pipeTable(node as HTMLTableElement),
    replacement: (_content, node) => `\n\n${node.outerHTML}\n\n`,
  });

  return service;
}

function pipeTable(table: HTMLTableElement): boolean {
  if (!table.rows.length) return false;
  if (table.querySelector('table, pre, ul, ol, blockquote, figure, hr, h1, h2, h3, h4, h5, h6')) return false;
  for (const cell of Array.from(table.querySelectorAll('td, th'))) {
    if (Number(cell.getAttribute('colspan') ?? 1) > 1 || Number(cell.getAttribute('rowspan') ?? 1) > 1) return false;
  }
  return true;
}
