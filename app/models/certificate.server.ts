/**
 * Certificates (证书): one per award winner, per 优秀指导教师 and per confirmed inheritor, each with
 * a verification code that /verify/:code looks up. Issued once results are final; never rewritten.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '#db/client.ts';
import { awards, certificates, competitions, events, nominations, schools } from '#db/schema.ts';
import { certificateCode, normalizeCertificateCode } from '#app/domain/certificate-code.ts';
import { type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { forbidden } from './errors.ts';
import { namesOfTeams } from './roster.server.ts';
import { latestRun } from './result.server.ts';

function insertCertificate(tx: DbOrTx, values: Omit<typeof certificates.$inferInsert, 'code'>) {
  return tx.insert(certificates).values({ ...values, code: certificateCode(randomBytes(15)) }).returning().get();
}

/**
 * Certificates for every award of the event's latest run: each contestant of a prize team, each
 * 优秀指导教师. Called once, in the transaction that makes the event's results final.
 */
export function issueAwardCertificates(tx: DbOrTx, eventId: number, now: Date): number {
  const run = latestRun(tx, eventId);
  if (!run) return 0;
  const rows = tx.select().from(awards).where(eq(awards.runId, run.id)).all();
  const { members, coaches } = namesOfTeams(tx, [...new Set(rows.map((r) => r.teamId))]);
  let count = 0;
  for (const award of rows) {
    const holders =
      award.kind === 'outstanding_advisor'
        ? coaches.filter((c) => c.teamId === award.teamId && c.advisorId === award.advisorId).map((c) => ({ kind: 'outstanding_advisor' as const, advisorId: c.advisorId, name: c.name, schoolId: c.schoolId }))
        : members.filter((m) => m.teamId === award.teamId).map((m) => ({ kind: 'award' as const, contestantId: m.contestantId, name: m.name, schoolId: m.schoolId }));
    for (const { name, ...holder } of holders) {
      insertCertificate(tx, { ...holder, eventId, awardId: award.id, holderName: name, createdAt: now });
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
  requirePermission(actor, 'certificate:read', { schoolId });
  return certificateDetails(db, eq(certificates.schoolId, schoolId))
    .all()
    .map((c) => ({ ...c, awardKind: awardKindOf(db, c) }));
}

/** One certificate for download: its school or the organiser. */
export function certificateForDownload(db: Db, actor: Actor, code: string) {
  const cert = verifyCertificate(db, code);
  if (!cert) throw forbidden();
  requirePermission(actor, 'certificate:read', { schoolId: cert.schoolId });
  return cert;
}
