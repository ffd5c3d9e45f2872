/**
 * The words for the settings' values and a site's choices, shared by the Display panel and the options page.
 * Functions, not constants: the words are looked up when shown.
 */
import type { Font, Theme, Width } from '../shared/settings';
import type { SiteOpen } from '../shared/sites';
import { t } from './i18n';

/** The themes, in the order the Display panel offers them. */
export const THEME_NAMES = (): Array<[Theme, string]> => [
  ['system', t('themeSystem')], ['light', t('themeLight')], ['dark', t('themeDark')], ['sepia', t('themeSepia')],
  ['contrast', t('themeContrast')], ['custom', t('themeCustom')],
];

/** The fonts, in the order the Display panel offers them. */
export const FONT_NAMES = (): Array<[Font, string]> => [
  ['serif', t('fontSerif')], ['sans', t('fontSans')], ['mono', t('fontMono')], ['atkinson', t('fontAtkinson')],
  ['lexend', t('fontLexend')], ['literata', t('fontLiterata')], ['opendyslexic', t('fontOpenDyslexic')],
];

export const WIDTH_NAMES = (): Record<Width, string> => ({ narrow: t('widthNarrow'), medium: t('widthMedium'), wide: t('widthWide'), full: t('widthFull') });

/** Where a site's articles open by themselves (Firefox's side panel is its sidebar). */
export const OPEN_NAMES = (): Record<SiteOpen, string> => ({ tab: t('siteOpenTab'), sidepanel: t('siteOpenSidePanel'), badge: t('siteOpenBadge') });
