import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatScore, fromHundredths } from '#app/domain/exact.ts';
import { Table } from '#app/components/table.tsx';
import { NOMINATION_STATUSES } from '#app/domain/awards.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { AwardBadge } from '#app/components/award-list.tsx';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { confirmNominations, pageOfNominations, reviewNomination } from '#app/models/nomination.server.ts';
import { sliceInput } from '#app/schemas/registration.server.ts';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { FilterSelect } from '#app/components/filter-select.tsx';
import { Field } from '#app/components/field.tsx';
import { nominationFilterInput, nominationReviewInput } from '#app/schemas/awards.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '传承人提名审核 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const filter = nominationFilterInput.parse(Object.fromEntries(new URL(request.url).searchParams));
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json({ filter, ...pageOfNominations(context.db, actor, filter, { page: sliceInput.parse(query).page }) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, nominationReviewInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const input = parsed.data;
  try {
    if (input.intent === 'confirmMany') return json({ ok: true as const, confirmed: confirmNominations(context.db, actor, input.nominationIds) });
    reviewNomination(context.db, actor, input.nominationId, { decision: input.decision, reason: input.reason });
    return json({ ok: true as const, confirmed: null });
  } catch (error) {
    return formFailure(request, error);
  }
}

export default function Nominations() {
  const { filter, nominations, total, awaiting, page, pages, competitionId, years, standardised } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const toReview = nominations.filter((n) => n.status === 'nominated');
  return (
    <>
      <h1>{t('nominations.title')}</h1>
      <p>{t('nominations.intro')}</p>
      <FormMessage
        error={result && !result.ok ? result.formError : null}
        success={result?.ok ? (result.confirmed !== null ? t('nominations.confirmed', { count: result.confirmed }) : t('nominations.reviewed')) : null}
      />
      <Form method="get" className="filters">
        {years.length > 1 ? <FilterSelect name="competitionId" label={t('inheritors.year')} value={competitionId ?? undefined} blank={null} options={years} /> : null}
        <FilterSelect name="status" label={t('awards.status')} value={filter.status} blank={t('inheritors.all')} options={NOMINATION_STATUSES.map((s) => ({ id: s, label: t(`nominations.statuses.${s}`) }))} />
        <Field name="f-q" label={t('inheritors.search')}>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={50} />
        </Field>
        <button type="submit">{t('inheritors.filter')}</button>
      </Form>
      <p className="muted">
        {t('nominations.awaiting', { count: awaiting })} {standardised ? t('nominations.byStandard') : null} <Link to="/admin/standardised">{t('standardised.title')}</Link>
      </p>
      {nominations.length === 0 ? <p className="panel">{t('nominations.none')}</p> : null}
      {/* The bulk form wraps the table; each row's own decision is a separate small form below it. */}
      <Form method="post" id="bulk">
        <CsrfInput />
      </Form>
      {toReview.length ? (
        <p>
          <button type="submit" form="bulk" name="intent" value="confirmMany" disabled={busy}>{t('nominations.bulkConfirm')}</button>
        </p>
      ) : null}
      {nominations.length ? (
        <Table
          label={t('nominations.title')}
          testId="nominations"
          columns={[{ label: <span className="visually-hidden">{t('nominations.select')}</span>, className: 'checkbox-cell' }, t('inheritors.name'), t('inheritors.school'), t('inheritors.event'), t('inheritors.award'), ...(standardised ? [t('standardised.standard')] : []), t('awards.status'), t('accounts.actions')]}
        >
          {nominations.map((n) => (
            <tr key={n.id} data-nomination={n.id}>
              <td className="checkbox-cell">
                {n.status === 'nominated' ? <input type="checkbox" form="bulk" name="nominationIds" value={n.id} defaultChecked aria-label={`${t('nominations.select')} ${n.name}`} /> : null}
              </td>
              <td>{n.name}</td>
              <td>{n.school}<br /><small>{n.prefecture}</small></td>
              <td>{n.eventCode} {n.eventName}</td>
              <td><AwardBadge award={n.award === 'outstanding_advisor' ? null : n.award} /></td>
              {standardised ? <td>{n.standard === null ? '—' : formatScore(fromHundredths(n.standard))}</td> : null}
              <td>{t(`nominations.statuses.${n.status}`)}{n.reviewReason ? <><br /><small>{n.reviewReason}</small></> : null}</td>
              <td>
                <Form method="post" className="filters">
                  <CsrfInput />
                  <input type="hidden" name="nominationId" value={n.id} />
                  {n.status !== 'confirmed' ? <button type="submit" name="decision" value="confirmed" disabled={busy}>{t('nominations.confirm')}</button> : null}
                  {n.status !== 'declined' ? (
                    <>
                      <input name="reason" aria-label={t('nominations.declineReason')} placeholder={t('nominations.declineReason')} maxLength={500} />
                      <button type="submit" name="decision" value="declined" disabled={busy}>{t('nominations.decline')}</button>
                    </>
                  ) : null}
                  <input type="hidden" name="intent" value="review" />
                </Form>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Pager page={page} pages={pages} total={total} query={filterQuery(filter)} />
    </>
  );
}
