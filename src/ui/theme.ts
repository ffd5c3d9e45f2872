/** Settings -> what the page shows: the theme attribute and the CSS custom properties of type and measure. */
import type { Font, Settings, Width } from '../shared/settings';

export const FONT_STACKS: Record<Font, string> = {
  serif: "Georgia, 'Iowan Old Style', 'Noto Serif', 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', 'Noto Sans Mono', monospace",
};

/** Maximum line length for each width setting; `full` fills the view (what a narrow side panel does anyway). */
export const MEASURES: Record<Width, string> = { narrow: '32rem', medium: '38rem', wide: '48rem', full: 'none' };

/** The CSS custom properties for a set of settings. Colours come from the theme's block in reader.css. */
export function cssVars(settings: Settings): Record<string, string> {
  return {
    '--lectern-font': FONT_STACKS[settings.font],
    '--lectern-size': `${settings.fontSize}px`,
    '--lectern-leading': String(settings.lineHeight),
    '--lectern-measure': MEASURES[settings.width],
  };
}

/** Put the theme and the variables on an element (the document's root). */
export function applyTheme(root: HTMLElement, settings: Settings): void {
  root.dataset.theme = settings.theme;
  for (const [name, value] of Object.entries(cssVars(settings))) root.style.setProperty(name, value);
}

/** The value `delta` steps away in an ordered list, held at the ends; an unknown value starts from the nearest. */
export function stepIn<T extends number>(list: readonly T[], value: number, delta: number): T {
  let at = list.indexOf(value as T);
  if (at < 0) at = list.reduce((best, v, i) => (Math.abs(v - value) < Math.abs(list[best]! - value) ? i : best), 0);
  return list[Math.min(list.length - 1, Math.max(0, at + delta))]!;
}
