import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRole } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { reopenSheet, resolveFlag } from '#app/models/mark.server.ts';
import { eventProgress, getResults, judgeReport, openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { reopenInput, resolveFlagInput } from '#app/schemas/judging.server.ts';
import { appealStepInput } from '#app/schemas/awards.server.ts';
import { appealsForChief, correctMark, relockAfterAppeal, reopenForAppeal } from '#app/models/appeal.server.ts';
import { ChiefAppeals } from '#app/components/chief-appeals.tsx';
import { z } from '#app/schemas/zod.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '裁判长 · 评分监督' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, 'judge', 'admin');
  const eventId = numericParam(params.eventId);
  return json(
    modelRead(request, () => {
      const progress = eventProgress(context.db, actor, eventId);
      const decrypted = progress.event.status !== 'scoring' && progress.event.status !== 'checking_in' && progress.event.status !== 'scheduled';
      return {
        progress,
        flags: openFlags(context.db, actor, eventId),
        report: judgeReport(context.db, actor, eventId),
        results: decrypted ? getResults(context.db, actor, eventId) : null,
        appeals: progress.event.status === 'published' || progress.event.status === 'final' ? appealsForChief(context.db, actor, eventId) : [],
        isChief: actor.role === 'judge',
      };
    }),
  );
}

const APPEAL_STEPS: readonly string[] = ['reopenAppeal', 'correct', 'relock'];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, 'judge');
  const eventId = numericParam(params.eventId);
  let intent = '';
  const parsed = await parseForm(request, context, (form) => {
    intent = String(form.get('intent'));
    if (APPEAL_STEPS.includes(intent)) return appealStepInput as z.ZodType;
    return (intent === 'resolve' ? resolveFlagInput : intent === 'reopen' ? reopenInput : z.object({})) as z.ZodType;
  });
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    if (APPEAL_STEPS.includes(intent)) {
      const step = parsed.data as z.infer<typeof appealStepInput>;
      if (step.intent === 'reopenAppeal') reopenForAppeal(context.db, actor, step.appealId);
      else if (step.intent === 'correct') correctMark(context.db, actor, step);
      else relockAfterAppeal(context.db, actor, step.appealId);
    } else if (intent === 'resolve') {
      const input = parsed.data as z.infer<typeof resolveFlagInput>;
      resolveFlag(context.db, actor, input.flagId, input.resolution);
    } else if (intent === 'reopen') {
      const input = parsed.data as z.infer<typeof reopenInput>;
      reopenSheet(context.db, actor, input.sheetId, input.reason);
    } else if (intent === 'lock') {
      lockEvent(context.db, actor, eventId);
    } else {
      return json({ ok: false as const, formError: 'unknown intent', fields: {}, values: {} }, { status: 400 });
    }
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const, intent });
}

export default function ChiefEvent() {
  const { progress, flags, report, results, isChief, appeals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const { event } = progress;
  return (
    <>
      <h1>{event.code} {event.name} <span className="badge" data-testid="event-status">{t(`eventStatuses.${event.status}`)}</span></h1>
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok && result.intent === 'lock' ? t('judging.locked') : result?.ok && result.intent === 'relock' ? t('appeals.relocked') : result?.ok && APPEAL_STEPS.includes(result.intent) ? t('appeals.saved') : null} />
      {isChief ? <ChiefAppeals appeals={appeals} busy={busy} /> : null}

      <section className="panel" aria-labelledby="flags">
        <h2 id="flags" style={{ marginTop: 0 }}>{t('judging.flags')}</h2>
        {flags.length === 0 ? <p data-testid="no-flags">{t('judging.noFlags')}</p> : null}
        {flags.map((f) => (
          <div key={f.id} className="card" data-testid="flag">
            <h3>{f.workCode} · {f.code} {f.criterion}</h3>
            <p>{f.marks.map((m) => `${m.judge}: ${m.value ?? '—'}`).join('　')}</p>
            {isChief ? (
              <Form method="post" className="filters">
                <CsrfInput />
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="flagId" value={f.id} />
                <label htmlFor={`r-${f.id}`}>{t('judging.resolution')}</label>
                <input id={`r-${f.id}`} name="resolution" required maxLength={500} />
                <button type="submit" disabled={busy}>{t('judging.resolve')}</button>
              </Form>
            ) : null}
          </div>
        ))}
      </section>

      <section className="panel" aria-labelledby="progress">
        <h2 id="progress" style={{ marginTop: 0 }}>{t('judging.progress')}</h2>
        <div className="grid">
          {progress.byJudge.map((j) => (
            <div className="card" key={j.judgeId}>
              <strong>{j.name}</strong>
              <div className="stat">{j.submitted}/{j.of}</div>
            </div>
          ))}
        </div>
        <h3>{t('judging.byWorkCode')}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th>{t('judging.workCode')}</th><th className="num">{t('judging.sheet.submitted')}</th><th>{t('judging.reopen')}</th></tr>
            </thead>
            <tbody>
              {progress.byWorkCode.map((w) => (
                <tr key={w.workCode}>
                  <td>{w.workCode}</td>
                  <td className="num">{w.submitted}/{w.of}</td>
                  <td>
                    {isChief && event.status === 'scoring'
                      ? w.sheets.filter((s) => s.status === 'submitted').map((s) => (
                          <Form method="post" key={s.sheetId} className="filters">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="reopen" />
                            <input type="hidden" name="sheetId" value={s.sheetId} />
                            <input name="reason" aria-label={t('judging.reopenReason')} placeholder={t('judging.reopenReason')} required maxLength={500} />
                            <button type="submit" className="button-secondary" disabled={busy}>{t('judging.reopen')} #{s.sheetId}</button>
                          </Form>
                        ))
                      : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="report">
        <h2 id="report" style={{ marginTop: 0 }}>{t('judging.report')}</h2>
        <p className="muted">{t('judging.reportBody')}</p>
        <table>
          <thead>
            <tr><th>{t('judging.judge')}</th><th className="num">{t('judging.marks')}</th><th className="num">{t('judging.meanPercent')}</th><th className="num">{t('judging.spreadPercent')}</th><th className="num">{t('judging.deviationPercent')}</th></tr>
          </thead>
          <tbody>
            {report.map((r) => (
              <tr key={r.judgeId}>
                <td>{r.name}</td><td className="num">{r.marks}</td><td className="num">{r.meanPercent}</td><td className="num">{r.spreadPercent}</td><td className="num">{r.deviationPercent > 0 ? '+' : ''}{r.deviationPercent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {isChief && event.status === 'scoring' ? (
        <section className="panel">
          <p>{t('judging.lockBody')}</p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="lock" disabled={busy}>{t('judging.lock')}</button>
          </Form>
        </section>
      ) : null}

      {results ? (
        <section className="panel" aria-labelledby="results">
          <h2 id="results" style={{ marginTop: 0 }}>{t('judging.results')}</h2>
          <table data-testid="results">
            <thead>
              <tr><th className="num">{t('judging.rank')}</th><th>{t('judging.workCode')}</th><th>{t('dashboard.team')}</th><th>{t('registration.school')}</th><th className="num">{t('judging.total')}</th></tr>
            </thead>
            <tbody>
              {results.rows.map((r) => (
                <tr key={r.teamId}>
                  <td className="num">{r.rank ?? t('judging.absent')}</td><td>{r.workCode ?? '—'}</td><td>{r.team}</td><td>{r.school}</td><td className="num">{r.total ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
