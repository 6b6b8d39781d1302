/**
 * The draw (抽签) never loses teams silently: teams not yet checked in are recorded absent only once
 * the organiser confirms how many; and a draw made in error can be redone, with a reason, until the
 * first mark — audited, the draw itself kept on record.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { auditLog, checkIns, draws, events, teams } from '#db/schema.ts';
import { drawStations, listCheckIns, recordCheckIn, redoDraw } from '#app/models/check-in.server.ts';
import { putMark } from '#app/models/mark.server.ts';
import { loadScheme } from '#app/models/scheme.server.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { drawnCodes, scoringJudges, share } from '../helpers/judging.ts';
import { refusal } from '../helpers/refusal.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
});

function eventWithUnchecked(code: string, unchecked: number) {
  const admin = actorOf(db, 'admin');
  const event = db.select().from(events).where(eq(events.code, code)).get()!;
  const approved = db.select().from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'))).all();
  approved.slice(0, approved.length - unchecked).forEach((t) => recordCheckIn(db, admin, event.id, t.id, 'present'));
  return { admin, event, approved };
}
const statusOf = (eventId: number) => db.select({ status: events.status }).from(events).where(eq(events.id, eventId)).get()!.status;

describe('the draw', () => {
  it('regression: refuses to record teams absent that nobody confirmed, and writes nothing', () => {
    const { admin, event } = eventWithUnchecked('GZ012', 3);
    const refused = refusal(() => drawStations(db, admin, event.id));
    expect(refused.status).toBe(409);
    expect(refused.code).toBe('draw_unconfirmed');
    expect(refused.params).toMatchObject({ count: 3 });
    // A stale count (the desk changed since the page was read) is refused too.
    expect(refusal(() => drawStations(db, admin, event.id, { confirmAbsent: 2 })).code).toBe('draw_unconfirmed');
    expect(statusOf(event.id)).toBe('checking_in');
    expect(db.select().from(checkIns).where(and(eq(checkIns.eventId, event.id), eq(checkIns.status, 'absent'))).all()).toHaveLength(0);
    expect(listCheckIns(db, admin, event.id).counts).toMatchObject({ unchecked: 3, absent: 0 });

    drawStations(db, admin, event.id, { confirmAbsent: 3 });
    expect(statusOf(event.id)).toBe('scoring');
    expect(listCheckIns(db, admin, event.id).counts).toMatchObject({ unchecked: 0, absent: 3 });
  });

  it('can be redone with a reason until the first mark: codes withdrawn, the event back at check-in, all audited', () => {
    const admin = actorOf(db, 'admin');
    const event = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    expect(listCheckIns(db, admin, event.id).redrawable).toBe(true);
    expect(refusal(() => redoDraw(db, admin, event.id, '  ')).code).toBe('reason_required');
    expect(refusal(() => redoDraw(db, actorOf(db, 'chief'), event.id, '抽签过早')).status).toBe(403);
    const before = drawnCodes(db, event.id).filter((d) => d.workCode).map((d) => d.workCode);
    expect(before.length).toBeGreaterThan(0);

    redoDraw(db, admin, event.id, '抽签时三支队仍在路上，已到场');
    expect(statusOf(event.id)).toBe('checking_in');
    expect(drawnCodes(db, event.id).every((d) => d.workCode === null && d.stationNumber === null && d.checkInCode === null)).toBe(true);
    expect(db.select().from(draws).where(eq(draws.eventId, event.id)).all()).toHaveLength(1);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, 'draw.redo')).get()!;
    expect(audit.reason).toBe('抽签时三支队仍在路上，已到场');
    // The latecomers are checked in after all, and the new draw gives everyone new codes.
    const absent = drawnCodes(db, event.id).filter((d) => d.status === 'absent');
    for (const d of absent) recordCheckIn(db, admin, event.id, d.teamId, 'present');
    drawStations(db, admin, event.id, { confirmAbsent: 0 });
    const after = drawnCodes(db, event.id).filter((d) => d.workCode).map((d) => d.workCode);
    expect(after).toHaveLength(before.length + absent.length);
    expect(db.select().from(draws).where(eq(draws.eventId, event.id)).all()).toHaveLength(2);
  });

  it('cannot be redone once a judge has marked, nor before there is a draw', () => {
    const admin = actorOf(db, 'admin');
    const event = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    const [judge] = scoringJudges(db, event.id);
    const [c] = loadScheme(db, event.id)!.criteria;
    const code = drawnCodes(db, event.id).find((d) => d.workCode)!.workCode!;
    putMark(db, judge, { eventId: event.id, workCode: code, criterionId: c.id, value: share(c, 0.5), idempotencyKey: 'draw-test-first-mark' });
    expect(listCheckIns(db, admin, event.id).redrawable).toBe(false);
    expect(refusal(() => redoDraw(db, admin, event.id, '改抽')).code).toBe('redraw_after_marks');
    const other = db.select().from(events).where(eq(events.code, 'GZ003')).get()!;
    expect(refusal(() => redoDraw(db, admin, other.id, '改抽')).code).toBe('redraw_not_open');
  });
});
