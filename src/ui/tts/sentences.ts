/**
 * Text to speech reads the article a sentence at a time. These functions split text into sentences and map each
 * sentence back to a DOM Range over the rendered body, so the view can highlight it (CSS Custom Highlight API)
 * without changing the article's DOM.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence {
  /** What is spoken: the sentence with its whitespace collapsed. */
  text: string;
  range: Range;
  /** The element the sentence is read in (a paragraph, list item, heading…): marked while it is being read. */
  block: Element;
  /** Which paragraph (run of text in one block, numbered in reading order) the sentence belongs to. */
  paragraph: number;
  /** The range over characters [start, end) of `text` (a word the voice reports it is saying). */
  rangeOf(start: number, end: number): Range;
}

/** Elements whose text is read as one run; text in a nested one belongs to the nested one. */
export const SPEECH_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dt, dd, caption, pre';
/** Blocks that are not read aloud. */
const SILENT = 'pre, script, style';
/** Elements that sit inside a line of text: text in one belongs to the block around it. */
const INLINE = new Set(
  'a abbr b bdi bdo br cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr'.split(' '),
);
const WORDY = /[\p{L}\p{N}]/u;

/** Sentence spans in `text` (trimmed, never empty, never without a letter or digit). */
export function splitSentences(raw: string, lang?: string): Span[] {
  // A line break in HTML text is only a space; the segmenter would end a sentence there. Same length, same offsets.
  const text = raw.replace(/\s/g, ' ');
  const spans: Span[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start && WORDY.test(text.slice(start, end))) spans.push({ start, end });
  };
  const locale = canonical(lang);
  if (typeof Intl.Segmenter === 'function') {
    for (const s of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)) push(s.index, s.index + s.segment.length);
    return spans;
  }
  const re = /[^.!?؟。]+(?:[.!?؟。]+["'”’)\]]*|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) push(m.index, m.index + m[0].length);
  return spans;
}

function canonical(lang?: string): string | undefined {
  try {
    return lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The word the voice is saying in `text`, from a `boundary` event: its `charIndex` and, where the voice gives it,
 * `charLength`. Without a length, the word is the one at (or after) `charIndex`. Null when the index is off the text.
 */
export function wordSpan(text: string, charIndex: number, charLength?: number, lang?: string): Span | null {
  if (!Number.isInteger(charIndex) || charIndex < 0 || charIndex >= text.length) return null;
  let start = charIndex;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start === text.length) return null;
  let end: number;
  if (charLength && charLength > 0) {
    end = Math.min(text.length, charIndex + charLength);
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return null;
    return { start, end };
  }
  if (typeof Intl.Segmenter === 'function') {
    for (const s of new Intl.Segmenter(canonical(lang), { granularity: 'word' }).segment(text)) {
      const segEnd = s.index + s.segment.length;
      if (segEnd <= start || !s.isWordLike) continue;
      return { start: Math.max(start, s.index), end: segEnd };
    }
    return null;
  }
  end = start;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  while (end > start + 1 && /[^\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Offsets in `raw` (a trimmed sentence as it stands in the DOM) of each character of its spoken text (whitespace runs
 * collapsed to one space), plus one past the end: `map[i]` is where spoken character `i` starts.
 */
export function collapsedOffsets(raw: string): number[] {
  const map: number[] = [];
  let i = 0;
  while (i < raw.length) {
    map.push(i);
    if (/\s/.test(raw[i]!)) while (i < raw.length && /\s/.test(raw[i]!)) i++;
    else i++;
  }
  map.push(raw.length);
  return map;
}

interface Run {
  block: Element;
  nodes: Text[];
  /** Offset of each node's first character in the run's text. */
  starts: number[];
  text: string;
}

/** The block a text node's parent belongs to: the nearest speech block, else the nearest element that is not inline. */
function blockOf(parent: Element, root: Element): Element {
  const block = parent.closest(SPEECH_BLOCKS);
  if (block && root.contains(block)) return block;
  let el = parent;
  while (el !== root && INLINE.has(el.localName) && el.parentElement) el = el.parentElement;
  return el;
}

/** The body's text nodes, grouped into runs by the block they belong to, in document order. */
function runsOf(root: Element): Run[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SILENT)) continue;
    const block = blockOf(parent, root);
    if (!run || block !== run.block) {
      run = { block, nodes: [], starts: [], text: '' };
      runs.push(run);
    }
    run.nodes.push(node);
    run.starts.push(run.text.length);
    run.text += node.data;
  }
  return runs;
}

/** Where the character at `offset` of a run lives: (text node, offset in it). `end` prefers the earlier node. */
function locate(run: Run, offset: number, end: boolean): [Text, number] {
  let i = run.nodes.length - 1;
  while (i > 0 && (end ? run.starts[i]! >= offset : run.starts[i]! > offset)) i--;
  return [run.nodes[i]!, offset - run.starts[i]!];
}

function rangeIn(run: Run, start: number, end: number): Range {
  const range = run.block.ownerDocument.createRange();
  range.setStart(...locate(run, start, false));
  range.setEnd(...locate(run, end, true));
  return range;
}

/** Every sentence of the rendered body, with its range, in reading order. */
export function sentencesOf(root: Element, lang?: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = -1;
  for (const run of runsOf(root)) {
    const spans = splitSentences(run.text, lang);
    if (spans.length) paragraph++;
    for (const { start, end } of spans) {
      const raw = run.text.slice(start, end);
      let map: number[] | null = null;
      const text = raw.replace(/\s+/g, ' ');
      sentences.push({
        text,
        range: rangeIn(run, start, end),
        block: run.block,
        paragraph,
        rangeOf(from, to) {
          map ??= collapsedOffsets(raw);
          const at = (i: number): number => map![Math.max(0, Math.min(text.length, i))]!;
          return rangeIn(run, start + at(from), start + at(Math.max(from, to)));
        },
      });
    }
  }
  return sentences;
}
