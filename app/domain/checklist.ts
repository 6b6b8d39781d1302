/**
 * The organiser's checklist of an event: what is still missing before registration opens, before
 * the draw and before the lock. Pure: the facts come from the model, the words from the catalogue.
 */
import { aggregationProblem, type AggregationMethod } from './aggregation.ts';

export type ChecklistFacts = {
  venueId: number | null;
  scheduledOn: string | null;
  scheme: { criteria: number; total: number; expectedTotal: number | null } | null;
  chiefJudges: number;
  scoringJudges: number;
  aggregationMethod: AggregationMethod;
  conflicts: number;
  approvedTeams: number;
  sheetsOutstanding: number | null;
  flagsOpen: number | null;
};

export const CHECKLIST_STAGES = ['registration', 'draw', 'lock'] as const;
export type ChecklistStage = (typeof CHECKLIST_STAGES)[number];
export type ChecklistItem = { stage: ChecklistStage; code: string; params?: Record<string, string | number> };

/** Every item still missing, in the order the stages come. */
export function missingItems(f: ChecklistFacts): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  const at = (stage: ChecklistStage, code: string, params?: ChecklistItem['params']) => out.push({ stage, code, params });
  if (f.venueId === null) at('registration', 'venue');
  if (f.scheduledOn === null) at('registration', 'schedule');
  if (!f.scheme || f.scheme.criteria === 0) at('registration', 'scheme');
  else if (f.scheme.expectedTotal !== null && f.scheme.total !== f.scheme.expectedTotal) at('registration', 'scheme_total', { total: f.scheme.total, expected: f.scheme.expectedTotal });
  if (f.chiefJudges === 0) at('draw', 'chief');
  if (f.scoringJudges === 0) at('draw', 'scoring_judges');
  else if (aggregationProblem(f.aggregationMethod, f.scoringJudges)) at('draw', 'panel_size', { count: f.scoringJudges });
  if (f.conflicts > 0) at('draw', 'conflicts', { count: f.conflicts });
  if (f.approvedTeams === 0) at('draw', 'teams');
  if (f.sheetsOutstanding) at('lock', 'sheets', { count: f.sheetsOutstanding });
  if (f.flagsOpen) at('lock', 'flags', { count: f.flagsOpen });
  return out;
}
