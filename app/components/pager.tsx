import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * Pages of a long list: where the reader is, how many there are, and links to the first, previous,
 * next and last pages that keep the list's filters (`query`).
 */
/** A list's filter as the query string its pages keep (empty values left out). */
export function filterQuery(filter: Record<string, string | number | boolean | null | undefined>): URLSearchParams {
  return new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)]));
}

export function Pager({ page, pages, total, query }: { page: number; pages: number; total: number; query: URLSearchParams }) {
  const { t } = useTranslation();
  const to = (n: number) => {
    const next = new URLSearchParams(query);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    const search = next.toString();
    return search ? `?${search}` : '?';
  };
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <span role="status">{t('pager.where', { page, pages, total })}</span>
      {page > 1 ? (
        <>
          <Link to={to(1)}>{t('pager.first')}</Link>
          <Link to={to(page - 1)} rel="prev">{t('pager.previous')}</Link>
        </>
      ) : null}
      {page < pages ? (
        <>
          <Link to={to(page + 1)} rel="next">{t('pager.next')}</Link>
          <Link to={to(pages)}>{t('pager.last')}</Link>
        </>
      ) : null}
    </nav>
  );
}
