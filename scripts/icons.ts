/**
 * Draws Lectern's icon (an open book on a lectern, in a rounded square) at 16, 32, 48 and 128 px into icons/.
 * Rasterises a few shapes with 4x4 supersampling. Run with `npm run icons`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from './lib/png';

type Rgb = readonly [number, number, number];
const BG: Rgb = [138, 59, 18];
const FG: Rgb = [251, 250, 247];

/** Which colour covers point (x, y) of the unit square, or null for transparent. */
function shade(x: number, y: number): Rgb | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const pageTop = 0.26 + Math.abs(x - 0.5) * 0.18; // open book, pages rising from the spine
  if (y > pageTop && y < pageTop + 0.3 && x > 0.18 && x < 0.82 && Math.abs(x - 0.5) > 0.025) return FG;
  if (x > 0.455 && x < 0.545 && y > 0.6 && y < 0.8) return FG; // post
  if (x > 0.32 && x < 0.68 && y > 0.78 && y < 0.84) return FG; // foot
  return BG;
}

mkdirSync('icons', { recursive: true });
const SS = 4;
for (const size of [16, 32, 48, 128]) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a) {
        rgba[i] = r / a;
        rgba[i + 1] = g / a;
        rgba[i + 2] = b / a;
      }
      rgba[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  writeFileSync(`icons/icon-${size}.png`, encodePng(size, size, rgba));
}
console.log('icons: wrote icons/icon-{16,32,48,128}.png');
