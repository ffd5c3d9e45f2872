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
}

/** Elements whose text is read as one run; text in a nested one belongs to the nested one. */
export const SPEECH_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dt, dd, caption, pre';
/** Blocks that are not read aloud. */
const SILENT = 'pre, script, style';
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
  if (typeof Intl.Segmenter === 'function') {
    let locale: string | undefined;
    try {
      locale = lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
    } catch {
      locale = undefined;
    }
    for (const s of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)) push(s.index, s.index + s.segment.length);
    return spans;
  }
  const re = /[^.!?؟。]+(?:[.!?؟。]+["'”’)\]]*|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) push(m.index, m.index + m[0].length);
  return spans;
}

interface Run {
  nodes: Text[];
  /** Offset of each node's first character in the run's text. */
  starts: number[];
  text: string;
}

/** The body's text nodes, grouped into runs by the block they belong to, in document order. */
function runsOf(root: Element): Run[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const runs: Run[] = [];
  let owner: Element | null = null;
  let run: Run | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SILENT)) continue;
    const block = parent.closest(SPEECH_BLOCKS) ?? parent;
    if (!run || block !== owner) {
      owner = block;
      run = { nodes: [], starts: [], text: '' };
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

/** Every sentence of the rendered body, with its range, in reading order. */
export function sentencesOf(root: Element, lang?: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const run of runsOf(root)) {
    for (const { start, end } of splitSentences(run.text, lang)) {
      const range = root.ownerDocument.createRange();
      range.setStart(...locate(run, start, false));
      range.setEnd(...locate(run, end, true));
      sentences.push({ text: run.text.slice(start, end).replace(/\s+/g, ' '), range });
    }
  }
  return sentences;
}
