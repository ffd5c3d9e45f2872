import { describe, expect, it } from 'vitest';
import { AA, AAA, contrastProblem, contrastRatio, formatRatio, isDark, normalizeHex, relativeLuminance } from '../../src/shared/contrast';

describe('WCAG 2.x contrast', () => {
  it('gives the relative luminance of the ends and of sRGB primaries', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4);
    // Below the linear threshold: c / 12.92.
    expect(relativeLuminance('#0a0a0a')).toBeCloseTo(10 / 255 / 12.92, 8);
  });

  it('gives the well-known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffff00', '#000000')).toBeCloseTo(19.56, 2);
    expect(contrastRatio('#abcdef', '#abcdef')).toBe(1);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 6);
  });

  it('reads #rgb and #rrggbb in any case, and nothing else', () => {
    expect(normalizeHex('#ABC')).toBe('#aabbcc');
    expect(normalizeHex(' #A0B1C2 ')).toBe('#a0b1c2');
    for (const bad of ['abc', '#abcd', 'red', '#ggg', '']) expect(normalizeHex(bad)).toBeNull();
    expect(contrastRatio('red', '#000000')).toBeNaN();
  });

  it('writes ratios rounded down, so a pair under a threshold never reads as meeting it', () => {
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4.4:1');
    expect(formatRatio(4.5)).toBe('4.5:1');
    expect(formatRatio(21)).toBe('21:1');
    expect(formatRatio(2.19)).toBe('2.1:1');
  });

  it('says why a pair is refused, and passes a good one', () => {
    expect(contrastProblem('Text and background', '#777777', '#999999')).toMatch(
      /^Text and background need a contrast of at least 4\.5:1; this pair has 1\.\d:1\.$/,
    );
    expect(contrastProblem('Text and background', '#767676', '#ffffff')).toBeNull();
    expect(contrastProblem('Text and background', '#767676', '#ffffff', AAA)).toBe(
      'Text and background need a contrast of at least 7:1; this pair has 4.5:1.',
    );
    expect(contrastProblem('Links and background', 'nope', '#ffffff')).toBe('Links and background need two valid colours.');
    expect(AA).toBe(4.5);
  });

  it('tells dark backgrounds from light ones', () => {
    expect(isDark('#000000')).toBe(true);
    expect(isDark('#1b1a18')).toBe(true);
    expect(isDark('#f5f1e6')).toBe(false);
    expect(isDark('#808080')).toBe(false);
  });
});
