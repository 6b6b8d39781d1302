import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { beijing } from '#app/components/award-list.tsx';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { listCompetitions } from '#app/models/competition-setup.server.ts';
import { publicationDesk, publishAllLocked, publishEvent } from '#app/models/publication.server.ts';
import { publishInput } from '#app/schemas/awards.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '成绩发布 · 楚怡杯竞赛系统' }];

/** The year asked for (`?competition=`: a 创新创业 or 文明风采 year's categories), else the current 楚怡杯. */
function chosenYear(request: Request, context: LoaderFunctionArgs['context'], actor: Parameters<typeof listCompetitions>[1]) {
  const wanted = Number(new URL(request.url).searchParams.get('competition'));
  const years = listCompetitions(context.db, actor);
  return { years, competition: years.find((y) => y.id === wanted) ?? findCurrentCompetition(context.db) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const { years, competition } = chosenYear(request, context, actor);
  return json({ years: years.map((y) => ({ id: y.id, name: y.name, year: y.year })), competitionId: competition?.id ?? null, events: competition ? publicationDesk(context.db, actor, competition.id) : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, publishInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const competition = chosenYear(request, context, actor).competition!;
    const published = parsed.data.intent === 'publish' ? [publishEvent(context.db, actor, parsed.data.eventId)] : publishAllLocked(context.db, actor, competition.id);
    return json({ ok: true as const, count: published.length });
  } catch (error) {
    return formFailure(request, error);
  }
}

export default function Publication() {
  const { events, years, competitionId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t, i18n } = useTranslation();
  if (!events) return <NotOpenYet title={t('awards.publishTitle')} />;
  const locked = events.filter((e) => e.status === 'locked').length;
  return (
    <>
      <h1>{t('awards.publishTitle')}</h1>
      {years.length > 1 ? (
        <Form method="get" className="inline-form">
          <label>{t('works.year')}{' '}
            <select name="competition" defaultValue={competitionId ?? undefined}>
              {years.map((y) => <option key={y.id} value={y.id}>{y.year} {y.name}</option>)}
            </select>
          </label>
          <button type="submit" className="button-secondary">{t('works.show')}</button>
        </Form>
      ) : null}
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? t('awards.published', { count: result.count }) : null} />
      {events.length === 0 ? <p className="panel">{t('awards.nothingToPublish')}</p> : null}
      {locked > 1 ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="publishAll" disabled={busy}>{t('awards.publishAll')}（{locked}）</button>
        </Form>
      ) : null}
      <Table label={t('awards.publishTitle')} columns={[t('inheritors.event'), t('awards.status'), t('appeals.title'), t('accounts.actions')]}>
        {events.map((e) => (
          <tr key={e.id} data-event={e.code}>
            <td>{e.code} {e.name}<br /><small>{e.division}</small></td>
            <td>
              {t(`eventStatuses.${e.status}`)}
              {e.status === 'published' && e.announcementEndsAt ? <><br /><small>{t('awards.periodEnds', { date: beijing(e.announcementEndsAt, i18n.language) })}</small></> : null}
            </td>
            <td>{e.pendingAppeals ? t('awards.pendingAppeals', { count: e.pendingAppeals }) : '—'}</td>
            <td>
              {e.status === 'locked' ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="eventId" value={e.id} />
                  <button type="submit" name="intent" value="publish" disabled={busy}>{t('awards.publish')}</button>
                </Form>
              ) : (
                <Link to={`/results/${e.id}`}>{t('awards.view')}</Link>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
