/**
 * An inheritor's later record (#15): what the organiser enters after the nomination (selected for
 * the national team, national and world results), year by year, and what the system already knows
 * — a place on an event's 国赛推荐名单, once that list is public.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { achievements, advancements, competitions, contestants, events, nominations, teamMembers } from '#db/schema.ts';
import type { AchievementKind } from '#app/domain/achievements.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { conflict, invalid, notFound } from './errors.ts';

export type AchievementInput = { year: number; kind: AchievementKind; title: string; result?: string | null };

export type Achievement = { id: number | null; year: number; kind: AchievementKind | 'recommended'; title: string; result: string | null };

function confirmedNomination(db: DbOrTx, nominationId: number) {
  const row = db.select().from(nominations).where(and(eq(nominations.id, nominationId), eq(nominations.status, 'confirmed'))).get();
  if (!row) throw notFound();
  return row;
}

/** Records an achievement on an inheritor's page (organiser), audited. */
export function addAchievement(db: Db, actor: Actor, nominationId: number, input: AchievementInput): number {
  requirePermission(actor, 'nomination:review');
  return atomically(db, (tx) => {
    const nomination = confirmedNomination(tx, nominationId);
    const year = tx.select({ year: competitions.year }).from(competitions).where(eq(competitions.id, nomination.competitionId)).get()!.year;
    // Later achievements: from the nomination's year on, and not in a year still to come.
    if (input.year < year || input.year > new Date().getFullYear() + 1) throw invalid('achievement_year', { from: year }, { year: 'errors.achievement_year' });
    const row = tx.insert(achievements).values({ nominationId, year: input.year, kind: input.kind, title: input.title.trim(), result: input.result?.trim() || null, enteredBy: actor.userId }).returning().get();
    recordAudit(tx, actor, { action: 'achievement.add', entity: 'achievement', entityId: row.id, after: row });
    return row.id;
  });
}

/** A wrong entry is retracted with a reason; it stays in the database and the audit log. */
export function retractAchievement(db: Db, actor: Actor, achievementId: number, reason: string, now = new Date()): void {
  requirePermission(actor, 'nomination:review');
  if (!reason.trim()) throw invalid('reason_required', {}, { reason: 'errors.reason_required' });
  atomically(db, (tx) => {
    const row = tx.select().from(achievements).where(eq(achievements.id, achievementId)).get();
    if (!row) throw notFound();
    if (row.retractedAt) throw conflict('achievement_retracted');
    tx.update(achievements).set({ retractedAt: now, retractedReason: reason.trim() }).where(eq(achievements.id, achievementId)).run();
    recordAudit(tx, actor, { action: 'achievement.retract', entity: 'achievement', entityId: achievementId, before: row, reason: reason.trim() });
  });
}

/**
 * The inheritor's record after the nomination, newest year first: entered achievements, and each
 * public 国赛推荐名单 that names the person (found by 身份证号 across years, never shown).
 */
export function achievementsOf(db: DbOrTx, nominationId: number): Achievement[] {
  const nomination = confirmedNomination(db, nominationId);
  const entered: Achievement[] = db
    .select({ id: achievements.id, year: achievements.year, kind: achievements.kind, title: achievements.title, result: achievements.result })
    .from(achievements)
    .where(and(eq(achievements.nominationId, nominationId), isNull(achievements.retractedAt)))
    .orderBy(asc(achievements.id))
    .all();
  const idNumber = db.select({ idNumber: contestants.idNumber }).from(contestants).where(eq(contestants.id, nomination.contestantId)).get()!.idNumber;
  // Public once the round it was taken from is published, as the list itself.
  const source = alias(events, 'source');
  const recommended = db
    .select({ year: competitions.year, code: events.code, name: events.name, contestantId: advancements.contestantId, memberId: contestants.id })
    .from(advancements)
    .innerJoin(events, eq(events.id, advancements.firstRoundId))
    .innerJoin(source, eq(source.id, advancements.fromEventId))
    .innerJoin(competitions, eq(competitions.id, events.competitionId))
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, advancements.teamId), isNull(teamMembers.removedAt)))
    .innerJoin(contestants, eq(contestants.id, teamMembers.contestantId))
    .where(and(isNull(advancements.toEventId), isNull(advancements.withdrawnAt), eq(contestants.idNumber, idNumber), inArray(source.status, ['published', 'final'])))
    .all()
    .filter((r) => r.contestantId === null || r.contestantId === r.memberId);
  const derived: Achievement[] = recommended.map((r) => ({ id: null, year: r.year, kind: 'recommended', title: `${r.code} ${r.name}`, result: null }));
  return [...derived, ...entered].sort((a, b) => b.year - a.year);
}
