import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getActor, requireDesk } from '#app/auth/session.server.ts';
import { AwardBadge } from '#app/components/award-list.tsx';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { Field, FormMessage } from '#app/components/field.tsx';
import { ACHIEVEMENT_KINDS } from '#app/domain/achievements.ts';
import { can } from '#app/domain/permissions.ts';
import { achievementsOf, addAchievement, retractAchievement } from '#app/models/achievement.server.ts';
import { inheritor } from '#app/models/nomination.server.ts';
import { achievementForm, retractForm } from '#app/schemas/achievement.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name} · 楚怡职业教育精神传承人` : '楚怡职业教育精神传承人' }];

/** One inheritor: name, school, event, award and year only, and what came after, year by year. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = numericParam(params.id);
  const person = modelRead(request, () => inheritor(context.db, id));
  const canRecord = can(await getActor(request, context), 'nomination:review');
  return json({ person, later: achievementsOf(context.db, id), canRecord }, { headers: { 'Cache-Control': canRecord ? 'private, no-store' : 'public, max-age=300' } });
}

/** The organiser records a later achievement, or retracts a wrong one with a reason. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const id = numericParam(params.id);
  const parsed = await parseForm(request, context, (form) => (form.get('intent') === 'retract' ? retractForm : achievementForm));
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const input = parsed.data;
    if (input.intent === 'retract') retractAchievement(context.db, actor, input.achievementId, input.reason);
    else addAchievement(context.db, actor, id, input);
    return json({ ok: true as const, intent: input.intent });
  } catch (error) {
    return formFailure(request, error);
  }
}

export default function InheritorPage() {
  const { person, later, canRecord } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const award = person.award === 'outstanding_advisor' ? null : person.award;
  return (
    <article className="panel">
      <p><Link to="/inheritors">← {t('inheritors.back')}</Link></p>
      <h1>{person.name}</h1>
      <p className="lead">{t('inheritors.nominatedAs', { year: person.year, event: `${person.eventCode} ${person.eventName}`, award: award ? t(`awards.tiers.${award}`) : '' })}</p>
      <dl className="facts-list">
        <dt>{t('inheritors.school')}</dt><dd>{person.school}（{person.prefecture}）</dd>
        <dt>{t('inheritors.event')}</dt><dd>{person.eventCode} {person.eventName} · {person.division}</dd>
        <dt>{t('inheritors.award')}</dt><dd><AwardBadge award={award} /></dd>
        <dt>{t('inheritors.competition')}</dt><dd>{person.competition}</dd>
      </dl>
      <section aria-labelledby="later">
        <h2 id="later">{t('inheritors.later')}</h2>
        {later.length ? (
          <ul className="stack">
            {later.map((a, i) => (
              <li key={a.id ?? `r${i}`}>
                <strong>{a.year}</strong> · {t(`inheritors.kinds.${a.kind}`)}：{a.title}{a.result ? `（${a.result}）` : ''}
                {canRecord && a.id !== null ? (
                  <details>
                    <summary>{t('inheritors.retract')}</summary>
                    <Form method="post" className="filters">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="retract" />
                      <input type="hidden" name="achievementId" value={a.id} />
                      <input name="reason" aria-label={`${t('dashboard.reason')} ${a.title}`} placeholder={t('dashboard.reason')} required maxLength={500} />
                      <button type="submit" className="button-secondary" disabled={busy}>{t('inheritors.retract')}</button>
                    </Form>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('inheritors.noLater')}</p>
        )}
      </section>
      {canRecord ? (
        <section aria-labelledby="record" className="stack">
          <h2 id="record">{t('inheritors.record')}</h2>
          <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? t('inheritors.recorded') : null} />
          <Form method="post" className="filters" key={later.length}>
            <CsrfInput />
            <input type="hidden" name="intent" value="achievement" />
            <Field name="a-year" label={t('inheritors.year')}>
              <input id="a-year" name="year" type="number" required min={person.year} defaultValue={person.year + 1} />
            </Field>
            <Field name="a-kind" label={t('inheritors.kind')}>
              <select id="a-kind" name="kind">
                {ACHIEVEMENT_KINDS.map((k) => <option key={k} value={k}>{t(`inheritors.kinds.${k}`)}</option>)}
              </select>
            </Field>
            <Field name="a-title" label={t('inheritors.title_')}>
              <input id="a-title" name="title" required maxLength={120} placeholder={t('inheritors.titlePlaceholder')} />
            </Field>
            <Field name="a-result" label={t('inheritors.result')}>
              <input id="a-result" name="result" maxLength={60} placeholder={t('inheritors.resultPlaceholder')} />
            </Field>
            <button type="submit" disabled={busy}>{t('inheritors.record')}</button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
