/**
 * Step `code` (before Readability, on the copy): every code block becomes one `<pre data-lang><code>` holding its
 * exact text, whatever the highlighter made of it:
 * - line-number gutters go: a table of a number cell and a code cell (Pygments `linenos=table`, Rouge,
 *   SyntaxHighlighter, highlightjs-line-numbers) becomes the code cell's text; inline line-number spans are skipped;
 * - lines kept as elements (SyntaxHighlighter's `div.line`, `<br>`) are joined with line breaks, and the non-breaking
 *   spaces it indents with become spaces;
 * - token spans go (the view drops their classes anyway; the text is what a reader copies and hears);
 * - the language the page states (`language-*`, `lang-*`, Sphinx's `highlight-*`, GitHub's `highlight-source-*`,
 *   `data-lang`, SyntaxHighlighter's `brush:` and class) is kept as `data-lang` for the view's label;
 * - the block's chrome beside it goes: copy buttons, toolbars, a language label repeating the language.
 * Readability saw a gutter table as a layout table, with a `<pre>` of numbers of its own, and a SyntaxHighlighter
 * block as paragraphs of chips. A `<pre>` holding links or images keeps its markup (only gutters go). Returns how many
 * blocks were rewritten.
 */

/** Class words of line-number gutters and numbers. */
const GUTTER = /(?:^|\s)(?:gutter|gl|linenos?|lineno|linenodiv|line-?numbers?|line-numbers-rows|hljs-ln-numbers|hljs-ln-n|rouge-gutter|ln-num)(?:\s|$)/i;
/** Class words of the chrome beside a code block. */
const CHROME = /(?:^|\s)(?:toolbar|code-toolbar__toolbar|copy|copybtn|copy-button|copy-code|copy-to-clipboard-button|clipboard|md-clipboard|btn-copy|code-copy|lang|language-label|code-lang)(?:\s|$)/i;
/** Block elements inside a code block that stand for lines. */
const LINE_TAGS = new Set(['div', 'p', 'li', 'tr', 'table', 'tbody', 'section']);
/** Words in language classes that name no language. */
const NOT_LANGUAGES = new Set(['none', 'default', 'nohighlight', 'plain', 'source', 'text', 'plaintext', 'txt', 'notranslate']);
/** SyntaxHighlighter's class words other than its brush. */
const SH_WORDS = new Set(['syntaxhighlighter', 'nogutter', 'collapsed', 'printing', 'ie', 'chrome', 'firefox', 'safari', 'opera']);

/** The language one element states, or null. */
function stated(el: Element): string | null {
  const data = el.getAttribute('data-lang') ?? el.getAttribute('data-language');
  if (data && /^[\w+#.-]+$/.test(data.trim())) return data.trim().toLowerCase();
  const cls = el.getAttribute('class') ?? '';
  const brush = /(?:^|[\s;])brush:\s*([\w+#.-]+)/i.exec(cls);
  if (brush?.[1]) return brush[1].toLowerCase();
  const words = cls.split(/\s+/).filter(Boolean);
  if (words.includes('syntaxhighlighter')) return words.find((w) => !SH_WORDS.has(w))?.toLowerCase() ?? null;
  for (const w of words) {
    const m = /^(?:language|lang|highlight-source|highlight-text|highlight)-([\w+#.-]+)$/i.exec(w);
    if (m?.[1] && !NOT_LANGUAGES.has(m[1].toLowerCase())) return m[1].toLowerCase();
  }
  return null;
}

/** The language of a code block: on its `<code>`, itself, or a wrapper up to three levels out. */
function languageOf(block: Element, code: Element | null): string | null {
  if (code) {
    const own = stated(code);
    if (own) return own;
  }
  let el: Element | null = block;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    const lang = stated(el);
    if (lang) return lang;
  }
  return null;
}

const isGutter = (el: Element): boolean => GUTTER.test(el.getAttribute('class') ?? '');

/** The code's text as a reader copies it: gutters skipped, line elements and `<br>` as line breaks, nbsp as spaces. */
function codeTextOf(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) out += (child as CharacterData).data;
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (isGutter(e)) continue;
        if (e.localName === 'br') {
          out += '\n';
          continue;
        }
        const line = LINE_TAGS.has(e.localName);
        if (line && out && !out.endsWith('\n')) out += '\n';
        const start = out.length;
        walk(e);
        // An empty line printed as one non-breaking space so that it keeps its height (SyntaxHighlighter).
        if (line && out.slice(start) === '\u00a0') out = out.slice(0, start);
        // A line element ends its line, an empty one included.
        if (line && (out.length === start || !out.endsWith('\n'))) out += '\n';
      }
    }
  };
  walk(el);
  return out.replace(/\u00a0/g, ' ').replace(/\n+$/, '');
}

/** A gutter table's code cell: the row's cell that is not the gutter, when the row has both. */
function codeCellOf(table: Element): Element | null {
  const rows = table.querySelectorAll('tr');
  if (rows.length !== 1) return null;
  const cells = Array.from((rows[0] as Element).children).filter((c) => c.localName === 'td' || c.localName === 'th');
  if (cells.length !== 2) return null;
  const [gutter, code] = cells as [Element, Element];
  // A cell of line numbers alone, marked as a gutter or holding them in a <pre>.
  if (!/^[\d\s]*$/.test(gutter.textContent ?? '') || !(isGutter(gutter) || gutter.querySelector('pre'))) return null;
  return code;
}

/** Line-number tables with many rows (highlightjs-line-numbers): each row a number cell and a line. */
function linesTableText(table: Element): string | null {
  const rows = table.querySelectorAll('tr');
  if (rows.length < 2) return null;
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = (rows[i] as Element).children;
    if (cells.length !== 2 || !isGutter(cells[0] as Element)) return null;
    lines.push(codeTextOf(cells[1] as Element));
  }
  return lines.join('\n');
}

/** Remove the copy buttons, toolbars and language labels beside `block` in its wrappers; a label only if it says `lang`. */
function removeChrome(block: Element, lang: string | null): void {
  let el: Element = block;
  for (let depth = 0; depth < 3 && el.parentElement; depth++) {
    const parent: Element = el.parentElement;
    if (parent.localName === 'body' || parent.querySelectorAll('pre').length > 1) break;
    for (let sib = parent.firstElementChild; sib; ) {
      const next = sib.nextElementSibling;
      if (sib !== el && isChrome(sib, lang)) sib.remove();
      sib = next;
    }
    el = parent;
  }
}

function isChrome(el: Element, lang: string | null): boolean {
  const tag = el.localName;
  if (tag === 'button' || tag === 'clipboard-copy') return true;
  const text = (el.textContent ?? '').trim();
  if (!text && el.querySelector('button, clipboard-copy')) return true;
  if (CHROME.test(el.getAttribute('class') ?? '')) return text.length <= 40;
  // A label that only repeats the language (VitePress's `span.lang`, Prism's show-language).
  return !!lang && text.toLowerCase() === lang && !el.querySelector('pre, code');
}

/** Make `block` one `<pre data-lang><code>` with `text`. */
function rewrite(block: Element, text: string, lang: string | null): Element {
  const doc = block.ownerDocument;
  const pre = doc.createElement('pre');
  const code = doc.createElement('code');
  code.textContent = text;
  pre.appendChild(code);
  if (lang) pre.setAttribute('data-lang', lang);
  block.replaceWith(pre);
  return pre;
}

export function normalizeCode(root: Element): number {
  let count = 0;
  // Gutter tables first: the block is the table, or the <pre> around it (Rouge puts the table inside pre > code).
  const tables = Array.from(root.querySelectorAll('table'));
  for (const table of tables) {
    if (!table.isConnected) continue;
    const cell = codeCellOf(table);
    const text = cell ? codeTextOf(cell.querySelector('pre') ?? cell.querySelector('.container') ?? cell) : linesTableText(table);
    if (text === null) continue;
    let block: Element = table;
    for (let up = table.parentElement; up && up !== root; up = up.parentElement) if (up.localName === 'pre') block = up;
    const lang = languageOf(block, block.querySelector('code[class*="lang"], code[data-lang]'));
    const wrapper = block.parentElement?.closest('.syntaxhighlighter') ?? null;
    const pre = rewrite(block, text, lang ?? (wrapper ? stated(wrapper) : null));
    removeChrome(pre, pre.getAttribute('data-lang'));
    count++;
  }
  const pres = Array.from(root.querySelectorAll('pre'));
  for (const pre of pres) {
    if (!pre.isConnected || pre.parentElement?.closest('pre')) continue;
    // Line anchors (MkDocs Material's `__codelineno-*`): links with nothing to show.
    const anchors = pre.querySelectorAll('a');
    for (let i = anchors.length - 1; i >= 0; i--) {
      const a = anchors[i] as Element;
      if (!(a.textContent ?? '').trim() && !a.querySelector('img')) a.remove();
    }
    const children = pre.children;
    const code = children.length === 1 && children[0]?.localName === 'code' ? (children[0]) : null;
    const lang = languageOf(pre, code ?? pre.querySelector('code'));
    if (pre.querySelector('a[href], img')) {
      // Markup a reader may follow stays; the block still gets its language and loses its chrome.
      if (lang) pre.setAttribute('data-lang', lang);
      removeChrome(pre, lang);
      continue;
    }
    const done = rewrite(pre, codeTextOf(pre), lang);
    removeChrome(done, lang);
    count++;
  }
  return count;
}
