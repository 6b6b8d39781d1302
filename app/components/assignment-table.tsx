import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

type Assignment = { eventId: number; eventCode: string; eventName: string; status: string; scheduledOn: string | null; role: string };

/** A judge's events; judges never see teams here, only events. */
export function AssignmentTable({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <p>{t('dashboard.noAssignments')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t('dashboard.event')}</th>
            <th>{t('dashboard.assignmentRole')}</th>
            <th>{t('dashboard.scheduledOn')}</th>
            <th>{t('dashboard.status')}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <tr key={a.eventId}>
              <td>
                <Link to={a.role === 'chief_judge' ? `/chief/events/${a.eventId}` : `/judge/events/${a.eventId}`}>
                  <strong>{a.eventCode}</strong> {a.eventName}
                </Link>
              </td>
              <td>{t(`roles.${a.role}`)}</td>
              <td>{a.scheduledOn ?? '—'}</td>
              <td>{t(`eventStatuses.${a.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
