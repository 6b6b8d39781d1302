import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createClientI18n } from './i18n/client.ts';
import { DEFAULT_LANGUAGE, isLanguage } from './i18n/languages.ts';

const { lang, dataset } = document.documentElement;
// The page is already painted by the server; hydration waits only for its language's words (the
// desks' too for a signed-in person: the server says so on <html data-words>).
void createClientI18n(isLanguage(lang) ? lang : DEFAULT_LANGUAGE, { desk: dataset.words === 'desk' }).then((i18n) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
});
