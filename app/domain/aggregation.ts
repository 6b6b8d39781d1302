/** Aggregation across judges: one value per criterion from the judges' marks, discrepancy flags, totals. */

export type AggregationMethod = 'mean' | 'trimmed_mean' | 'median';
export type CriterionKind = 'measurement' | 'judgement';

/** Marks are kept to two decimals; rounding away float noise keeps equal totals equal. */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One value from the judges' marks; null when no judge has marked. A trimmed mean needs five marks; with fewer it is the mean. */
export function aggregate(values: readonly number[], method: AggregationMethod): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  switch (method) {
    case 'mean':
      return round2(mean(sorted));
    case 'trimmed_mean':
      return round2(mean(sorted.length >= 5 ? sorted.slice(1, -1) : sorted));
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }
  }
}

export function spread(values: readonly number[]): number {
  return values.length < 2 ? 0 : round2(Math.max(...values) - Math.min(...values));
}

/** Judgement criteria whose judges differ by more than the threshold go to the chief judge. */
export function isDiscrepant(kind: CriterionKind, values: readonly number[], threshold: number): boolean {
  return kind === 'judgement' && values.length >= 2 && spread(values) > threshold;
}

export type SchemeCriterion = { id: number; moduleId: number; maxMarks: number; kind: CriterionKind };

export type CriterionScore = { criterionId: number; value: number | null; spread: number; discrepant: boolean; marks: number };
export type TeamScore = {
  criteria: CriterionScore[];
  modules: Map<number, number>;
  total: number;
  /** Every criterion has a value. */
  complete: boolean;
};

/** A team's score from its marks (criterion id → the judges' current marks). */
export function scoreTeam(
  scheme: readonly SchemeCriterion[],
  marks: ReadonlyMap<number, readonly number[]>,
  method: AggregationMethod,
  threshold: number,
): TeamScore {
  const modules = new Map<number, number>();
  const criteria = scheme.map((c) => {
    const values = marks.get(c.id) ?? [];
    // A value above the maximum is refused at entry; clamping here keeps a total honest regardless.
    const raw = aggregate(values, method);
    const value = raw === null ? null : Math.min(raw, c.maxMarks);
    modules.set(c.moduleId, round2((modules.get(c.moduleId) ?? 0) + (value ?? 0)));
    return { criterionId: c.id, value, spread: spread(values), discrepant: isDiscrepant(c.kind, values, threshold), marks: values.length };
  });
  return {
    criteria,
    modules,
    total: round2(criteria.reduce((sum, c) => sum + (c.value ?? 0), 0)),
    complete: criteria.every((c) => c.value !== null),
  };
}

/** Whether a value may be entered for a criterion: within 0..max, at most its decimals, 0 or max when all-or-nothing. */
export function markProblem(value: number, criterion: { maxMarks: number; decimals: number; allOrNothing: boolean }): 'out_of_range' | 'too_many_decimals' | 'all_or_nothing' | null {
  if (!Number.isFinite(value) || value < 0 || value > criterion.maxMarks) return 'out_of_range';
  const scaled = value * 10 ** criterion.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-9) return 'too_many_decimals';
  if (criterion.allOrNothing && value !== 0 && value !== criterion.maxMarks) return 'all_or_nothing';
  return null;
}
