/**
 * A locked GZ003 whose awards an appeal will change: the demo school (湖南铁道职业技术学院) is marked
 * like the second-best team, except that one judge entered 0 on the largest criterion. So it ranks
 * third (二等奖); correcting that one mark to full marks (as the paper record shows) lifts it above
 * the second team, into 一等奖.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events, teams, users } from '#db/schema.ts';
import { resolveFlag } from '#app/models/mark.server.ts';
import { openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { markAll, readyToScore, share } from './judging.ts';

export function lockedWithAnError(db: Db) {
  const ready = readyToScore(db, 'GZ003');
  // With the mean one judge's mark moves the result (a median would shrug one error off).
  db.update(events).set({ aggregationMethod: 'mean' }).where(eq(events.id, ready.event.id)).run();
  const demoSchoolId = db.select({ schoolId: users.schoolId }).from(users).where(eq(users.username, 'school')).get()!.schoolId!;
  const team = db.select().from(teams).where(and(eq(teams.eventId, ready.event.id), eq(teams.schoolId, demoSchoolId), isNull(teams.withdrawnAt))).get()!;
  const present = ready.desk.filter((d) => d.status === 'present' && d.teamId !== team.id);
  const code = ready.desk.find((d) => d.teamId === team.id)!.workCode!;
  const level = new Map(present.map((d, i) => [d.workCode!, 0.9 - 0.03 * i]));
  const largest = ready.scheme.criteria.reduce((a, b) => (b.maxMarks > a.maxMarks ? b : a));
  const secondLevel = 0.9 - 0.03;
  markAll(db, ready, (judge, workCode, c) => {
    if (workCode !== code) return share(c, level.get(workCode)!);
    return judge === 0 && c.id === largest.id ? 0 : share(c, secondLevel);
  });
  // The 0 may open a discrepancy flag; the chief judge let it stand (the error is found on appeal).
  for (const flag of openFlags(db, ready.chief, ready.event.id)) resolveFlag(db, ready.chief, flag.id, '经合议，维持各裁判评分');
  lockEvent(db, ready.chief, ready.event.id);
  return { ready, team, code, largest, correctValue: largest.maxMarks, erringJudge: ready.judges[0] };
}
