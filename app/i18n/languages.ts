/** The languages and the i18next settings, shared by the server and the browser (no catalogue here). */
import type { InitOptions } from 'i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_COOKIE = 'lng';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export const I18N_OPTIONS: InitOptions = {
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
};
