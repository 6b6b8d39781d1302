/** 网评: the reviewer's entries by code — what is left, what is done — and the way into each. */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { formatScore } from '#app/domain/exact.ts';
import { reviewQueue } from '#app/models/review.server.ts';
import { modelRead } from '#app/utils/route.server.ts';
import { waitingCodes } from '#app/works/review-outbox.ts';

export const meta: MetaFunction = () => [{ title: '网评 · 评审' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'entry:review');
  const queue = modelRead(request, () => reviewQueue(context.db, actor));
  return json({ entries: queue.map(({ entryCode, category, mine, open }) => ({ entryCode, category, open, total: mine?.total ?? null })) });
}

export default function ReviewQueue() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<string[]>([]);
  useEffect(() => setWaiting(waitingCodes()), []);
  const done = entries.filter((e) => e.total !== null).length;
  const next = entries.find((e) => e.total === null && e.open);
  return (
    <>
      <h1>{t('works.reviewTitle')}</h1>
      <p className="muted">{t('works.reviewAnonymous')}</p>
      {entries.length === 0 ? (
        <p className="notice">{t('works.reviewNone')}</p>
      ) : (
        <>
          <p className="sheet-progress" data-testid="review-progress">
            {t('works.reviewProgress', { done, of: entries.length })}
            <progress value={done} max={entries.length} style={{ marginLeft: '0.75rem', verticalAlign: 'middle' }} />
          </p>
          {next ? <p><Link className="button" to={`/review/${next.entryCode}`}>{t('works.reviewNext', { code: next.entryCode })}</Link></p> : null}
          <table className="cards">
            <thead><tr><th>{t('works.entryCode')}</th><th>{t('works.category')}</th><th>{t('works.myTotal')}</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.entryCode}>
                  <td data-label={t('works.entryCode')}><Link to={`/review/${e.entryCode}`}>{e.entryCode}</Link></td>
                  <td data-label={t('works.category')}>{e.category}</td>
                  <td data-label={t('works.myTotal')}>
                    {waiting.includes(e.entryCode) ? `⏳ ${t('judging.pending')}` : e.total === null ? <span className="muted">{t('works.notReviewed')}</span> : formatScore(e.total)}
                    {!e.open ? <span className="badge"> {t('works.reviewLocked')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
