/** An event ready to score: GZ012 of the demo, its approved teams checked in and drawn. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { checkIns, events, judgeAssignments, judges, teams, users } from '#db/schema.ts';
import { loadActor } from '#app/models/account.server.ts';
import { drawStations, recordCheckIn } from '#app/models/check-in.server.ts';
import { judgeSheets, putMark, submitSheet } from '#app/models/mark.server.ts';
import { loadScheme } from '#app/models/scheme.server.ts';
import type { Actor } from '#app/domain/roles.ts';
import { actorOf } from './db.ts';

export function scoringJudges(db: Db, eventId: number): Actor[] {
  return db
    .select({ userId: users.id })
    .from(judgeAssignments)
    .innerJoin(judges, eq(judges.id, judgeAssignments.judgeId))
    .innerJoin(users, eq(users.id, judges.userId))
    .where(and(eq(judgeAssignments.eventId, eventId), eq(judgeAssignments.role, 'scoring_judge'), isNull(judgeAssignments.revokedAt)))
    .all()
    .map((r) => loadActor(db, r.userId)!);
}

/** The chief judge (裁判长) of an event. */
export function chiefOf(db: Db, eventId: number): Actor {
  const row = db
    .select({ userId: users.id })
    .from(judgeAssignments)
    .innerJoin(judges, eq(judges.id, judgeAssignments.judgeId))
    .innerJoin(users, eq(users.id, judges.userId))
    .where(and(eq(judgeAssignments.eventId, eventId), eq(judgeAssignments.role, 'chief_judge'), isNull(judgeAssignments.revokedAt)))
    .get()!;
  return loadActor(db, row.userId)!;
}

/** Checks in every approved team of GZ012 but the last (absent), and draws. */
export function readyToScore(db: Db, code = 'GZ012') {
  const admin = actorOf(db, 'admin');
  const event = db.select().from(events).where(eq(events.code, code)).get()!;
  const approved = db.select().from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'))).all();
  approved.forEach((t, i) => recordCheckIn(db, admin, event.id, t.id, i === approved.length - 1 ? 'absent' : 'present'));
  const draw = drawStations(db, admin, event.id, { seed: 'test-seed' });
  const desk = drawnCodes(db, event.id);
  const scheme = loadScheme(db, event.id)!;
  return { event, admin, draw, desk, scheme, judges: scoringJudges(db, event.id), chief: chiefOf(db, event.id), absentTeamId: approved.at(-1)!.id };
}

/**
 * Every approved team with its check-in row, work code included. Tests see what nobody in the app
 * may see while an event is sealed, so they read the table itself.
 */
export function drawnCodes(db: Db, eventId: number) {
  return db
    .select({ teamId: teams.id, team: teams.name, schoolId: teams.schoolId, status: checkIns.status, stationNumber: checkIns.stationNumber, checkInCode: checkIns.checkInCode, workCode: checkIns.workCode })
    .from(teams)
    .leftJoin(checkIns, and(eq(checkIns.teamId, teams.id), eq(checkIns.eventId, eventId)))
    .where(and(eq(teams.eventId, eventId), eq(teams.status, 'approved'), isNull(teams.withdrawnAt)))
    .all();
}

let key = 0;
/** Every judge marks every work code: `valueOf` picks each mark. */
export function markAll(db: Db, ready: ReturnType<typeof readyToScore>, valueOf: (judge: number, code: string, criterion: (typeof ready.scheme.criteria)[number]) => number, submit = true) {
  ready.judges.forEach((judge, j) => {
    const { sheets } = judgeSheets(db, judge, ready.event.id);
    for (const sheet of sheets) {
      for (const c of ready.scheme.criteria) {
        putMark(db, judge, { eventId: ready.event.id, workCode: sheet.workCode, criterionId: c.id, value: valueOf(j, sheet.workCode, c), idempotencyKey: `k${key++}` });
      }
    }
    if (submit) for (const sheet of judgeSheets(db, judge, ready.event.id).sheets) submitSheet(db, judge, sheet.sheetId!);
  });
}

/** A mark that suits any criterion: a share of its max, rounded to its decimals. */
export function share(c: { maxMarks: number; decimals: number; allOrNothing: boolean }, fraction: number): number {
  if (c.allOrNothing) return fraction >= 0.5 ? c.maxMarks : 0;
  const f = 10 ** c.decimals;
  return Math.round(c.maxMarks * fraction * f) / f;
}
