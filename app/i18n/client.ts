/**
 * The browser's i18next: only the page's own language is downloaded, and of it only the public
 * pages' words, unless a signed-in person needs the desks' words too (each a chunk of its own) — an
 * audience's phone never downloads the organiser's thousand sentences. Switching language reloads
 * the page.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { I18N_OPTIONS, type Language } from './languages.ts';

const pages = {
  'zh-CN': () => import('./zh-CN.ts').then((m) => m.zhCN),
  en: () => import('./en.ts').then((m) => m.en),
};
const desks = {
  'zh-CN': () => import('./zh-CN.desk.ts').then((m) => m.zhCNDesk),
  en: () => import('./en.desk.ts').then((m) => m.enDesk),
};

/** The desks' words, added to the instance once (components re-render when they arrive). */
export async function addDeskWords(instance: I18n, lng: Language): Promise<void> {
  if (instance.hasResourceBundle(lng, 'desk')) return;
  instance.addResourceBundle(lng, 'desk', await desks[lng](), true, true);
}

export async function createClientI18n(lng: Language, { desk }: { desk: boolean }): Promise<I18n> {
  const [translation, deskWords] = await Promise.all([pages[lng](), desk ? desks[lng]() : null]);
  const instance = i18next.createInstance();
  // A key not among the pages' words is looked up among the desks' (errors are in both).
  await instance.init({ ...I18N_OPTIONS, lng, fallbackLng: lng, ns: ['translation', 'desk'], defaultNS: 'translation', fallbackNS: 'desk', resources: { [lng]: deskWords ? { translation, desk: deskWords } : { translation } }, react: { bindI18nStore: 'added' } });
  return instance;
}
