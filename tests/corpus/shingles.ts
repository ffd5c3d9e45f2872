/**
 * The article-extraction-benchmark text metric (../shared/corpora/README.md): tokens are runs of letters, digits and
 * underscore; shingles are every 4 consecutive tokens; precision and recall are taken over shingle multisets.
 */

export const SHINGLE_SIZE = 4;

export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Multiset of `SHINGLE_SIZE`-token shingles; 1-3 tokens give one shorter shingle, none gives none. */
export function shingles(text: string): Map<string, number> {
  const toks = tokens(text);
  const out = new Map<string, number>();
  const add = (key: string): void => {
    out.set(key, (out.get(key) ?? 0) + 1);
  };
  if (toks.length === 0) return out;
  if (toks.length < SHINGLE_SIZE) {
    add(toks.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE_SIZE <= toks.length; i++) add(toks.slice(i, i + SHINGLE_SIZE).join(' '));
  return out;
}

export interface Similarity {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision and recall of `predicted` against `truth` over shingle multisets (1 when both are empty). */
export function similarity(predicted: string, truth: string): Similarity {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let pTotal = 0;
  let tTotal = 0;
  for (const [key, count] of p) {
    pTotal += count;
    tp += Math.min(count, t.get(key) ?? 0);
  }
  for (const count of t.values()) tTotal += count;
  const fp = pTotal - tp;
  const fn = tTotal - tp;
  const precision = fp === 0 && fn === 0 ? 1 : tp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
