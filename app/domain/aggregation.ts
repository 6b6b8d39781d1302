/**
 * Aggregation across judges: one value per criterion from the judges' marks, discrepancy flags,
 * totals. Every value is in hundredths of a mark (see exact.ts), so equal marks give equal totals.
 */
import { divideHalfUp, fromHundredths, hundredthsOf, sum, toHundredths, type Hundredths } from './exact.ts';

export const AGGREGATION_METHODS = ['mean', 'trimmed_mean', 'median'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];
export const CRITERION_KINDS = ['measurement', 'judgement'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Dropping the highest and the lowest mark needs at least this many scoring judges. */
export const TRIMMED_MEAN_MIN_JUDGES = 5;

/**
 * Why a panel cannot use a method, or null. Checked wherever the panel or the method is settled:
 * the draw (scoring opens), the lock, and the organiser's checklist.
 */
export function aggregationProblem(method: AggregationMethod, scoringJudges: number): 'trimmed_mean_needs_five' | null {
  return method === 'trimmed_mean' && scoringJudges < TRIMMED_MEAN_MIN_JUDGES ? 'trimmed_mean_needs_five' : null;
}

/**
 * One value from the judges' marks, rounded once half up to hundredths; null when no judge has
 * marked. While marking is under way a criterion may have fewer than five marks: a trimmed mean
 * then shows the plain mean, and the row is partial. The lock refuses a panel under five
 * (`aggregationProblem`), so a final result is never such a mean.
 */
export function aggregate(values: readonly Hundredths[], method: AggregationMethod): Hundredths | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  switch (method) {
    case 'mean':
      return divideHalfUp(sum(sorted), n);
    case 'trimmed_mean':
      return n >= TRIMMED_MEAN_MIN_JUDGES ? divideHalfUp(sum(sorted.slice(1, -1)), n - 2) : divideHalfUp(sum(sorted), n);
    case 'median': {
      const mid = Math.floor(n / 2);
      return n % 2 ? sorted[mid] : divideHalfUp(sorted[mid - 1] + sorted[mid], 2);
    }
  }
}

export function spread(values: readonly Hundredths[]): Hundredths {
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
}

/** Judgement criteria whose judges differ by more than the threshold go to the chief judge. */
export function isDiscrepant(kind: CriterionKind, values: readonly Hundredths[], threshold: Hundredths): boolean {
  return kind === 'judgement' && values.length >= 2 && spread(values) > threshold;
}

export type SchemeCriterion = { id: number; moduleId: number; maxMarks: Hundredths; kind: CriterionKind };

export type CriterionScore = { criterionId: number; value: Hundredths | null; spread: Hundredths; discrepant: boolean; marks: number };
export type TeamScore = {
  criteria: CriterionScore[];
  modules: Map<number, Hundredths>;
  total: Hundredths;
  /** Every criterion has a value. */
  complete: boolean;
  /** At least one criterion has a mark: a team with none is unranked (未评分). */
  scored: boolean;
};

/** A team's score from its marks (criterion id → the judges' current marks), all in hundredths. */
export function scoreTeam(
  scheme: readonly SchemeCriterion[],
  marks: ReadonlyMap<number, readonly Hundredths[]>,
  method: AggregationMethod,
  threshold: Hundredths,
): TeamScore {
  const modules = new Map<number, Hundredths>();
  const criteria = scheme.map((c) => {
    const values = marks.get(c.id) ?? [];
    // A value above the maximum is refused at entry; clamping here keeps a total honest regardless.
    const raw = aggregate(values, method);
    const value = raw === null ? null : Math.min(raw, c.maxMarks);
    modules.set(c.moduleId, (modules.get(c.moduleId) ?? 0) + (value ?? 0));
    return { criterionId: c.id, value, spread: spread(values), discrepant: isDiscrepant(c.kind, values, threshold), marks: values.length };
  });
  return {
    criteria,
    modules,
    total: sum(criteria.map((c) => c.value ?? 0)),
    complete: criteria.every((c) => c.value !== null),
    scored: criteria.some((c) => c.value !== null),
  };
}

export type MarkProblem = 'out_of_range' | 'too_many_decimals' | 'all_or_nothing';

/** Whether a value may be entered for a criterion: within 0..max, at most its decimals, 0 or max when all-or-nothing. */
export function markProblem(value: number, criterion: { maxMarks: number; decimals: number; allOrNothing: boolean }): MarkProblem | null {
  if (!Number.isFinite(value) || value < 0 || value > criterion.maxMarks) return 'out_of_range';
  const scaled = value * 10 ** criterion.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-9 * Math.max(1, scaled) || toHundredths(value) === null) return 'too_many_decimals';
  if (criterion.allOrNothing && value !== 0 && value !== criterion.maxMarks) return 'all_or_nothing';
  return null;
}

/**
 * One judge's sheet as the judge fills it in: how many criteria have a mark, of how many, and the
 * sheet's running total against its maximum (exact; a value that is not a valid mark is not counted).
 */
export function sheetProgress(criteria: readonly { id: number; maxMarks: number }[], values: Readonly<Record<number, string | number | undefined>>) {
  let marked = 0;
  let total = 0;
  for (const c of criteria) {
    const raw = values[c.id];
    const h = raw === undefined || raw === '' ? null : toHundredths(Number(raw));
    if (h === null || h < 0 || h > hundredthsOf(c.maxMarks)) continue;
    marked++;
    total += h;
  }
  return { marked, of: criteria.length, total: fromHundredths(total), max: fromHundredths(sum(criteria.map((c) => hundredthsOf(c.maxMarks)))) };
}
