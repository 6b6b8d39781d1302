/** The chief judge's part in an upheld appeal: reopen the team's marks, correct them, sign off again. */
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from './csrf-input.tsx';

type Mark = { criterionId: number; code: string; name: string; maxMarks: number; value: number | null };
type Appeal = {
  id: number;
  team: string;
  school: string;
  reason: string;
  decisionReason: string | null;
  reopenedAt: string | null;
  resolvedRunId: number | null;
  sheets: { sheetId: number; judge: string; workCode: string | null; marks: Mark[] }[];
};

export function ChiefAppeals({ appeals, busy }: { appeals: Appeal[]; busy: boolean }) {
  const { t } = useTranslation();
  if (appeals.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="appeals">
      <h2 id="appeals" style={{ marginTop: 0 }}>{t('appeals.title')}</h2>
      {appeals.map((a) => (
        <div key={a.id} className="card" data-testid="chief-appeal">
          <h3>#{a.id} {a.team} · {a.resolvedRunId ? t('appeals.resolved') : t('appeals.upheldForChief')}</h3>
          <p>{a.reason}</p>
          <p><small>{t('appeals.decision')}：{a.decisionReason}</small></p>
          {!a.resolvedRunId && !a.reopenedAt ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="appealId" value={a.id} />
              <button type="submit" name="intent" value="reopenAppeal" disabled={busy}>{t('appeals.reopen')}</button>
            </Form>
          ) : null}
          {a.sheets.map((s) => (
            <details key={s.sheetId} open>
              <summary>{t('appeals.judge')} {s.judge} · {s.workCode}</summary>
              {s.marks.map((m) => (
                <Form method="post" key={m.criterionId} className="filters" data-testid={`correct-${s.sheetId}-${m.criterionId}`}>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="correct" />
                  <input type="hidden" name="appealId" value={a.id} />
                  <input type="hidden" name="sheetId" value={s.sheetId} />
                  <input type="hidden" name="criterionId" value={m.criterionId} />
                  <label htmlFor={`v-${s.sheetId}-${m.criterionId}`}>{m.code} {m.name}（≤ {m.maxMarks}）</label>
                  <input id={`v-${s.sheetId}-${m.criterionId}`} name="value" type="number" step="any" min={0} max={m.maxMarks} defaultValue={m.value ?? ''} required style={{ width: '6rem' }} />
                  <input name="reason" aria-label={t('appeals.correctionReason')} placeholder={t('appeals.correctionReason')} required maxLength={500} />
                  <button type="submit" className="button-secondary" disabled={busy}>{t('appeals.correct')}</button>
                </Form>
              ))}
            </details>
          ))}
          {!a.resolvedRunId && a.reopenedAt ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="appealId" value={a.id} />
              <button type="submit" name="intent" value="relock" disabled={busy}>{t('appeals.relock')}</button>
            </Form>
          ) : null}
        </div>
      ))}
    </section>
  );
}
