import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { isDecrypted, isMarkable, isPublished } from '#app/domain/event-lifecycle.ts';
import { formatScore } from '#app/domain/exact.ts';
import { allowed } from '#app/domain/permissions.ts';
import { reopenSheet, resolveFlag } from '#app/models/mark.server.ts';
import { eventProgress, getResults, judgeReport, lockReadiness, openFlags, scoringRules } from '#app/models/result.server.ts';
import { ScoringRules } from '#app/components/scoring-rules.tsx';
import { lockEvent } from '#app/models/run.server.ts';
import { reviewedCategory } from '#app/models/review-results.server.ts';
import { hasStage } from '#app/models/stage.server.ts';
import { chiefDeskInput } from '#app/schemas/judging.server.ts';
import { revokeConflictedJudge } from '#app/models/assignment.server.ts';
import { appealsForChief, correctMark, relockAfterAppeal, reopenForAppeal } from '#app/models/appeal.server.ts';
import { ChiefAppeals } from '#app/components/chief-appeals.tsx';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '裁判长 · 评分监督' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judging');
  const eventId = numericParam(params.eventId);
  // An entry category's event is scored by its online review: its desk is the review desk.
  if (reviewedCategory(context.db, eventId)) throw redirect(`/chief/reviews/${eventId}`);
  return json(
    modelRead(request, () => {
      const progress = eventProgress(context.db, actor, eventId);
      const status = progress.event.status;
      return {
        progress,
        flags: openFlags(context.db, actor, eventId),
        report: judgeReport(context.db, actor, eventId),
        results: isDecrypted(status) ? getResults(context.db, actor, eventId) : null,
        appeals: isPublished(status) ? appealsForChief(context.db, actor, eventId) : [],
        can: allowed(actor, ['marking:chief', 'appeal:reopen'], { eventId }),
        rules: scoringRules(context.db, eventId),
        readiness: isMarkable(status) ? lockReadiness(context.db, actor, eventId) : null,
        markable: isMarkable(status),
        stage: hasStage(context.db, eventId),
      };
    }),
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judge');
  const eventId = numericParam(params.eventId);
  const parsed = await parseForm(request, context, chiefDeskInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case 'reopenAppeal':
        reopenForAppeal(context.db, actor, input.appealId);
        break;
      case 'correct':
        correctMark(context.db, actor, input);
        break;
      case 'relock':
        relockAfterAppeal(context.db, actor, input.appealId);
        break;
      case 'resolve':
        resolveFlag(context.db, actor, input.flagId, input.resolution);
        break;
      case 'reopen':
        reopenSheet(context.db, actor, input.sheetId, input.reason);
        break;
      case 'lock':
        lockEvent(context.db, actor, eventId);
        break;
      case 'revokeConflicted':
        revokeConflictedJudge(context.db, actor, eventId, input.judgeId, input.reason);
        break;
    }
  } catch (error) {
    return formFailure(request, error);
  }
  const intent = input.intent;
  return json({ ok: true as const, intent });
}

export default function ChiefEvent() {
  const { progress, flags, report, results, can, markable, appeals, rules, readiness, stage } = useLoaderData<typeof loader>();
  const isChief = can['marking:chief'];
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const { event } = progress;
  return (
    <>
      <h1>{event.code} {event.name} <span className="badge" data-testid="event-status">{t(`eventStatuses.${event.status}`)}</span></h1>
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok && result.intent === 'lock' ? t('judging.locked') : result?.ok && result.intent === 'relock' ? t('appeals.relocked') : result?.ok && ['reopenAppeal', 'correct'].includes(result.intent) ? t('appeals.saved') : result?.ok ? t('dashboard.saved') : null} />
      {stage ? <p><Link className="button" to={`/chief/events/${event.id}/stage`}>{t('stage.link')}</Link></p> : null}
      <ScoringRules rules={rules} panelSize={readiness?.panelSize ?? null} />
      {can['appeal:reopen'] ? <ChiefAppeals appeals={appeals} busy={busy} /> : null}
      {readiness && readiness.conflicts.length ? (
        <section className="panel notice-error" aria-labelledby="conflicts" data-testid="conflicts">
          <h2 id="conflicts" style={{ marginTop: 0 }}>{t('judging.conflicts')}</h2>
          <p>{t('judging.conflictsBody')}</p>
          {readiness.conflicts.map((c) => (
            <div key={c.judgeId} className="card">
              <strong>{c.judge}</strong> · {c.school}
              {isChief ? (
                <Form method="post" className="filters">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="revokeConflicted" />
                  <input type="hidden" name="judgeId" value={c.judgeId} />
                  <input name="reason" aria-label={t('judging.revokeReason')} placeholder={t('judging.revokeReason')} required maxLength={500} />
                  <button type="submit" disabled={busy}>{t('judging.revokeConflicted')}</button>
                </Form>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

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
        <Table label={t('judging.byWorkCode')} columns={[t('judging.workCode'), { label: t('judging.sheet.submitted'), num: true }, t('judging.reopen')]}>
          {progress.byWorkCode.map((w) => (
            <tr key={w.workCode}>
              <td>{w.workCode}</td>
              <td className="num">{w.submitted}/{w.of}</td>
              <td>
                {isChief && markable
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
        </Table>
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

      {isChief && markable ? (
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
          <p><a href={`/api/v1/events/${results.event.id}/results.xlsx`} download>{t('judging.resultsXlsx')}</a></p>
          <table data-testid="results">
            <thead>
              <tr><th className="num">{t('judging.rank')}</th><th>{t('judging.workCode')}</th><th>{t('dashboard.team')}</th><th>{t('registration.school')}</th><th className="num">{t('judging.total')}</th></tr>
            </thead>
            <tbody>
              {results.rows.map((r) => (
                <tr key={r.teamId}>
                  <td className="num">{r.rank ?? t('judging.absent')}</td><td>{r.workCode ?? '—'}</td><td>{r.team}</td><td>{r.school}</td><td className="num">{formatScore(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
