/** An appeal's status in words (已提交 / 申诉成立 / 申诉不成立), the same on every page. */
import { useTranslation } from 'react-i18next';

export function AppealStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <strong>{t(`appeals.statuses.${status}`)}</strong>;
}
