/** The catalogue's keys (a type only: the catalogue itself is the browser's, not bundled); i18n.ts re-exports it. */
import type en from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof en;
