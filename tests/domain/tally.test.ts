/**
 * The running tally of a live board against a computation from scratch: after any sequence of
 * marks and corrections, in any order of arrival, the kept totals and ranks are those of the
 * newest marks scored afresh. And the overview's deltas, applied in order, give its snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATION_METHODS, scoreTeam, type SchemeCriterion } from '#app/domain/aggregation.ts';
import { rankTeams, type TieBreak } from '#app/domain/ranking.ts';
import { applyCompetitionDelta, summaryPatch, type CompetitionBoard, type EventSummary, type SummaryPatch } from '#app/domain/scoreboard.ts';
import { EventTally, type TallyMark } from '#app/domain/tally.ts';

const CRITERIA: SchemeCriterion[] = [
  { id: 11, moduleId: 1, maxMarks: 2000, kind: 'measurement' },
  { id: 12, moduleId: 1, maxMarks: 1550, kind: 'judgement' },
  { id: 13, moduleId: 2, maxMarks: 3000, kind: 'measurement' },
];
const PANEL = [1, 2, 3, 4, 5];
const PRESENT = [101, 102, 103, 104].map((checkInId, i) => ({ checkInId, teamId: 900 + i, completionSeconds: 600 + (i % 2) * 30 }));

/** Marks as judges send them: some by a judge off the panel (7), some for a work code not present (199), many correcting earlier ones. */
const markArb = fc.record({
  checkInId: fc.constantFrom(101, 102, 103, 104, 199),
  judgeId: fc.constantFrom(1, 2, 3, 4, 5, 7),
  criterionId: fc.constantFrom(11, 12, 13),
  share: fc.integer({ min: 0, max: 100 }),
});
const rulesArb = fc.record({
  method: fc.constantFrom(...AGGREGATION_METHODS),
  tieBreaks: fc.constantFrom([], [{ kind: 'module' as const, id: 2 }], [{ kind: 'criterion' as const, id: 12 }]),
  tieBreakByCompletionTime: fc.boolean(),
});

function numbered(raw: { checkInId: number; judgeId: number; criterionId: number; share: number }[]): TallyMark[] {
  return raw.map((m, i) => ({ id: i + 1, checkInId: m.checkInId, judgeId: m.judgeId, criterionId: m.criterionId, hundredths: Math.floor((CRITERIA.find((c) => c.id === m.criterionId)!.maxMarks * m.share) / 100) }));
}

/** From scratch: the newest mark of each (work code, judge, criterion) on the panel, scored and ranked. */
function fromScratch(rules: { method: (typeof AGGREGATION_METHODS)[number]; tieBreaks: readonly TieBreak[]; tieBreakByCompletionTime: boolean }, marks: TallyMark[]) {
  const newest = new Map<string, TallyMark>();
  for (const m of marks) {
    const key = `${m.checkInId}|${m.judgeId}|${m.criterionId}`;
    if ((newest.get(key)?.id ?? 0) < m.id) newest.set(key, m);
  }
  const entries = PRESENT.map((p) => {
    const values = new Map<number, number[]>();
    for (const m of newest.values()) {
      if (m.checkInId !== p.checkInId || !PANEL.includes(m.judgeId)) continue;
      values.set(m.criterionId, [...(values.get(m.criterionId) ?? []), m.hundredths]);
    }
    return { teamId: p.teamId, absent: false, score: scoreTeam(CRITERIA, values, rules.method, 500), completionSeconds: p.completionSeconds };
  });
  return rankTeams([...entries, { teamId: 999, absent: true, score: null, completionSeconds: null }], rules.tieBreaks, rules.tieBreakByCompletionTime);
}

describe('the running tally', () => {
  it('equals a computation from scratch after any sequence of marks and corrections, whatever their order of arrival', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(markArb, { maxLength: 120 }), fc.integer(), (rules, raw, seed) => {
        const marks = numbered(raw);
        const tally = () => new EventTally({ criteria: CRITERIA, threshold: 500, ...rules }, PRESENT, [999], PANEL);
        const inOrder = tally();
        // Ranked after every mark, as the board is: the cache must never go stale.
        for (const m of marks) (inOrder.apply(m), inOrder.ranked());
        const expected = fromScratch(rules, marks);
        expect(inOrder.ranked()).toEqual(expected);
        // Arrival order does not matter: the newest mark (by number) of each judge wins.
        const shuffled = tally();
        for (const m of fc.sample(fc.shuffledSubarray(marks, { minLength: marks.length, maxLength: marks.length }), { numRuns: 1, seed })[0] ?? []) shuffled.apply(m);
        expect(shuffled.ranked()).toEqual(expected);
        const counted = new Set(marks.filter((m) => m.checkInId !== 199 && m.judgeId !== 7).map((m) => `${m.checkInId}|${m.judgeId}|${m.criterionId}`));
        expect(inOrder.progress()).toEqual({ teams: 4, absent: 1, marked: counted.size, expected: 4 * 5 * 3 });
      }),
      { numRuns: 300 },
    );
  });

  it('ignores a mark older than the one it holds, and marks that do not count here', () => {
    const tally = new EventTally({ criteria: CRITERIA, method: 'mean', threshold: 500, tieBreaks: [], tieBreakByCompletionTime: false }, PRESENT, [], PANEL);
    expect(tally.apply({ id: 5, checkInId: 101, judgeId: 1, criterionId: 11, hundredths: 1500 })).toBe(true);
    expect(tally.apply({ id: 3, checkInId: 101, judgeId: 1, criterionId: 11, hundredths: 100 })).toBe(false);
    expect(tally.apply({ id: 6, checkInId: 101, judgeId: 7, criterionId: 11, hundredths: 100 })).toBe(false);
    expect(tally.apply({ id: 7, checkInId: 199, judgeId: 1, criterionId: 11, hundredths: 100 })).toBe(false);
    expect(tally.apply({ id: 8, checkInId: 101, judgeId: 1, criterionId: 99, hundredths: 100 })).toBe(false);
    expect(tally.ranked().find((r) => r.teamId === 900)).toMatchObject({ total: 1500, rank: 1 });
  });
});

// ── The overview's deltas ────────────────────────────────────────────────────────────────────────

const summaryArb = (eventId: number): fc.Arbitrary<EventSummary> =>
  fc.record({
    eventId: fc.constant(eventId),
    code: fc.constant(`GZ${String(eventId).padStart(3, '0')}`),
    name: fc.constant(`赛项${eventId}`),
    division: fc.constantFrom('中职组', '高职组'),
    status: fc.constantFrom('scoring' as const, 'locked' as const),
    mode: fc.constantFrom('anonymous' as const, 'named' as const),
    frozen: fc.boolean(),
    published: fc.boolean(),
    progress: fc.record({ teams: fc.integer({ min: 0, max: 3 }), absent: fc.integer({ min: 0, max: 2 }), marked: fc.integer({ min: 0, max: 5 }), expected: fc.constant(60) }),
    leaders: fc.array(fc.record({ rank: fc.integer({ min: 1, max: 3 }), total: fc.constantFrom(null, 88.5, 91.25), workCode: fc.constantFrom('W0001', 'W0002'), school: fc.constantFrom(null, '湖南铁道职业技术学院') }), { maxLength: 3 }),
  });

describe('the overview’s deltas', () => {
  it('applied in order to the snapshot they start from, give the snapshot of their version', () => {
    // A sequence of overview states (each event changing or not, new events joining) as the engine sees them.
    const statesArb = fc.array(fc.tuple(...[1, 2, 3, 4].map((id) => fc.option(summaryArb(id), { nil: undefined }))), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(statesArb, fc.integer({ min: 1, max: 3 }), (states, every) => {
        const boards: CompetitionBoard[] = [];
        let current: EventSummary[] = [];
        let pending = new Map<number, SummaryPatch>();
        let held: CompetitionBoard = { scope: 'competition', competitionId: 1, name: '楚怡杯', version: 1, events: [], medals: { bySchool: [], byPrefecture: [] }, at: 0 };
        let snapshot = held;
        states.forEach((state, step) => {
          for (const summary of state) {
            if (!summary) continue;
            // As the engine does: each event's patch is taken against the overview last sent.
            const patch = summaryPatch(snapshot.events.find((e) => e.eventId === summary.eventId), summary);
            if (patch) pending.set(summary.eventId, patch);
            else pending.delete(summary.eventId);
            current = [...current.filter((e) => e.eventId !== summary.eventId), summary].sort((a, b) => a.code.localeCompare(b.code));
          }
          // The engine sends what piled up only every few changes (coalescing).
          if (step % every !== 0 || pending.size === 0) return;
          const delta = { scope: 'competition-delta' as const, competitionId: 1, from: snapshot.version, version: snapshot.version + 1, events: [...pending.values()], at: step };
          pending = new Map();
          snapshot = { ...snapshot, events: current, version: delta.version, at: step };
          boards.push(snapshot);
          held = applyCompetitionDelta(held, delta)!;
          expect(held).toEqual(snapshot);
          // A delta that does not follow the version held is refused: the viewer resyncs.
          expect(applyCompetitionDelta({ ...held, version: held.version - 1 }, { ...delta, from: delta.version })).toBeNull();
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sends only the fields that changed, and of the progress only the counts that changed', () => {
    const before: EventSummary = { eventId: 1, code: 'GZ001', name: '赛项', division: '高职组', status: 'scoring', mode: 'anonymous', frozen: false, published: false, progress: { teams: 10, absent: 1, marked: 5, expected: 90 }, leaders: [] };
    expect(summaryPatch(before, { ...before, progress: { ...before.progress, marked: 6 } })).toEqual({ eventId: 1, progress: { marked: 6 } });
    expect(summaryPatch(before, { ...before })).toBeNull();
    expect(summaryPatch(undefined, before)).toEqual(before);
  });
});
