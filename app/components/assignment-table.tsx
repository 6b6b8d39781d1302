import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

type Assignment = { eventId: number; eventCode: string; eventName: string; status: string; scheduledOn: string | null; role: string };

/** A judge's events, one card each with what comes next; judges never see teams here, only events. */
export function AssignmentTable({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <p>{t('dashboard.noAssignments')}</p>;
  return (
    <ul className="grid plain-list" aria-label={t('dashboard.assignments')}>
      {assignments.map((a) => (
        <li key={a.eventId} className="card">
          <h3>
            <Link to={a.role === 'chief_judge' ? `/chief/events/${a.eventId}` : `/judge/events/${a.eventId}`}>
              {a.eventCode} {a.eventName}
            </Link>
          </h3>
          <p className="facts">
            <span className="badge">{t(`roles.${a.role}`)}</span>
            <span className={`badge ${a.status === 'scoring' ? 'status-approved' : ''}`}>{t(`eventStatuses.${a.status}`)}</span>
            <span className="muted">{t('dashboard.scheduledOn')} {a.scheduledOn ?? '—'}</span>
          </p>
          <p className="muted">{t(`dashboard.next.${a.role === 'chief_judge' ? 'chief' : 'judge'}.${a.status}`)}</p>
        </li>
      ))}
    </ul>
  );
}
