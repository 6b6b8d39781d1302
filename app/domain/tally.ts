/**
 * An event's running tally (计分) for its live board: each mark replaces its judge's value for one
 * criterion of one work code, re-scores that team alone, and the event is re-ranked from the kept
 * scores. Pure and exact (hundredths); the same marks give the same tally whatever their order of
 * arrival, as long as each (sheet, criterion) keeps its newest mark.
 */
import { scoreTeam, type AggregationMethod, type SchemeCriterion, type TeamScore } from './aggregation.ts';
import type { Hundredths } from './exact.ts';
import { rankTeams, type Ranked, type TieBreak } from './ranking.ts';
import type { Progress } from './scoreboard.ts';

export type TallyRules = {
  criteria: readonly SchemeCriterion[];
  method: AggregationMethod;
  threshold: Hundredths;
  tieBreaks: readonly TieBreak[];
  tieBreakByCompletionTime: boolean;
};

export type TallyEntrant = { checkInId: number; teamId: number; completionSeconds: number | null };

/** A mark as the tally needs it: which work code (check-in), which judge, which criterion, and the value. */
export type TallyMark = { id: number; checkInId: number; judgeId: number; criterionId: number; hundredths: Hundredths };

type Team = TallyEntrant & {
  /** criterion → judge → (mark id, value): the newest mark of each judge wins. */
  cells: Map<number, Map<number, { id: number; hundredths: Hundredths }>>;
  score: TeamScore;
};

export class EventTally {
  private readonly byCheckIn = new Map<number, Team>();
  private readonly panel: ReadonlySet<number>;
  private readonly criterionIds: ReadonlySet<number>;
  private marked = 0;
  private rankedCache: Ranked[] | null = null;

  constructor(
    private readonly rules: TallyRules,
    present: readonly TallyEntrant[],
    private readonly absentTeamIds: readonly number[],
    /** The live scoring panel: a revoked judge's marks never count. */
    panel: readonly number[],
  ) {
    this.panel = new Set(panel);
    this.criterionIds = new Set(rules.criteria.map((c) => c.id));
    for (const entrant of present) {
      const team: Team = { ...entrant, cells: new Map(), score: this.scoreOf(new Map()) };
      this.byCheckIn.set(entrant.checkInId, team);
    }
  }

  /** Takes one mark; false when it does not count here (another event, an absent team, a judge off the panel, an older mark). */
  apply(mark: TallyMark): boolean {
    const team = this.byCheckIn.get(mark.checkInId);
    if (!team || !this.panel.has(mark.judgeId) || !this.criterionIds.has(mark.criterionId)) return false;
    let byJudge = team.cells.get(mark.criterionId);
    if (!byJudge) team.cells.set(mark.criterionId, (byJudge = new Map()));
    const held = byJudge.get(mark.judgeId);
    if (held && held.id > mark.id) return false;
    if (!held) this.marked++;
    byJudge.set(mark.judgeId, { id: mark.id, hundredths: mark.hundredths });
    team.score = this.scoreOf(team.cells);
    this.rankedCache = null;
    return true;
  }

  /** Present and absent teams, ranked by the event's key (total, tie-breaks, completion time). */
  ranked(): readonly Ranked[] {
    this.rankedCache ??= rankTeams(
      [
        ...[...this.byCheckIn.values()].map((t) => ({ teamId: t.teamId, absent: false, score: t.score, completionSeconds: t.completionSeconds })),
        ...this.absentTeamIds.map((teamId) => ({ teamId, absent: true, score: null, completionSeconds: null })),
      ],
      this.rules.tieBreaks,
      this.rules.tieBreakByCompletionTime,
    );
    return this.rankedCache;
  }

  private scoreOf(cells: Team['cells']): TeamScore {
    const values = new Map<number, Hundredths[]>();
    for (const [criterionId, byJudge] of cells) values.set(criterionId, [...byJudge.values()].map((v) => v.hundredths));
    return scoreTeam(this.rules.criteria, values, this.rules.method, this.rules.threshold);
  }

  progress(): Progress {
    const teams = this.byCheckIn.size;
    return { teams, absent: this.absentTeamIds.length, marked: this.marked, expected: teams * this.panel.size * this.rules.criteria.length };
  }
}
