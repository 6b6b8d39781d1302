import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** A public page whose capability has not been released yet. */
export function NotOpenYet({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel not-open">
      <h1>{title}</h1>
      <p className="badge badge-muted">{t('app.notOpenYet')}</p>
      <p>{t('app.notOpenYetBody')}</p>
      <Link to="/">{t('app.backHome')}</Link>
    </section>
  );
}
