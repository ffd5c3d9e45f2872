/**
 * Moving through the article while it is read aloud: index math over the sentence list (sentence and paragraph steps)
 * and the sentence at a point of the body (where the reader clicked). Pure functions; the hook does the speaking.
 */

/** The sentence `by` steps from `index`, kept within the list; null when the list is empty. */
export function stepSentence(count: number, index: number, by: number): number | null {
  if (count <= 0) return null;
  return Math.max(0, Math.min(count - 1, (index < 0 ? 0 : index) + by));
}

/** The first sentence of the paragraph sentence `index` is in. */
export function paragraphStart(paragraphs: readonly number[], index: number): number {
  let i = Math.max(0, Math.min(paragraphs.length - 1, index));
  while (i > 0 && paragraphs[i - 1] === paragraphs[i]) i--;
  return i;
}

/**
 * The first sentence of the next (+1) or previous (-1) paragraph from sentence `index`, given each sentence's
 * paragraph number. Forward from the last paragraph stays where it is; back from the first goes to its start.
 * Null when the list is empty.
 */
export function stepParagraph(paragraphs: readonly number[], index: number, direction: 1 | -1): number | null {
  const count = paragraphs.length;
  if (count === 0) return null;
  const at = Math.max(0, Math.min(count - 1, index));
  if (direction === 1) {
    let i = at;
    while (i < count && paragraphs[i] === paragraphs[at]) i++;
    return i < count ? i : at;
  }
  const start = paragraphStart(paragraphs, at);
  return start === 0 ? 0 : paragraphStart(paragraphs, start - 1);
}

/**
 * The sentence at a point of the document (a caret position): the one that contains it, else the first one after it.
 * -1 when the point is after the last sentence. Ranges are in reading order, so a binary search finds it.
 */
export function sentenceAt(ranges: readonly Pick<Range, 'comparePoint'>[], node: Node, offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let after: boolean;
    try {
      // 1: the point is after this sentence's range.
      after = ranges[mid]!.comparePoint(node, offset) > 0;
    } catch {
      return -1;
    }
    if (after) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length ? lo : -1;
}

/** The caret position under a viewport point (where a click landed), in browsers that can tell. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
