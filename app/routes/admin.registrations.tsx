import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { JobProgressView, useJobForm } from '#app/components/job-progress.tsx';
import { FilterSelect as Select } from '#app/components/filter-select.tsx';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { Field, FormMessage } from '#app/components/field.tsx';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { listRegistrations, registrationCounts, registrationFilterOptions } from '#app/models/registration-review.server.ts';
import { reviewMany } from '#app/models/team-lifecycle.server.ts';
import { REGISTRATION_SORTS, TEAM_STATUSES } from '#app/domain/registration.ts';
import { reviewInput, sliceInput, teamFilterInput } from '#app/schemas/registration.server.ts';
import { parseForm } from '#app/utils/forms.server.ts';
import { violationFields } from '#app/utils/validation.server.ts';

export const meta: MetaFunction = () => [{ title: '报名审核 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = teamFilterInput.parse(query);
  const t = translator(languageOf(request));
  const list = listRegistrations(context.db, actor, filter, { page: sliceInput.parse(query).page });
  const teams = list.teams.map(({ violations, ...team }) => ({ ...team, problems: Object.values(violationFields(violations, t)) }));
  return json({ filter, teams, page: list.page, pages: list.pages, total: list.total, counts: registrationCounts(context.db, actor), options: registrationFilterOptions(context.db, actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, reviewInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { decision, teamIds, reason } = parsed.data;
  if (decision === 'return' && !reason) {
    const t = translator(languageOf(request));
    return json({ ok: false as const, formError: t('errors.return_reason_required'), fields: { reason: t('errors.return_reason_required') }, values: {} }, { status: 422 });
  }
  const outcome = reviewMany(context.db, actor, teamIds, decision, reason);
  return json({ ok: true as const, done: outcome.filter((o) => o.ok).length, failed: outcome.filter((o) => !o.ok).length });
}

export default function Registrations() {
  const { filter, teams, page, pages, total, counts, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const exporting = useJobForm();
  const query = filterQuery(filter);
  return (
    <>
      <h1>{t('registration.review')}</h1>
      <Form method="get" className="filters">
        <Select name="eventId" label={t('registration.event')} value={filter.eventId} options={options.events} />
        <Select name="divisionId" label={t('registration.division')} value={filter.divisionId} options={options.divisions} />
        <Select name="prefectureId" label={t('registration.prefecture')} value={filter.prefectureId} options={options.prefectures} />
        <Select name="schoolId" label={t('registration.school')} value={filter.schoolId} options={options.schools} />
        <Select name="status" label={t('registration.status')} value={filter.status} options={TEAM_STATUSES.map((s) => ({ id: s, label: t(`teamStatuses.${s}`) }))} />
        <Select name="sort" label={t('registration.sort')} value={filter.sort ?? REGISTRATION_SORTS[0]} blank={null} options={REGISTRATION_SORTS.map((s) => ({ id: s, label: t(`registration.sortBy.${s}`) }))} />
        <Field name="f-q" label={t('registration.search')}>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={50} />
        </Field>
        <button type="submit" className="button-secondary">{t('registration.filter')}</button>
      </Form>

      <Form method="get" action="/api/v1/exports/registrations.xlsx" reloadDocument className="filters" onSubmit={exporting.onSubmit}>
        {[...query].map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <Field name="groupBy" label={t('registration.exportBy')}>
          <select id="groupBy" name="groupBy" defaultValue="event">
            <option value="event">{t('registration.byEvent')}</option>
            <option value="school">{t('registration.bySchool')}</option>
            <option value="prefecture">{t('registration.byPrefecture')}</option>
          </select>
        </Field>
        <button type="submit" className="button-secondary" disabled={exporting.job.busy}>{t('registration.export')}</button>
        <JobProgressView view={exporting.job.view} />
      </Form>

      <FormMessage
        error={result && !result.ok ? result.formError : null}
        success={result?.ok ? t('registration.bulkDone', { ok: result.done, failed: result.failed }) : null}
      />
      <Form method="post">
        <CsrfInput />
        <div className="filters">
          <span>{t('registration.selected')}</span>
          <button type="submit" name="decision" value="approve" disabled={busy}>{t('registration.approve')}</button>
          <Field name="bulk-reason" label={t('registration.returnReason')}>
            <input id="bulk-reason" name="reason" maxLength={500} />
          </Field>
          <button type="submit" name="decision" value="return" className="button-secondary" disabled={busy}>{t('registration.return')}</button>
        </div>
        <Table
          label={t('registration.review')}
          columns={[{ label: <span className="visually-hidden">{t('registration.select')}</span>, className: 'checkbox-cell' }, t('registration.event'), t('registration.school'), t('registration.contestants'), t('registration.status'), t('registration.rules')]}
        >
          {teams.map((team) => (
            <tr key={team.id}>
              <td className="checkbox-cell">
                <input type="checkbox" name="teamIds" value={team.id} aria-label={`${team.event.code} ${team.school}`} />
              </td>
              <td><strong>{team.event.code}</strong> {team.event.name}</td>
              <td>
                <Link to={`/teams/${team.id}`}>{team.school}</Link>
                <div className="muted">{team.prefecture}</div>
              </td>
              <td>
                {team.contestants.map((c) => <div key={c.idNumber}>{c.name} <span className="muted">{c.idNumber}</span></div>)}
              </td>
              <td><span className={`badge status-${team.status}`}>{t(`teamStatuses.${team.status}`)}</span></td>
              <td>{team.problems.length ? <ul className="problems">{team.problems.map((p) => <li key={p}>{p}</li>)}</ul> : '✓'}</td>
            </tr>
          ))}
        </Table>
      </Form>
      <Pager page={page} pages={pages} total={total} query={query} />

      <div className="grid" style={{ marginTop: '1rem' }}>
        {([['countsByEvent', counts.byEvent.map((e) => ({ ...e, label: `${e.code} ${e.name}` }))], ['countsByPrefecture', counts.byPrefecture.map((p) => ({ ...p, label: p.name }))]] as const).map(([title, rows]) => (
          <section className="panel" key={title}>
            <h2 style={{ marginTop: 0 }}>{t(`registration.${title}`)}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col"><span className="visually-hidden">{t(title === 'countsByEvent' ? 'registration.event' : 'registration.prefecture')}</span></th>
                  {TEAM_STATUSES.map((s) => <th key={s} className="num">{t(`teamStatuses.${s}`)}</th>)}
                  <th className="num">{t('registration.total')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{r.label}</td>
                    {TEAM_STATUSES.map((s) => <td key={s} className="num">{r[s]}</td>)}
                    <td className="num">{r.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}
