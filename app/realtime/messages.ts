/**
 * The zod schemas of socket messages: the server parses what it receives with them, the tests
 * check every message it sends against them, and the OpenAPI document publishes them. The phone
 * imports only their types (its check is `isBoardMessage`, to keep zod out of its bundle).
 */
import * as z from 'zod/mini';
import { TIERS } from '#app/domain/awards.ts';
import { EVENT_STATUSES } from '#app/domain/event-lifecycle.ts';
import { STAGE_PARTS } from '#app/domain/stage.ts';
import { boardKeys, LIVE_MODES, type Board, type CompetitionBoard, type CompetitionDelta, type EventBoard } from '#app/domain/scoreboard.ts';

export const serverHello = z.object({ version: z.string(), at: z.number() });
export type ServerHello = z.infer<typeof serverHello>;

const award = z.nullable(z.enum(TIERS));
const liveMode = z.enum(LIVE_MODES);
const eventStatus = z.enum(EVENT_STATUSES);

export const boardRow = z.object({
  key: z.string(),
  rank: z.nullable(z.number()),
  workCode: z.nullable(z.string()),
  team: z.nullable(z.string()),
  school: z.nullable(z.string()),
  prefecture: z.nullable(z.string()),
  total: z.nullable(z.number()),
  partial: z.boolean(),
  award,
});
export type BoardRowMessage = z.infer<typeof boardRow>;

/** A leader in the overview: rank, total, work code, and the school once names are shown. */
const leaderRow = z.object({ rank: z.nullable(z.number()), total: z.nullable(z.number()), workCode: z.nullable(z.string()), school: z.nullable(z.string()) });

const progress = z.object({ teams: z.number(), absent: z.number(), marked: z.number(), expected: z.number() });

/** What every board says of its event, on its own page and in the competition's overview. */
const eventFacts = {
  eventId: z.number(),
  code: z.string(),
  name: z.string(),
  division: z.string(),
  status: eventStatus,
  mode: liveMode,
  frozen: z.boolean(),
  published: z.boolean(),
  progress,
};

/** One event's board as one audience sees it; every change is a new, higher version. */
export const eventBoard: z.ZodMiniType<EventBoard> = z.object({
  scope: z.literal('event'),
  ...eventFacts,
  audience: z.enum(['public', 'staff']),
  version: z.number(),
  decrypted: z.boolean(),
  revealed: z.number(),
  rows: z.array(boardRow),
  stage: z.nullable(z.object({ workCode: z.string(), part: z.enum(STAGE_PARTS), startedAt: z.number(), seconds: z.number() })),
  through: z.number(),
  at: z.number(),
});
export type { EventBoard, CompetitionBoard, CompetitionDelta, Board };

const medalRow = z.object({ name: z.string(), place: z.number(), first: z.number(), second: z.number(), third: z.number(), total: z.number() });

/** Every event of the competition: status, progress and leaders; medal tables once results are published. */
export const competitionBoard: z.ZodMiniType<CompetitionBoard> = z.object({
  scope: z.literal('competition'),
  competitionId: z.number(),
  name: z.string(),
  version: z.number(),
  events: z.array(z.object({ ...eventFacts, leaders: z.array(leaderRow) })),
  medals: z.object({ bySchool: z.array(medalRow), byPrefecture: z.array(medalRow) }),
  at: z.number(),
});

/** What changed in the overview since version `from`: only the changed fields of the events that changed. */
export const competitionDelta: z.ZodMiniType<CompetitionDelta> = z.object({
  scope: z.literal('competition-delta'),
  competitionId: z.number(),
  from: z.number(),
  version: z.number(),
  events: z.array(z.object({ ...z.partial(z.object({ ...eventFacts, leaders: z.array(leaderRow) })).shape, progress: z.optional(z.partial(progress)), eventId: z.number() })),
  medals: z.optional(z.object({ bySchool: z.array(medalRow), byPrefecture: z.array(medalRow) })),
  at: z.number(),
});

/** What a viewer asks for: one event or the whole competition, and the last version it holds. */
export const subscribeRequest = z.union([
  z.object({ scope: z.literal('event'), eventId: z.number().check(z.int(), z.positive()), since: z.optional(z.number()), audience: z.optional(z.enum(['public', 'staff'])) }),
  z.object({ scope: z.literal('competition'), since: z.optional(z.number()) }),
]);
export type SubscribeRequest = z.infer<typeof subscribeRequest>;

/** The acknowledgement: a fresh snapshot, or none when the viewer already holds the latest version. */
export type SubscribeAck = { ok: true; version: number; snapshot: Board | null } | { ok: false; error: { code: string; message: string } };

/** Room names: one per board, so a change reaches exactly its viewers (the domain's board keys). */
export const rooms = boardKeys;
