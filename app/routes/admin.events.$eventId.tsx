import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { toBeijingInput } from '#app/domain/beijing.ts';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { LIVE_MODES } from '#app/domain/scoreboard.ts';
import { ImportErrors } from '#app/components/import-errors.tsx';
import { assignJudge, listJudges, revokeAssignment } from '#app/models/assignment.server.ts';
import { drawStations, listCheckIns, recordCheckIn, redoDraw, unsealEvent } from '#app/models/check-in.server.ts';
import { getEventHeader, listAssignments } from '#app/models/judge.server.ts';
import { saveScheme, schemeForEditor } from '#app/models/scheme.server.ts';
import { eventConflicts } from '#app/models/assignment.server.ts';
import { reviewedCategory } from '#app/models/review-results.server.ts';
import { scoringRules } from '#app/models/result.server.ts';
import { ScoringRules } from '#app/components/scoring-rules.tsx';
import { Choice, Setting, type FormState } from '#app/components/setup-fields.tsx';
import { Checklist } from '#app/components/checklist.tsx';
import { eventChecklist } from '#app/models/checklist.server.ts';
import { isCheckInOpen } from '#app/domain/event-lifecycle.ts';
import { eventDeskInput, judgeSearchInput, schemeFromRows } from '#app/schemas/judging.server.ts';
import { setLiveSettings } from '#app/models/scoreboard.server.ts';
import { formFailure, parseForm, valuesOf } from '#app/utils/forms.server.ts';
import { fromForm } from '#app/schemas/form.server.ts';
import { competitionSetup, eventSettings, updateEvent } from '#app/models/competition-setup.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';
import type { SchemeImportResult } from './admin.events.$eventId.scheme[.]xlsx.ts';

export const meta: MetaFunction = () => [{ title: '赛项管理 · 竞赛管理员' }];

const JUDGES_OFFERED = 50;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const eventId = numericParam(params.eventId);
  // The judges to assign from: those found by name or organisation (`?judge=`), at most 50 offered.
  const judgeQuery = judgeSearchInput.parse(Object.fromEntries(new URL(request.url).searchParams)).judge;
  return json(
    modelRead(request, () => {
      // An entry category's event is scored by its online review: no check-in desk, no draw, no checklist.
      const reviewed = reviewedCategory(context.db, eventId) !== undefined;
      const settings = settingsOf(context.db, actor, eventId);
      return {
        eventId,
        scheme: schemeForEditor(context.db, actor, eventId),
        review: reviewed ? { competitionId: settings.settings.competitionId } : null,
        desk: reviewed ? null : listCheckIns(context.db, actor, eventId),
        panel: listAssignments(context.db, actor, eventId),
        judges: { ...listJudges(context.db, actor, { q: judgeQuery, limit: JUDGES_OFFERED }), query: judgeQuery ?? '' },
        event: getEventHeader(context.db, actor, eventId),
        rules: scoringRules(context.db, eventId),
        conflicts: eventConflicts(context.db, actor, eventId),
        checklist: reviewed ? [] : eventChecklist(context.db, actor, eventId),
        ...settings,
      };
    }),
  );
}

/** The event's settings and the year's venues, for the settings form. */
function settingsOf(db: Parameters<typeof eventSettings>[0], actor: Parameters<typeof eventSettings>[1], eventId: number) {
  const settings = eventSettings(db, actor, eventId);
  return { settings, venues: competitionSetup(db, actor, settings.competitionId).venues.map((v) => ({ id: v.id, name: v.name })) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const eventId = numericParam(params.eventId);
  const parsed = await parseForm(request, context, fromForm(eventDeskInput));
  if (!parsed.ok) return json(parsed, { status: 400 });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case 'check_in':
        recordCheckIn(context.db, actor, eventId, input.teamId, input.status);
        break;
      case 'draw':
        drawStations(context.db, actor, eventId, { confirmAbsent: input.confirmAbsent });
        break;
      case 'redraw':
        redoDraw(context.db, actor, eventId, input.reason);
        break;
      case 'assign':
        assignJudge(context.db, actor, { eventId, judgeId: input.judgeId, role: input.role });
        break;
      case 'revoke':
        revokeAssignment(context.db, actor, input.assignmentId, input.reason || '组委会调整 (organiser)');
        break;
      case 'unseal':
        unsealEvent(context.db, actor, eventId, input.reason);
        break;
      case 'scheme':
        saveScheme(context.db, actor, eventId, schemeFromRows(input));
        break;
      case 'live':
        setLiveSettings(context.db, actor, eventId, input);
        break;
      case 'settings': {
        const { intent: _intent, ...patch } = input;
        updateEvent(context.db, actor, eventId, patch);
        break;
      }
    }
  } catch (error) {
    return formFailure(request, error, { ...valuesOf(parsed.form), intent: input.intent });
  }
  return json({ ok: true as const, intent: input.intent });
}

/** How the event is shown live, and when its public board freezes (Beijing time). */
function LiveSettings({ mode, freezeAt, saved, busy }: { eventId: number; mode: string; freezeAt: string | null; saved: boolean; busy: boolean }) {
  const { t } = useTranslation();
  // datetime-local wants "YYYY-MM-DDTHH:mm" in Beijing time.
  const local = freezeAt ? toBeijingInput(freezeAt) : '';
  return (
    <Form method="post" className="filters panel" aria-label={t('live.settings')}>
      <CsrfInput />
      <input type="hidden" name="intent" value="live" />
      <label htmlFor="liveMode">{t('live.mode')}</label>
      <select id="liveMode" name="mode" defaultValue={mode}>
        {LIVE_MODES.map((m) => <option key={m} value={m}>{t(`live.modes.${m}`)}</option>)}
      </select>
      <label htmlFor="freezeAt">{t('live.freezeAt')}</label>
      <input id="freezeAt" name="freezeAt" type="datetime-local" defaultValue={local} title={t('live.freezeHint')} />
      <button type="submit" disabled={busy}>{t('live.saveSettings')}</button>
      {saved ? <span className="notice-success" role="status">{t('dashboard.saved')}</span> : null}
    </Form>
  );
}

/** The scheme as a workbook: download it (or the template), fill it in, upload it back. */
function SchemeWorkbook({ eventId, frozen }: { eventId: number; frozen: boolean }) {
  const { t } = useTranslation();
  const upload = useFetcher<SchemeImportResult>();
  const result = upload.data;
  const href = `/admin/events/${eventId}/scheme.xlsx`;
  return (
    <div className="stack" style={{ marginTop: '1rem' }}>
      <p><a href={href} className="button button-secondary" download>{t('judging.schemeDownload')}</a></p>
      {frozen ? null : (
        <upload.Form method="post" action={href} encType="multipart/form-data" className="filters">
          <CsrfInput />
          <label htmlFor="schemeFile">{t('judging.schemeUpload')}</label>
          <input id="schemeFile" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          <button type="submit" disabled={upload.state !== 'idle'}>{t('registration.upload')}</button>
        </upload.Form>
      )}
      {result ? (
        <FormMessage
          error={result.ok ? null : 'message' in result ? result.message : t('errors.import_rejected', { count: result.errors.length })}
          success={result.ok ? t('judging.schemeImported', { modules: result.modules, criteria: result.criteria, total: result.total }) : null}
        />
      ) : null}
      {result && !result.ok ? <ImportErrors errors={result.errors} /> : null}
    </div>
  );
}

type Settings = ReturnType<typeof useLoaderData<typeof loader>>['settings'];

/** Every setting of the event, changeable until its draw (then shown, frozen). */
function EventSettingsForm({ settings: e, venues, state, saved, busy }: { settings: Settings; venues: { id: number; name: string }[]; state?: FormState; saved: boolean; busy: boolean }) {
  const { t } = useTranslation();
  const off = e.frozen;
  return (
    <details className="panel" open={!!state || saved}>
      <summary><h2 style={{ display: 'inline', margin: 0 }}>{t('eventSettings.title')}</h2>{off ? <span className="badge">{t('judging.frozen')}</span> : null}</summary>
      {saved ? <p className="notice notice-success" role="status">{t('dashboard.saved')}</p> : null}
      <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
        <CsrfInput />
        <input type="hidden" name="intent" value="settings" />
        <fieldset disabled={off}>
          <Setting prefix="settings" name="name" label={t('setup.name')} value={e.name} state={state} />
          <Choice prefix="settings" name="venueId" label={t('setup.venue')} value={e.venueId} state={state} options={[{ value: '', label: '—' }, ...venues.map((v) => ({ value: v.id, label: v.name }))]} />
          <Setting prefix="settings" name="scheduledOn" label={t('dashboard.scheduledOn')} type="date" value={e.scheduledOn} state={state} />
          <Setting prefix="settings" name="timeSlot" label={t('setup.timeSlot')} value={e.timeSlot} state={state} />
          <Setting prefix="settings" name="minTeamSize" label={t('setup.minTeamSize')} value={e.minTeamSize} state={state} inputMode="numeric" />
          <Setting prefix="settings" name="maxTeamSize" label={t('setup.maxTeamSize')} value={e.maxTeamSize} state={state} inputMode="numeric" />
          <Setting prefix="settings" name="maxAdvisors" label={t('eventSettings.maxAdvisors')} value={e.maxAdvisors} state={state} inputMode="numeric" />
          <Setting prefix="settings" name="quotaPerSchool" label={t('eventSettings.quota')} value={e.quotaPerSchool} state={state} inputMode="numeric" />
          <label className="inline-check"><input type="checkbox" name="allowMultiTeamContestants" defaultChecked={e.allowMultiTeamContestants} /> {t('eventSettings.multiTeam')}</label>
          <Choice prefix="settings" name="aggregationMethod" label={t('setup.aggregationMethod')} value={e.aggregationMethod} state={state} options={(['mean', 'trimmed_mean', 'median'] as const).map((m) => ({ value: m, label: t(`rules.methods.${m}`) }))} />
          <Setting prefix="settings" name="discrepancyThreshold" label={t('eventSettings.threshold')} value={e.discrepancyThreshold} state={state} inputMode="decimal" />
          <label className="inline-check"><input type="checkbox" name="tieBreakByCompletionTime" defaultChecked={e.tieBreakByCompletionTime} /> {t('eventSettings.completionTime')}</label>
          <Setting prefix="settings" name="awardRatios.first" label={t('setup.ratioFirst')} value={e.awardRatios.first} state={state} inputMode="decimal" />
          <Setting prefix="settings" name="awardRatios.second" label={t('setup.ratioSecond')} value={e.awardRatios.second} state={state} inputMode="decimal" />
          <Setting prefix="settings" name="awardRatios.third" label={t('setup.ratioThird')} value={e.awardRatios.third} state={state} inputMode="decimal" />
          <Setting prefix="settings" name="awardRatios.merit" label={t('setup.ratioMerit')} value={e.awardRatios.merit ?? 0} state={state} inputMode="decimal" />
          <p className="muted" style={{ gridColumn: '1 / -1', margin: 0 }}>{t('setup.awardCountsHelp')}</p>
          {(['first', 'second', 'third', 'merit'] as const).map((tier) => (
            <Setting key={tier} prefix="settings" name={`awardCounts.${tier}`} label={t('setup.countOf', { tier: t(`awards.tiers.${tier}`) })} value={e.awardCounts?.[tier] ?? ''} state={state} inputMode="numeric" />
          ))}
          <Choice prefix="settings" name="tieAtBoundary" label={t('setup.tieAtBoundary')} value={e.tieAtBoundary} state={state} options={[{ value: 'down', label: t('setup.tieDown') }, { value: 'up', label: t('setup.tieUp') }]} />
          <Setting prefix="settings" name="minTotalForAward" label={t('eventSettings.minTotal')} value={e.minTotalForAward} state={state} inputMode="decimal" />
          <button type="submit" disabled={busy}>{t('dashboard.save')}</button>
        </fieldset>
      </Form>
    </details>
  );
}

/** While sealed, the desk never shows work codes; an emergency unseal needs a reason and is disclosed. */
function SealNotice({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="notice" data-testid="sealed">
      <summary>{t('judging.sealedNotice')}</summary>
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="unseal" />
        <label htmlFor="unseal-reason">{t('judging.unsealReason')}</label>
        <textarea id="unseal-reason" name="reason" required maxLength={500} rows={2} />
        <button type="submit" className="button-secondary" disabled={busy}>{t('judging.unseal')}</button>
      </Form>
    </details>
  );
}

const DESK_INTENTS = ['check_in', 'draw', 'redraw'];

export default function AdminEvent() {
  const { eventId, event, scheme, desk, review, panel, judges, rules, conflicts, checklist, settings, venues } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const checkingIn = isCheckInOpen(event.status);
  const scoringJudges = panel.filter((p) => p.role === 'scoring_judge').length;
  // A refusal at the check-in desk (a check-in, the draw, its redo) is shown there, where the click was.
  const failed = result && !result.ok ? result : null;
  const deskResult = failed && DESK_INTENTS.includes(String(failed.values?.intent)) ? failed.formError : null;
  return (
    <>
      <p><Link to="/admin/events">← {t('home.events')}</Link></p>
      <h1>{event.code} {event.name} <span className="badge" data-testid="event-status">{t(`eventStatuses.${event.status}`)}</span></h1>
      <FormMessage error={failed && !deskResult ? failed.formError : null} />
      <p><Link to={`/chief/events/${eventId}`}>{t('judging.progress')} · {t('judging.results')}</Link> · <Link to={`/live/${eventId}`}>{t('live.watch')}</Link> · <Link to={`/admin/events/${eventId}/rounds`}>{t('rounds.list')}</Link></p>
      {/* An entry category is scored by its review's rubric: the skills checklist and scheme editor do not apply. */}
      {review ? null : (
        <section className="panel" aria-labelledby="checklist-title">
          <h2 id="checklist-title" style={{ marginTop: 0 }}>{t('checklist.title')}</h2>
          <Checklist items={checklist} />
        </section>
      )}
      <ScoringRules rules={rules} panelSize={scoringJudges} />
      <EventSettingsForm settings={settings} venues={venues} state={result && !result.ok && result.values.intent === 'settings' ? result : undefined} saved={result?.ok === true && result.intent === 'settings'} busy={busy} />
      {conflicts.length ? (
        <p className="notice notice-error" role="alert" data-testid="conflicts">
          {t('judging.conflictsAdmin', { list: conflicts.map((c) => `${c.judge}（${c.school}）`).join('、') })}
        </p>
      ) : null}
      <LiveSettings eventId={eventId} mode={event.liveMode} freezeAt={event.freezeAt} saved={result?.ok === true && result.intent === 'live'} busy={busy} />

      {review || !desk ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('works.reviewTitle')}</h2>
          <p>{t('works.eventIsReview')} <Link to={`/admin/works?competition=${review?.competitionId ?? ''}`}>{t('works.navOrganiser')}</Link> · <Link to={`/chief/reviews/${eventId}`}>{t('works.entriesTitle')}</Link></p>
        </section>
      ) : (
      <section className="panel" aria-labelledby="desk">
        <h2 id="desk" style={{ marginTop: 0 }}>{t('judging.checkIn')}</h2>
        <p className="facts" role="status" data-testid="check-in-counts">
          <span className="badge status-approved">{t('judging.countPresent', { count: desk.counts.present })}</span>
          <span className="badge status-returned">{t('judging.countAbsent', { count: desk.counts.absent })}</span>
          <span className="badge">{t('judging.countUnchecked', { count: desk.counts.unchecked })}</span>
          <span className="muted">{t('judging.countTeams', { count: desk.counts.teams })}</span>
        </p>
        {deskResult ? <FormMessage error={deskResult} /> : null}
        {desk.sealed ? <SealNotice busy={busy} /> : null}
        <Table label={t('judging.checkIn')} columns={[t('registration.school'), t('registration.status'), { label: t('judging.station'), num: true }, t('judging.checkInCode'), t('judging.workCode'), t('accounts.actions')]}>
          {desk.rows.map((d) => (
            <tr key={d.teamId}>
              <td>{d.school}<div className="muted">{d.team}</div></td>
              <td>
                <span className={`badge ${d.status === 'present' ? 'status-approved' : d.status === 'absent' ? 'status-returned' : ''}`}>
                  {t(d.status === 'present' ? 'judging.present' : d.status === 'absent' ? 'judging.absentAction' : 'judging.unchecked')}
                </span>
              </td>
              <td className="num">{desk.sealed && d.status === 'present' ? <span className="muted">{t('judging.sealed')}</span> : (d.stationNumber ?? '—')}</td>
              <td>{d.checkInCode ?? '—'}</td>
              <td>{desk.sealed ? <span className="muted">{t('judging.sealed')}</span> : (d.workCode ?? '—')}</td>
              <td>
                {checkingIn ? (
                  <Form method="post" className="actions">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="check_in" />
                    <input type="hidden" name="teamId" value={d.teamId} />
                    {/* The state it has is shown beside; only the other one is offered. */}
                    {d.status !== 'present' ? <button type="submit" name="status" value="present" disabled={busy} aria-label={`${t('judging.present')} ${d.school}`}>{t('judging.present')}</button> : null}
                    {d.status !== 'absent' ? <button type="submit" name="status" value="absent" className="button-secondary" disabled={busy} aria-label={`${t('judging.absentAction')} ${d.school}`}>{t('judging.absentAction')}</button> : null}
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
        {event.status === 'checking_in' ? (
          <Form method="post" style={{ marginTop: '1rem' }} data-testid="draw">
            <CsrfInput />
            <p className="muted">{t('judging.drawBody')}</p>
            {desk.counts.unchecked > 0 ? (
              <p className="notice notice-error">
                <label className="inline-check">
                  <input type="checkbox" name="confirmAbsent" value={desk.counts.unchecked} required /> {t('judging.drawConfirm', { count: desk.counts.unchecked })}
                </label>
              </p>
            ) : null}
            <button type="submit" name="intent" value="draw" disabled={busy}>{t('judging.draw')}</button>
          </Form>
        ) : null}
        {desk.redrawable ? (
          <details style={{ marginTop: '1rem' }} data-testid="redraw">
            <summary>{t('judging.redraw')}</summary>
            <Form method="post" className="filters">
              <CsrfInput />
              <p className="muted">{t('judging.redrawBody')}</p>
              <label htmlFor="redrawReason">{t('judging.reason')}</label>
              <input id="redrawReason" name="reason" required maxLength={500} />
              <button type="submit" name="intent" value="redraw" className="button-secondary" disabled={busy}>{t('judging.redraw')}</button>
            </Form>
          </details>
        ) : null}
      </section>
      )}

      <section className="panel" aria-labelledby="panel">
        <h2 id="panel" style={{ marginTop: 0 }}>{t('judging.assignments')}</h2>
        <ul>
          {panel.map((p) => (
            <li key={p.id}>
              {p.name}（{p.affiliation}）· {t(`roles.${p.role}`)}
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="assignmentId" value={p.id} />{' '}
                <button type="submit" className="link-button">✕</button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="get" className="filters" aria-label={t('judging.findJudge')}>
          <label htmlFor="judge-search">{t('judging.findJudge')}</label>
          <input id="judge-search" name="judge" type="search" defaultValue={judges.query} maxLength={50} />
          <button type="submit" className="button-secondary">{t('judging.find')}</button>
          <span className="muted" role="status">{t('judging.judgesFound', { found: judges.found, shown: judges.judges.length })}</span>
        </Form>
        <Form method="post" className="filters">
          <CsrfInput />
          <input type="hidden" name="intent" value="assign" />
          <select name="judgeId" aria-label={t('judging.judge')} required>
            {judges.judges.map((j) => <option key={j.id} value={j.id}>{`${j.name}（${j.affiliation}）`}</option>)}
          </select>
          <select name="role" aria-label={t('accounts.role')}>
            <option value="scoring_judge">{t('roles.scoring_judge')}</option>
            <option value="chief_judge">{t('roles.chief_judge')}</option>
          </select>
          <button type="submit" disabled={busy}>{t('judging.assign')}</button>
        </Form>
      </section>

      {review ? null : (
      <section className="panel" aria-labelledby="scheme">
        <h2 id="scheme" style={{ marginTop: 0 }}>
          {t('judging.scheme')} · {t('judging.schemeTotal', { total: scheme.total, expected: scheme.expectedTotal ?? '—' })}{' '}
          {scheme.frozenAt ? <span className="badge">{t('judging.frozen')}</span> : null}
        </h2>
        {result?.ok && result.intent === 'scheme' ? <p className="notice notice-success" role="status">{t('dashboard.saved')}</p> : null}
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="scheme" />
          <label htmlFor="expectedTotal">{t('judging.expectedTotal')}</label>{' '}
          <input id="expectedTotal" name="expectedTotal" inputMode="decimal" defaultValue={scheme.expectedTotal ?? ''} style={{ maxWidth: '8rem' }} disabled={!!scheme.frozenAt} />
          <div className="table-wrap" style={{ marginTop: '0.5rem' }} role="region" aria-label={t('judging.scheme')} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>{t('judging.moduleCode')}</th><th>{t('judging.moduleName')}</th><th>{t('judging.criterionCode')}</th><th>{t('judging.criterionName')}</th>
                  <th>{t('judging.maxMarks')}</th><th>{t('judging.decimals')}</th><th>{t('judging.kind')}</th><th>{t('judging.allOrNothing')}</th>
                </tr>
              </thead>
              <tbody>
                {[...scheme.modules.flatMap((m) => m.criteria.map((c) => ({ m, c }))), ...Array.from({ length: scheme.frozenAt ? 0 : 4 }, () => null)].map((row, i) => (
                  <tr key={i}>
                    <td><input name={`rows.${i}.moduleCode`} aria-label={`${t('judging.moduleCode')} ${i + 1}`} defaultValue={row?.m.code ?? ''} disabled={!!scheme.frozenAt} /></td>
                    <td><input name={`rows.${i}.moduleName`} aria-label={`${t('judging.moduleName')} ${i + 1}`} defaultValue={row?.m.name ?? ''} disabled={!!scheme.frozenAt} /></td>
                    <td><input name={`rows.${i}.code`} aria-label={`${t('judging.criterionCode')} ${i + 1}`} defaultValue={row?.c.code ?? ''} disabled={!!scheme.frozenAt} /></td>
                    <td><input name={`rows.${i}.name`} aria-label={`${t('judging.criterionName')} ${i + 1}`} defaultValue={row?.c.name ?? ''} disabled={!!scheme.frozenAt} /></td>
                    <td><input name={`rows.${i}.maxMarks`} aria-label={`${t('judging.maxMarks')} ${i + 1}`} inputMode="decimal" defaultValue={row?.c.maxMarks ?? ''} disabled={!!scheme.frozenAt} /></td>
                    <td><input name={`rows.${i}.decimals`} aria-label={`${t('judging.decimals')} ${i + 1}`} inputMode="numeric" defaultValue={row?.c.decimals ?? ''} disabled={!!scheme.frozenAt} /></td>
                    <td>
                      <select name={`rows.${i}.kind`} aria-label={`${t('judging.kind')} ${i + 1}`} defaultValue={row?.c.kind ?? ''} disabled={!!scheme.frozenAt}>
                        <option value="" />
                        <option value="measurement">{t('judging.measurement')}</option>
                        <option value="judgement">{t('judging.judgement')}</option>
                      </select>
                    </td>
                    <td><input type="checkbox" name={`rows.${i}.allOrNothing`} aria-label={`${t('judging.allOrNothing')} ${i + 1}`} defaultChecked={row?.c.allOrNothing ?? false} disabled={!!scheme.frozenAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {scheme.frozenAt ? null : <button type="submit" disabled={busy} style={{ marginTop: '0.5rem' }}>{t('judging.saveScheme')}</button>}
        </Form>
        <SchemeWorkbook eventId={eventId} frozen={!!scheme.frozenAt} />
      </section>
      )}
    </>
  );
}
