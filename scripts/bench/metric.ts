/**
 * The article-extraction-benchmark text metric, exactly as ../shared/corpora/README.md states it:
 * - tokens: maximal runs of Unicode letters, digits and underscore (Python's `\w+`);
 * - shingles: every 4 consecutive tokens (1-3 tokens give one shorter shingle; none gives none);
 * - per page over shingle multisets: tp shared, fp predicted minus true, fn true minus predicted, then all three divided
 *   by their sum so every page weighs the same;
 * - precision and recall per page (1 when fp = fn = 0, 0 when tp = 0); the reported precision and recall are means over
 *   pages and F1 = 2PR / (P + R) of those means;
 * - ± is the standard deviation over 1000 bootstrap resamples of the pages.
 */

export const SHINGLE_SIZE = 4;
export const BOOTSTRAP_SAMPLES = 1000;
export const BOOTSTRAP_SEED = 20260301;

export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** The multiset of shingles of `text`, as shingle -> count. */
export function shingles(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const toks = tokens(text);
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  const last = Math.max(1, toks.length - size + 1);
  for (let i = 0; i < last; i++) {
    const key = toks.slice(i, i + size).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  /** tp, fp and fn divided by their sum (all 0 when both texts are empty). */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function precisionOf(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0) return 0;
  return tp / (tp + fn);
}

/** Raw shingle counts: shared, predicted only, true only. */
export function counts(predicted: string, truth: string): { tp: number; fp: number; fn: number } {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let pTotal = 0;
  let tTotal = 0;
  for (const [key, n] of p) {
    pTotal += n;
    tp += Math.min(n, t.get(key) ?? 0);
  }
  for (const n of t.values()) tTotal += n;
  return { tp, fp: pTotal - tp, fn: tTotal - tp };
}

export function scorePage(predicted: string, truth: string): PageScore {
  const raw = counts(predicted, truth);
  const sum = raw.tp + raw.fp + raw.fn;
  const tp = sum ? raw.tp / sum : 0;
  const fp = sum ? raw.fp / sum : 0;
  const fn = sum ? raw.fn / sum : 0;
  return { tp, fp, fn, precision: precisionOf(tp, fp, fn), recall: recallOf(tp, fp, fn) };
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export interface Summary {
  pages: number;
  precision: number;
  recall: number;
  /** F1 of the mean precision and mean recall. */
  f1: number;
}

export function summarize(scores: readonly PageScore[]): Summary {
  const n = scores.length;
  if (n === 0) return { pages: 0, precision: 0, recall: 0, f1: 0 };
  let p = 0;
  let r = 0;
  for (const s of scores) {
    p += s.precision;
    r += s.recall;
  }
  const precision = p / n;
  const recall = r / n;
  return { pages: n, precision, recall, f1: f1Of(precision, recall) };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same resamples on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Spread {
  f1: number;
  precision: number;
  recall: number;
}

export function std(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

/** Standard deviation of F1, precision and recall over `samples` bootstrap resamples of the pages. */
export function bootstrap(scores: readonly PageScore[], samples = BOOTSTRAP_SAMPLES, seed = BOOTSTRAP_SEED): Spread {
  const n = scores.length;
  if (n === 0) return { f1: 0, precision: 0, recall: 0 };
  const random = seededRandom(seed);
  const f1s: number[] = [];
  const ps: number[] = [];
  const rs: number[] = [];
  const pick: PageScore[] = new Array<PageScore>(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) pick[i] = scores[Math.floor(random() * n)] as PageScore;
    const sum = summarize(pick);
    f1s.push(sum.f1);
    ps.push(sum.precision);
    rs.push(sum.recall);
  }
  return { f1: std(f1s), precision: std(ps), recall: std(rs) };
}
