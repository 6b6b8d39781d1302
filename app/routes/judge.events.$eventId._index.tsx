import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { judgeSheets } from '#app/models/mark.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '评分 · 裁判' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judge');
  return json(modelRead(request, () => judgeSheets(context.db, actor, numericParam(params.eventId))));
}

export default function JudgeEvent() {
  const { event, criteria, sheets } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{event.code} {event.name}</h1>
      <p className="muted">{t('judging.anonymousNote')}</p>
      {sheets.length ? <p><a href={`/judge/events/${event.id}/print`}>{t('judging.printSheets')}</a></p> : null}
      {sheets.length === 0 ? <p className="notice">{t('judging.noSheets')}</p> : (
        <p className="facts" role="status">
          <strong>{t('judging.sheetsDone', { done: sheets.filter((s) => s.status === 'submitted').length, of: sheets.length })}</strong>
        </p>
      )}
      <div className="grid">
        {sheets.map((s) => (
          <Link key={s.workCode} to={`/judge/events/${event.id}/sheets/${s.workCode}`} className="card" data-testid="sheet-card">
            <h3>{s.workCode}</h3>
            <div>{Object.keys(s.marks).length} / {criteria.length}</div>
            <span className={`badge ${s.status === 'submitted' ? 'status-approved' : ''}`}>{t(`judging.sheet.${s.status}`)}</span>
          </Link>
        ))}
      </div>
    </>
  );
}
