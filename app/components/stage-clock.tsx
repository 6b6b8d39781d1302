/**
 * A final's stage on the big screen and the phones: who is on (work code, and the team where names
 * are shown), pitch or questions, and the time left — counted here from the stage's start and the
 * server's clock (the board's `at`), so every screen shows the same second.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockText, secondsLeft } from '#app/domain/stage.ts';
import type { EventBoard } from '#app/realtime/messages.ts';

export function StageClock({ board, large = false }: { board: EventBoard; large?: boolean }) {
  const { t } = useTranslation();
  // The server's clock minus this device's, taken when the board arrives.
  const offset = useRef(0);
  const [now, setNow] = useState(() => board.at);
  useEffect(() => {
    offset.current = board.at - Date.now();
    setNow(board.at);
  }, [board.at, board.version]);
  useEffect(() => {
    if (!board.stage) return;
    const timer = window.setInterval(() => setNow(Date.now() + offset.current), 250);
    return () => window.clearInterval(timer);
  }, [board.stage]);
  if (!board.stage) return null;
  const left = secondsLeft(board.stage, now);
  const team = board.rows.find((r) => r.workCode === board.stage!.workCode)?.team;
  return (
    <section className={`stage-clock${large ? ' stage-clock-large' : ''}${left < 0 ? ' stage-over' : left <= 30 ? ' stage-ending' : ''}`} aria-label={t('live.stage.title')} data-testid="stage-clock">
      <p className="stage-who">
        <span className="badge">{t(`live.stage.${board.stage.part}`)}</span> <strong data-testid="stage-code">{board.stage.workCode}</strong>
        {team ? <span> · {team}</span> : null}
      </p>
      <p className="stage-time" role="timer" aria-live="off" data-testid="stage-time">{clockText(left)}</p>
      {left < 0 ? <p className="stage-note">{t('live.stage.over')}</p> : null}
    </section>
  );
}
