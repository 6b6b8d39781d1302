import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRole } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { assignJudge, listJudges, revokeAssignment } from '#app/models/assignment.server.ts';
import { drawStations, listCheckIns, recordCheckIn } from '#app/models/check-in.server.ts';
import { getEventHeader, listAssignments } from '#app/models/judge.server.ts';
import { getScheme } from '#app/models/scheme.server.ts';
import { assignInput, checkInInput } from '#app/schemas/judging.server.ts';
import { z } from '#app/schemas/zod.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '赛项管理 · 竞赛管理员' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, 'admin');
  const eventId = numericParam(params.eventId);
  return json(
    modelRead(request, () => ({
      eventId,
      scheme: getScheme(context.db, actor, eventId),
      desk: listCheckIns(context.db, actor, eventId),
      panel: listAssignments(context.db, actor, eventId),
      judges: listJudges(context.db, actor),
      event: getEventHeader(context.db, actor, eventId),
    })),
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, 'admin');
  const eventId = numericParam(params.eventId);
  let intent = '';
  const parsed = await parseForm(request, context, (form) => {
    intent = String(form.get('intent'));
    if (intent === 'check_in') return checkInInput as z.ZodType;
    if (intent === 'assign') return assignInput as z.ZodType;
    if (intent === 'revoke') return z.object({ assignmentId: z.coerce.number().int().positive() }) as z.ZodType;
    return z.object({}) as z.ZodType;
  });
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    if (intent === 'check_in') {
      const input = parsed.data as z.infer<typeof checkInInput>;
      recordCheckIn(context.db, actor, eventId, input.teamId, input.status);
    } else if (intent === 'draw') {
      drawStations(context.db, actor, eventId);
    } else if (intent === 'assign') {
      assignJudge(context.db, actor, { eventId, ...(parsed.data as z.infer<typeof assignInput>) });
    } else if (intent === 'revoke') {
      revokeAssignment(context.db, actor, (parsed.data as { assignmentId: number }).assignmentId, 'admin');
    }
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const, intent });
}

export default function AdminEvent() {
  const { eventId, event, scheme, desk, panel, judges } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const checkingIn = event.status === 'scheduled' || event.status === 'checking_in';
  return (
    <>
      <p><Link to="/admin/events">← {t('home.events')}</Link></p>
      <h1>{event.code} {event.name} <span className="badge" data-testid="event-status">{t(`eventStatuses.${event.status}`)}</span></h1>
      <FormMessage error={result && !result.ok ? result.formError : null} />
      <p><Link to={`/chief/events/${eventId}`}>{t('judging.progress')} · {t('judging.results')}</Link></p>

      <section className="panel" aria-labelledby="desk">
        <h2 id="desk" style={{ marginTop: 0 }}>{t('judging.checkIn')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th>{t('registration.school')}</th><th>{t('registration.status')}</th><th className="num">{t('judging.station')}</th><th>{t('judging.checkInCode')}</th><th>{t('judging.workCode')}</th><th /></tr>
            </thead>
            <tbody>
              {desk.map((d) => (
                <tr key={d.teamId}>
                  <td>{d.school}<div className="muted">{d.team}</div></td>
                  <td>{d.status ? t(d.status === 'present' ? 'judging.present' : 'judging.absentAction') : '—'}</td>
                  <td className="num">{d.stationNumber ?? '—'}</td>
                  <td>{d.checkInCode ?? '—'}</td>
                  <td>{d.workCode ?? '—'}</td>
                  <td>
                    {checkingIn ? (
                      <Form method="post" className="actions">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="check_in" />
                        <input type="hidden" name="teamId" value={d.teamId} />
                        <button type="submit" name="status" value="present" disabled={busy} aria-label={`${t('judging.present')} ${d.school}`}>{t('judging.present')}</button>
                        <button type="submit" name="status" value="absent" className="button-secondary" disabled={busy} aria-label={`${t('judging.absentAction')} ${d.school}`}>{t('judging.absentAction')}</button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {event.status === 'checking_in' ? (
          <Form method="post" style={{ marginTop: '1rem' }}>
            <CsrfInput />
            <p className="muted">{t('judging.drawBody')}</p>
            <button type="submit" name="intent" value="draw" disabled={busy}>{t('judging.draw')}</button>
          </Form>
        ) : null}
      </section>

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
        <Form method="post" className="filters">
          <CsrfInput />
          <input type="hidden" name="intent" value="assign" />
          <select name="judgeId" aria-label={t('judging.judge')} required>
            {judges.map((j) => <option key={j.id} value={j.id}>{`${j.name}（${j.affiliation}）`}</option>)}
          </select>
          <select name="role" aria-label={t('accounts.role')}>
            <option value="scoring_judge">{t('roles.scoring_judge')}</option>
            <option value="chief_judge">{t('roles.chief_judge')}</option>
          </select>
          <button type="submit" disabled={busy}>{t('judging.assign')}</button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="scheme">
        <h2 id="scheme" style={{ marginTop: 0 }}>
          {t('judging.scheme')} · {t('judging.schemeTotal', { total: scheme.total, expected: scheme.expectedTotal ?? '—' })}
          {scheme.frozenAt ? <span className="badge">{t('judging.frozen')}</span> : null}
        </h2>
        {scheme.modules.map((m) => (
          <div key={m.id}>
            <h3>{m.code} {m.name}</h3>
            <table>
              <tbody>
                {m.criteria.map((c) => (
                  <tr key={c.id}><td>{c.code}</td><td>{c.name}</td><td>{t(c.kind === 'judgement' ? 'judging.judgement' : 'judging.marks')}</td><td className="num">{c.maxMarks}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </>
  );
}
