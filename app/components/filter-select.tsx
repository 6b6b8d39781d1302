/** One filter or order of a list's GET form: a labelled choice whose empty value means “all” (an order has none). */
import { useTranslation } from 'react-i18next';
import { Field } from './field.tsx';

export function FilterSelect({ name, label, value, options, blank }: { name: string; label: string; value?: number | string; options: { id: number | string; label: string }[]; blank?: string | null }) {
  const { t } = useTranslation();
  return (
    <Field name={`f-${name}`} label={label}>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ''}>
        {blank === null ? null : <option value="">{blank ?? t('registration.all')}</option>}
        {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
    </Field>
  );
}
