/** Advancement (#15): each rule kind, ties at the cut both ways, caps, minimum entrants, replacements. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCut, DEFAULT_ADVANCEMENT_RULE, describeRule, nextInLine, placesFor, ruleProblem, type AdvancementRule, type Candidate } from '#app/domain/advancement.ts';

const rule = (r: Partial<AdvancementRule>): AdvancementRule => ({ ...DEFAULT_ADVANCEMENT_RULE, ...r });

/** A candidate: rank, total in hundredths, school and prefecture ids (named S1, P1 …). */
function cand(key: string, rank: number | null, total: number | null, school = Number(key.replace(/\D/g, '')) || 1, prefecture = 1, more: Partial<Candidate> = {}): Candidate {
  return { key, teamId: Number(key.replace(/\D/g, '')) || 0, contestantId: null, name: key, schoolId: school, school: `S${school}`, prefectureId: prefecture, prefecture: `P${prefecture}`, rank, total, absent: false, withdrawn: false, ...more };
}
/** Ten ranked 1…10, totals 100.00 down to 91.00, each its own school. */
const ten = () => Array.from({ length: 10 }, (_, i) => cand(`t${String(i + 1).padStart(2, '0')}`, i + 1, 10_000 - i * 100, i + 1));
const keys = (cs: readonly Candidate[]) => cs.map((c) => c.key);

describe('the cut', () => {
  it('takes the top N', () => {
    const cut = applyCut(ten(), rule({ top: 3 }));
    expect(keys(cut.advancing)).toEqual(['t01', 't02', 't03']);
    expect(keys(cut.reserves).slice(0, 2)).toEqual(['t04', 't05']);
    expect(cut.explanation.join('')).toContain('晋级名额 3 队');
  });

  it('takes the top X % of those ranked, rounded half up, and the smaller of N and X % when both are set', () => {
    expect(placesFor(rule({ topShareBp: 2500 }), 10)).toBe(3); // 2.5 → 3
    expect(placesFor(rule({ topShareBp: 2400 }), 10)).toBe(2);
    expect(placesFor(rule({ top: 2, topShareBp: 5000 }), 10)).toBe(2);
    expect(placesFor(rule({ minTotal: 9000 }), 10)).toBeNull();
    expect(keys(applyCut(ten(), rule({ topShareBp: 2500 })).advancing)).toEqual(['t01', 't02', 't03']);
  });

  it('takes everyone at or above a minimum total, and no one below it', () => {
    const cut = applyCut(ten(), rule({ minTotal: 9600 }));
    expect(keys(cut.advancing)).toEqual(['t01', 't02', 't03', 't04', 't05']);
    expect(cut.explanation.join('')).toContain('总分低于 96.00 的 5 队不晋级');
    // With a top N too, both hold.
    expect(keys(applyCut(ten(), rule({ top: 7, minTotal: 9600 })).advancing)).toHaveLength(5);
  });

  it('keeps a tie at the cut together: up takes the whole tie, down leaves it out whole', () => {
    const tied = ten().map((c) => (c.rank === 4 ? { ...c, rank: 3 } : c.rank === 5 ? { ...c, rank: 3 } : c));
    // Ranks 1, 2, 3, 3, 3, 6 …: three places, the tie at 3 straddles from place 3 to 5.
    const up = applyCut(tied, rule({ top: 3, tieAtCut: 'up' }));
    expect(keys(up.advancing)).toEqual(['t01', 't02', 't03', 't04', 't05']);
    expect(up.explanation.join('')).toContain('第 3 名有 3 队并列，跨越名额界线，按规则一同晋级，多 2 队');
    const down = applyCut(tied, rule({ top: 3, tieAtCut: 'down' }));
    expect(keys(down.advancing)).toEqual(['t01', 't02']);
    expect(down.explanation.join('')).toContain('按规则一同不晋级，少 1 队');
    expect(keys(down.reserves).slice(0, 3)).toEqual(['t03', 't04', 't05']);
    // A tie wholly inside the places is no question.
    expect(keys(applyCut(tied, rule({ top: 5 })).advancing)).toHaveLength(5);
  });

  it('holds the caps per school and per prefecture, and says who was held back', () => {
    const cs = ten().map((c, i) => ({ ...c, schoolId: i < 3 ? 1 : c.schoolId, school: i < 3 ? 'S1' : c.school, prefectureId: i % 2 ? 2 : 1, prefecture: i % 2 ? 'P2' : 'P1' }));
    const perSchool = applyCut(cs, rule({ top: 4, perSchool: 1 }));
    expect(keys(perSchool.advancing)).toEqual(['t01', 't04', 't05', 't06']);
    expect(perSchool.explanation.join('')).toContain('第 2 名 t02（S1）：本校已有 1 队晋级，按名额上限不晋级');
    const perPrefecture = applyCut(cs, rule({ top: 6, perPrefecture: 2 }));
    expect(keys(perPrefecture.advancing)).toEqual(['t01', 't02', 't03', 't04']);
    expect(perPrefecture.explanation.join('')).toContain('P1已有 2 队晋级');
  });

  it('never lets an absent, withdrawn or unranked entrant through', () => {
    const cs = ten();
    cs[0] = { ...cs[0], absent: true, rank: null };
    cs[1] = { ...cs[1], withdrawn: true };
    cs[2] = { ...cs[2], rank: null };
    const cut = applyCut(cs, rule({ top: 3 }));
    expect(keys(cut.advancing)).toEqual(['t04', 't05', 't06']);
    expect(cut.explanation[0]).toBe('参加排名 7 队（缺赛、退出或无成绩 3 队不计）。');
  });

  it('replaces a withdrawal by the next in line whom the caps let in', () => {
    const cs = ten().map((c, i) => ({ ...c, schoolId: i < 2 ? 1 : c.schoolId, school: i < 2 ? 'S1' : c.school }));
    const r = rule({ top: 3, perSchool: 1 });
    const cut = applyCut(cs, r);
    expect(keys(cut.advancing)).toEqual(['t01', 't03', 't04']);
    // t03 withdraws: t02 is next by rank but its school already has t01 through.
    const still = cut.advancing.filter((c) => c.key !== 't03');
    expect(nextInLine(still, cut.reserves, r)?.key).toBe('t05');
    // t01 withdraws: now t02's school has a place free again.
    expect(nextInLine(cut.advancing.filter((c) => c.key !== 't01'), cut.reserves, r)?.key).toBe('t02');
    expect(nextInLine(cut.advancing, [], r)).toBeNull();
  });

  it('refuses a rule that says nothing or something impossible', () => {
    expect(ruleProblem(DEFAULT_ADVANCEMENT_RULE)).toBe('advancement_rule_empty');
    expect(ruleProblem(rule({ top: 0 }))).toBe('advancement_rule_invalid');
    expect(ruleProblem(rule({ topShareBp: 10_001 }))).toBe('advancement_rule_invalid');
    expect(ruleProblem(rule({ top: 3, perSchool: 0 }))).toBe('advancement_rule_invalid');
    expect(ruleProblem(rule({ top: 3, minEntrants: 0 }))).toBe('advancement_rule_invalid');
    expect(ruleProblem(rule({ top: 3 }))).toBeNull();
    expect(describeRule(rule({ unit: 'contestant', top: 10, perSchool: 2, minEntrants: 5 }))).toBe('按选手个人晋级：前 10 人，每校至多 2 人，界线处并列者一同不晋级；下一轮至少 5 人。');
  });
});

describe('the cut, for any entrants', () => {
  const candidatesArb = fc
    .array(fc.record({ rank: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), total: fc.integer({ min: 0, max: 10_000 }), school: fc.integer({ min: 1, max: 5 }), prefecture: fc.integer({ min: 1, max: 3 }), absent: fc.boolean(), withdrawn: fc.boolean() }), { maxLength: 30 })
    .map((rows) => rows.map((r, i) => cand(`c${String(i).padStart(2, '0')}`, r.absent ? null : r.rank, r.total, r.school, r.prefecture, { absent: r.absent, withdrawn: r.withdrawn && !r.absent })));
  const ruleArb = fc.record({
    unit: fc.constant('team' as const),
    top: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    topShareBp: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    minTotal: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    perSchool: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    perPrefecture: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    tieAtCut: fc.constantFrom('up' as const, 'down' as const),
    minEntrants: fc.constant(1),
  });

  it('never gives more places than the rule, unless a tie is kept together upward; never breaks a cap', () => {
    fc.assert(
      fc.property(candidatesArb, ruleArb, (cs, r) => {
        const cut = applyCut(cs, r);
        const places = cut.places ?? Infinity;
        if (r.tieAtCut === 'down') expect(cut.advancing.length).toBeLessThanOrEqual(places);
        else if (cut.advancing.length > places) {
          // Only the last rank's tie may go over.
          const lastRank = cut.advancing.at(-1)!.rank;
          expect(cut.advancing.filter((c) => c.rank !== lastRank).length).toBeLessThan(places);
        }
        const count = (f: (c: Candidate) => number) => cut.advancing.reduce((m, c) => m.set(f(c), (m.get(f(c)) ?? 0) + 1), new Map<number, number>());
        if (r.perSchool !== null) for (const n of count((c) => c.schoolId).values()) expect(n).toBeLessThanOrEqual(r.perSchool);
        if (r.perPrefecture !== null) for (const n of count((c) => c.prefectureId).values()) expect(n).toBeLessThanOrEqual(r.perPrefecture);
        for (const c of cut.advancing) {
          expect(c.absent || c.withdrawn || c.rank === null).toBe(false);
          if (r.minTotal !== null) expect(c.total!).toBeGreaterThanOrEqual(r.minTotal);
        }
        // Advancing and next in line never overlap.
        expect(new Set([...cut.advancing, ...cut.reserves].map((c) => c.key)).size).toBe(cut.advancing.length + cut.reserves.length);
      }),
    );
  });

  it('gives the same cut whatever order the entrants come in', () => {
    fc.assert(
      fc.property(candidatesArb, ruleArb, fc.integer(), (cs, r, seed) => {
        const shuffled = [...cs].sort((a, b) => ((a.key.charCodeAt(2) * 31 + seed) % 17) - ((b.key.charCodeAt(2) * 31 + seed) % 17));
        expect(keys(applyCut(shuffled, r).advancing)).toEqual(keys(applyCut(cs, r).advancing));
        expect(applyCut(shuffled, r).explanation).toEqual(applyCut(cs, r).explanation);
      }),
    );
  });

  it('without caps, everyone advancing is ranked at or above everyone left', () => {
    fc.assert(
      fc.property(candidatesArb, ruleArb, (cs, r) => {
        const cut = applyCut(cs, { ...r, perSchool: null, perPrefecture: null });
        const worst = Math.max(...cut.advancing.map((c) => c.rank!));
        for (const c of cut.reserves) expect(c.rank!).toBeGreaterThanOrEqual(worst);
      }),
    );
  });
});
