import { describe, expect, it } from 'vitest';
import { missingItems, type ChecklistFacts } from '#app/domain/checklist.ts';

const READY: ChecklistFacts = {
  venueId: 1,
  scheduledOn: '2027-03-10',
  scheme: { criteria: 12, total: 10000, expectedTotal: 10000 },
  chiefJudges: 1,
  scoringJudges: 5,
  aggregationMethod: 'trimmed_mean',
  conflicts: 0,
  approvedTeams: 12,
  sheetsOutstanding: 0,
  flagsOpen: 0,
};
const codes = (f: Partial<ChecklistFacts>) => missingItems({ ...READY, ...f }).map((i) => `${i.stage}:${i.code}`);

describe('the organiser’s checklist', () => {
  it('is empty for an event with everything in place', () => {
    expect(codes({})).toEqual([]);
  });

  it('names what is missing at each stage, in order', () => {
    expect(codes({ venueId: null, scheduledOn: null, scheme: null, chiefJudges: 0, scoringJudges: 0, approvedTeams: 0, sheetsOutstanding: 3, flagsOpen: 1 })).toEqual([
      'registration:venue',
      'registration:schedule',
      'registration:scheme',
      'draw:chief',
      'draw:scoring_judges',
      'draw:teams',
      'lock:sheets',
      'lock:flags',
    ]);
    expect(codes({ scheme: { criteria: 3, total: 9000, expectedTotal: 10000 } })).toEqual(['registration:scheme_total']);
    expect(codes({ scoringJudges: 4 })).toEqual(['draw:panel_size']);
    expect(codes({ scoringJudges: 4, aggregationMethod: 'mean' })).toEqual([]);
    expect(codes({ conflicts: 2 })).toEqual(['draw:conflicts']);
  });
});
