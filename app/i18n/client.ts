/**
 * The browser's i18next: only the page's own catalogue is downloaded (each is a chunk of its own),
 * which keeps the other language off a phone's slow connection. Switching language reloads the page.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { I18N_OPTIONS, type Language } from './languages.ts';

const catalogues = {
  'zh-CN': () => import('./zh-CN.ts').then((m) => m.zhCN),
  en: () => import('./en.ts').then((m) => m.en),
};

export async function createClientI18n(lng: Language): Promise<I18n> {
  const translation = await catalogues[lng]();
  const instance = i18next.createInstance();
  await instance.init({ ...I18N_OPTIONS, lng, fallbackLng: lng, resources: { [lng]: { translation } } });
  return instance;
}
