/**
 * From the lock to the register: awards stored with the run, publication and its period, appeals
 * that change awards, finality, nominations made once, the public register and certificates.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { auditLog, certificates, contestants, events, marks, teamMembers } from '#db/schema.ts';
import { certificateCode, normalizeCertificateCode } from '#app/domain/certificate-code.ts';
import { appealsForChief, canFileAppeal, correctMark, decideAppeal, fileAppeal, reopenForAppeal, relockAfterAppeal } from '#app/models/appeal.server.ts';
import { eventAwards } from '#app/models/award.server.ts';
import { schoolCertificates, verifyCertificate } from '#app/models/certificate.server.ts';
import { createNominations, confirmNominations, inheritor, inheritorRegister, listNominations, registerFacets, reviewNomination } from '#app/models/nomination.server.ts';
import { publishEvent, settleAnnouncements } from '#app/models/publication.server.ts';
import { lockedWithAnError } from '../helpers/awards.ts';
import { actorOf, count, demoDb } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const DAY = 86_400_000;
let db: Db;
beforeEach(async () => {
  db = await demoDb();
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100)]);

function awardOf(eventId: number, teamId: number) {
  return eventAwards(db, actorOf(db, 'admin'), eventId).rows.find((r) => r.teamId === teamId)!.award;
}

describe('awards at the lock', () => {
  it('stores tiers by ratio, 优秀指导教师 for first-prize advisors, and the explanation', () => {
    const { ready } = lockedWithAnError(db);
    const list = eventAwards(db, actorOf(db, 'admin'), ready.event.id);
    const count = (tier: string) => list.rows.filter((r) => r.award === tier).length;
    // 18 teams competed: 10% → 2, 30% → 5 in all, 60% → 11 in all.
    expect(list.rows).toHaveLength(18);
    expect([count('first'), count('second'), count('third')]).toEqual([2, 3, 6]);
    expect(list.rows.every((r, i) => i === 0 || (r.rank ?? 0) >= (list.rows[i - 1].rank ?? 0))).toBe(true);
    const firstTeams = list.rows.filter((r) => r.award === 'first');
    expect(list.outstandingAdvisors.map((a) => a.teamId).sort()).toEqual(firstTeams.flatMap((t) => t.advisors.map(() => t.teamId)).sort());
    expect(list.explanation[0]).toContain('参赛队 18 支');
  });

  it('is not public before publication, and is after', () => {
    const { ready } = lockedWithAnError(db);
    expect(refusal(() => eventAwards(db, null, ready.event.id)).status).toBe(404);
    expect(refusal(() => eventAwards(db, actorOf(db, 'school'), ready.event.id)).status).toBe(404);
    expect(refusal(() => publishEvent(db, ready.chief, ready.event.id)).status).toBe(403);
    publishEvent(db, actorOf(db, 'admin'), ready.event.id);
    expect(eventAwards(db, null, ready.event.id).rows.length).toBe(18);
    expect(refusal(() => publishEvent(db, actorOf(db, 'admin'), ready.event.id)).code).toBe('event_not_locked');
  });
});

describe('appeals', () => {
  it('an upheld appeal lets the chief judge correct a mark and re-lock, which changes the awards, all audited', () => {
    const { ready, team, largest, correctValue } = lockedWithAnError(db);
    const admin = actorOf(db, 'admin');
    const school = actorOf(db, 'school');
    const arbiter = actorOf(db, 'arbiter');
    const published = new Date();
    publishEvent(db, admin, ready.event.id, published);
    expect(awardOf(ready.event.id, team.id)).toBe('second');

    expect(canFileAppeal(db, school, team.id)).toBe(true);
    const appeal = fileAppeal(db, school, { teamId: team.id, reason: '第一位裁判的评分录入为 0，与实际不符', attachment: { name: '说明.pdf', data: PDF } });
    // The page offers the form exactly when the model would take an appeal.
    expect(canFileAppeal(db, school, team.id)).toBe(false);
    expect(refusal(() => fileAppeal(db, school, { teamId: team.id, reason: '再次申诉' })).code).toBe('appeal_pending');
    expect(refusal(() => reopenForAppeal(db, ready.chief, appeal.id)).code).toBe('appeal_not_open');
    expect(refusal(() => decideAppeal(db, ready.chief, appeal.id, { decision: 'upheld', reason: 'x' })).status).toBe(403);
    expect(refusal(() => decideAppeal(db, arbiter, appeal.id, { decision: 'upheld', reason: ' ' })).code).toBe('reason_required');
    decideAppeal(db, arbiter, appeal.id, { decision: 'upheld', reason: '经核查录入错误，申诉成立' });
    expect(refusal(() => decideAppeal(db, arbiter, appeal.id, { decision: 'rejected', reason: '改判' })).code).toBe('appeal_decided');

    reopenForAppeal(db, ready.chief, appeal.id);
    const [view] = appealsForChief(db, ready.chief, ready.event.id);
    const erring = view.sheets.find((s) => s.marks.some((m) => m.criterionId === largest.id && m.value === 0))!;
    // Another team's sheet cannot be touched through this appeal.
    const otherSheet = db.$client.prepare('select s.id from scoring_sheets s join check_ins c on c.id = s.check_in_id where s.event_id = ? and c.team_id != ? limit 1').get(ready.event.id, team.id) as { id: number };
    expect(refusal(() => correctMark(db, ready.chief, { appealId: appeal.id, sheetId: otherSheet.id, criterionId: largest.id, value: 0, reason: 'x' })).code).toBe('sheet_not_appealed');
    expect(refusal(() => correctMark(db, ready.chief, { appealId: appeal.id, sheetId: erring.sheetId, criterionId: largest.id, value: largest.maxMarks + 1, reason: '更正' })).code).toBe('mark_out_of_range');
    const marksBefore = count(db, 'marks');
    correctMark(db, ready.chief, { appealId: appeal.id, sheetId: erring.sheetId, criterionId: largest.id, value: correctValue, reason: '按评分记录表更正' });
    expect(count(db, 'marks')).toBe(marksBefore + 1);
    // Until the re-lock the published awards stand.
    expect(awardOf(ready.event.id, team.id)).toBe('second');

    const { changes } = relockAfterAppeal(db, ready.chief, appeal.id);
    expect(awardOf(ready.event.id, team.id)).toBe('first');
    expect(changes.find((c) => c.teamId === team.id)).toEqual({ teamId: team.id, from: 'second', to: 'first' });
    expect(changes.some((c) => c.from === 'first' && c.to === 'second')).toBe(true);
    const actions = db.select({ action: auditLog.action }).from(auditLog).all().map((a) => a.action);
    for (const a of ['event.publish', 'appeal.file', 'appeal.uphold', 'appeal.reopen', 'mark.correct', 'event.relock']) expect(actions).toContain(a);
    // The correction superseded the judge's mark rather than replacing it.
    const corrected = db.select().from(marks).where(and(eq(marks.sheetId, erring.sheetId), eq(marks.criterionId, largest.id))).all();
    expect(corrected.map((m) => m.valueHundredths / 100)).toEqual([0, correctValue]);
    expect(refusal(() => relockAfterAppeal(db, ready.chief, appeal.id)).code).toBe('appeal_not_open');
  });

  it('is refused from another school, outside the period, and with an attachment that is not a PDF or image', () => {
    const { ready, team } = lockedWithAnError(db);
    const school = actorOf(db, 'school');
    expect(refusal(() => fileAppeal(db, school, { teamId: team.id, reason: '未公示前申诉' })).code).toBe('appeal_period_closed');
    expect(canFileAppeal(db, school, team.id)).toBe(false);
    const published = new Date();
    publishEvent(db, actorOf(db, 'admin'), ready.event.id, published);
    const other = ready.desk.find((d) => d.teamId !== team.id)!;
    expect(refusal(() => fileAppeal(db, school, { teamId: other.teamId, reason: '别校的队' })).status).toBe(403);
    expect(refusal(() => fileAppeal(db, actorOf(db, 'admin'), { teamId: team.id, reason: '组委会' })).status).toBe(403);
    expect(refusal(() => fileAppeal(db, school, { teamId: team.id, reason: '附件', attachment: { name: 'a.exe', data: Buffer.from('MZ......') } })).code).toBe('attachment_type');
    expect(refusal(() => fileAppeal(db, school, { teamId: team.id, reason: '过期', attachment: null }, new Date(published.getTime() + 5 * DAY + 1))).code).toBe('appeal_period_closed');
    expect(count(db, 'appeals')).toBe(0);
    expect(count(db, 'attachments')).toBe(0);
  });
});

describe('finality, nominations and the register', () => {
  function finalWithAppeal() {
    const setup = lockedWithAnError(db);
    const admin = actorOf(db, 'admin');
    const published = new Date('2026-11-23T10:00:00+08:00');
    publishEvent(db, admin, setup.ready.event.id, published);
    return { ...setup, admin, published };
  }

  it('results become final only after the period with no appeal pending; nominations are made exactly once', () => {
    const { ready, team, admin, published } = finalWithAppeal();
    const appeal = fileAppeal(db, actorOf(db, 'school'), { teamId: team.id, reason: '申诉' }, new Date(published.getTime() + DAY));
    const after = new Date(published.getTime() + 6 * DAY);
    expect(settleAnnouncements(db, new Date(published.getTime() + 4 * DAY))).toEqual([]);
    expect(settleAnnouncements(db, after)).toEqual([]); // the appeal is undecided
    decideAppeal(db, actorOf(db, 'arbiter'), appeal.id, { decision: 'rejected', reason: '证据不足' });
    expect(settleAnnouncements(db, after)).toEqual([ready.event.id]);
    expect(db.select().from(events).where(eq(events.id, ready.event.id)).get()!.status).toBe('final');
    const firstTeams = eventAwards(db, null, ready.event.id).rows.filter((r) => r.award === 'first');
    const members = db.select().from(teamMembers).all().filter((m) => firstTeams.some((t) => t.teamId === m.teamId) && m.removedAt === null);
    expect(count(db, 'nominations')).toBe(members.length);
    // Again: nothing new, however often it runs.
    expect(settleAnnouncements(db, after)).toEqual([]);
    expect(createNominations(db, ready.event.id, after)).toBe(0);
    expect(count(db, 'nominations')).toBe(members.length);
    // Final results no longer change: no appeal, no publication.
    expect(refusal(() => fileAppeal(db, actorOf(db, 'school'), { teamId: team.id, reason: '迟到的申诉' }, after)).code).toBe('appeal_period_closed');
    expect(listNominations(db, admin).every((n) => n.status === 'nominated' && n.award === 'first')).toBe(true);
  });

  it('the organiser confirms or declines; only confirmed ones are public, and never with private data', () => {
    const { ready, admin, published } = finalWithAppeal();
    settleAnnouncements(db, new Date(published.getTime() + 5 * DAY));
    const list = listNominations(db, admin, { eventId: ready.event.id });
    expect(list.length).toBeGreaterThan(1);
    const [declined, ...rest] = list;
    expect(refusal(() => reviewNomination(db, admin, declined.id, { decision: 'declined' })).code).toBe('reason_required');
    expect(refusal(() => reviewNomination(db, actorOf(db, 'school'), declined.id, { decision: 'confirmed' })).status).toBe(403);
    reviewNomination(db, admin, declined.id, { decision: 'declined', reason: '经核实不符合条件' });
    expect(confirmNominations(db, admin, rest.map((n) => n.id))).toBe(rest.length);

    const register = inheritorRegister(db);
    expect(register.rows.map((r) => r.id).sort()).toEqual(rest.map((n) => n.id).sort());
    expect(register.total).toBe(rest.length);
    const facets = registerFacets(db);
    expect(facets.years).toEqual([2026]);
    expect(facets.prefectures.sort()).toEqual([...new Set(register.rows.map((r) => r.prefecture))].sort());
    expect(refusal(() => inheritor(db, declined.id)).status).toBe(404);
    const person = inheritor(db, rest[0].id);
    expect(person).toMatchObject({ name: rest[0].name, school: rest[0].school, eventCode: 'GZ003', award: 'first', year: 2026 });
    // No 身份证号, phone or birth date anywhere in what the register returns.
    const secrets = db.select({ idNumber: contestants.idNumber, phone: contestants.phone, birthDate: contestants.birthDate }).from(contestants).all();
    const published_ = JSON.stringify([register, person]);
    for (const s of secrets) {
      expect(published_).not.toContain(s.idNumber);
      if (s.phone) expect(published_).not.toContain(s.phone);
    }
    expect(Object.keys(person).sort()).toEqual(['award', 'competition', 'confirmedAt', 'division', 'eventCode', 'eventName', 'id', 'name', 'platform', 'prefecture', 'school', 'year']);
    expect(inheritorRegister(db, { q: rest[0].name.slice(0, 2) }).rows.some((r) => r.id === rest[0].id)).toBe(true);
    expect(inheritorRegister(db, { q: '100%_' }).rows).toEqual([]);
    expect(inheritorRegister(db, { prefecture: person.prefecture, year: 2026 }).rows.every((r) => r.prefecture === person.prefecture)).toBe(true);
  });
});

describe('certificates', () => {
  it('are issued at finality and on confirmation; /verify refuses forged and altered codes', () => {
    const { ready, team } = lockedWithAnError(db);
    const admin = actorOf(db, 'admin');
    const published = new Date('2026-11-23T10:00:00+08:00');
    publishEvent(db, admin, ready.event.id, published);
    settleAnnouncements(db, new Date(published.getTime() + 5 * DAY));
    // One per contestant of every prize team, one per 优秀指导教师.
    const list = eventAwards(db, null, ready.event.id);
    const expected = list.rows.filter((r) => r.award).reduce((n, r) => n + r.contestants.length, 0) + list.outstandingAdvisors.length;
    expect(expected).toBeGreaterThan(10);
    expect(count(db, 'certificates')).toBe(expected);
    settleAnnouncements(db, new Date(published.getTime() + 6 * DAY));
    expect(count(db, 'certificates')).toBe(expected);
    const [nomination] = listNominations(db, admin);
    reviewNomination(db, admin, nomination.id, { decision: 'confirmed' });
    reviewNomination(db, admin, nomination.id, { decision: 'confirmed' });
    expect(db.select().from(certificates).where(eq(certificates.nominationId, nomination.id)).all()).toHaveLength(1);

    const mine = schoolCertificates(db, actorOf(db, 'school'), team.schoolId);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.schoolId === team.schoolId)).toBe(true);
    const cert = db.select().from(certificates).get()!;
    const verified = verifyCertificate(db, cert.code.toLowerCase().replace(/-/g, ' '))!;
    expect(verified).toMatchObject({ code: cert.code, holderName: cert.holderName, eventCode: 'GZ003' });
    // Altered: one character changed → the check character no longer fits.
    const chars = cert.code.split('');
    chars[5] = chars[5] === 'A' ? 'B' : 'A';
    expect(verifyCertificate(db, chars.join(''))).toBeNull();
    // Forged: well-formed, with a valid check character, but never issued.
    const forged = certificateCode(new Uint8Array(15).fill(7));
    expect(normalizeCertificateCode(forged)).toBe(forged);
    expect(verifyCertificate(db, forged)).toBeNull();
    expect(verifyCertificate(db, 'CY-1234')).toBeNull();
  });
});
