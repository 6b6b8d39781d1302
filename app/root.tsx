import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { csrfToken } from './auth/csrf.server.ts';
import { getActor } from './auth/session.server.ts';
import { CsrfInput } from './components/csrf-input.tsx';
import { useNonce } from './components/nonce.tsx';
import { allowed } from './domain/permissions.ts';
import { homePathFor } from './domain/roles.ts';

/** The desks the header links to, shown as the permission table allows. */
const NAV_DESKS = ['desk:organiser', 'desk:school', 'desk:chief', 'entry:review'] as const;
import { languageOf } from './i18n/i18n.ts';
import { mustChangePassword } from './models/account.server.ts';
import stylesheet from './styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: '楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  const path = new URL(request.url).pathname;
  if (actor && !['/account/password', '/logout'].includes(path) && mustChangePassword(context.db, actor.userId)) {
    throw redirect('/account/password');
  }
  const csrf = await csrfToken(request, context);
  return json(
    {
      lang: languageOf(request),
      csrf: csrf.token,
      // Which of the catalogue's parts the browser loads: the desks' words for a signed-in person
      // and for the first run's page; the public pages' alone for everyone else.
      words: actor || path === '/setup' ? ('desk' as const) : ('public' as const),
      user: actor
        ? { displayName: actor.displayName, role: actor.role, homePath: homePathFor(actor), desks: allowed(actor, NAV_DESKS) }
        : null,
    },
    { headers: csrf.setCookie ? { 'Set-Cookie': csrf.setCookie } : undefined },
  );
}

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>('root');
  const { t } = useTranslation();
  const location = useLocation();
  const user = data?.user;
  const back = location.pathname + location.search;
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true">楚</span>
        <span>{t('app.name')}</span>
      </Link>
      <nav aria-label={t('nav.home')} className="nav">
        <NavLink to="/live">{t('nav.live')}</NavLink>
        <NavLink to="/results">{t('nav.results')}</NavLink>
        <NavLink to="/inheritors">{t('nav.inheritors')}</NavLink>
        {user?.desks['desk:organiser'] ? (
          <>
            <NavLink to="/admin" end>{t('nav.dashboard')}</NavLink>
            <NavLink to="/admin/competitions">{t('setup.years')}</NavLink>
            <NavLink to="/admin/schools">{t('schools.title')}</NavLink>
            <NavLink to="/admin/judges">{t('judgePool.title')}</NavLink>
            <NavLink to="/admin/registrations">{t('nav.review')}</NavLink>
            <NavLink to="/admin/events">{t('home.events')}</NavLink>
            <NavLink to="/admin/works">{t('works.navOrganiser')}</NavLink>
            <NavLink to="/admin/publication">{t('nav.publication')}</NavLink>
            <NavLink to="/admin/nominations">{t('nav.nominations')}</NavLink>
            <NavLink to="/admin/accounts">{t('nav.accounts')}</NavLink>
            <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
          </>
        ) : user ? (
          <NavLink to={user.homePath}>{t('nav.dashboard')}</NavLink>
        ) : null}
        {user?.desks['desk:school'] ? <NavLink to="/registration">{t('nav.registration')}</NavLink> : null}
        {user?.desks['desk:school'] ? <NavLink to="/school/results">{t('awards.mine')}</NavLink> : null}
        {user?.desks['desk:school'] ? <NavLink to="/school/entries">{t('works.navSchool')}</NavLink> : null}
        {user?.desks['entry:review'] ? <NavLink to="/review">{t('works.navReview')}</NavLink> : null}
        {user?.desks['desk:chief'] ? <NavLink to="/judge">{t('roles.scoring_judge')}</NavLink> : null}
      </nav>
      <div className="session-bar">
        <Form method="post" action="/language" className="inline-form" reloadDocument>
          <CsrfInput />
          <input type="hidden" name="lng" value={data?.lang === 'en' ? 'zh-CN' : 'en'} />
          <input type="hidden" name="redirectTo" value={back} />
          <button type="submit" className="link-button" lang={data?.lang === 'en' ? 'zh-CN' : 'en'}>
            {t('app.switchTo')}
          </button>
        </Form>
        {user ? (
          <>
            <span className="who">
              {user.displayName} · {t(`roles.${user.desks['desk:chief'] ? 'chief_judge' : user.role}`)}
            </span>
            <Link to="/account/password">{t('nav.password')}</Link>
            <Form method="post" action="/logout" className="inline-form">
              <CsrfInput />
              <button type="submit" className="link-button">{t('nav.logout')}</button>
            </Form>
          </>
        ) : (
          <Link to={`/login?redirectTo=${encodeURIComponent(back)}`} className="button button-small">
            {t('nav.login')}
          </Link>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  // The server renders each request in its own language; in the browser, switching language
  // reloads the page (the form below), which loads the other catalogue.
  if (data?.lang && i18n.language !== data.lang) void i18n.changeLanguage(data.lang);
  // Signed in without a reload (the page's words only): fetch the desks' words; the page re-renders with them.
  const lang = data?.lang ?? 'zh-CN';
  const desk = data?.words === 'desk';
  useEffect(() => {
    if (desk && !i18n.hasResourceBundle(lang, 'desk')) void import('./i18n/client.ts').then((m) => m.addDeskWords(i18n, lang));
  }, [desk, lang, i18n]);
  // The big screen is the whole window: no header, no footer.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  return (
    <html lang={data?.lang ?? 'zh-CN'} data-words={data?.words ?? 'public'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#9f1d20" />
        <Meta />
        <Links />
      </head>
      <body>
        {bare ? (
          <main id="main">{children}</main>
        ) : (
          <>
            <a href="#main" className="skip-link">{t('app.skipToContent')}</a>
            <SiteHeader />
            <main id="main" className="main">{children}</main>
            <footer className="site-footer">
              <span>2026 “楚怡杯” 湖南省职业院校技能竞赛</span>
              <a href="/api/v1/openapi.json">{t('nav.apiDocs')}</a>
            </footer>
          </>
        )}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t('errors.generic');
  let detail: string | undefined;
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? t('errors.notFound') : error.status === 403 ? t('errors.forbidden') : title;
    detail = typeof error.data?.message === 'string' ? error.data.message : undefined;
  }
  return (
    <section className="panel">
      <h1>{title}</h1>
      {detail && detail !== title ? <p>{detail}</p> : null}
      <Link to="/">{t('app.backHome')}</Link>
    </section>
  );
}
