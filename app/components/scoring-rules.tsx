/** An event's scoring rules in words: the aggregation method, the discrepancy threshold, the rounding, the panel — or, for an entry category, its online review's. */
import { useTranslation } from 'react-i18next';
import { formatScore } from '#app/domain/exact.ts';

type Rules = { aggregationMethod: string; discrepancyThreshold: number; rounding: { decimals: number }; trimmedMeanMinJudges: number; review: { method: string; normalise: boolean; flagSpread: number } | null };

export function ScoringRules({ rules, panelSize = null }: { rules: Rules; panelSize?: number | null }) {
  const { t } = useTranslation();
  const short = rules.aggregationMethod === 'trimmed_mean' && panelSize !== null && panelSize < rules.trimmedMeanMinJudges;
  return (
    <section className="panel" aria-labelledby="scoring-rules" data-testid="scoring-rules">
      <h2 id="scoring-rules" style={{ marginTop: 0 }}>{t('rules.title')}</h2>
      {rules.review ? (
        <ul>
          <li>{t('rules.reviewMethod', { method: t(`rules.reviewMethods.${rules.review.method}`) })}</li>
          {rules.review.normalise ? <li>{t('rules.reviewNormalise')}</li> : null}
          <li>{t('rules.reviewFlag', { spread: formatScore(rules.review.flagSpread) })}</li>
          <li>{t('rules.reviewRounding', { decimals: rules.rounding.decimals })}</li>
        </ul>
      ) : (
        <ul>
          <li>{t('rules.method', { method: t(`rules.methods.${rules.aggregationMethod}`) })}</li>
          <li>{t('rules.threshold', { threshold: formatScore(rules.discrepancyThreshold) })}</li>
          <li>{t('rules.rounding', { decimals: rules.rounding.decimals })}</li>
          {panelSize !== null ? <li className={short ? 'field-error' : undefined}>{t(short ? 'rules.panelShort' : 'rules.panel', { count: panelSize, min: rules.trimmedMeanMinJudges })}</li> : null}
        </ul>
      )}
    </section>
  );
}
