/**
 * The reader's settings: one module with the defaults, the allowed values, validation of whatever storage holds,
 * ordered migrations keyed by a stored `version`, and load / save / watch over `storage.sync` (so every open view,
 * popup and side panel, follows a change at once).
 *
 * Validation is per field: a corrupt, unknown or old value falls back to its own default and never breaks the view.
 */
import type { Storage } from 'webextension-polyfill';
import { contrastRatio } from './contrast';
import { browser } from './browser';

/** `contrast`: white on black, yellow links (WCAG AAA). `custom`: the reader's own four colours (the custom* fields). */
export const THEMES = ['system', 'light', 'dark', 'sepia', 'contrast', 'custom'] as const;
/** System stacks first; the others are bundled with the extension (src/ui/fonts.ts) and loaded only when chosen. */
export const FONTS = ['serif', 'sans', 'mono', 'atkinson', 'opendyslexic', 'lexend', 'literata'] as const;
/** Font sizes in CSS pixels: ten steps. */
export const FONT_SIZES = [13, 14, 15, 16, 17, 18, 20, 22, 24, 27] as const;
export const LINE_HEIGHTS = [1.3, 1.45, 1.6, 1.8, 2] as const;
/** Content width in wide views; a narrow side panel fills whatever it has. */
export const WIDTHS = ['narrow', 'medium', 'wide', 'full'] as const;
export const SPEECH_RATES = [0.6, 0.8, 1, 1.2, 1.4, 1.7, 2] as const;
/** Extra space between letters and between words, in em (0.12 and 0.16 are WCAG 1.4.12's text-spacing values). */
export const LETTER_SPACINGS = [0, 0.03, 0.06, 0.12] as const;
export const WORD_SPACINGS = [0, 0.08, 0.16, 0.32] as const;
/** Space after a paragraph, in em. */
export const PARAGRAPH_SPACINGS = [0.5, 1, 1.5, 2] as const;
export const ALIGNS = ['start', 'justify'] as const;
/** Longest line in characters (`ch`) within the width; 0 = as wide as the width allows. */
export const LINE_LENGTHS = [0, 45, 55, 65, 75, 90] as const;

export type Theme = (typeof THEMES)[number];
export type Font = (typeof FONTS)[number];
export type Width = (typeof WIDTHS)[number];
export type Align = (typeof ALIGNS)[number];
export type CustomColourKey = 'customText' | 'customBackground' | 'customLink' | 'customSelection';

/** The version this code writes. Stored objects carry it; older ones are migrated up on read. */
export const SETTINGS_VERSION = 3;
/** The one `storage.sync` key that holds every setting. */
export const SETTINGS_KEY = 'settings';

export const defaults = {
  theme: 'system' as Theme,
  font: 'serif' as Font,
  fontSize: 17 as number,
  lineHeight: 1.6 as number,
  width: 'medium' as Width,
  speechRate: 1 as number,
  /** `voiceURI` of the chosen local voice; '' = the browser's default for the article's language. */
  voice: '',
  /** Open an article again where the reader left it (shared/positions.ts). */
  resume: true as boolean,
  letterSpacing: 0 as number,
  wordSpacing: 0 as number,
  paragraphSpacing: 1 as number,
  align: 'start' as Align,
  lineLength: 75 as number,
  /** Dim every block of the article but the one under the pointer, focused, or being read aloud. */
  focus: false as boolean,
  /** The custom theme's colours (#rrggbb); together they always pass WCAG AA (see `customPairs`). */
  customText: '#1a1a1a',
  customBackground: '#f5f1e6',
  customLink: '#1d4f91',
  customSelection: '#b8d4f5',
};

export type Settings = typeof defaults;

type Raw = Record<string, unknown>;

/**
 * Migrations in order: `migrations[n]` turns a version-n object into a version-(n + 1) object. An object without a
 * `version` is version 0: what unversioned early builds or hand edits left behind (numbers as strings, `'auto'`).
 */
export const migrations: ReadonlyArray<(raw: Raw) => Raw> = [
  (raw) => ({
    ...raw,
    theme: raw.theme === 'auto' ? 'system' : raw.theme,
    fontSize: typeof raw.fontSize === 'string' ? Number.parseFloat(raw.fontSize) : raw.fontSize,
    lineHeight: typeof raw.lineHeight === 'string' ? Number.parseFloat(raw.lineHeight) : raw.lineHeight,
  }),
  // 1 -> 2: reading positions arrive, on for everyone (an explicit false stays).
  (raw) => ({ ...raw, resume: raw.resume === false ? false : true }),
  // 2 -> 3: type and colour settings arrive (#27). A reader who chose the full width had asked for long lines: keep
  // them unlimited; everyone else gets the default, at most 75 characters, the comfortable upper bound.
  (raw) => ({
    ...raw,
    letterSpacing: 0,
    wordSpacing: 0,
    paragraphSpacing: 1,
    align: 'start',
    lineLength: raw.width === 'full' ? 0 : 75,
    focus: false,
  }),
];

/** Run the migrations an object needs, from its stored version up to the newest. */
export function migrate(raw: unknown, steps: ReadonlyArray<(raw: Raw) => Raw> = migrations): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { version: steps.length };
  let value: Raw = { ...(raw as Raw) };
  const stored = value.version;
  let version = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  for (; version < steps.length; version++) value = steps[version]!(value);
  return { ...value, version };
}

const HEX = /^#[0-9a-f]{6}$/;
const colour = (value: unknown, fallback: string): string => {
  const v = typeof value === 'string' ? value.toLowerCase() : '';
  return HEX.test(v) ? v : fallback;
};

/** The colour pairs of the custom theme that must reach `CUSTOM_MIN_CONTRAST`, with the words that name them. */
export const CUSTOM_PAIRS: ReadonlyArray<[CustomColourKey, CustomColourKey, string]> = [
  ['customText', 'customBackground', 'Text and background'],
  ['customLink', 'customBackground', 'Links and background'],
  ['customText', 'customSelection', 'Text and selection'],
];
/** WCAG 2.x AA for normal text. */
export const CUSTOM_MIN_CONTRAST = 4.5;

const oneOf = <T>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Whatever storage held -> complete, valid settings. Each field falls back to its default alone. */
export function validate(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Raw) : {};
  return {
    theme: oneOf(THEMES, r.theme, defaults.theme),
    font: oneOf(FONTS, r.font, defaults.font),
    fontSize: oneOf<number>(FONT_SIZES, r.fontSize, defaults.fontSize),
    lineHeight: oneOf<number>(LINE_HEIGHTS, r.lineHeight, defaults.lineHeight),
    width: oneOf(WIDTHS, r.width, defaults.width),
    speechRate: oneOf<number>(SPEECH_RATES, r.speechRate, defaults.speechRate),
    voice: typeof r.voice === 'string' && r.voice.length <= 500 ? r.voice : defaults.voice,
    resume: typeof r.resume === 'boolean' ? r.resume : defaults.resume,
    letterSpacing: oneOf<number>(LETTER_SPACINGS, r.letterSpacing, defaults.letterSpacing),
    wordSpacing: oneOf<number>(WORD_SPACINGS, r.wordSpacing, defaults.wordSpacing),
    paragraphSpacing: oneOf<number>(PARAGRAPH_SPACINGS, r.paragraphSpacing, defaults.paragraphSpacing),
    align: oneOf(ALIGNS, r.align, defaults.align),
    lineLength: oneOf<number>(LINE_LENGTHS, r.lineLength, defaults.lineLength),
    focus: typeof r.focus === 'boolean' ? r.focus : defaults.focus,
    ...validColours(r),
  };
}

/** The four custom colours, each a #rrggbb; a set with any pair below AA (a hand edit) gives way to the defaults. */
function validColours(r: Raw): Pick<Settings, CustomColourKey> {
  const c = {
    customText: colour(r.customText, defaults.customText),
    customBackground: colour(r.customBackground, defaults.customBackground),
    customLink: colour(r.customLink, defaults.customLink),
    customSelection: colour(r.customSelection, defaults.customSelection),
  };
  const ok = CUSTOM_PAIRS.every(([a, b]) => contrastRatio(c[a], c[b]) >= CUSTOM_MIN_CONTRAST);
  return ok ? c : { customText: defaults.customText, customBackground: defaults.customBackground, customLink: defaults.customLink, customSelection: defaults.customSelection };
}

/** Stored value -> settings: migrate, then validate. */
export function parseStored(stored: unknown): Settings {
  return validate(migrate(stored));
}

export async function loadSettings(): Promise<Settings> {
  try {
    return parseStored((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return { ...defaults };
  }
}

/** Merge a change into the stored settings and write them (validated, with the current version). */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = validate({ ...(await loadSettings()), ...patch });
  await browser.storage.sync.set({ [SETTINGS_KEY]: { ...next, version: SETTINGS_VERSION } });
  return next;
}

/** Call `cb` with the new settings whenever any view changes them. Returns the function that stops watching. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string): void => {
    if (area === 'sync' && SETTINGS_KEY in changes) cb(parseStored(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
