/**
 * The demo's past (#14): a finished earlier year beside the year in progress, run as it would have
 * been run — check-in and draw, every judge's marks, flags settled, the lock, publication, the
 * announcement period over (awards final, certificates issued), nominations confirmed — so that a
 * newcomer finds results, the register of inheritors and certificates to look at.
 */
import { atomically, type Db } from '#db/client.ts';
import { loadActor } from '#app/models/account.server.ts';
import { changePhase } from '#app/models/competition.server.ts';
import { drawStations, recordCheckIn } from '#app/models/check-in.server.ts';
import { judgeSheets, putMark, resolveFlag, submitSheet } from '#app/models/mark.server.ts';
import { confirmNominations, listNominations } from '#app/models/nomination.server.ts';
import { publishAllLocked, settleAnnouncements } from '#app/models/publication.server.ts';
import { openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { Random } from './random.ts';
import { seedEarlierYear } from './generate.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Three events of the earlier year: a team event, an objective one shown by name, an individual one. */
export const HISTORY_EVENTS = ['GZ021', 'ZZ008', 'GZ030'] as const;

export async function seedHistory(db: Db, { now = new Date(), seed = 2025 }: { now?: Date; seed?: number } = {}): Promise<{ competitionId: number; events: number; inheritors: number }> {
  const then = new Date(now.getTime() - 365 * DAY);
  const { competitionId, eventIds } = await seedEarlierYear(db, { now: then, seed, codes: HISTORY_EVENTS });
  const rng = new Random(seed);
  const actorOf = (username: string) => loadActor(db, db.$client.prepare('select id from users where username = ?').pluck().get(username) as number)!;
  const admin = actorOf('admin');
  const competitionDay = new Date(then.getTime() + 40 * DAY);
  return atomically(db, () => {
    for (const eventId of eventIds) {
      for (const teamId of db.$client.prepare("select id from teams where event_id = ? and status = 'approved' and withdrawn_at is null").pluck().all(eventId) as number[]) {
        recordCheckIn(db, admin, eventId, teamId, 'present');
      }
      drawStations(db, admin, eventId, { seed: `history-${eventId}` });
      const panel = db.$client
        .prepare("select u.username, a.role from judge_assignments a join judges j on j.id = a.judge_id join users u on u.id = j.user_id where a.event_id = ? and a.revoked_at is null")
        .all(eventId) as { username: string; role: string }[];
      const chief = actorOf(panel.find((p) => p.role === 'chief_judge')!.username);
      // Each team has its level (the demo school is a strong one, so it has certificates to show);
      // each judge marks near it, with a little of their own. Drawn by team, not by the random work codes.
      const railway = db.$client.prepare("select id from schools where name = '湖南铁道职业技术学院'").pluck().get() as number | undefined;
      const level = new Map<string, number>();
      for (const c of db.$client.prepare('select c.work_code as workCode, t.school_id as schoolId from check_ins c join teams t on t.id = c.team_id where c.event_id = ? and c.work_code is not null order by t.id').all(eventId) as { workCode: string; schoolId: number }[]) {
        const drawn = 0.55 + rng.next() * 0.35;
        level.set(c.workCode, c.schoolId === railway ? 0.96 : drawn);
      }
      let key = 0;
      for (const { username } of panel.filter((p) => p.role === 'scoring_judge')) {
        const judge = actorOf(username);
        const { sheets, criteria } = judgeSheets(db, judge, eventId);
        for (const sheet of sheets) {
          for (const c of criteria) {
            const share = Math.min(1, Math.max(0, level.get(sheet.workCode)! + (rng.next() - 0.5) * 0.06));
            const scale = 10 ** c.decimals;
            const value = c.allOrNothing ? (share >= 0.6 ? c.maxMarks : 0) : Math.round(c.maxMarks * share * scale) / scale;
            putMark(db, judge, { eventId, workCode: sheet.workCode, criterionId: c.id, value, idempotencyKey: `history-${eventId}-${username}-${sheet.workCode}-${c.id}-${key++}` }, competitionDay);
          }
        }
        for (const sheet of judgeSheets(db, judge, eventId).sheets) if (sheet.sheetId) submitSheet(db, judge, sheet.sheetId, competitionDay);
      }
      for (const flag of openFlags(db, chief, eventId)) resolveFlag(db, chief, flag.id, '经合议，维持各裁判评分', competitionDay);
      lockEvent(db, chief, eventId, competitionDay);
    }
    const published = new Date(competitionDay.getTime() + 2 * DAY);
    publishAllLocked(db, admin, competitionId, published);
    // The announcement period ends: results final, certificates issued, the winners nominated.
    const final = new Date(published.getTime() + 7 * DAY);
    settleAnnouncements(db, final);
    const nominated = eventIds.flatMap((eventId) => listNominations(db, admin, { status: 'nominated', eventId }).map((n) => n.id));
    if (nominated.length) confirmNominations(db, admin, nominated, new Date(final.getTime() + 3 * DAY));
    for (const phase of ['running', 'announcement', 'closed'] as const) changePhase(db, admin, competitionId, phase, '往届演示 (demo history)');
    return { competitionId, events: eventIds.length, inheritors: nominated.length };
  });
}
