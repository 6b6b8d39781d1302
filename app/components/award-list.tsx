/** The award list (获奖名单) of one event: the public results page and the printable 公示名单 share it. */
import { formatScore } from '#app/domain/exact.ts';
import { useTranslation } from 'react-i18next';
import { formatBeijing } from '#app/domain/beijing.ts';
import { Table } from '#app/components/table.tsx';
import type { AwardRow } from '#app/models/award.server.ts';

const SHAPES = { first: '●', second: '◆', third: '▲', merit: '○' } as const;

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
    // On a phone each team is a card (class `stacked`): rank, award and total first, then who.
    <Table className="stacked" label={t('awards.announcementList')} columns={[t('awards.rank'), t('awards.award'), t('awards.team'), t('awards.school'), t('awards.contestants'), t('awards.advisors'), { label: t('awards.total'), num: true }]} testId="award-list">
      {shown.map((r) => (
        <tr key={r.teamId} data-team={r.teamId} data-award={r.award ?? 'none'}>
          <td className="c-rank">{r.rank ?? '—'}</td>
          <td className="c-award"><AwardBadge award={r.award} /></td>
          <td className="c-team">{r.team}</td>
          <td className="c-school">{r.school}</td>
          <td className="c-people" data-label={t('awards.contestants')}>{r.contestants.join('、')}</td>
          <td className="c-advisors" data-label={t('awards.advisors')}>{r.advisors.join('、')}</td>
          <td className="num c-total">{formatScore(r.total)}</td>
        </tr>
      ))}
    </Table>
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
export const beijing = (date: string | number | Date, language: string) => formatBeijing(date, language);
