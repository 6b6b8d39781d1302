import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { JobDownload } from '#app/components/job-progress.tsx';
import { AppealStatus } from '#app/components/appeal-status.tsx';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { AwardBadge } from '#app/components/award-list.tsx';
import { appealsOfSchool } from '#app/models/appeal.server.ts';
import { schoolCertificates } from '#app/models/certificate.server.ts';
import { publishedTeamsOfSchool } from '#app/models/feedback.server.ts';

export const meta: MetaFunction = () => [{ title: '本校成绩与申诉 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const schoolId = actor.schoolId!;
  const teams = publishedTeamsOfSchool(context.db, actor, schoolId);
  const certificates = schoolCertificates(context.db, actor, schoolId).map((c) => ({ code: c.code, kind: c.kind, holderName: c.holderName, eventCode: c.eventCode }));
  return json({ teams, appeals: appealsOfSchool(context.db, actor, schoolId), certificates });
}

export default function SchoolResults() {
  const { teams, appeals, certificates } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('awards.mine')}</h1>
      {teams.length === 0 ? <p className="panel">{t('awards.none')}</p> : null}
      <Table label={t('awards.mine')} columns={[t('inheritors.event'), t('awards.team'), t('awards.award'), t('accounts.actions')]}>
        {teams.map((team) => (
          <tr key={team.teamId}>
            <td>{team.eventCode} {team.eventName}<br /><small>{t(`eventStatuses.${team.status}`)}</small></td>
            <td>{team.team}</td>
            <td><AwardBadge award={team.award} /></td>
            <td><Link to={`/school/results/${team.teamId}`}>{t('awards.feedback')} / {t('appeals.title')}</Link></td>
          </tr>
        ))}
      </Table>
      <h2>{t('appeals.history')}</h2>
      {appeals.length === 0 ? <p>{t('appeals.none')}</p> : (
        <ul data-testid="school-appeals">
          {appeals.map((a) => (
            <li key={a.id}>
              {a.eventCode} {a.team} · <AppealStatus status={a.status} />
              {a.decisionReason ? `：${a.decisionReason}` : ''}
              {a.status === 'upheld' ? ` · ${a.resolvedRunId ? t('appeals.resolved') : t('appeals.awaitingChief')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('certificates.title')}</h2>
      {certificates.length === 0 ? <p>{t('certificates.none')}</p> : (
        <>
          <p><JobDownload href="/school/certificates.zip">{t('certificates.zip')}</JobDownload></p>
          <ul className="columns" data-testid="certificates">
            {certificates.map((c) => (
              <li key={c.code}>
                {c.eventCode} {c.holderName} · {t(`certificates.kinds.${c.kind}`)} · <a href={`/certificates/${c.code}.pdf`} download>{t('certificates.download')}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
