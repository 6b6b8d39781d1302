/** Test-side helpers for a works-based year beside the demo. */
import type { Db } from '#db/client.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { createCompetition as create, type NewCompetition } from '#app/models/competition-setup.server.ts';
import type { Actor } from '#app/domain/roles.ts';

export const findCurrentCompetitionForTest = (db: Db) => findCurrentCompetition(db)?.id;
export const createCompetition = (db: Db, actor: Actor, input: Pick<NewCompetition, 'name' | 'year' | 'startsOn' | 'endsOn' | 'kind'>) =>
  create(db, actor, { registrationOpensAt: null, registrationDeadline: null, announcementDays: 5, defaultAwardRatios: { first: 0.1, second: 0.2, third: 0.3 }, defaultTieAtBoundary: 'down', defaultLiveMode: 'anonymous', defaultAggregationMethod: 'mean', standardisedScores: false, ...input });
