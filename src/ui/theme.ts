/**
 * Settings -> what the page shows: the theme and focus attributes, and the CSS custom properties of type, spacing,
 * measure and (for the custom theme) colour. Bundled fonts are registered here the first time a view shows one.
 */
import type { Font, Settings, Width } from '../shared/settings';
import { isDark } from '../shared/contrast';
import { bundledStack, isBundled, registerFont } from './fonts';

const SYSTEM_STACKS = {
  serif: "Georgia, 'Iowan Old Style', 'Noto Serif', 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', 'Noto Sans Mono', monospace",
};

export const FONT_STACKS: Record<Font, string> = {
  ...SYSTEM_STACKS,
  atkinson: bundledStack('atkinson'),
  opendyslexic: bundledStack('opendyslexic'),
  lexend: bundledStack('lexend'),
  literata: bundledStack('literata'),
};

/** Maximum line length for each width setting; `full` fills the view (what a narrow side panel does anyway). */
export const MEASURES: Record<Width, string> = { narrow: '32rem', medium: '38rem', wide: '48rem', full: 'none' };

/** The custom theme's properties; set only while that theme is on (reader.css has the other themes' colours). */
const CUSTOM_PROPS = [
  '--lectern-bg', '--lectern-fg', '--lectern-muted', '--lectern-accent', '--lectern-on-accent', '--lectern-rule',
  '--lectern-surface', '--lectern-mark', '--lectern-selection',
] as const;

/**
 * The CSS custom properties for a set of settings. Colours come from the theme's block in reader.css, except the custom
 * theme's, which are here (so a saved HTML file keeps them too).
 */
export function cssVars(settings: Settings): Record<string, string> {
  return {
    ...(settings.theme === 'custom' ? customColourVars(settings) : {}),
    '--lectern-font': FONT_STACKS[settings.font],
    '--lectern-size': `${settings.fontSize}px`,
    '--lectern-leading': String(settings.lineHeight),
    '--lectern-measure': MEASURES[settings.width],
    '--lectern-line': settings.lineLength > 0 ? `${settings.lineLength}ch` : 'none',
    '--lectern-letter': settings.letterSpacing > 0 ? `${settings.letterSpacing}em` : 'normal',
    '--lectern-word': settings.wordSpacing > 0 ? `${settings.wordSpacing}em` : 'normal',
    '--lectern-paragraph': `${settings.paragraphSpacing}em`,
    '--lectern-align': settings.align,
    // Justified lines without hyphenation open rivers of space; the article element carries the `lang` it needs.
    '--lectern-hyphens': settings.align === 'justify' ? 'auto' : 'manual',
  };
}

/** The custom theme's colours as CSS properties: the four chosen ones and the ones derived from them. */
export function customColourVars(s: Settings): Record<(typeof CUSTOM_PROPS)[number], string> {
  return {
    '--lectern-bg': s.customBackground,
    '--lectern-fg': s.customText,
    // Secondary text in the text's own colour: any mix with the background could fall below AA.
    '--lectern-muted': s.customText,
    '--lectern-accent': s.customLink,
    // The link colour reaches AA on the background, so the background reaches AA on it.
    '--lectern-on-accent': s.customBackground,
    '--lectern-rule': `color-mix(in srgb, ${s.customText} 40%, ${s.customBackground})`,
    '--lectern-surface': s.customBackground,
    '--lectern-mark': s.customSelection,
    '--lectern-selection': s.customSelection,
  };
}

/** Put the theme, the focus mode and the variables on an element (the document's root). */
export function applyTheme(root: HTMLElement, settings: Settings): void {
  root.dataset.theme = settings.theme;
  if (settings.focus) root.dataset.focus = '';
  else delete root.dataset.focus;
  for (const [name, value] of Object.entries(cssVars(settings))) root.style.setProperty(name, value);
  if (settings.theme === 'custom') {
    root.style.setProperty('color-scheme', isDark(settings.customBackground) ? 'dark' : 'light');
  } else {
    for (const name of CUSTOM_PROPS) root.style.removeProperty(name);
    root.style.removeProperty('color-scheme');
  }
  if (isBundled(settings.font)) void registerFont(root.ownerDocument, settings.font).catch(() => undefined);
}

/** The value `delta` steps away in an ordered list, held at the ends; an unknown value starts from the nearest. */
export function stepIn<T extends number>(list: readonly T[], value: number, delta: number): T {
  let at = list.indexOf(value as T);
  if (at < 0) at = list.reduce((best, v, i) => (Math.abs(v - value) < Math.abs(list[best]! - value) ? i : best), 0);
  return list[Math.min(list.length - 1, Math.max(0, at + delta))]!;
}
