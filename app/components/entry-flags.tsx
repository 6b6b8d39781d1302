/** An entry's flags in the online review: reviewers who disagree (and whether the chief reviewer has resolved it), names found in its files. */
import { useTranslation } from 'react-i18next';

export function EntryFlags({ entry }: { entry: { flagged: boolean; resolved: boolean; namesInFiles: number } }) {
  const { t } = useTranslation();
  return (
    <>
      {entry.flagged ? <span className={`badge ${entry.resolved ? 'status-approved' : 'status-returned'}`}>{entry.resolved ? t('works.resolvedShort') : t('works.disagree')}</span> : null}
      {entry.namesInFiles ? <span className="badge status-returned"> {t('works.namesFlag', { count: entry.namesInFiles })}</span> : null}
    </>
  );
}
