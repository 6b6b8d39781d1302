/**
 * Certificates (证书): one per award winner, per 优秀指导教师 and per confirmed inheritor, each with
 * a verification code that /verify/:code looks up. Issued once results are final; never rewritten.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '#db/client.ts';
import { advisors, awards, certificates, competitions, contestants, events, nominations, schools } from '#db/schema.ts';
import { certificateCode, normalizeCertificateCode } from '#app/domain/certificate-code.ts';
import { canActForSchool, type Actor } from '#app/domain/roles.ts';
import { forbidden } from './errors.ts';
import { peopleOfTeams } from './award.server.ts';
import { latestRun } from './result.server.ts';

export type CertificateKind = (typeof certificates.$inferSelect)['kind'];

function insertCertificate(tx: DbOrTx, values: Omit<typeof certificates.$inferInsert, 'code'>) {
  return tx.insert(certificates).values({ ...values, code: certificateCode(randomBytes(15)) }).returning().get();
}

/** Certificates for every award of the event's latest run: each contestant of a prize team, each 优秀指导教师. */
export function issueAwardCertificates(tx: DbOrTx, eventId: number, now: Date): number {
  const run = latestRun(tx, eventId);
  if (!run) return 0;
  const rows = tx.select().from(awards).where(eq(awards.runId, run.id)).all();
  if (rows.length === 0) return 0;
  const issued = tx.select({ awardId: certificates.awardId, contestantId: certificates.contestantId, advisorId: certificates.advisorId }).from(certificates).where(inArray(certificates.awardId, rows.map((r) => r.id))).all();
  const has = (awardId: number, contestantId: number | null, advisorId: number | null) =>
    issued.some((c) => c.awardId === awardId && c.contestantId === contestantId && c.advisorId === advisorId);
  const { members, coaches } = peopleOfTeams(tx, [...new Set(rows.map((r) => r.teamId))]);
  const schoolOf = new Map(
    tx.select({ id: contestants.id, schoolId: contestants.schoolId }).from(contestants).where(inArray(contestants.id, members.map((m) => m.contestantId).concat(0))).all().map((c) => [c.id, c.schoolId]),
  );
  const advisorSchool = new Map(
    tx.select({ id: advisors.id, schoolId: advisors.schoolId }).from(advisors).where(inArray(advisors.id, coaches.map((c) => c.advisorId).concat(0))).all().map((a) => [a.id, a.schoolId]),
  );
  let count = 0;
  for (const award of rows) {
    if (award.kind === 'outstanding_advisor') {
      const coach = coaches.find((c) => c.advisorId === award.advisorId);
      if (!coach || has(award.id, null, coach.advisorId)) continue;
      insertCertificate(tx, { kind: 'outstanding_advisor', eventId, schoolId: advisorSchool.get(coach.advisorId)!, awardId: award.id, advisorId: coach.advisorId, holderName: coach.name, createdAt: now });
      count++;
      continue;
    }
    for (const m of members.filter((x) => x.teamId === award.teamId)) {
      if (has(award.id, m.contestantId, null)) continue;
      insertCertificate(tx, { kind: 'award', eventId, schoolId: schoolOf.get(m.contestantId)!, awardId: award.id, contestantId: m.contestantId, holderName: m.name, createdAt: now });
      count++;
    }
  }
  return count;
}

/** The certificate of a confirmed inheritor (once, however often the nomination is confirmed). */
export function issueInheritorCertificate(tx: DbOrTx, nomination: typeof nominations.$inferSelect, holderName: string, now: Date) {
  const existing = tx.select().from(certificates).where(eq(certificates.nominationId, nomination.id)).get();
  if (existing) return existing;
  return insertCertificate(tx, { kind: 'inheritor', eventId: nomination.eventId, schoolId: nomination.schoolId, nominationId: nomination.id, contestantId: nomination.contestantId, holderName, createdAt: now });
}

/** What a certificate says, for the PDF and for /verify: names and the award only. */
function certificateDetails(db: DbOrTx, where: SQL) {
  return db
    .select({
      code: certificates.code,
      kind: certificates.kind,
      holderName: certificates.holderName,
      revokedAt: certificates.revokedAt,
      issuedAt: certificates.createdAt,
      schoolId: certificates.schoolId,
      school: schools.name,
      eventCode: events.code,
      eventName: events.name,
      competition: competitions.name,
      year: competitions.year,
      award: awards.kind,
      nominationAwardId: nominations.awardId,
    })
    .from(certificates)
    .innerJoin(events, eq(events.id, certificates.eventId))
    .innerJoin(competitions, eq(competitions.id, events.competitionId))
    .innerJoin(schools, eq(schools.id, certificates.schoolId))
    .leftJoin(awards, eq(awards.id, certificates.awardId))
    .leftJoin(nominations, eq(nominations.id, certificates.nominationId))
    .where(where)
    .orderBy(asc(certificates.id));
}

type Certificate = NonNullable<ReturnType<ReturnType<typeof certificateDetails>['get']>>;

/** The award a certificate names: its own, or the one its nomination came from. */
export function awardKindOf(db: DbOrTx, cert: Certificate): string | null {
  if (cert.award) return cert.award;
  if (cert.nominationAwardId === null) return null;
  return db.select({ kind: awards.kind }).from(awards).where(eq(awards.id, cert.nominationAwardId)).get()?.kind ?? null;
}

/**
 * Looks a code up for /verify: null when it is malformed, altered (check character) or unknown.
 * A revoked certificate is returned, marked, so the page can say so.
 */
export function verifyCertificate(db: DbOrTx, input: string) {
  const code = normalizeCertificateCode(input);
  if (!code) return null;
  const cert = certificateDetails(db, eq(certificates.code, code)).get();
  if (!cert) return null;
  return { ...cert, awardKind: awardKindOf(db, cert) };
}

export type VerifiedCertificate = NonNullable<ReturnType<typeof verifyCertificate>>;

/** A school's certificates (the school itself or the organiser), for downloading one by one or as a zip. */
export function schoolCertificates(db: Db, actor: Actor, schoolId: number) {
  if (!canActForSchool(actor, schoolId)) throw forbidden();
  return certificateDetails(db, eq(certificates.schoolId, schoolId))
    .all()
    .map((c) => ({ ...c, awardKind: awardKindOf(db, c) }));
}

/** One certificate for download: its school or the organiser. */
export function certificateForDownload(db: Db, actor: Actor, code: string) {
  const cert = verifyCertificate(db, code);
  if (!cert || !canActForSchool(actor, cert.schoolId)) throw forbidden();
  return cert;
}
