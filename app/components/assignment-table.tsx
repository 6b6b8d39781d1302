import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';

type Assignment = { eventId: number; eventCode: string; eventName: string; status: string; scheduledOn: string | null; role: string };

/** A judge's events; judges never see teams here, only events. */
export function AssignmentTable({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <p>{t('dashboard.noAssignments')}</p>;
  return (
    <Table label={t('dashboard.assignments')} columns={[t('dashboard.event'), t('dashboard.assignmentRole'), t('dashboard.scheduledOn'), t('dashboard.status')]}>
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
    </Table>
  );
}
