/** A year's setup by page: its settings and default rules, divisions, venues and events. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { Choice, Setting, type FormState } from '#app/components/setup-fields.tsx';
import { Table } from '#app/components/table.tsx';
import { toBeijingInput } from '#app/domain/beijing.ts';
import { SCHOOL_TYPES } from '#app/domain/competition-setup.ts';
import { competitionSetup, createEvent, saveDivision, saveVenue, updateCompetition } from '#app/models/competition-setup.server.ts';
import { listSchools } from '#app/models/school.server.ts';
import { fromForm } from '#app/schemas/form.server.ts';
import { yearDeskInput } from '#app/schemas/setup.server.ts';
import { formFailure, parseForm, valuesOf } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.setup.competition.name ?? ''} · 届次设置` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const id = numericParam(params.id);
  return json(
    modelRead(request, () => {
      const setup = competitionSetup(context.db, actor, id);
      // The page lists a year's events (two hundred in the province) and offers every school as a
      // host: only what it shows is sent.
      const events = setup.events.map(({ id, code, name, divisionId, venueId, scheduledOn, timeSlot }) => ({ id, code, name, divisionId, venueId, scheduledOn, timeSlot }));
      return { setup: { ...setup, events }, schools: listSchools(context.db, actor).map(({ id, code, name }) => ({ id, code, name })) };
    }),
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const id = numericParam(params.id);
  const parsed = await parseForm(request, context, fromForm(yearDeskInput));
  if (!parsed.ok) return json({ ...parsed, intent: parsed.values.intent }, { status: 400 });
  const { intent, ...input } = parsed.data;
  try {
    switch (parsed.data.intent) {
      case 'settings':
        updateCompetition(context.db, actor, id, input);
        break;
      case 'division':
        saveDivision(context.db, actor, id, parsed.data);
        break;
      case 'venue':
        saveVenue(context.db, actor, id, parsed.data);
        break;
      case 'event':
        createEvent(context.db, actor, id, parsed.data);
        break;
    }
  } catch (error) {
    return formFailure(request, error, { ...valuesOf(parsed.form), intent });
  }
  return json({ ok: true as const, intent });
}

export default function YearSetup() {
  const { setup, schools } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const { competition: c } = setup;
  const failed = result && !result.ok ? result : undefined;
  const stateOf = (intent: string): FormState | undefined => (failed && (failed.values.intent ?? ('intent' in failed ? failed.intent : undefined)) === intent ? failed : undefined);
  const saved = result?.ok ? result.intent : null;
  return (
    <>
      <p><Link to="/admin/competitions">← {t('setup.years')}</Link></p>
      <h1>{c.name} <span className="badge">{t(`phases.${c.phase}`)}</span></h1>
      <FormMessage error={failed?.formError} success={saved ? t('dashboard.saved') : null} />

      <section className="panel" aria-labelledby="settings">
        <h2 id="settings" style={{ marginTop: 0 }}>{t('setup.settings')}</h2>
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="settings" />
          <Setting prefix="year" name="name" label={t('setup.name')} value={c.name} state={stateOf('settings')} />
          <Setting prefix="year" name="year" label={t('setup.year')} value={c.year} state={stateOf('settings')} inputMode="numeric" />
          <Setting prefix="year" name="startsOn" label={t('setup.startsOn')} type="date" value={c.startsOn} state={stateOf('settings')} />
          <Setting prefix="year" name="endsOn" label={t('setup.endsOn')} type="date" value={c.endsOn} state={stateOf('settings')} />
          <Setting prefix="year" name="registrationOpensAt" label={t('setup.registrationOpensAt')} type="datetime-local" value={c.registrationOpensAt ? toBeijingInput(c.registrationOpensAt) : ''} state={stateOf('settings')} />
          <Setting prefix="year" name="registrationDeadline" label={t('setup.registrationDeadline')} type="datetime-local" value={c.registrationDeadline ? toBeijingInput(c.registrationDeadline) : ''} state={stateOf('settings')} />
          <Setting prefix="year" name="announcementDays" label={t('setup.announcementDays')} value={c.announcementDays} state={stateOf('settings')} inputMode="numeric" />
          <fieldset>
            <legend>{t('setup.defaultRules')}</legend>
            <Setting prefix="year" name="defaultAwardRatios.first" label={t('setup.ratioFirst')} value={c.defaultAwardRatios.first} state={stateOf('settings')} inputMode="decimal" />
            <Setting prefix="year" name="defaultAwardRatios.second" label={t('setup.ratioSecond')} value={c.defaultAwardRatios.second} state={stateOf('settings')} inputMode="decimal" />
            <Setting prefix="year" name="defaultAwardRatios.third" label={t('setup.ratioThird')} value={c.defaultAwardRatios.third} state={stateOf('settings')} inputMode="decimal" />
            <Choice prefix="year" name="defaultTieAtBoundary" label={t('setup.tieAtBoundary')} value={c.defaultTieAtBoundary} options={[{ value: 'down', label: t('setup.tieDown') }, { value: 'up', label: t('setup.tieUp') }]} />
            <Choice prefix="year" name="defaultAggregationMethod" label={t('setup.aggregationMethod')} value={c.defaultAggregationMethod} options={(['mean', 'trimmed_mean', 'median'] as const).map((m) => ({ value: m, label: t(`rules.methods.${m}`) }))} />
            <Choice prefix="year" name="defaultLiveMode" label={t('live.mode')} value={c.defaultLiveMode} options={(['named', 'anonymous', 'hidden'] as const).map((m) => ({ value: m, label: t(`live.modes.${m}`) }))} />
            <label className="checkbox">
              <input type="checkbox" name="standardisedScores" defaultChecked={c.standardisedScores} /> {t('setup.standardisedScores')}
            </label>
            <small className="hint">{t('setup.standardisedHint')}</small>
          </fieldset>
          <button type="submit" disabled={busy}>{t('dashboard.save')}</button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="divisions">
        <h2 id="divisions" style={{ marginTop: 0 }}>{t('setup.divisions')}</h2>
        <Table label={t('setup.divisions')} columns={[t('setup.code'), t('setup.name'), t('setup.schoolTypes'), { label: t('setup.maxAge'), num: true }]}>
          {setup.divisions.map((d) => (
            <tr key={d.id}><td>{d.code}</td><td>{d.name}</td><td>{d.allowedSchoolTypes.map((s) => t(`schoolTypes.${s}`)).join('、')}</td><td className="num">{d.maxAge ?? '—'}</td></tr>
          ))}
        </Table>
        <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
          <CsrfInput />
          <input type="hidden" name="intent" value="division" />
          <Setting prefix="division" name="code" label={t('setup.code')} state={stateOf('division')} placeholder="GZ" required />
          <Setting prefix="division" name="name" label={t('setup.name')} state={stateOf('division')} placeholder="高职组" required />
          <fieldset>
            <legend>{t('setup.schoolTypes')}</legend>
            {SCHOOL_TYPES.map((s) => (
              <label key={s} className="inline-check"><input type="checkbox" name="allowedSchoolTypes" value={s} /> {t(`schoolTypes.${s}`)}</label>
            ))}
            {stateOf('division')?.fields?.allowedSchoolTypes ? <p className="field-error" role="alert">{stateOf('division')!.fields!.allowedSchoolTypes}</p> : null}
          </fieldset>
          <Setting prefix="division" name="maxAge" label={t('setup.maxAge')} state={stateOf('division')} inputMode="numeric" />
          <Setting prefix="division" name="ageReferenceDate" label={t('setup.ageReferenceDate')} type="date" state={stateOf('division')} hint={t('setup.ageReferenceHint')} />
          <button type="submit" disabled={busy}>{t('setup.addDivision')}</button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="venues">
        <h2 id="venues" style={{ marginTop: 0 }}>{t('setup.venues')}</h2>
        <Table label={t('setup.venues')} columns={[t('setup.name'), t('setup.hostSchool'), t('setup.director'), t('setup.supervisor')]}>
          {setup.venues.map((v) => (
            <tr key={v.id}><td>{v.name}<div className="muted">{v.address}</div></td><td>{v.hostSchool}</td><td>{v.directorName ?? '—'}</td><td>{v.supervisorName ?? '—'}</td></tr>
          ))}
        </Table>
        <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
          <CsrfInput />
          <input type="hidden" name="intent" value="venue" />
          <Setting prefix="venue" name="name" label={t('setup.name')} state={stateOf('venue')} required />
          <Choice prefix="venue" name="hostSchoolId" label={t('setup.hostSchool')} state={stateOf('venue')} options={[{ value: '', label: '—' }, ...schools.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))]} />
          <Setting prefix="venue" name="address" label={t('setup.address')} state={stateOf('venue')} />
          <Setting prefix="venue" name="directorName" label={t('setup.director')} state={stateOf('venue')} />
          <Setting prefix="venue" name="supervisorName" label={t('setup.supervisor')} state={stateOf('venue')} />
          <button type="submit" disabled={busy}>{t('setup.addVenue')}</button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="events">
        <h2 id="events" style={{ marginTop: 0 }}>{t('home.events')}</h2>
        <Table label={t('home.events')} columns={[t('setup.code'), t('setup.name'), t('setup.division'), t('setup.venue'), t('dashboard.scheduledOn')]}>
          {setup.events.map((e) => (
            <tr key={e.id}>
              <td><Link to={`/admin/events/${e.id}`}>{e.code}</Link></td>
              <td>{e.name}</td>
              <td>{setup.divisions.find((d) => d.id === e.divisionId)?.name}</td>
              <td>{setup.venues.find((v) => v.id === e.venueId)?.name ?? '—'}</td>
              <td>{e.scheduledOn ?? '—'}{e.timeSlot ? ` ${e.timeSlot}` : ''}</td>
            </tr>
          ))}
        </Table>
        <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
          <CsrfInput />
          <input type="hidden" name="intent" value="event" />
          <Setting prefix="event" name="code" label={t('setup.code')} state={stateOf('event')} placeholder="GZ012" required />
          <Setting prefix="event" name="name" label={t('setup.name')} state={stateOf('event')} required />
          <Choice prefix="event" name="divisionId" label={t('setup.division')} state={stateOf('event')} options={[{ value: '', label: '—' }, ...setup.divisions.map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))]} />
          <Choice prefix="event" name="venueId" label={t('setup.venue')} state={stateOf('event')} options={[{ value: '', label: '—' }, ...setup.venues.map((v) => ({ value: v.id, label: v.name }))]} />
          <Setting prefix="event" name="minTeamSize" label={t('setup.minTeamSize')} value={1} state={stateOf('event')} inputMode="numeric" />
          <Setting prefix="event" name="maxTeamSize" label={t('setup.maxTeamSize')} value={1} state={stateOf('event')} inputMode="numeric" />
          <Setting prefix="event" name="scheduledOn" label={t('dashboard.scheduledOn')} type="date" state={stateOf('event')} />
          <Setting prefix="event" name="timeSlot" label={t('setup.timeSlot')} state={stateOf('event')} placeholder="08:30–12:00" />
          <p className="muted">{t('setup.eventDefaultsHint')}</p>
          <button type="submit" disabled={busy}>{t('setup.addEvent')}</button>
        </Form>
      </section>
    </>
  );
}
