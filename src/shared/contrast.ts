/**
 * Colour contrast as WCAG 2.x defines it: relative luminance of sRGB colours and the ratio (L1 + 0.05) / (L2 + 0.05).
 * Pure functions, no DOM: the settings' validation and the custom colour pickers both use them.
 */

/** `#rgb` or `#rrggbb` (any case) -> `#rrggbb` in lower case, or null for anything else. */
export function normalizeHex(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return null;
}

/** WCAG 2.x relative luminance (0 for black to 1 for white) of a `#rgb` / `#rrggbb` colour; NaN if it is neither. */
export function relativeLuminance(colour: string): number {
  const hex = normalizeHex(colour);
  if (!hex) return Number.NaN;
  const channel = (at: number): number => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    // WCAG 2.x gives 0.03928; the sRGB standard's 0.04045 differs from it for no 8-bit value.
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two colours, 1 (none) to 21 (black on white), whichever is lighter. NaN for a bad colour. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * A ratio as people read it, "4.4:1". Rounded down to one decimal, so a pair just under a threshold never shows as
 * meeting it (4.48 is "4.4:1", not "4.5:1").
 */
export function formatRatio(ratio: number): string {
  const down = Math.floor(ratio * 10 + 1e-9) / 10;
  return `${Number.isInteger(down) ? down.toFixed(0) : down.toFixed(1)}:1`;
}

/** WCAG 2.x level AA for normal text (1.4.3), and AAA (1.4.6). */
export const AA = 4.5;
export const AAA = 7;

/**
 * The sentence that refuses a pair below `min`, or null when it passes.
 * `names`: what the two colours are, as the start of a sentence ("Text and background").
 */
export function contrastProblem(names: string, a: string, b: string, min = AA): string | null {
  const ratio = contrastRatio(a, b);
  if (!Number.isFinite(ratio)) return `${names} need two valid colours.`;
  if (ratio >= min) return null;
  return `${names} need a contrast of at least ${formatRatio(min)}; this pair has ${formatRatio(ratio)}.`;
}

/** True for a colour dark enough that light text belongs on it (the browser's controls should be dark too). */
export function isDark(colour: string): boolean {
  return relativeLuminance(colour) < 0.18;
}
