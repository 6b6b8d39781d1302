import type { MetaFunction } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { NotOpenYet } from '#app/components/not-open.tsx';

export const meta: MetaFunction = () => [{ title: '尚未开放 · 楚怡杯竞赛系统' }];

export default function Page() {
  const { t } = useTranslation();
  return <NotOpenYet title={t('nav.live')} />;
}
