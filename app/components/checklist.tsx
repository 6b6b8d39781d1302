/** What an event still misses before registration, the draw and the lock, in words. */
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '#app/domain/checklist.ts';

export function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="notice notice-success" data-testid="checklist">{t('checklist.ready')}</p>;
  return (
    <ul className="problems" data-testid="checklist">
      {items.map((item) => (
        <li key={`${item.stage}-${item.code}`}>
          <strong>{t(`checklist.stages.${item.stage}`)}</strong>：{t(`checklist.items.${item.code}`, item.params ?? {})}
        </li>
      ))}
    </ul>
  );
}
