/**
 * The fonts Lectern carries, by name: their CSS families and fallbacks. Nothing here loads a font: `registerFont`
 * fetches the table of files (src/ui/font-faces.ts, a chunk of its own) and adds a family's faces to a document
 * (FontFace API) the first time a view shows that family; the browser then loads only the files (subsets, weights,
 * styles) the text needs, from the extension itself. The popup's first paint pays for the names below, not the fonts.
 */
import type { Font } from '../shared/settings';
import type { BundledFontName } from './font-faces';

export interface BundledFont {
  /** The CSS family name the faces are registered under. */
  family: string;
  /** What shows until the file has loaded (font-display: swap) and for characters it lacks. */
  fallback: string;
}

export type { BundledFontName };

export const BUNDLED_FONTS: Record<BundledFontName, BundledFont> = {
  atkinson: { family: 'Atkinson Hyperlegible', fallback: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif" },
  opendyslexic: { family: 'OpenDyslexic', fallback: "'Comic Sans MS', system-ui, sans-serif" },
  lexend: { family: 'Lexend', fallback: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif" },
  literata: { family: 'Literata', fallback: "Georgia, 'Noto Serif', 'DejaVu Serif', serif" },
};

export function isBundled(font: Font): font is BundledFontName {
  return Object.hasOwn(BUNDLED_FONTS, font);
}

/** The font-family value for a bundled font: its family, then its fallback. */
export function bundledStack(font: BundledFontName): string {
  const { family, fallback } = BUNDLED_FONTS[font];
  return `'${family}', ${fallback}`;
}

const added = new WeakMap<Document, Set<BundledFontName>>();

/**
 * Register a bundled font's faces in `doc` once (nothing for the system stacks, nor where there is no FontFace API).
 * Registering fetches no font: the browser loads a face when text set in it needs one of its characters.
 */
export async function registerFont(doc: Document, font: Font): Promise<void> {
  if (!isBundled(font)) return;
  const view = doc.defaultView as (Window & { FontFace?: typeof FontFace }) | null;
  if (!view?.FontFace || !doc.fonts) return;
  let done = added.get(doc);
  if (!done) added.set(doc, (done = new Set()));
  if (done.has(font)) return;
  done.add(font);
  const { FACES } = await import('./font-faces');
  const { family } = BUNDLED_FONTS[font];
  for (const [url, weight, style, range] of FACES[font]) {
    const descriptors: FontFaceDescriptors = { weight: String(weight), style, display: 'swap' };
    if (range) descriptors.unicodeRange = range;
    doc.fonts.add(new view.FontFace(family, `url("${url}") format("woff2")`, descriptors));
  }
}
