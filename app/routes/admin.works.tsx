/**
 * 创新创业 · 文明风采: the organiser's desk for a works-based year — its categories (each an event:
 * chief reviewer, lock, publication as for any event), the entries submitted, the naming of
 * reviewers for the online review, and each entry's review score with its flags.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { EntryFlags } from '#app/components/entry-flags.tsx';
import { formatScore } from '#app/domain/exact.ts';
import { assignEntryReviewers, pageOfEntryScores, worksDesk, worksYears } from '#app/models/review.server.ts';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { organisationStandings, setOrganisationRule } from '#app/models/organisation-award.server.ts';
import { setReviewRules } from '#app/models/review-results.server.ts';
import { hundredthsOf } from '#app/domain/exact.ts';
import { REVIEW_AGGREGATIONS } from '#app/domain/review-scores.ts';
import { worksDeskInput } from '#app/schemas/entries.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '创新创业 · 文明风采 · 组委会' }];

function chosenYear(request: Request, years: { id: number }[]) {
  const wanted = Number(new URL(request.url).searchParams.get('competition'));
  return years.find((y) => y.id === wanted)?.id ?? years[0]?.id;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const years = worksYears(context.db, actor);
  const id = chosenYear(request, years);
  const params = new URL(request.url).searchParams;
  const q = params.get('q') ?? '';
  const filter = { find: params.get('find') ?? '', flagged: params.get('flagged') === '1', page: Number(params.get('page')) || 1 };
  return json({ years, q, filter, desk: id === undefined ? null : modelRead(request, () => ({ ...worksDesk(context.db, actor, id, q), scores: pageOfEntryScores(context.db, actor, id, { page: filter.page, q: filter.find, flagged: filter.flagged }), rule: organisationStandings(context.db, id).rule })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, worksDeskInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const id = chosenYear(request, worksYears(context.db, actor));
  const input = parsed.data;
  try {
    if (input.intent === 'organisationRule') {
      setOrganisationRule(context.db, actor, id!, { points: input.points, schools: input.schools, prefectures: input.prefectures });
      return json({ ok: true as const, outcome: null });
    }
    if (input.intent === 'reviewRules') {
      setReviewRules(context.db, actor, input.categoryId, { method: input.method, normalise: input.normalise === 'on', flagSpread: hundredthsOf(input.flagSpread) });
      return json({ ok: true as const, outcome: null });
    }
    const outcome = assignEntryReviewers(context.db, actor, id!, { judgeIds: input.judgeIds, perEntry: input.perEntry });
    return json({ ok: true as const, outcome });
  } catch (error) {
    return formFailure(request, error);
  }
}

export default function WorksDesk() {
  const { years, q, filter, desk } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('works.organiserTitle')}</h1>
      {years.length === 0 || !desk ? (
        <p className="notice">{t('works.noYears')} <Link to="/admin/competitions">{t('works.createYear')}</Link></p>
      ) : (
        <>
          <Form method="get" className="inline-form">
            <label>{t('works.year')}{' '}
              <select name="competition" defaultValue={desk.competition.id}>
                {years.map((y) => <option key={y.id} value={y.id}>{y.year} {y.name}</option>)}
              </select>
            </label>
            <button type="submit" className="button-secondary">{t('works.show')}</button>
          </Form>
          <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? (result.outcome ? t('works.assigned', { entries: result.outcome.entries, reviewers: result.outcome.reviewers, max: result.outcome.max, min: result.outcome.min }) : t('works.ruleSaved')) : null} />
          <section className="panel">
            <h2 style={{ marginTop: 0 }}>{t('works.categories')}</h2>
            <table className="cards">
              <thead><tr><th>{t('works.category')}</th><th>{t('works.drafts')}</th><th>{t('works.submittedCount')}</th><th>{t('works.status')}</th><th /></tr></thead>
              <tbody>
                {desk.categories.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t('works.category')}>{c.name}</td>
                    <td data-label={t('works.drafts')}>{c.drafts}</td>
                    <td data-label={t('works.submittedCount')}>{c.submitted}</td>
                    <td data-label={t('works.status')}>{c.status ? t(`eventStatuses.${c.status}`) : '—'}</td>
                    <td>{c.eventId ? <Link to={`/admin/events/${c.eventId}`}>{t('works.eventPage')}</Link> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t('works.eventPageBody')} <Link to={`/admin/publication?competition=${desk.competition.id}`}>{t('works.publication')}</Link></p>
          </section>
          {!desk.assigned ? (
            <section className="panel">
              <h2 style={{ marginTop: 0 }}>{t('works.assignTitle')}</h2>
              <p className="muted">{t('works.assignBody')}</p>
              <Form method="get" className="inline-form">
                <input type="hidden" name="competition" value={desk.competition.id} />
                <label>{t('judging.findJudge')} <input name="q" defaultValue={q} /></label>
                <button type="submit" className="button-secondary">{t('judging.find')}</button>
              </Form>
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="assign" />
                <fieldset className="reviewer-pick">
                  <legend>{t('works.reviewers', { count: desk.candidates.length })}</legend>
                  {desk.candidates.map((j) => (
                    <label className="checkbox" key={j.id}><input type="checkbox" name="judgeIds" value={j.id} defaultChecked /> {j.name} <span className="muted">{j.affiliation}</span></label>
                  ))}
                </fieldset>
                <label>{t('works.perEntry')} <input name="perEntry" type="number" min={1} max={9} defaultValue={3} style={{ maxWidth: '6rem' }} /></label>
                <button type="submit" disabled={busy}>{t('works.assign')}</button>
              </Form>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="review-rules">
            <h2 id="review-rules" style={{ marginTop: 0 }}>{t('works.reviewRulesTitle')}</h2>
            <p className="muted">{t('works.reviewRulesBody')}</p>
            {desk.categories.filter((c) => c.submitted > 0 || c.status === 'scheduled').map((c) => (
              <Form method="post" className="inline-form" key={c.id} aria-label={c.name}>
                <CsrfInput />
                <input type="hidden" name="intent" value="reviewRules" />
                <input type="hidden" name="categoryId" value={c.id} />
                <strong>{c.name}</strong>
                <label>{t('works.reviewMethod')}{' '}
                  <select name="method" defaultValue={c.review.method}>
                    {REVIEW_AGGREGATIONS.map((m) => <option key={m} value={m}>{t(`rules.reviewMethods.${m}`)}</option>)}
                  </select>
                </label>
                <label className="checkbox"><input type="checkbox" name="normalise" defaultChecked={c.review.normalise} /> {t('works.normalise')}</label>
                <label>{t('works.flagSpread')} <input name="flagSpread" inputMode="decimal" defaultValue={c.review.flagSpread} style={{ maxWidth: '5rem' }} /></label>
                <button type="submit" className="button-secondary" disabled={busy || c.status === 'locked' || c.status === 'published' || c.status === 'final'}>{t('works.ruleSave')}</button>
              </Form>
            ))}
          </section>
          <section className="panel" aria-labelledby="organisation-rule">
            <h2 id="organisation-rule" style={{ marginTop: 0 }}>{t('works.ruleTitle')}</h2>
            <p className="muted">{t('works.ruleBody')} <Link to={`/results/organisation/${desk.competition.id}`}>{t('works.ruleStandings')}</Link></p>
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="organisationRule" />
              {(['first', 'second', 'third', 'merit'] as const).map((tier) => (
                <label key={tier}>{t(`awards.tiers.${tier}`)} <input name={`points.${tier}`} inputMode="numeric" defaultValue={desk.rule.points[tier]} style={{ maxWidth: '5rem' }} /></label>
              ))}
              <label>{t('works.ruleSchools')} <input name="schools" inputMode="numeric" defaultValue={desk.rule.schools} style={{ maxWidth: '5rem' }} /></label>
              <label>{t('works.rulePrefectures')} <input name="prefectures" inputMode="numeric" defaultValue={desk.rule.prefectures} style={{ maxWidth: '5rem' }} /></label>
              <button type="submit" className="button-secondary" disabled={busy}>{t('works.ruleSave')}</button>
            </Form>
          </section>
          {desk.scores.total || filter.find || filter.flagged ? (
            <section className="panel">
              <h2 style={{ marginTop: 0 }}>{t('works.scoresTitle')}</h2>
              <Form method="get" className="filters">
                <input type="hidden" name="competition" value={desk.competition.id} />
                <label>{t('works.find')} <input name="find" defaultValue={filter.find} /></label>
                <label className="checkbox"><input type="checkbox" name="flagged" value="1" defaultChecked={filter.flagged} /> {t('works.flaggedOnly')}</label>
                <button type="submit" className="button-secondary">{t('works.show')}</button>
              </Form>
              {desk.scores.rows.length === 0 ? <p>{t('works.noneFound')}</p> : (
              <table className="cards">
                <thead><tr><th>{t('works.entryCode')}</th><th>{t('works.title')}</th><th>{t('works.school')}</th><th>{t('works.category')}</th><th>{t('works.score')}</th><th>{t('works.flags')}</th></tr></thead>
                <tbody>
                  {desk.scores.rows.map((e) => (
                    <tr key={e.id}>
                      <td data-label={t('works.entryCode')}>{e.entryCode ?? '—'}</td>
                      <td data-label={t('works.title')}>{e.title}</td>
                      <td data-label={t('works.school')}>{e.school}</td>
                      <td data-label={t('works.category')}>{e.category}</td>
                      <td data-label={t('works.score')}>{formatScore(e.total)} <span className="muted">({e.reviewers})</span></td>
                      <td data-label={t('works.flags')}>
                        <EntryFlags entry={e} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              )}
              <Pager page={desk.scores.page} pages={desk.scores.pages} total={desk.scores.total} query={filterQuery({ competition: desk.competition.id, find: filter.find || undefined, flagged: filter.flagged ? 1 : undefined })} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
