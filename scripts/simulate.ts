/**
 * `npm start -- --simulate`: judges marking a few events at a judge's pace, so that a newcomer
 * opening /live sees boards move. Events not yet drawn are checked in and drawn first (every
 * approved team present); then, every `paceMs`, one judge of one of the events enters the next mark
 * of their sheets, through the same model a judge's tablet uses, until every sheet is full.
 */
import { atomically, type Db } from '../db/client.ts';
import type { Actor } from '../app/domain/roles.ts';
import { loadActor } from '../app/models/account.server.ts';
import { drawStations, recordCheckIn } from '../app/models/check-in.server.ts';
import { ModelError } from '../app/models/errors.ts';
import { judgeSheets, putMark } from '../app/models/mark.server.ts';

export type Simulation = { events: string[]; stop(): void; done: Promise<number> };

/** Events of the current year that the demo's tour leaves alone (GZ012 and GZ003 are the reader's to try). */
const KEEP = new Set(['GZ012', 'GZ003']);

export function startSimulation(db: Db, { events = 2, paceMs = 1500, log = console.log }: { events?: number; paceMs?: number; log?: (line: string) => void } = {}): Simulation {
  const chosen = prepare(db, events);
  const judges = chosen.flatMap((e) => e.judges.map((judge) => ({ eventId: e.id, judge, cell: 0 })));
  let marks = 0;
  let timer: NodeJS.Timeout | undefined;
  let finish: (n: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  const step = () => {
    // Judges take turns; one whose sheets are full leaves the round.
    const open = judges.filter((j) => j.cell >= 0);
    if (open.length === 0) return finish(marks);
    const j = open[marks % open.length];
    const { sheets, criteria } = judgeSheets(db, j.judge, j.eventId);
    const cells = sheets.flatMap((s) => criteria.map((c) => ({ workCode: s.workCode, c })));
    const next = cells[j.cell];
    if (!next) {
      j.cell = -1;
    } else {
      j.cell++;
      const c = next.c;
      // A plausible mark: 55–100 % of the criterion's maximum, to its decimals (0 or the maximum when all-or-nothing).
      const scale = 10 ** c.decimals;
      const value = c.allOrNothing ? (Math.random() < 0.8 ? c.maxMarks : 0) : Math.round(c.maxMarks * (0.55 + Math.random() * 0.45) * scale) / scale;
      try {
        putMark(db, j.judge, { eventId: j.eventId, workCode: next.workCode, criterionId: c.id, value, idempotencyKey: `simulate-${j.eventId}-${j.judge.userId}-${next.workCode}-${c.id}-${Date.now()}` });
        marks++;
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        j.cell = -1; // a sheet the judge cannot mark any more (submitted, event locked): this judge is done
      }
    }
    timer = setTimeout(step, paceMs);
  };
  if (chosen.length) {
    log(`模拟评分 (simulating judges): ${chosen.map((e) => e.code).join('、')}，每 ${paceMs} ms 一条评分；打开 /live 观看`);
    timer = setTimeout(step, paceMs);
  } else finish(0);
  return {
    events: chosen.map((e) => e.code),
    stop: () => (clearTimeout(timer), finish(marks)),
    done,
  };
}

/** The first events (by code) that can be marked: drawn already, or checked in and drawn now. */
function prepare(db: Db, count: number): { id: number; code: string; judges: Actor[] }[] {
  const candidates = db.$client
    .prepare("select id, code, status from events where competition_id = (select id from competitions order by year desc, id desc limit 1) and status in ('scheduled', 'checking_in', 'scoring') order by code")
    .all() as { id: number; code: string; status: string }[];
  const chosen: { id: number; code: string; judges: Actor[] }[] = [];
  // The check-in and the draw are recorded as the first administrator's, as the organiser would make them.
  const adminId = db.$client.prepare("select id from users where role = 'admin' and disabled_at is null order by id limit 1").pluck().get() as number | undefined;
  const organiser = adminId ? loadActor(db, adminId) : null;
  if (!organiser) return [];
  for (const e of candidates) {
    if (chosen.length >= count || KEEP.has(e.code)) continue;
    try {
      if (e.status !== 'scoring') {
        const approved = db.$client.prepare("select id from teams where event_id = ? and status = 'approved' and withdrawn_at is null").all(e.id) as { id: number }[];
        if (approved.length < 3) continue;
        // All or nothing: an event that cannot be drawn keeps no check-in from this.
        atomically(db, () => {
          for (const t of approved) recordCheckIn(db, organiser, e.id, t.id, 'present');
          drawStations(db, organiser, e.id);
        });
      }
    } catch (error) {
      // An event that cannot be drawn as it stands (a panel too small, a conflict) is left for the organiser.
      if (error instanceof ModelError) continue;
      throw error;
    }
    const userIds = db.$client
      .prepare("select j.user_id from judge_assignments a join judges j on j.id = a.judge_id where a.event_id = ? and a.role = 'scoring_judge' and a.revoked_at is null")
      .pluck()
      .all(e.id) as number[];
    chosen.push({ id: e.id, code: e.code, judges: userIds.map((id) => loadActor(db, id)!).filter(Boolean) });
  }
  return chosen;
}
