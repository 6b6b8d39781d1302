import { useTranslation } from 'react-i18next';

export type ImportErrorRow = { sheet: string; row: number; column: string; message: string };

/** Where each problem of an uploaded workbook is: sheet, row, column and what is wrong. */
export function ImportErrors({ errors }: { errors: ImportErrorRow[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="table-wrap">
      <table data-testid="import-errors">
        <thead>
          <tr>
            <th>{t('registration.sheet')}</th>
            <th className="num">{t('registration.row')}</th>
            <th>{t('registration.column')}</th>
            <th>{t('registration.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td>{e.sheet}</td>
              <td className="num">{e.row || '—'}</td>
              <td>{e.column}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
