import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';

export type ImportErrorRow = { sheet: string; row: number; column: string; message: string };

/** Where each problem of an uploaded workbook is: sheet, row, column and what is wrong. */
export function ImportErrors({ errors }: { errors: ImportErrorRow[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Table label={t('registration.reason')} columns={[t('registration.sheet'), { label: t('registration.row'), num: true }, t('registration.column'), t('registration.reason')]} testId="import-errors">
      {errors.map((e, i) => (
        <tr key={i}>
          <td>{e.sheet}</td>
          <td className="num">{e.row || '—'}</td>
          <td>{e.column}</td>
          <td>{e.message}</td>
        </tr>
      ))}
    </Table>
  );
}
