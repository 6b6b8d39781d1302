import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getActor } from '#app/auth/session.server.ts';
import { AwardTable, beijing, OutstandingAdvisors } from '#app/components/award-list.tsx';
import { eventAwards } from '#app/models/award.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.awards.event.code} 公示名单` : '公示名单' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return json({ awards: modelRead(request, () => eventAwards(context.db, actor, numericParam(params.eventId))) });
}

/** The printable announcement list: A4, the page chrome hidden by the print style sheet. */
export default function Announcement() {
  const { awards } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { event } = awards;
  return (
    <article className="print-a4">
      <h1>{event.competition}<br />{event.code} {event.name} {t('awards.announcementList')}</h1>
      {awards.announcementEndsAt ? <p>{t('awards.periodEnds', { date: beijing(awards.announcementEndsAt, i18n.language) })}</p> : null}
      <AwardTable rows={awards.rows} winnersOnly />
      <OutstandingAdvisors advisors={awards.outstandingAdvisors} />
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>{t('awards.print')}</button>
      </p>
    </article>
  );
}
