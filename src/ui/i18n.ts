/**
 * The interface's words, in the browser's language: every string a view shows comes from
 * `_locales/<lang>/messages.json` through `t()` (the browser picks the catalogue; English when it has none for the
 * reader's language). Sentences that arrive as results (the extraction core and the background speak English) are
 * shown in the reader's language by `sentence()`, which finds them in the English catalogue.
 */
import { browser } from '../shared/browser';
import type { MessageKey } from './message-key';
import { SENTENCE_KEYS } from './sentence-keys';

export type { MessageKey };

/** The message for `key` in the browser's language, its $PLACEHOLDERS$ filled with `subs` (never blank: the key). */
export function t(key: MessageKey, ...subs: string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

/** A sentence from a result, in the reader's language when the catalogue has it (else as it came). */
export function sentence(english: string): string {
  const key = SENTENCE_KEYS[english];
  return key ? t(key) : english;
}

/**
 * The interface's language as an HTML `lang` ('en', 'de', 'pt-BR', 'ar'...): the code the catalogue the browser chose
 * gives for itself (Chromium started in German answers `getUILanguage()` and `@@ui_locale` with en-US yet reads the
 * German catalogue).
 */
export function uiLanguage(): string {
  return browser.i18n.getMessage('languageCode') || browser.i18n.getUILanguage() || 'en';
}

/** Right to left for Arabic and Hebrew interfaces: the direction the chosen catalogue gives for its language. */
export function uiDirection(lang?: string): 'rtl' | 'ltr' {
  if (lang === undefined) {
    const dir = browser.i18n.getMessage('languageDirection');
    if (dir === 'rtl' || dir === 'ltr') return dir;
    lang = uiLanguage();
  }
  return /^(?:ar|he|iw|fa|ur)(?:[-_]|$)/i.test(lang) ? 'rtl' : 'ltr';
}
