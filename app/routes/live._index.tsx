import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { formatScore } from '#app/domain/exact.ts';
import { ConnectionState, ProgressBar } from '#app/components/live-board.tsx';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { getCompetitionBoard, liveFilters } from '#app/models/scoreboard.server.ts';
import { liveNarrowing } from '#app/schemas/judging.server.ts';
import type { CompetitionBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';

export const meta: MetaFunction = () => [{ title: '实时排名 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const competition = findCurrentCompetition(context.db);
  if (!competition) return json({ board: null, filters: null, selected: {}, eventIds: [] as number[] });
  const params = new URL(request.url).searchParams;
  const selected = liveNarrowing.parse({ division: params.get('division') || undefined, venue: params.get('venue') || undefined });
  const filters = liveFilters(context.db, competition.id);
  const eventIds = filters.events.filter((e) => (!selected.division || e.division === selected.division) && (!selected.venue || e.venueId === selected.venue)).map((e) => e.id);
  const board = getCompetitionBoard(context.db, competition.id);
  const kept = new Set(eventIds);
  return json(
    { board: { ...board, events: board.events.filter((e) => kept.has(e.eventId)) }, filters: { divisions: filters.divisions, venues: filters.venues }, selected, eventIds },
    { headers: { 'Cache-Control': 'private, no-cache' } },
  );
}

export default function LiveIndex() {
  const { board, filters, selected, eventIds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!board || !filters) return <NotOpenYet title={t('live.title')} />;
  return (
    <>
      <h1>{t('live.title')}</h1>
      <Form method="get" className="filters" aria-label={t('live.filter')}>
        <label>
          {t('live.division')}{' '}
          <select name="division" defaultValue={selected.division ?? ''}>
            <option value="">{t('live.allDivisions')}</option>
            {filters.divisions.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </label>{' '}
        {filters.venues.length ? (
          <label>
            {t('live.venue')}{' '}
            <select name="venue" defaultValue={selected.venue ?? ''}>
              <option value="">{t('live.allVenues')}</option>
              {filters.venues.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
        ) : null}{' '}
        <button type="submit" className="button-secondary">{t('live.filter')}</button>
      </Form>
      {/* A new narrowing is a new board: it starts from its own snapshot. */}
      <Competition key={`${selected.division ?? ''}|${selected.venue ?? ''}`} initial={board as CompetitionBoard} eventIds={eventIds} narrowed={Boolean(selected.division || selected.venue)} />
    </>
  );
}

function Competition({ initial, eventIds, narrowed }: { initial: CompetitionBoard; eventIds: number[]; narrowed: boolean }) {
  const { t } = useTranslation();
  const [kept] = useState(() => new Set(eventIds));
  const { board, connection } = useLiveBoard<CompetitionBoard>({ scope: 'competition' }, initial, { keepEvent: (id) => kept.has(id) });
  return (
    <>
      <p className="facts">
        <span>{board.name}</span>
        <span>{t('live.shown', { count: board.events.length })}</span>
        <ConnectionState connection={connection} />
        <Link to="/screen">{t('live.screen')}</Link>
      </p>
      {board.events.length === 0 ? <p className="panel">{t(narrowed ? 'live.noMatch' : 'live.noEvents')}</p> : null}
      <div className="grid" data-testid="events">
        {board.events.map((e) => (
          <Link key={e.eventId} to={`/live/${e.eventId}`} className="card">
            <h3>{e.code} {e.name}</h3>
            <p className="facts">
              <span className="badge">{e.division}</span>
              <span className="badge">{t(`eventStatuses.${e.status}`)}</span>
              {e.frozen ? <span className="badge status-submitted">{t('live.frozen').split('：')[0]}</span> : null}
            </p>
            <ProgressBar progress={e.progress} />
            {e.leaders.length ? (
              <ol className="leaders" aria-label={t('live.leaders')}>
                {e.leaders.map((l) => (
                  <li key={`${l.rank}-${l.workCode ?? l.school}`}>
                    <span className="rank">{l.rank}</span> {l.school ?? l.workCode} <span className="muted">{formatScore(l.total)}</span>
                  </li>
                ))}
              </ol>
            ) : null}
          </Link>
        ))}
      </div>
      <MedalTable title={t('live.medalsBySchool')} rows={board.medals.bySchool} />
      <MedalTable title={t('live.medalsByPrefecture')} rows={board.medals.byPrefecture} />
    </>
  );
}

function MedalTable({ title, rows }: { title: string; rows: CompetitionBoard['medals']['bySchool'] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section className="panel">
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <Table label={title} columns={[{ label: t('live.place'), num: true }, t('live.name'), { label: <>● {t('live.award.first')}</>, num: true }, { label: <>◆ {t('live.award.second')}</>, num: true }, { label: <>▲ {t('live.award.third')}</>, num: true }, { label: t('live.sum'), num: true }]}>
        {rows.map((r) => (
          <tr key={r.name}>
            <td className="num">{r.place}</td><td>{r.name}</td><td className="num">{r.first}</td><td className="num">{r.second}</td><td className="num">{r.third}</td><td className="num">{r.total}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
