/** i18next on the server, with both catalogues; zh-CN first, English as the fallback's twin. */
import i18next, { type TFunction, type i18n as I18n } from 'i18next';
import { en } from './en.ts';
import { enDesk } from './en.desk.ts';
import { zhCNDesk } from './zh-CN.desk.ts';
import { DEFAULT_LANGUAGE, I18N_OPTIONS, isLanguage, type Language } from './languages.ts';
import { zhCN } from './zh-CN.ts';

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_COOKIE, LANGUAGES, type Language } from './languages.ts';

/** A language's whole catalogue: the public pages' words and the desks', errors from both. */
function whole<P extends { errors: object }, D extends { errors: object }>(pages: P, desks: D) {
  return { ...pages, ...desks, errors: { ...pages.errors, ...desks.errors } };
}

export const resources = {
  'zh-CN': { translation: whole(zhCN, zhCNDesk) },
  en: { translation: whole(en, enDesk) },
} as const;

/** A fresh, initialised instance: one per request on the server, one per page in the browser. */
export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    ...I18N_OPTIONS,
  });
  return instance;
}

const fixed = new Map<Language, TFunction>();
/** A translate function for one language, for server code that builds messages (API errors). */
export function translator(lng: Language): TFunction {
  let t = fixed.get(lng);
  if (!t) {
    t = createI18n(lng).t;
    fixed.set(lng, t);
  }
  return t;
}

/** The language a request asked for: the `lng` cookie, else Chinese. */
export function languageOf(request: Request): Language {
  const cookie = request.headers.get('Cookie') ?? '';
  const match = /(?:^|;\s*)lng=([^;]+)/.exec(cookie);
  const value = match ? decodeURIComponent(match[1]) : undefined;
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
