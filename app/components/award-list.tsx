/** The award list (获奖名单) of one event: the public results page and the printable 公示名单 share it. */
import { useTranslation } from 'react-i18next';
import type { AwardRow } from '#app/models/award.server.ts';

const SHAPES = { first: '●', second: '◆', third: '▲' } as const;

export function AwardBadge({ award }: { award: AwardRow['award'] }) {
  const { t } = useTranslation();
  if (!award) return <>—</>;
  return (
    <span className={`award award-${award}`}>
      <span aria-hidden="true">{SHAPES[award]} </span>
      {t(`awards.tiers.${award}`)}
    </span>
  );
}

export function AwardTable({ rows, winnersOnly = false }: { rows: AwardRow[]; winnersOnly?: boolean }) {
  const { t } = useTranslation();
  const shown = winnersOnly ? rows.filter((r) => r.award) : rows;
  return (
    <div className="table-wrap">
      <table data-testid="award-list">
        <thead>
          <tr>
            <th scope="col">{t('awards.rank')}</th>
            <th scope="col">{t('awards.award')}</th>
            <th scope="col">{t('awards.team')}</th>
            <th scope="col">{t('awards.school')}</th>
            <th scope="col">{t('awards.contestants')}</th>
            <th scope="col">{t('awards.advisors')}</th>
            <th scope="col" className="num">{t('awards.total')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.teamId} data-team={r.teamId} data-award={r.award ?? 'none'}>
              <td>{r.rank ?? '—'}</td>
              <td><AwardBadge award={r.award} /></td>
              <td>{r.team}</td>
              <td>{r.school}</td>
              <td>{r.contestants.join('、')}</td>
              <td>{r.advisors.join('、')}</td>
              <td className="num">{r.total ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OutstandingAdvisors({ advisors }: { advisors: { advisorId: number; name: string; team: string; school: string }[] }) {
  const { t } = useTranslation();
  if (advisors.length === 0) return null;
  return (
    <>
      <h2>{t('awards.outstandingAdvisors')}</h2>
      <ul className="columns" data-testid="outstanding-advisors">
        {advisors.map((a) => (
          <li key={`${a.advisorId}-${a.team}`}>{a.name}（{a.school}）</li>
        ))}
      </ul>
    </>
  );
}

/** Beijing time, as every date of the competition is read. */
export function beijing(date: string | number | Date, language: string): string {
  return new Date(date).toLocaleString(language, { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });
}
