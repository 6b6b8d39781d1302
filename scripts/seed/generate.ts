/**
 * Generates a whole competition: the realistic demo (`demo`) or one at DOMAIN.md's scale (`province`).
 * Deterministic: the same options give the same rows, so tests and benchmarks can rely on them.
 */
import { sql } from 'drizzle-orm';
import { atomically, ensureReferenceData, type Db } from '#db/client.ts';
import * as t from '#db/schema.ts';
import { hashPassword } from '#app/auth/password.server.ts';
import { AGGREGATION_METHODS, aggregationProblem } from '#app/domain/aggregation.ts';
import { idNumberCheckChar } from '#app/domain/id-number.ts';
import { SYSTEM_ACTOR } from '#app/domain/roles.ts';
import { recordAudit } from '#app/models/audit.server.ts';
import { changePhase } from '#app/models/competition.server.ts';
import { createCompetition, createEvent, saveDivision, saveVenue } from '#app/models/competition-setup.server.ts';
import { Random } from './random.ts';
import {
  ENTERPRISES,
  EVENT_TEMPLATES,
  GIVEN,
  JUDGEMENT_CRITERIA,
  MAJORS,
  MEASUREMENT_CRITERIA,
  PREFECTURES,
  SCHOOLS,
  SURNAMES,
  TITLES,
  type DivisionCode,
  type EventTemplate,
  type SchoolSeed,
} from './reference.ts';

export const DEMO_PASSWORD = 'chuyi2026';

/** The accounts a person tries first; every other seeded account has the same password. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'admin', label: '竞赛管理员 (admin)' },
  { username: 'school', role: 'school', label: '院校联系人 · 湖南铁道职业技术学院 (school)' },
  { username: 'judge', role: 'judge', label: '裁判 · GZ012 工业机器人技术应用 (judge)' },
  { username: 'chief', role: 'judge', label: '裁判长 · GZ012 工业机器人技术应用 (chief judge)' },
  { username: 'arbiter', role: 'arbiter', label: '监督仲裁 (arbiter)' },
] as const;

export type SeedScale = 'demo' | 'province';
export type SeedOptions = { scale?: SeedScale; now?: Date; seed?: number };
export type SeedReport = Record<'schools' | 'events' | 'teams' | 'contestants' | 'advisors' | 'judges' | 'accounts', number>;

const DAY = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

const DIVISIONS: Record<DivisionCode, { name: string; types: (typeof t.SCHOOL_TYPES)[number][]; maxAge: number | null; order: number }> = {
  ZZ: { name: '中职组', types: ['secondary_vocational', 'technician'], maxAge: 21, order: 1 },
  GZ: { name: '高职组', types: ['higher_vocational', 'vocational_bachelor', 'technician'], maxAge: 25, order: 2 },
  JS: { name: '教师组', types: ['vocational_bachelor', 'higher_vocational', 'secondary_vocational', 'technician'], maxAge: null, order: 3 },
};

export function isEmpty(db: Db): boolean {
  return !db.select({ id: t.competitions.id }).from(t.competitions).limit(1).get();
}

export async function seedCompetition(db: Db, options: SeedOptions = {}): Promise<SeedReport> {
  const scale = options.scale ?? 'demo';
  const now = options.now ?? new Date();
  const rng = new Random(options.seed ?? 2026);
  // One argon2id hash for every seeded account: hashing thousands would take minutes for no gain.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction; the model functions it calls nest inside it as savepoints.
  return atomically(db, (tx) => new Generator(tx, rng, now, passwordHash, scale).run());
}

/** An earlier year's competition with these events, its teams and panels, on the schools already seeded (scripts/seed/history.ts runs it). */
export async function seedEarlierYear(db: Db, { now, seed, codes }: { now: Date; seed: number; codes: readonly string[] }): Promise<{ competitionId: number; eventIds: number[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return atomically(db, (tx) => new Generator(tx, new Random(seed), now, passwordHash, 'demo', true).runHistory(codes));
}

class Generator {
  private report: SeedReport = { schools: 0, events: 0, teams: 0, contestants: 0, advisors: 0, judges: 0, accounts: 0 };
  private idSequence = 0;
  private phoneSequence = 0;

  constructor(
    private tx: Db,
    private rng: Random,
    private now: Date,
    private passwordHash: string,
    private scale: SeedScale,
    /** A finished earlier year beside the demo (scripts/seed/history.ts): same schools, its own events. */
    private history = false,
  ) {}

  /** The earlier year's competition, events, teams and panels, on the schools already there. */
  runHistory(codes: readonly string[]): { competitionId: number; eventIds: number[] } {
    const prefectureIds = this.prefectures();
    const prefectureCodes = new Map(PREFECTURES.map(([code, name]) => [prefectureIds.get(name)!, code]));
    const schools = this.tx.select().from(t.schools).all().map((s) => ({ ...s, regionCode: prefectureCodes.get(s.prefectureId)! }));
    const { competition, startsOn } = this.year(this.now.getFullYear(), '往届演示 (demo history)');
    const divisionIds = this.divisions(competition.id);
    const delegationOf = this.delegations(competition.id, schools, prefectureIds);
    const templates = EVENT_TEMPLATES.filter((tpl) => codes.includes(tpl.code));
    const venueIds = this.venues(competition.id, schools, 2);
    let judgeNumber = 0;
    const eventIds = templates.map((template, index) => {
      const event = this.event(competition.id, divisionIds[template.division], venueIds[index % venueIds.length], template, startsOn, index);
      const entered = this.teams(competition.id, event, template, schools, delegationOf);
      judgeNumber = this.panel(event.id, template, schools, entered, judgeNumber);
      return event.id;
    });
    return { competitionId: competition.id, eventIds };
  }

  /**
   * A year set up as an organiser sets one up (the same model functions, the same rules), its
   * registration open from two weeks before `now`; the competition starts five weeks after.
   */
  private year(year: number, reason: string) {
    const startsOn = new Date(this.now.getTime() + 35 * DAY);
    const competition = createCompetition(this.tx, SYSTEM_ACTOR, {
      name: `${year}年“楚怡杯”湖南省职业院校技能竞赛`,
      year,
      registrationOpensAt: new Date(this.now.getTime() - 14 * DAY),
      registrationDeadline: new Date(this.now.getTime() + 21 * DAY),
      startsOn: isoDate(startsOn),
      endsOn: isoDate(new Date(startsOn.getTime() + 30 * DAY)),
      announcementDays: 5,
      defaultAwardRatios: { first: 0.1, second: 0.2, third: 0.3 },
      defaultTieAtBoundary: 'down',
      defaultLiveMode: 'anonymous',
      defaultAggregationMethod: 'mean',
    });
    changePhase(this.tx, SYSTEM_ACTOR, competition.id, 'registration', reason);
    return { competition, startsOn };
  }

  run(): SeedReport {
    const prefectureIds = this.prefectures();
    const schools = this.schools(prefectureIds);
    const { competition, startsOn } = this.year(2026, '演示竞赛开放报名 (demo)');
    const divisionIds = this.divisions(competition.id);
    const delegationOf = this.delegations(competition.id, schools, prefectureIds);
    const templates = this.eventTemplates();
    const venueIds = this.venues(competition.id, schools, Math.ceil(templates.length / 2.5));
    this.accounts(schools);

    let judgeNumber = 0;
    templates.forEach((template, index) => {
      const event = this.event(competition.id, divisionIds[template.division], venueIds[index % venueIds.length], template, startsOn, index);
      const entered = this.teams(competition.id, event, template, schools, delegationOf);
      judgeNumber = this.panel(event.id, template, schools, entered, judgeNumber);
    });
    recordAudit(this.tx, SYSTEM_ACTOR, { action: 'seed.' + this.scale, entity: 'competition', entityId: competition.id, after: this.report });
    return this.report;
  }

  private prefectures(): Map<string, number> {
    const ids = new Map<string, number>();
    // Every migrated database has them already (db/client.ts); the seed only reads their ids.
    for (const [, name] of PREFECTURES) ids.set(name, this.tx.select({ id: t.prefectures.id }).from(t.prefectures).where(sql`${t.prefectures.name} = ${name}`).get()!.id);
    return ids;
  }

  private schoolSeeds(): SchoolSeed[] {
    if (this.scale === 'demo') return SCHOOLS;
    // Province scale: the real-looking list, then numbered schools in every prefecture up to ~700.
    const out = [...SCHOOLS];
    const kinds: [SchoolSeed['type'], string][] = [
      ['secondary_vocational', '职业中等专业学校'],
      ['secondary_vocational', '职业技术学校'],
      ['technician', '技工学校'],
      ['higher_vocational', '职业技术学院'],
    ];
    for (let n = 1; out.length < 700; n++) {
      for (const [, prefecture] of PREFECTURES) {
        if (out.length >= 700) break;
        const [type, suffix] = kinds[n % kinds.length];
        out.push({ name: `${prefecture.replace(/市$|土家族苗族自治州$/, '')}第${n}${suffix}`, type, prefecture });
      }
    }
    return out;
  }

  private schools(prefectureIds: Map<string, number>) {
    const counters: Record<string, number> = {};
    const prefix = { vocational_bachelor: '14', higher_vocational: '13', secondary_vocational: '43', technician: '44' } as const;
    const rows = this.schoolSeeds().map((s) => {
      counters[s.type] = (counters[s.type] ?? 0) + 1;
      const code = `${prefix[s.type]}${String(counters[s.type]).padStart(3, '0')}`;
      return { code, name: s.name, type: s.type, prefectureId: prefectureIds.get(s.prefecture)!, contactName: this.personName(), contactPhone: this.phone() };
    });
    const inserted = this.tx.insert(t.schools).values(rows).returning().all();
    this.report.schools = inserted.length;
    const prefectureCodes = new Map(PREFECTURES.map(([code, name]) => [prefectureIds.get(name)!, code]));
    return inserted.map((s) => ({ ...s, regionCode: prefectureCodes.get(s.prefectureId)! }));
  }

  private divisions(competitionId: number): Record<DivisionCode, number> {
    const ids = {} as Record<DivisionCode, number>;
    for (const [code, d] of Object.entries(DIVISIONS) as [DivisionCode, (typeof DIVISIONS)[DivisionCode]][]) {
      ids[code] = saveDivision(this.tx, SYSTEM_ACTOR, competitionId, { code, name: d.name, allowedSchoolTypes: [...d.types], maxAge: d.maxAge, ageReferenceDate: null, sortOrder: d.order }).id;
    }
    return ids;
  }

  private delegations(competitionId: number, schools: SeededSchool[], prefectureIds: Map<string, number>) {
    const byPrefecture = new Map<number, number>();
    for (const [, name] of PREFECTURES) {
      const id = this.tx
        .insert(t.delegations)
        .values({ competitionId, name: `${name}代表团`, kind: 'prefecture', prefectureId: prefectureIds.get(name)! })
        .returning({ id: t.delegations.id })
        .get().id;
      byPrefecture.set(prefectureIds.get(name)!, id);
    }
    const delegationOf = new Map<number, number>();
    for (const s of schools) {
      if (s.type === 'higher_vocational' || s.type === 'vocational_bachelor') {
        const id = this.tx
          .insert(t.delegations)
          .values({ competitionId, name: `${s.name}代表队`, kind: 'school', schoolId: s.id })
          .returning({ id: t.delegations.id })
          .get().id;
        delegationOf.set(s.id, id);
      } else {
        delegationOf.set(s.id, byPrefecture.get(s.prefectureId)!);
      }
    }
    return delegationOf;
  }

  private eventTemplates(): EventTemplate[] {
    if (this.scale === 'demo') return EVENT_TEMPLATES;
    const out: EventTemplate[] = [];
    // Codes stay as the province writes them (two letters, three digits), each used once.
    const used = new Set<string>();
    for (let round = 0; out.length < 200; round++) {
      for (const tpl of EVENT_TEMPLATES) {
        if (out.length >= 200) break;
        const prefix = tpl.code.slice(0, 2);
        let n = (Number(tpl.code.slice(2)) + round * 50) % 1000;
        while (used.has(`${prefix}${n}`) || n === 0) n = (n + 1) % 1000;
        used.add(`${prefix}${n}`);
        out.push({ ...tpl, code: `${prefix}${String(n).padStart(3, '0')}`, name: round === 0 ? tpl.name : `${tpl.name}（${round + 1}）` });
      }
    }
    return out;
  }

  private venues(competitionId: number, schools: SeededSchool[], count: number): number[] {
    const hosts = this.rng.shuffle(schools.filter((s) => s.type !== 'secondary_vocational')).slice(0, count);
    // The demo school hosts a venue, so the first venue is always the same one.
    const railway = schools.find((s) => s.name === '湖南铁道职业技术学院');
    if (railway && !hosts.includes(railway)) hosts[0] = railway;
    return hosts.map(
      (host) => saveVenue(this.tx, SYSTEM_ACTOR, competitionId, { hostSchoolId: host.id, name: `${host.name}赛点`, address: host.name, directorName: this.personName(), supervisorName: this.personName() }).id,
    );
  }

  private account(username: string, displayName: string, role: (typeof t.ACCOUNT_ROLES)[number], schoolId: number | null = null): number {
    this.report.accounts++;
    return this.tx
      .insert(t.users)
      .values({ username, displayName, passwordHash: this.passwordHash, role, schoolId })
      .returning({ id: t.users.id })
      .get().id;
  }

  private accounts(schools: SeededSchool[]) {
    this.account('admin', '组委会办公室', 'admin');
    this.account('arbiter', '省赛监督仲裁组', 'arbiter');
    const railway = schools.find((s) => s.name === '湖南铁道职业技术学院')!;
    this.account('school', `${railway.name}联系人`, 'school', railway.id);
    // Every school has its own account: s + 院校代码.
    for (const s of schools) this.account(`s${s.code}`, `${s.name}联系人`, 'school', s.id);
  }

  private event(
    competitionId: number,
    divisionId: number,
    venueId: number,
    tpl: EventTemplate,
    startsOn: Date,
    index: number,
  ): { id: number; criteria: { id: number; kind: string }[] } {
    const event = createEvent(this.tx, SYSTEM_ACTOR, competitionId, {
      divisionId,
      venueId,
      code: tpl.code,
      name: tpl.name,
      minTeamSize: tpl.minTeamSize,
      maxTeamSize: tpl.maxTeamSize,
      maxAdvisors: 2,
      quotaPerSchool: 1,
      scheduledOn: isoDate(new Date(startsOn.getTime() + (index % 20) * DAY)),
      // Only methods the panel can use: a trimmed mean needs five scoring judges.
      aggregationMethod: tpl.objectiveOnly ? 'mean' : this.rng.pick(AGGREGATION_METHODS.filter((m) => !aggregationProblem(m, this.panelSize() - 1))),
      discrepancyThreshold: 3,
      liveMode: tpl.objectiveOnly ? 'named' : 'anonymous',
    });
    this.report.events++;
    const scheme = this.tx.insert(t.scoringSchemes).values({ eventId: event.id, expectedTotal: 100 }).returning({ id: t.scoringSchemes.id }).get();
    // Split 100 marks over the modules in multiples of 5, then each module over its criteria.
    const weights = this.split(100, tpl.modules.length, 5);
    const criteria: { id: number; kind: string }[] = [];
    tpl.modules.forEach((name, m) => {
      const mod = this.tx
        .insert(t.schemeModules)
        .values({ schemeId: scheme.id, code: String.fromCharCode(65 + m), name, sortOrder: m })
        .returning({ id: t.schemeModules.id })
        .get();
      const n = Math.max(2, Math.min(5, Math.round(weights[m] / 8)));
      const marks = this.split(weights[m], n, 1);
      const names = this.rng.shuffle(MEASUREMENT_CRITERIA);
      const judged = this.rng.shuffle(JUDGEMENT_CRITERIA);
      marks.forEach((max, c) => {
        const judgement = !tpl.objectiveOnly && (c === n - 1 || this.rng.chance(0.3));
        const row = this.tx
          .insert(t.criteria)
          .values({
            moduleId: mod.id,
            code: `${String.fromCharCode(65 + m)}${c + 1}`,
            name: judgement ? judged[c % judged.length] : names[c % names.length],
            maxMarks: max,
            decimals: judgement ? 1 : max <= 3 ? 0 : 1,
            kind: judgement ? 'judgement' : 'measurement',
            allOrNothing: !judgement && max <= 3,
            sortOrder: c,
          })
          .returning({ id: t.criteria.id, kind: t.criteria.kind })
          .get();
        criteria.push(row);
      });
    });
    return { id: event.id, criteria };
  }

  /** Splits a total into n positive parts, each a multiple of `step`. */
  private split(total: number, n: number, step: number): number[] {
    const units = total / step;
    const parts = Array.from({ length: n }, () => 1);
    for (let left = units - n; left > 0; left--) parts[this.rng.int(0, n - 1)]++;
    return parts.map((p) => p * step);
  }

  private teams(
    competitionId: number,
    event: { id: number },
    tpl: EventTemplate,
    schools: SeededSchool[],
    delegationOf: Map<number, number>,
  ): Set<number> {
    const division = DIVISIONS[tpl.division];
    const eligible = schools.filter((s) => division.types.includes(s.type));
    const share = this.scale === 'demo' ? 0.55 + this.rng.next() * 0.3 : 0.06;
    let entering = this.rng.shuffle(eligible).slice(0, Math.max(4, Math.round(eligible.length * share)));
    const railway = schools.find((s) => s.name === '湖南铁道职业技术学院')!;
    // The demo school enters a few 高职 events (not GZ012, where its teachers judge).
    // It enters those only, so the demo always has events it may still enter.
    if (this.history) {
      // The demo school took part in the earlier year too: its results and certificates are there to see.
      entering = [railway, ...entering.filter((s) => s !== railway)];
    } else if (this.scale === 'demo') {
      entering = entering.filter((s) => s !== railway);
      if (['GZ003', 'GZ021', 'GZ045'].includes(tpl.code)) entering = [railway, ...entering];
    }

    for (const school of entering) {
      const status = this.teamStatus(school === railway ? tpl.code : null);
      const team = this.tx
        .insert(t.teams)
        .values({
          eventId: event.id,
          schoolId: school.id,
          delegationId: delegationOf.get(school.id)!,
          name: `${school.name}${tpl.maxTeamSize > 1 ? '代表队' : ''}`,
          status,
          returnReason: status === 'returned' ? '选手学籍证明材料不清晰，请重新上传后提交。' : null,
          submittedAt: status === 'draft' ? null : new Date(this.now.getTime() - this.rng.int(1, 10) * DAY),
          reviewedAt: status === 'approved' || status === 'returned' ? new Date(this.now.getTime() - this.rng.int(0, 5) * DAY) : null,
        })
        .returning({ id: t.teams.id })
        .get();
      this.report.teams++;
      const size = this.rng.int(tpl.minTeamSize, tpl.maxTeamSize);
      for (let p = 0; p < size; p++) {
        const c = this.contestant(competitionId, school, tpl.division);
        this.tx.insert(t.teamMembers).values({ teamId: team.id, contestantId: c, position: p + 1 }).run();
      }
      if (tpl.division !== 'JS') {
        for (let p = 0; p < this.rng.int(1, 2); p++) {
          const advisor = this.tx
            .insert(t.advisors)
            .values({ competitionId, schoolId: school.id, name: this.personName(), title: this.rng.pick(TITLES), phone: this.phone() })
            .returning({ id: t.advisors.id })
            .get();
          this.report.advisors++;
          this.tx.insert(t.teamAdvisors).values({ teamId: team.id, advisorId: advisor.id, position: p + 1 }).run();
        }
      }
    }
    return new Set(entering.map((s) => s.id));
  }

  private teamStatus(demoSchoolEvent: string | null): (typeof t.TEAM_STATUSES)[number] {
    if (this.history) return 'approved';
    if (demoSchoolEvent === 'GZ003') return 'approved';
    if (demoSchoolEvent === 'GZ021') return 'submitted';
    if (demoSchoolEvent === 'GZ045') return 'returned';
    const r = this.rng.next();
    return r < 0.7 ? 'approved' : r < 0.85 ? 'submitted' : r < 0.95 ? 'draft' : 'returned';
  }

  private contestant(competitionId: number, school: SeededSchool, division: DivisionCode): number {
    const [minAge, maxAge] = division === 'ZZ' ? [15, 19] : division === 'GZ' ? [18, 23] : [26, 55];
    const birthYear = 2026 - this.rng.int(minAge, maxAge);
    const birth = `${birthYear}${String(this.rng.int(1, 12)).padStart(2, '0')}${String(this.rng.int(1, 28)).padStart(2, '0')}`;
    const gender = this.rng.chance(0.5) ? 'male' : 'female';
    // A unique sequence per person keeps every 身份证号 distinct; its last digit carries the gender.
    const seq = this.idSequence++;
    const district = school.regionCode.slice(0, 4) + String(2 + (seq % 8)).padStart(2, '0');
    const order = String(Math.floor(seq / 8) % 100).padStart(2, '0') + String((seq % 5) * 2 + (gender === 'male' ? 1 : 0));
    const first17 = `${district}${birth}${order}`;
    // Sequences past 800 per birth date would repeat; the year/month/day spread keeps that away.
    const idNumber = first17 + idNumberCheckChar(first17);
    const row = this.tx
      .insert(t.contestants)
      .values({
        competitionId,
        schoolId: school.id,
        name: this.personName(),
        gender,
        idNumber,
        birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
        studentNumber: division === 'JS' ? null : `${birthYear + 18}${String(seq).padStart(6, '0')}`,
        major: division === 'JS' ? null : this.rng.pick(MAJORS),
        phone: this.phone(),
      })
      .onConflictDoNothing()
      .returning({ id: t.contestants.id })
      .get();
    if (!row) return this.contestant(competitionId, school, division);
    this.report.contestants++;
    return row.id;
  }

  private panelSize(): number {
    return this.scale === 'demo' ? 5 : 10;
  }

  /** 1 chief + 4 scoring judges (demo) or 9 (province), none from a school with a team in the event (回避). */
  private panel(eventId: number, tpl: EventTemplate, schools: SeededSchool[], entered: Set<number>, judgeNumber: number): number {
    const size = this.panelSize();
    // The demo school's teachers judge GZ012 only, so it can enter any other event it is eligible for.
    const railway = this.scale === 'demo' && (this.history || tpl.code !== 'GZ012') ? schools.find((s) => s.name === '湖南铁道职业技术学院') : undefined;
    const free = this.rng.shuffle(schools.filter((s) => !entered.has(s.id) && s !== railway));
    for (let i = 0; i < size; i++) {
      judgeNumber++;
      const fromSchool = i < free.length && this.rng.chance(0.7) ? free[i] : null;
      const demo = this.scale === 'demo' && !this.history && tpl.code === 'GZ012' && i < 2;
      const username = demo ? (i === 0 ? 'chief' : 'judge') : `${this.history ? 'h' : 'j'}${String(judgeNumber).padStart(4, '0')}`;
      const name = this.personName();
      const userId = this.account(username, name, 'judge');
      const judge = this.tx
        .insert(t.judges)
        .values({
          userId,
          name,
          title: this.rng.pick(TITLES),
          affiliationSchoolId: fromSchool?.id ?? null,
          affiliation: fromSchool?.name ?? this.rng.pick(ENTERPRISES),
          phone: this.phone(),
        })
        .returning({ id: t.judges.id })
        .get();
      this.report.judges++;
      this.tx.insert(t.judgeAssignments).values({ eventId, judgeId: judge.id, role: i === 0 ? 'chief_judge' : 'scoring_judge' }).run();
    }
    return judgeNumber;
  }

  private personName(): string {
    const given = this.rng.pick(GIVEN) + (this.rng.chance(0.7) ? this.rng.pick(GIVEN) : '');
    return this.rng.pick(SURNAMES) + given;
  }

  private phone(): string {
    const prefix = this.rng.pick(['138', '139', '150', '151', '158', '173', '177', '180', '186', '189', '199']);
    return prefix + String(10000000 + ((this.phoneSequence++ * 7919 + this.rng.int(0, 7918)) % 90000000)).padStart(8, '0');
  }
}

type SeededSchool = typeof t.schools.$inferSelect & { regionCode: string };

/** Every table, newest first, for `--reset`: the seed's own fresh start, not a deletion of records people made. */
export function wipe(db: Db): void {
  db.$client.pragma('foreign_keys = OFF');
  try {
    const tables = db.$client
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
      .all() as { name: string }[];
    db.transaction((tx) => {
      for (const { name } of tables) tx.run(sql.raw(`delete from "${name}"`));
      tx.run(sql.raw(`delete from sqlite_sequence`));
    });
  } finally {
    db.$client.pragma('foreign_keys = ON');
  }
  ensureReferenceData(db);
}
