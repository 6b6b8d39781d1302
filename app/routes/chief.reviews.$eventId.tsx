/**
 * 网评 · the chief reviewer (the category event's chief judge): every entry by its code with its
 * reviewers' totals and spread; a disagreement over the category's threshold is resolved here with
 * a score and a reason; the lock waits for every review and every resolution, then decrypts.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { EntryFlags } from '#app/components/entry-flags.tsx';
import { formatScore } from '#app/domain/exact.ts';
import { allowed } from '#app/domain/permissions.ts';
import { isMarkable } from '#app/domain/event-lifecycle.ts';
import { resolveReviewFlag, reviewDesk } from '#app/models/review-results.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { reviewDeskInput } from '#app/schemas/entries.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';
import { pageWindow } from '#app/models/search.server.ts';
import { Pager } from '#app/components/pager.tsx';

export const meta: MetaFunction = () => [{ title: '网评 · 评审组长' }];

const DESK_PAGE = 100;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judging');
  const eventId = numericParam(params.eventId);
  const desk = modelRead(request, () => reviewDesk(context.db, actor, eventId));
  // The disagreements are all shown above; the entries a page at a time (a category may have thousands).
  const { page, pages, offset } = pageWindow(desk.entries.length, Number(new URL(request.url).searchParams.get('page')) || 1, DESK_PAGE);
  return json({ eventId, desk: { ...desk, entries: desk.entries.slice(offset, offset + DESK_PAGE), flagged: desk.entries.filter((e) => e.flagged), total: desk.entries.length, page, pages }, can: allowed(actor, ['marking:chief'], { eventId }) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judging');
  const eventId = numericParam(params.eventId);
  const parsed = await parseForm(request, context, reviewDeskInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const input = parsed.data;
  try {
    if (input.intent === 'resolve') resolveReviewFlag(context.db, actor, input.entryId, input);
    else lockEvent(context.db, actor, eventId);
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const, intent: input.intent });
}

export default function ReviewDesk() {
  const { desk, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useTranslation();
  const { obstacles } = desk;
  const open = isMarkable(desk.status);
  const flagged = desk.flagged;
  return (
    <>
      <p><Link to="/chief">← {t('roles.chief_judge')}</Link></p>
      <h1>{t('works.deskTitle', { category: desk.category.name })} <span className="badge">{t(`eventStatuses.${desk.status}`)}</span></h1>
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? t(`works.done.${result.intent}`) : null} />
      {open ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('works.lockTitle')}</h2>
          <ul data-testid="lock-obstacles">
            <li>{obstacles.reviewsOutstanding ? t('errors.reviews_outstanding', { count: obstacles.reviewsOutstanding }) : `✓ ${t('works.allReviewed')}`}</li>
            <li>{obstacles.flagsOpen ? t('works.flagsOpen', { count: obstacles.flagsOpen }) : `✓ ${t('works.noFlags')}`}</li>
          </ul>
          {can['marking:chief'] ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="lock" />
              <button type="submit" disabled={busy || obstacles.reviewsOutstanding > 0 || obstacles.flagsOpen > 0}>{t('works.lock')}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {flagged.length && open && can['marking:chief'] ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('works.flagsTitle')}</h2>
          <p className="muted">{t('works.flagsBody')}</p>
          {flagged.map((e) => (
            <Form method="post" key={e.id} className="inline-form" aria-label={e.entryCode}>
              <CsrfInput />
              <input type="hidden" name="intent" value="resolve" />
              <input type="hidden" name="entryId" value={e.id} />
              <p>
                <strong>{e.entryCode}</strong> · {t('works.totals')} {e.totals.map(formatScore).join(' / ')} · {t('works.spread')} {formatScore(e.spread)}
                {e.resolved ? <span className="badge status-approved"> {t('works.resolved', { total: formatScore(e.total) })}</span> : null}
              </p>
              <label>{t('works.resolvedTotal')} <input name="total" inputMode="decimal" required style={{ maxWidth: '8rem' }} /></label>
              <label>{t('judging.reason')} <input name="reason" required maxLength={500} /></label>
              <button type="submit" disabled={busy}>{t('works.resolve')}</button>
            </Form>
          ))}
        </section>
      ) : null}
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('works.entriesTitle')}</h2>
        <table className="cards">
          <thead>
            <tr><th>{t('works.entryCode')}</th>{desk.entries.some((e) => e.title) ? <th>{t('works.title')}</th> : null}<th>{t('works.totals')}</th><th>{t('works.spread')}</th><th>{t('works.score')}</th><th>{t('works.flags')}</th></tr>
          </thead>
          <tbody>
            {desk.entries.map((e) => (
              <tr key={e.id}>
                <td data-label={t('works.entryCode')}>{e.entryCode}</td>
                {e.title ? <td data-label={t('works.title')}>{e.title}</td> : null}
                <td data-label={t('works.totals')}>{e.totals.length ? e.totals.map(formatScore).join(' / ') : '—'}</td>
                <td data-label={t('works.spread')}>{formatScore(e.spread)}</td>
                <td data-label={t('works.score')}>{formatScore(e.total)}</td>
                <td data-label={t('works.flags')}>
                  <EntryFlags entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={desk.page} pages={desk.pages} total={desk.total} query={new URLSearchParams()} />
      </section>
    </>
  );
}
