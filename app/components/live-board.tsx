/**
 * The ranking table of a live board: rows slide to their new place when the order changes, rank
 * changes are announced to screen readers, and award tiers carry a word and a shape, not only a colour.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '#app/domain/exact.ts';
import type { BoardRowMessage, EventBoard } from '#app/realtime/messages.ts';
import type { Connection } from '#app/realtime/use-live-board.ts';

const SHAPES = { first: '●', second: '◆', third: '▲', merit: '○' } as const;
// Measuring rows needs the layout; the server has none and renders the rows where they are.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

export function AwardBadge({ award }: { award: BoardRowMessage['award'] }) {
  const { t } = useTranslation();
  if (!award) return null;
  return (
    <span className={`award award-${award}`}>
      <span aria-hidden="true">{SHAPES[award]}</span> {t(`live.award.${award}`)}
    </span>
  );
}

export function ConnectionState({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  if (connection === 'live') return <span className="live-dot" data-testid="connection" data-state="live">{t('live.connected')}</span>;
  return (
    <span className="live-dot live-dot-lost" role="status" data-testid="connection" data-state={connection}>
      {t(`live.${connection}`)}
    </span>
  );
}

/** Slides rows from where they were to where they are (FLIP), keyed by the row's stable key. */
function useRowMotion(rows: readonly BoardRowMessage[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const last = useRef(new Map<string, number>());
  useClientLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const now = new Map<string, number>();
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    for (const tr of Array.from(el.querySelectorAll<HTMLTableRowElement>('tr[data-key]'))) {
      const top = tr.getBoundingClientRect().top;
      now.set(tr.dataset.key!, top);
      const before = last.current.get(tr.dataset.key!);
      if (before === undefined || before === top || reduce) continue;
      tr.animate([{ transform: `translateY(${before - top}px)` }, { transform: 'none' }], { duration: 500, easing: 'ease-out' });
      tr.classList.toggle('moved-up', before > top);
    }
    last.current = now;
  }, [rows]);
  return body;
}

/** "W1234 升至第 2 名": what moved, for screen readers, a few at a time. */
function useRankAnnouncements(rows: readonly BoardRowMessage[]) {
  const { t } = useTranslation();
  const previous = useRef(new Map(rows.map((r) => [r.key, r.rank])));
  const [message, setMessage] = useState('');
  useClientLayoutEffect(() => {
    const moves: string[] = [];
    for (const r of rows) {
      const before = previous.current.get(r.key);
      const who = r.team ?? r.workCode ?? r.key;
      // A team's first mark brings it from 未评分 into the ranking.
      if (before === null && r.rank != null) moves.push(t('live.entered', { who, rank: r.rank }));
      else if (before != null && r.rank != null && r.rank !== before) moves.push(t(r.rank < before ? 'live.movedUp' : 'live.movedDown', { who, rank: r.rank }));
    }
    previous.current = new Map(rows.map((r) => [r.key, r.rank]));
    if (moves.length) setMessage(moves.slice(0, 3).join('；'));
  }, [rows, t]);
  return message;
}

/** The ranking; `rows` shows part of the board (a screenful on the big screen). */
export function RankingTable({ board, rows = board.rows, large = false }: { board: EventBoard; rows?: EventBoard['rows']; large?: boolean }) {
  const { t } = useTranslation();
  const body = useRowMotion(rows);
  const announcement = useRankAnnouncements(board.rows);
  const showNames = board.rows.some((r) => r.school !== null);
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="announcer">{announcement}</p>
      <div className="table-wrap">
        <table className={large ? 'ranking ranking-large' : 'ranking'} data-testid="ranking" data-version={board.version}>
          <thead>
            <tr>
              <th className="num">{t('live.rank')}</th>
              <th>{showNames ? t('live.team') : t('live.workCode')}</th>
              <th className="num">{t('live.total')}</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} className={r.award ? `row-${r.award}` : undefined}>
                <td className="num rank">{r.rank ?? '—'}</td>
                <td>
                  {r.school ? (
                    <>
                      <strong>{r.school}</strong> <AwardBadge award={r.award} />
                      <div className="muted">{r.team}{r.prefecture ? ` · ${r.prefecture}` : ''}{r.workCode ? ` · ${r.workCode}` : ''}</div>
                    </>
                  ) : (
                    <span className="work-code">{r.workCode}</span>
                  )}
                </td>
                <td className="num total">
                  {r.rank === null && r.total === null ? <span className="muted">{t('live.unscored')}</span> : formatScore(r.total)}
                  {r.partial ? <div className="muted small">{t('live.partial')}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ProgressBar({ progress }: { progress: EventBoard['progress'] }) {
  const { t } = useTranslation();
  const percent = progress.expected ? Math.min(100, Math.round((progress.marked / progress.expected) * 100)) : 0;
  // The words sit above the bar, never on it: text over a half-filled bar cannot keep its contrast.
  return (
    <div className="progress-block">
      <em>{t('live.progressText', { percent, teams: progress.teams })}</em>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('live.progress')}>
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
