/**
 * The bundled fonts' files (OFL-1.1, from the @fontsource packages): latin and latin-ext subsets, woff2, 400 and 700,
 * and 400 italic where the family has one. Loaded with a dynamic import by src/ui/fonts.ts the first time a view
 * shows a bundled font, so the popup's first paint carries none of this. The `?url&no-inline` imports make Vite emit
 * each file as an asset of its own (never a data: URL): fonts come from the extension, never from the network.
 */
import type { Font } from '../shared/settings';
import atkinsonHyperlegibleLatin400 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url&no-inline';
import atkinsonHyperlegibleLatin700 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?url&no-inline';
import atkinsonHyperlegibleLatin400Italic from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff2?url&no-inline';
import atkinsonHyperlegibleLatinExt400 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-400-normal.woff2?url&no-inline';
import atkinsonHyperlegibleLatinExt700 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-700-normal.woff2?url&no-inline';
import atkinsonHyperlegibleLatinExt400Italic from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-400-italic.woff2?url&no-inline';
import opendyslexicLatin400 from '@fontsource/opendyslexic/files/opendyslexic-latin-400-normal.woff2?url&no-inline';
import opendyslexicLatin700 from '@fontsource/opendyslexic/files/opendyslexic-latin-700-normal.woff2?url&no-inline';
import opendyslexicLatin400Italic from '@fontsource/opendyslexic/files/opendyslexic-latin-400-italic.woff2?url&no-inline';
import lexendLatin400 from '@fontsource/lexend/files/lexend-latin-400-normal.woff2?url&no-inline';
import lexendLatin700 from '@fontsource/lexend/files/lexend-latin-700-normal.woff2?url&no-inline';
import lexendLatinExt400 from '@fontsource/lexend/files/lexend-latin-ext-400-normal.woff2?url&no-inline';
import lexendLatinExt700 from '@fontsource/lexend/files/lexend-latin-ext-700-normal.woff2?url&no-inline';
import literataLatin400 from '@fontsource/literata/files/literata-latin-400-normal.woff2?url&no-inline';
import literataLatin700 from '@fontsource/literata/files/literata-latin-700-normal.woff2?url&no-inline';
import literataLatin400Italic from '@fontsource/literata/files/literata-latin-400-italic.woff2?url&no-inline';
import literataLatinExt400 from '@fontsource/literata/files/literata-latin-ext-400-normal.woff2?url&no-inline';
import literataLatinExt700 from '@fontsource/literata/files/literata-latin-ext-700-normal.woff2?url&no-inline';
import literataLatinExt400Italic from '@fontsource/literata/files/literata-latin-ext-400-italic.woff2?url&no-inline';

/** The @fontsource unicode ranges of the two subsets (OpenDyslexic has one file for its latin set, no range). */
const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

/** One face: file URL, weight, style, unicode range (null: all it has). */
export type Face = [url: string, weight: 400 | 700, style: 'normal' | 'italic', range: string | null];

/** The fonts Lectern carries (fonts.ts names their families): every font but the browser's own three. */
export type BundledFontName = Exclude<Font, 'serif' | 'sans' | 'mono'>;

export const FACES: Record<BundledFontName, Face[]> = {
  atkinson: [
    [atkinsonHyperlegibleLatin400, 400, 'normal', LATIN],
    [atkinsonHyperlegibleLatin700, 700, 'normal', LATIN],
    [atkinsonHyperlegibleLatin400Italic, 400, 'italic', LATIN],
    [atkinsonHyperlegibleLatinExt400, 400, 'normal', LATIN_EXT],
    [atkinsonHyperlegibleLatinExt700, 700, 'normal', LATIN_EXT],
    [atkinsonHyperlegibleLatinExt400Italic, 400, 'italic', LATIN_EXT],
  ],
  opendyslexic: [
    [opendyslexicLatin400, 400, 'normal', null],
    [opendyslexicLatin700, 700, 'normal', null],
    [opendyslexicLatin400Italic, 400, 'italic', null],
  ],
  lexend: [
    [lexendLatin400, 400, 'normal', LATIN],
    [lexendLatin700, 700, 'normal', LATIN],
    [lexendLatinExt400, 400, 'normal', LATIN_EXT],
    [lexendLatinExt700, 700, 'normal', LATIN_EXT],
  ],
  literata: [
    [literataLatin400, 400, 'normal', LATIN],
    [literataLatin700, 700, 'normal', LATIN],
    [literataLatin400Italic, 400, 'italic', LATIN],
    [literataLatinExt400, 400, 'normal', LATIN_EXT],
    [literataLatinExt700, 700, 'normal', LATIN_EXT],
    [literataLatinExt400Italic, 400, 'italic', LATIN_EXT],
  ],
};
