/** Plain text helpers shared by the steps and the article builder. */
import { LazyRegExp } from './lazy-regexp';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * Elements whose text a reader never sees: not rendered, or dropped with their content by the sanitizer (DOMPurify's
 * FORBID_CONTENTS for tags the reader view does not keep).
 */
export const UNSEEN_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'SVG', 'IFRAME', 'AUDIO', 'VIDEO', 'NOEMBED', 'NOFRAMES', 'XMP', 'PLAINTEXT',
]);
const UNSEEN_TEXT = Array.from(UNSEEN_TAGS, (tag) => tag.toLowerCase()).join(', ');

/** Words a reader reads per minute; CJK text is counted in characters at twice that rate. */
export const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 500;

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/** True for the UTF-16 code units that `\s` matches (JavaScript's white space and line terminators). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A paragraph this long under the headline is the story: what comes after it is no longer the header's. */
const STORY_CHARS = 120;

/** True for a `<p>` of the story itself (see STORY_CHARS): where the header facts under a headline end. */
function isStoryParagraph(el: Element): boolean {
  return el.tagName === 'P' && textLongerThan(el, STORY_CHARS);
}

/**
 * The page's header facts under its headline: `visit` each element after the first `<h1>` in document order, up to
 * `max` elements or the story's first paragraph, until it answers (a value, or null for "none"). Undefined goes on.
 */
export function underHeadline<T>(doc: Document, max: number, visit: (el: Element) => T | null | undefined): T | null {
  const h1 = doc.body?.querySelector('h1');
  if (!h1 || !doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = h1;
  for (let n = 0, node = walker.nextNode(); node && n < max; n++, node = walker.nextNode()) {
    if (isStoryParagraph(node as Element)) return null;
    const answer = visit(node as Element);
    if (answer !== undefined) return answer;
  }
  return null;
}

/**
 * Whether the text under `node` is longer than `max` characters; with `solid`, whether it has more than `max`
 * non-space characters (its folded text is then longer still). Stops counting once past `max`, so asking it of a
 * large ancestor costs about `max`, not the size of the article (asking `textContent` made a step quadratic).
 */
export function textLongerThan(node: Node, max: number, solid = false): boolean {
  const type = node.nodeType;
  if (type === 3 || type === 4) return countPast((node as CharacterData).data, 0, max, solid) > max;
  const doc = type === 9 ? (node as Document) : node.ownerDocument;
  if (!doc) return false;
  // Its Text (and CDATA) descendants in document order, found by the browser: a walk by child and sibling links in
  // JavaScript also visits every element and blank text between them, each made a JavaScript object (about 1.5 times
  // the time on the elements of aeb pages in Chromium).
  const texts = doc.createTreeWalker(node, 0xc /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
  let count = 0;
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    count = countPast((text as CharacterData).data, count, max, solid);
    if (count > max) return true;
  }
  return false;
}

/** `count` plus the characters of `text` (only non-space ones when `solid`), counted until past `max`. */
function countPast(text: string, count: number, max: number, solid: boolean): number {
  if (!solid) return count + text.length;
  for (let i = 0; i < text.length && count <= max; i++) if (!isSpaceCode(text.charCodeAt(i))) count++;
  return count;
}

/**
 * True when `text` is longer than `max` characters even once folded (`squash`), told without folding it: folding
 * only shortens runs of spaces and spaces at the ends, so a longer text without those is settled at once.
 */
export function foldsLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  return !/^\s|\s\s|\s$/.test(text) || squash(text).length > max;
}

/**
 * What `.replace(/\s+/g, ' ')` does, with fewer matches: a run of two or more spaces, or one space other than ' '. A
 * single ' ' between words is already folded; matching it too made folding prose rebuild the string at every word.
 */
const UNFOLDED_SPACE = /\s{2,}|[^\S ]/g;

/** Collapse runs of whitespace to one space and trim. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(UNFOLDED_SPACE, ' ').trim();
}

/**
 * The text a reader sees in `root`, one block a line: block elements start a new line, inline text is joined with
 * its whitespace folded. Empty lines are dropped.
 */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = squash(current);
    if (line) lines.push(line);
    current = '';
  };
  // Inside <pre>, each line of the text is a line of its own (a code block is one text node since the `code` step).
  let inPre = 0;
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (inPre && text.includes('\n')) {
        const parts = text.split('\n');
        for (let i = 0; i < parts.length - 1; i++) {
          current += parts[i];
          flush();
        }
        current += parts[parts.length - 1];
      } else current += text;
      return;
    }
    if (node.nodeType === 9 || node.nodeType === 11) {
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (UNSEEN_TAGS.has(tag)) return;
    // A player's link card (the `embeds` step) is Lectern's, not the article's words: the view shows it, the text
    // (read aloud, reading time, measures) leaves it out.
    if (tag === 'A' && (node as Element).classList.contains('lectern-embed')) return;
    const block = BLOCK_TAGS.has(tag);
    const pre = tag === 'PRE';
    if (block) flush();
    if (pre) inPre++;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (pre) inPre--;
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n\n');
}

/**
 * `squash(text).length` for a `blockText` result, told without folding it: its lines are folded already and joined
 * by "\n\n", which folds to one space.
 */
export function blockTextFoldedLength(text: string): number {
  let joins = 0;
  for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', i + 2)) joins++;
  return text.length - joins;
}

/**
 * Whether `root` holds any text a reader would see (what `blockText(root) !== ''` says, without building the text):
 * stops at the first text node with a non-space character outside the unseen elements (UNSEEN_TAGS).
 */
export function hasText(root: Node): boolean {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return false;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test(node.nodeValue ?? '') && !node.parentElement?.closest(UNSEEN_TEXT)) return true;
  }
  return false;
}

const CJK_SOURCE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
export const CJK = new LazyRegExp(CJK_SOURCE, 'u');
const CJK_ALL = new LazyRegExp(CJK_SOURCE, 'gu');
/**
 * The blocks those scripts live in, by UTF-16 code unit (any astral character counts, by its high surrogate): a text
 * with none of these units has no CJK, told by a plain scan instead of a Unicode script test (text.test.ts checks that
 * every CJK character is in them).
 */
export const MAYBE_CJK = /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u9fff\ua960-\ua97f\uac00-\udbff\uf900-\ufaff\uff00-\uffef]/;

/** CJK characters and the full-width punctuation written with them (all inside MAYBE_CJK). */
const DENSE_ALL = new LazyRegExp(`${CJK_SOURCE}|[\\u3000-\\u303f\\uff01-\\uff60]`, 'gu');
/** How much a CJK character weighs in Latin characters (a word and its space is about three to six). */
export const DENSE_CHAR_WEIGHT = 3;

/** What CJK text adds to a length: each dense character counts DENSE_CHAR_WEIGHT, not one. */
function denseExtra(text: string): number {
  if (!MAYBE_CJK.test(text)) return 0;
  return (text.match(DENSE_ALL.re)?.length ?? 0) * (DENSE_CHAR_WEIGHT - 1);
}

/**
 * The length of `text` as it reads: a Han, kana or Hangul character (or full-width punctuation) counts
 * DENSE_CHAR_WEIGHT characters, so length thresholds set on Latin-script pages hold for Chinese, Japanese and Korean
 * ones. (Thai and Lao letters are letters, counted once.)
 */
export function textWeight(text: string): number {
  return text.length + denseExtra(text);
}

/** `textWeight` of the folded text of a `blockText` result (`blockTextFoldedLength`, weighed). */
export function blockTextWeight(text: string): number {
  return blockTextFoldedLength(text) + denseExtra(text);
}

/** A letter or digit outside ASCII (one UTF-16 unit; astral letters are rare enough to count as gaps). */
const WORD_CHAR = new LazyRegExp(String.raw`[\p{L}\p{N}]`, 'u');

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(text[i] as string);
}

/**
 * Words in `text`: runs of letters and digits, where an apostrophe or hyphen between two of them joins them ("don't",
 * "well-known"). One pass over the characters; a regular expression with Unicode classes cost several times more.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text, i)) {
      if (!inWord) words++;
      inWord = true;
      continue;
    }
    const c = text.charCodeAt(i);
    const joiner = c === 39 || c === 0x2019 || c === 45; // ' ’ -
    if (!(inWord && joiner && i + 1 < text.length && isWordChar(text, i + 1))) inWord = false;
  }
  return words;
}

/** Reading time in whole minutes (at least 1 for any text), counting CJK characters separately from words. */
export function readingTimeMinutes(text: string): number {
  // Most articles have no CJK at all: one test spares the two passes that count and blank it out.
  const hasCjk = MAYBE_CJK.test(text) && CJK.test(text);
  const cjk = hasCjk ? (text.match(CJK_ALL.re) ?? []).length : 0;
  const words = countWords(hasCjk ? text.replace(CJK_ALL.re, ' ') : text);
  if (words === 0 && cjk === 0) return 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));
}
