import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { PHASES, canMovePhase } from '#app/domain/phases.ts';
import { TEAM_STATUSES } from '#app/domain/registration.ts';
import { changePhase, findCurrentCompetition, getAdminOverview, getCompetitionSummary } from '#app/models/competition.server.ts';
import { competitionChecklist } from '#app/models/checklist.server.ts';
import { Checklist } from '#app/components/checklist.tsx';
import { changePhaseInput } from '#app/schemas/competition.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const summary = getCompetitionSummary(context.db, actor);
  const overview = summary ? getAdminOverview(context.db, actor, summary.id) : null;
  const checklist = summary ? competitionChecklist(context.db, actor, summary.id) : [];
  return json({ actor: { displayName: actor.displayName }, summary, overview, checklist });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, changePhaseInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    changePhase(context.db, actor, parsed.data.competitionId, parsed.data.phase, parsed.data.reason);
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const, phase: findCurrentCompetition(context.db, actor)?.phase ?? parsed.data.phase });
}

export default function AdminDashboard() {
  const { actor, summary, overview, checklist } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name: actor.displayName })}</h1>
      {summary ? (
        <>
          <section className="panel">
            <h2 style={{ marginTop: 0 }}>{summary.name}</h2>
            <section className="grid">
              <div className="card"><div className="stat">{summary.counts.events}</div>{t('home.events')}</div>
              <div className="card"><div className="stat">{overview?.schools}</div>{t('home.schools')}</div>
              <div className="card"><div className="stat">{summary.counts.teams}</div>{t('dashboard.team')}</div>
              <div className="card"><div className="stat">{summary.counts.contestants}</div>{t('home.contestants')}</div>
            </section>
            <h3>{t('dashboard.teamsByStatus')}</h3>
            <p className="actions">
              {TEAM_STATUSES.map((s) => (
                <span key={s} className={`badge status-${s}`}>
                  {t(`teamStatuses.${s}`)} {overview?.teamsByStatus[s] ?? 0}
                </span>
              ))}
            </p>
          </section>
          <section className="panel" aria-labelledby="checklist-title">
            <h2 id="checklist-title" style={{ marginTop: 0 }}>{t('checklist.title')}</h2>
            {checklist.length === 0 ? <p className="notice notice-success">{t('checklist.none')}</p> : null}
            {checklist.map((e) => (
              <details key={e.eventId} className="card">
                {/* A link inside a summary would be a control inside a control: it opens the event from the body. */}
                <summary>{e.code} {e.name} · {e.missing.length}</summary>
                <Checklist items={e.missing} />
                <p><Link to={`/admin/events/${e.eventId}`}>{t('checklist.openEvent', { code: e.code })}</Link></p>
              </details>
            ))}
          </section>
          <section className="panel" aria-labelledby="phase-control">
            <h2 id="phase-control" style={{ marginTop: 0 }}>{t('dashboard.phaseControl')}</h2>
            <FormMessage
              error={result && !result.ok ? result.formError : null}
              success={result?.ok ? t('dashboard.phaseChanged', { phase: t(`phases.${result.phase}`) }) : null}
            />
            <p>
              {t('home.phase')}: <strong data-testid="phase">{t(`phases.${summary.phase}`)}</strong>
            </p>
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="competitionId" value={summary.id} />
              <label htmlFor="reason">{t('dashboard.reason')}</label>
              <input id="reason" name="reason" maxLength={500} />
              <div className="actions">
                {PHASES.filter((p) => canMovePhase(summary.phase, p)).map((p) => (
                  <button key={p} type="submit" name="phase" value={p} className={PHASES.indexOf(p) < PHASES.indexOf(summary.phase) ? 'button-secondary' : undefined}>
                    {t('dashboard.moveTo', { phase: t(`phases.${p}`) })}
                  </button>
                ))}
              </div>
            </Form>
          </section>
        </>
      ) : (
        <p>{t('home.noCompetition')} <Link to="/admin/competitions">{t('setup.newYear')}</Link></p>
      )}
    </>
  );
}
