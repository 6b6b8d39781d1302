/** The organiser's setup of a year through the model layer: from an empty database, and on the demo. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, competitions, divisions, events, schools, venues } from '#db/schema.ts';
import { createFirstAdmin } from '#app/models/account.server.ts';
import { competitionSetup, createCompetition, createEvent, saveDivision, saveVenue, updateCompetition, updateEvent } from '#app/models/competition-setup.server.ts';
import type { NewCompetition } from '#app/models/competition-setup.server.ts';
import { competitionChecklist, eventChecklist } from '#app/models/checklist.server.ts';
import { actorOf, count, demoDb, emptyDb } from '../helpers/db.ts';
import { readyToScore } from '../helpers/judging.ts';
import { refusal } from '../helpers/refusal.ts';
import { addRound } from '#app/models/round.server.ts';
import { DEFAULT_ADVANCEMENT_RULE } from '#app/domain/advancement.ts';

const YEAR: NewCompetition = {
  name: '2027年“楚怡杯”湖南省职业院校技能竞赛',
  year: 2027,
  startsOn: '2027-03-01',
  endsOn: '2027-05-31',
  registrationOpensAt: new Date('2027-01-05T00:00:00+08:00'),
  registrationDeadline: new Date('2027-02-20T17:00:00+08:00'),
  announcementDays: 7,
  defaultAwardRatios: { first: 0.1, second: 0.2, third: 0.3 },
  defaultTieAtBoundary: 'down',
  defaultLiveMode: 'anonymous',
  defaultAggregationMethod: 'mean',
};
const GZ = { code: 'GZ', name: '高职组', allowedSchoolTypes: ['vocational_bachelor', 'higher_vocational'] as const, maxAge: 25, ageReferenceDate: null };
const fields = (e: { violations?: { field?: string; code: string }[] }) => (e.violations ?? []).map((v) => `${v.field}:${v.code}`);

async function freshInstall() {
  const db = emptyDb();
  await createFirstAdmin(db, { username: 'office', displayName: '组委会办公室', password: '湘江北去-橘子洲头' });
  return { db, admin: actorOf(db, 'office') };
}

describe('a year from an empty database', () => {
  it('creates the competition, a division, a venue and an event, each audited, with the year’s defaults', async () => {
    const { db, admin } = await freshInstall();
    const { id } = createCompetition(db, admin, YEAR);
    expect(db.select().from(competitions).where(eq(competitions.id, id)).get()).toMatchObject({ phase: 'draft', announcementDays: 7 });
    const division = saveDivision(db, admin, id, { ...GZ, allowedSchoolTypes: [...GZ.allowedSchoolTypes] });
    const prefecture = db.$client.prepare("select id from prefectures where name = '长沙市'").get() as { id: number };
    const host = db.insert(schools).values({ code: '13001', name: '长沙航空职业技术学院', type: 'higher_vocational', prefectureId: prefecture.id }).returning().get();
    const venue = saveVenue(db, admin, id, { name: '长沙航空职业技术学院赛点', hostSchoolId: host.id, address: '长沙市', directorName: '王主任', supervisorName: '李监督' });
    const event = createEvent(db, admin, id, { code: 'GZ012', name: '工业机器人技术应用', divisionId: division.id, venueId: venue.id, minTeamSize: 2, maxTeamSize: 2, scheduledOn: '2027-03-10', timeSlot: '08:30–12:00' });
    expect(db.select().from(events).where(eq(events.id, event.id)).get()).toMatchObject({ code: 'GZ012', aggregationMethod: 'mean', liveMode: 'anonymous', awardRatios: { first: 0.1, second: 0.2, third: 0.3 }, timeSlot: '08:30–12:00' });
    const setup = competitionSetup(db, admin, id);
    expect([setup.divisions.length, setup.venues.length, setup.events.length]).toEqual([1, 1, 1]);
    // The checklist says what the new event still misses, stage by stage.
    expect(eventChecklist(db, admin, event.id).map((i) => `${i.stage}:${i.code}`)).toEqual(['registration:scheme', 'draw:chief', 'draw:scoring_judges', 'draw:teams']);
    expect(competitionChecklist(db, admin, id).map((e) => e.code)).toEqual(['GZ012']);
    const actions = db.select({ action: auditLog.action }).from(auditLog).all().map((a) => a.action);
    for (const a of ['competition.create', 'division.create', 'venue.create', 'event.create']) expect(actions).toContain(a);
  });

  it('refuses a year with broken rules, naming every field at once, and writes nothing', async () => {
    const { db, admin } = await freshInstall();
    const e = refusal(() => createCompetition(db, admin, { ...YEAR, endsOn: '2027-02-01', announcementDays: 0, defaultAwardRatios: { first: 0.5, second: 0.4, third: 0.3 } }));
    expect(e.status).toBe(422);
    expect(fields(e)).toEqual(['endsOn:setup.ends_before_starts', 'announcementDays:setup.announcement_days', 'defaultAwardRatios:setup.ratio_total']);
    expect(fields(refusal(() => createCompetition(db, admin, { ...YEAR, registrationDeadline: new Date('2027-03-02T00:00:00+08:00') })))).toEqual(['registrationDeadline:setup.deadline_after_start']);
    expect(count(db, 'competitions')).toBe(0);
    expect(refusal(() => createCompetition(db, actorOf(db, 'office'), { ...YEAR, year: 1999 })).code).toBe('setup_rules');
  });

  it('refuses an event whose settings do not fit together, with the rule named', async () => {
    const { db, admin } = await freshInstall();
    const { id } = createCompetition(db, admin, YEAR);
    const division = saveDivision(db, admin, id, { ...GZ, allowedSchoolTypes: [...GZ.allowedSchoolTypes] });
    const e = refusal(() =>
      createEvent(db, admin, id, { code: 'ZZ012', name: '', divisionId: division.id, minTeamSize: 3, maxTeamSize: 2, maxAdvisors: 9, discrepancyThreshold: 1.234, awardRatios: { first: 0.15, second: 0.35, third: 0.6 }, scheduledOn: '2027-07-01' }),
    );
    expect(fields(e)).toEqual([
      'code:setup.event_code_division',
      'name:name_required',
      'maxTeamSize:setup.team_size_order',
      'maxAdvisors:setup.advisors',
      'scheduledOn:setup.scheduled_outside',
      'discrepancyThreshold:setup.threshold',
      'awardRatios:setup.ratio_total',
    ]);
    createEvent(db, admin, id, { code: 'GZ001', name: '赛项一', divisionId: division.id });
    expect(refusal(() => createEvent(db, admin, id, { code: 'GZ001', name: '重复', divisionId: division.id })).violations![0].code).toBe('setup.code_taken');
    expect(count(db, 'events')).toBe(1);
  });

  it('copies last year’s divisions, venues and events into a new year, settings only', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const last = db.select().from(competitions).get()!;
    const { id } = createCompetition(db, admin, { ...YEAR, copyFrom: last.id });
    const was = competitionSetup(db, admin, last.id);
    const now = competitionSetup(db, admin, id);
    expect(now.divisions.map((d) => d.code)).toEqual(was.divisions.map((d) => d.code));
    expect(now.venues.length).toBe(was.venues.length);
    expect(now.events.map((e) => e.code)).toEqual(was.events.map((e) => e.code));
    expect(now.events.every((e) => e.status === 'scheduled' && e.scheduledOn === null)).toBe(true);
    expect(db.select().from(venues).where(eq(venues.competitionId, id)).all().every((v) => v.competitionId === id)).toBe(true);
  });

  it('regression: copies the events as registered, not last year’s selection rounds (they pointed at last year’s events)', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const last = db.select().from(competitions).get()!;
    const gz012 = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    addRound(db, admin, gz012.id, { name: '选拔赛', rule: { ...DEFAULT_ADVANCEMENT_RULE, top: 3 }, basis: null });
    const { id } = createCompetition(db, admin, { ...YEAR, copyFrom: last.id });
    const copied = db.select().from(events).where(eq(events.competitionId, id)).all();
    expect(copied.filter((e) => e.code === 'GZ012')).toHaveLength(1);
    expect(copied.every((e) => e.firstRoundId === null && e.roundNo === 1 && e.advancedAt === null && e.recommendedAt === null)).toBe(true);
  });

  it('is the organiser’s alone', async () => {
    const db = await demoDb();
    expect(refusal(() => createCompetition(db, actorOf(db, 'school'), YEAR)).status).toBe(403);
    expect(refusal(() => updateCompetition(db, actorOf(db, 'chief'), 1, { announcementDays: 3 })).status).toBe(403);
  });
});

describe('an event’s settings on the demo', () => {
  it('change until the draw, then freeze like the scheme', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const gz012 = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    updateEvent(db, admin, gz012.id, { awardRatios: { first: 0.15, second: 0.25, third: 0.3 }, minTotalForAward: 60 });
    expect(db.select().from(events).where(eq(events.id, gz012.id)).get()!.awardRatios).toEqual({ first: 0.15, second: 0.25, third: 0.3 });
    // GZ012 has four scoring judges: a trimmed mean is refused, naming the rule.
    const trimmed = refusal(() => updateEvent(db, admin, gz012.id, { aggregationMethod: 'trimmed_mean' }));
    expect(trimmed.violations![0]).toMatchObject({ field: 'aggregationMethod', code: 'trimmed_mean_needs_five', params: { count: 4 } });
    // Its scheme has judgement criteria: names are never shown live.
    expect(refusal(() => updateEvent(db, admin, gz012.id, { liveMode: 'named' })).violations![0].code).toBe('live_mode_named_judgement');
    readyToScore(db);
    const frozen = refusal(() => updateEvent(db, admin, gz012.id, { quotaPerSchool: 2 }));
    expect([frozen.status, frozen.code]).toEqual([409, 'event_settings_frozen']);
    expect(db.select().from(divisions).all().length).toBeGreaterThan(0);
  });
});
