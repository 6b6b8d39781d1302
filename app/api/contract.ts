/**
 * The JSON API's contract: the zod schemas its handlers parse and answer with, registered once for
 * the OpenAPI document at /api/v1/openapi.json. Each later capability adds its paths here.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { toJSONSchema } from 'zod/mini';
import { competitionBoard, competitionDelta, eventBoard } from '#app/realtime/messages.ts';
import { z } from '#app/schemas/zod.server.ts';
import { ACCOUNT_ROLES, ASSIGNMENT_ROLES } from '#app/domain/roles.ts';
import { CRITERION_KINDS } from '#app/domain/aggregation.ts';
import { APPEAL_STATUSES, CERTIFICATE_KINDS, TIERS } from '#app/domain/awards.ts';
import { EVENT_STATUSES, SHEET_STATUSES } from '#app/domain/event-lifecycle.ts';
import { PHASES } from '#app/domain/phases.ts';
import { JOB_STAGES } from '#app/jobs/progress.ts';
import { COMPETITION_KINDS } from '#app/domain/works.ts';
import { TEAM_STATUSES } from '#app/domain/registration.ts';
import { createAccountInput, loginInput } from '#app/schemas/account.server.ts';
import { schoolStatusApiInput, assignApiInput, checkInApiInput, confirmManyApiInput, resetApiInput, schemeApiInput, tokenApiInput, competitionInput, competitionPatch, divisionInput, drawApiInput, redrawApiInput, eventInput, eventPatch, liveApiInput, nominationApiInput, phaseInput, revokeApiInput, unsealApiInput, venueInput, organisationRuleInput } from '#app/schemas/setup.server.ts';
import { markInput } from '#app/schemas/judging.server.ts';
import { achievementApiInput } from '#app/schemas/achievement.server.ts';
import { entryApiInput, entryPeopleApiInput, resolutionApiInput, reviewApiInput, reviewAssignApiInput, reviewRulesInput, stageApiInput, withdrawEntryInput } from '#app/schemas/entries.server.ts';
import { advancementApiInput, recommendationApiInput, roundApiInput, withdrawApiInput } from '#app/schemas/rounds.server.ts';
import { appealApiInput, decideInput } from '#app/schemas/awards.server.ts';
import { advisorEntry, contestantEntry, createTeamInput, patchTeamInput, returnTeamInput } from '#app/schemas/registration.server.ts';


export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'session', {
  type: 'apiKey',
  in: 'cookie',
  name: 'chuyi_session',
  description: '浏览器会话；修改类请求须带 X-CSRF-Token 头 (browser session; mutations need the X-CSRF-Token header)',
});
registry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  description: '管理员签发的 API 令牌 (an API token issued by an admin)',
});
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

export const ErrorBody = registry.register(
  'Error',
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string().describe('中文优先；Cookie lng=en 时为英文 (Chinese unless the lng cookie asks for English)'),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  }),
);

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: `错误 (error) ${s}`, content: { 'application/json': { schema: ErrorBody } } }]),
  );

export const LoginRequest = registry.register('LoginRequest', loginInput);

export const Me = registry.register(
  'Me',
  z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ACCOUNT_ROLES),
    schoolId: z.number().int().nullable(),
    judgeId: z.number().int().nullable(),
    assignments: z.array(z.object({ eventId: z.number().int(), role: z.enum(ASSIGNMENT_ROLES) })),
    homePath: z.string(),
  }),
);

export const SessionResponse = registry.register(
  'Session',
  z.object({ user: Me, csrfToken: z.string().describe('修改类请求放入 X-CSRF-Token 头 (send as X-CSRF-Token on mutations)') }),
);

const EventSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  divisionId: z.number().int(),
  minTeamSize: z.number().int(),
  maxTeamSize: z.number().int(),
  status: z.string(),
  scheduledOn: z.string().nullable(),
  venue: z.string().nullable(),
});

export const CompetitionSummary = registry.register(
  'CompetitionSummary',
  z.object({
    id: z.number().int(),
    name: z.string(),
    year: z.number().int(),
    stage: z.enum(['provincial', 'selection']),
    phase: z.enum(PHASES),
    registrationDeadline: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    announcementDays: z.number().int(),
    divisions: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        maxAge: z.number().int().nullable(),
        allowedSchoolTypes: z.array(z.string()),
        events: z.array(EventSummary),
      }),
    ),
    counts: z.object({ events: z.number().int(), teams: z.number().int(), schools: z.number().int(), contestants: z.number().int() }),
  }),
);

registry.registerPath({
  method: 'post',
  path: '/api/v1/session',
  summary: '登录 (log in)',
  tags: ['session'],
  request: { body: { content: { 'application/json': { schema: LoginRequest } } } },
  responses: {
    200: { description: '已登录，返回会话 Cookie (logged in; sets the session cookie)', content: { 'application/json': { schema: SessionResponse } } },
    ...errors(400, 401, 403, 415, 429),
  },
});

registry.registerPath({
  method: 'delete',
  path: '/api/v1/session',
  summary: '退出登录，会话在服务器端作废 (log out; the session is revoked on the server)',
  tags: ['session'],
  security,
  responses: { 204: { description: '已退出 (logged out)' }, ...errors(401, 403) },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/me',
  summary: '当前账号 (the current account)',
  tags: ['session'],
  security,
  responses: { 200: { description: '当前账号', content: { 'application/json': { schema: Me } } }, ...errors(401) },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/competitions/current',
  summary: '本届竞赛：阶段、组别、赛项与统计 (the current competition)',
  tags: ['competition'],
  responses: {
    200: { description: '本届竞赛', content: { 'application/json': { schema: CompetitionSummary } } },
    ...errors(404),
  },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/openapi.json',
  summary: '本文档 (this document)',
  tags: ['meta'],
  responses: { 200: { description: 'OpenAPI 3.1' } },
});

// ── Registration ────────────────────────────────────────────────────────────────────────────────

const TeamStatus = z.enum(TEAM_STATUSES);
const ViolationBody = z.object({ code: z.string(), field: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const Team = registry.register(
  'Team',
  z.object({
    team: z.object({ id: z.number().int(), name: z.string(), status: TeamStatus, returnReason: z.string().nullable(), submittedAt: z.string().nullable(), reviewedAt: z.string().nullable() }),
    event: z.object({ id: z.number().int(), code: z.string(), name: z.string(), minTeamSize: z.number().int(), maxTeamSize: z.number().int(), maxAdvisors: z.number().int(), division: z.string() }),
    school: z.object({ id: z.number().int(), name: z.string(), prefecture: z.string() }),
    roster: z.object({
      contestants: z.array(contestantEntry.extend({ id: z.number().int(), gender: z.enum(['male', 'female']), birthDate: z.string() })),
      advisors: z.array(advisorEntry.extend({ id: z.number().int() })),
    }),
    violations: z.array(ViolationBody).describe('按当前阶段检查出的规则问题 (rule problems found at the current stage)'),
    editable: z.boolean(),
  }),
);

export const TeamListItem = registry.register(
  'TeamListItem',
  z.object({
    id: z.number().int(),
    name: z.string(),
    status: TeamStatus,
    returnReason: z.string().nullable(),
    event: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    division: z.string(),
    school: z.string(),
    prefecture: z.string(),
    contestants: z.array(z.object({ name: z.string(), gender: z.string(), idNumber: z.string().describe('已脱敏 (masked)') })),
    advisors: z.array(z.object({ name: z.string(), phone: z.string().describe('已脱敏 (masked)') })),
    violations: z.array(ViolationBody),
  }),
);

const teamId = z.object({ id: z.string().describe('参赛队 ID (team id)') });
const teamFilterParams = z.object({
  eventId: z.string().optional(),
  divisionId: z.string().optional(),
  prefectureId: z.string().optional(),
  schoolId: z.string().optional(),
  status: TeamStatus.optional(),
  q: z.string().optional().describe('队名或院校名的一部分 (part of a team or school name)'),
});
/** Cursor pagination, as in every list of the API. */
const cursorParams = z.object({
  cursor: z.string().optional().describe('上一页返回的 nextCursor；不填为第一页 (the nextCursor of the previous page; none for the first)'),
  limit: z.string().optional().describe('每页条数，1–500，默认 100 (items per page, 1–500, default 100)'),
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/teams',
  summary: '参赛队列表：院校只见本校，组委会可筛选 (teams: a school sees its own; the organiser filters)',
  tags: ['registration'],
  security,
  request: { query: teamFilterParams.merge(cursorParams) },
  responses: {
    200: {
      description: '参赛队（按编号顺序分页；nextCursor 为空即已到末页）(teams, in the order of their numbers; a null nextCursor is the last page)',
      content: { 'application/json': { schema: z.object({ teams: z.array(TeamListItem), total: z.number().int(), nextCursor: z.string().nullable() }) } },
    },
    ...errors(401, 403),
  },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/teams',
  summary: '创建参赛队（可同时提交名单）(create a team, optionally with its roster)',
  tags: ['registration'],
  security,
  request: { body: { content: { 'application/json': { schema: createTeamInput } } } },
  responses: { 201: { description: '已创建 (created)', content: { 'application/json': { schema: Team } } }, ...errors(400, 401, 403, 404, 415, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/teams/{id}',
  summary: '参赛队详情（本校与组委会可见完整信息）(a team, whole for its school and the organiser)',
  tags: ['registration'],
  security,
  request: { params: teamId },
  responses: { 200: { description: '参赛队', content: { 'application/json': { schema: Team } } }, ...errors(401, 403, 404) },
});
registry.registerPath({
  method: 'patch',
  path: '/api/v1/teams/{id}',
  summary: '修改草稿或退回的参赛队；给出的名单整体替换 (edit a draft or returned team; given lists replace the roster)',
  tags: ['registration'],
  security,
  request: { params: teamId, body: { content: { 'application/json': { schema: patchTeamInput } } } },
  responses: { 200: { description: '参赛队', content: { 'application/json': { schema: Team } } }, ...errors(400, 401, 403, 404, 409, 415, 422) },
});
for (const [step, summary] of [
  ['submit', '提交审核（全部规则须满足）(submit for review; every rule must hold)'],
  ['approve', '组委会审核通过，再次检查全部规则 (the organiser approves, checking every rule again)'],
  ['return', '组委会退回，须写明原因 (the organiser returns the team with a reason)'],
] as const) {
  registry.registerPath({
    method: 'post',
    path: `/api/v1/teams/{id}/${step}`,
    summary,
    tags: ['registration'],
    security,
    request: { params: teamId, ...(step === 'return' ? { body: { content: { 'application/json': { schema: returnTeamInput } } } } : {}) },
    responses: { 200: { description: '参赛队', content: { 'application/json': { schema: Team } } }, ...errors(400, 401, 403, 404, 409, 422) },
  });
}
registry.registerPath({
  method: 'post',
  path: '/api/v1/imports/registrations',
  summary: '批量导入 .xlsx：全部通过才导入，否则一行不写并列出每个错误 (bulk import: all rows or none, every error listed)',
  tags: ['registration'],
  security,
  request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().describe('.xlsx 文件 (the workbook)'), _csrf: z.string().optional() }) } } } },
  responses: {
    200: { description: '已导入 (imported)', content: { 'application/json': { schema: z.object({ ok: z.literal(true), teams: z.number().int(), rows: z.number().int() }) } } },
    422: {
      description: '有错误，未导入 (errors; nothing imported)',
      content: {
        'application/json': {
          schema: z.object({ error: z.object({ code: z.literal('import_rejected'), message: z.string(), rows: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() })) }) }),
        },
      },
    },
    ...errors(400, 401, 403, 413, 415),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/exports/registrations.xlsx',
  summary: '导出已通过的报名 (approved registrations as .xlsx)',
  tags: ['registration'],
  security,
  request: { query: teamFilterParams.extend({ groupBy: z.enum(['event', 'school', 'prefecture']).optional() }) },
  responses: { 200: { description: 'Excel 工作簿 (workbook)', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } }, ...errors(401, 403) },
});

const JobProgressSchema = z.object({ stage: z.enum(JOB_STAGES), done: z.number().int(), total: z.number().int() });
const JobStatusSchema = registry.register(
  'JobStatus',
  z.union([
    z.object({ state: z.literal('running'), progress: JobProgressSchema.nullable() }),
    z.object({ state: z.literal('done'), status: z.number().int().describe('原请求本应得到的状态码 (the status the request would have had)'), body: z.unknown() }),
    z.object({ state: z.literal('file'), href: z.string().describe('GET 此地址取文件 (GET the file here)'), name: z.string() }),
    z.object({ state: z.literal('failed'), message: z.string() }),
  ]),
);
const JobStarted = registry.register('JobStarted', z.object({ job: z.string().describe('作业编号 (job id): GET /api/v1/jobs/{id}') }));
registry.registerPath({
  method: 'post',
  path: '/api/v1/exports/registrations.xlsx',
  summary: '以作业方式导出已通过的报名 (the same export as a job: follow it, then fetch its file)',
  tags: ['registration'],
  security,
  request: { query: teamFilterParams.extend({ groupBy: z.enum(['event', 'school', 'prefecture']).optional() }) },
  responses: { 202: { description: '作业已开始 (job started)', content: { 'application/json': { schema: JobStarted } } }, ...errors(401, 403, 429) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/jobs/{id}',
  summary: '长任务的进度与结果，仅发起人可见 (how far a long job has come; its starter only)',
  tags: ['jobs'],
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: '进度或结果 (progress or outcome)', content: { 'application/json': { schema: JobStatusSchema } } }, ...errors(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/jobs/{id}/file',
  summary: '长任务生成的文件 (the file a job made; kept 10 minutes)',
  tags: ['jobs'],
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: '文件 (the file)', content: { 'application/octet-stream': { schema: z.string() } } }, ...errors(401, 404, 409) },
});

// ── Judging ─────────────────────────────────────────────────────────────────────────────────────

const idPath = (name: string) => z.object({ [name]: z.string() });
const Assignment = registry.register(
  'Assignment',
  z.object({ eventId: z.number().int(), eventCode: z.string(), eventName: z.string(), status: z.enum(EVENT_STATUSES), scheduledOn: z.string().nullable(), role: z.enum(ASSIGNMENT_ROLES) }),
);
const Sheets = registry.register(
  'JudgeSheets',
  z.object({
    event: z.object({ id: z.number().int(), code: z.string(), name: z.string(), status: z.string() }),
    criteria: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), module: z.string(), maxMarks: z.number(), decimals: z.number().int(), kind: z.enum(CRITERION_KINDS), allOrNothing: z.boolean() })),
    sheets: z.array(z.object({ workCode: z.string().describe('二次加密作品编号，裁判只见此编号 (the anonymous work code: all a judge sees)'), sheetId: z.number().int().nullable(), status: z.enum(SHEET_STATUSES), marks: z.record(z.string(), z.number()) })),
  }),
);
const StoredMark = registry.register(
  'Mark',
  z.object({ id: z.number().int(), sheetId: z.number().int(), criterionId: z.number().int(), value: z.number(), idempotencyKey: z.string(), createdAt: z.string(), duplicate: z.boolean().describe('重发：已存储过，未重复写入 (a resend; stored once)') }),
);
const Results = registry.register(
  'Results',
  z.object({
    event: z.object({ id: z.number().int(), code: z.string(), name: z.string(), status: z.string(), decryptedAt: z.string().nullable() }),
    runId: z.number().int(),
    computedAt: z.string(),
    rows: z.array(z.object({ teamId: z.number().int(), team: z.string(), school: z.string(), total: z.number().nullable(), rank: z.number().int().nullable(), absent: z.boolean(), tieBreakValues: z.array(z.number()), workCode: z.string().nullable() })),
  }),
);

registry.registerPath({
  method: 'get',
  path: '/api/v1/judge/assignments',
  summary: '本裁判的赛项 (the judge’s own events)',
  tags: ['judging'],
  security,
  responses: { 200: { description: '赛项', content: { 'application/json': { schema: z.object({ assignments: z.array(Assignment) }) } } }, ...errors(401, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/judge/events/{eventId}/sheets',
  summary: '评分表：只有作品编号，没有队名、校名或姓名 (sheets: work codes only, never a name)',
  tags: ['judging'],
  security,
  request: { params: idPath('eventId') },
  responses: { 200: { description: '评分表', content: { 'application/json': { schema: Sheets } } }, ...errors(401, 403, 404) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/marks',
  summary: '录入或修改一项评分；同一幂等键重发只存一次 (enter or change a mark; a resend with the same key is stored once)',
  tags: ['judging'],
  security,
  request: { body: { content: { 'application/json': { schema: markInput } } } },
  responses: {
    201: { description: '已存储 (stored)', content: { 'application/json': { schema: StoredMark } } },
    200: { description: '重发 (a resend)', content: { 'application/json': { schema: StoredMark } } },
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/judge/sheets/{id}/submit',
  summary: '提交评分表，此后由裁判长重新开放才能修改 (submit a sheet; then only the chief judge can reopen it)',
  tags: ['judging'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '已提交 (submitted)' }, ...errors(401, 403, 404, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/events/{id}/lock',
  summary: '裁判长签字确认：全部评分表已提交且无未处理差异时锁定，计算成绩并解密 (chief judge lock: results computed and stored, then decrypted)',
  tags: ['judging'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '成绩 (results)', content: { 'application/json': { schema: Results } } }, ...errors(401, 403, 404, 409) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/results',
  summary: '解密后的成绩（组委会与裁判长）(results after decryption, for the organiser and the chief judge)',
  tags: ['judging'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '成绩 (results)', content: { 'application/json': { schema: Results } } }, ...errors(401, 403, 404, 409) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/results.xlsx',
  summary: '成绩明细 .xlsx：名次、作品编号、参赛队、院校、各模块得分、总分、奖项（解密后；组委会与裁判长）(the results with every module\'s score, after decryption)',
  tags: ['judging'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '工作簿 (the workbook)', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } }, ...errors(401, 403, 404, 409) },
});

// The live boards' schemas are the socket's own (zod/mini), as JSON Schema.
for (const [name, schema] of [['EventBoard', eventBoard], ['CompetitionBoard', competitionBoard], ['CompetitionDelta', competitionDelta]] as const) {
  registry.registerComponent('schemas', name, toJSONSchema(schema, { target: 'draft-2020-12' }) as Parameters<typeof registry.registerComponent<'schemas'>>[2]);
}
const boardResponses = (name: string) => ({
  200: { description: '榜单快照；ETag 为其版本 (the board; its ETag is its version)', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
  304: { description: '版本未变 (the version the client holds is current)' },
  ...errors(404),
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/scoreboard',
  summary: '赛项直播榜（公开）：与 socket 推送相同的快照 (an event’s public board: the snapshot the socket sends)',
  tags: ['live'],
  request: { params: idPath('id') },
  responses: boardResponses('EventBoard'),
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/competitions/current/scoreboard',
  summary: '全部赛项的进度、领先者与奖牌榜 (every event’s progress and leaders, and the medal tables)',
  tags: ['live'],
  responses: boardResponses('CompetitionBoard'),
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/competitions/current/feed',
  summary: '开放数据流：每个公开变化一行 NDJSON，先发当前全部榜单 (open data feed: every public change as one NDJSON line, after the current boards)',
  tags: ['live'],
  responses: { 200: { description: 'NDJSON：先是每个赛项的 EventBoard 与 CompetitionBoard，其后每行一个 EventBoard、CompetitionDelta（概览的变化：from → version，仅含变化的字段）或 { scope: "heartbeat" } (opening boards, then event boards, overview deltas and heartbeats)', content: { 'application/x-ndjson': { schema: { type: 'string' } } } }, ...errors(404) },
});

// ── Awards, publication, appeals, the register and certificates (#6) ──────────────────────────
const tier = z.enum(TIERS);
const EventAwards = registry.register(
  'EventAwards',
  z.object({
    event: z.object({ id: z.number().int(), code: z.string(), name: z.string(), status: z.string(), division: z.string(), competition: z.string(), year: z.number().int() }),
    runId: z.number().int(),
    computedAt: z.string(),
    explanation: z.array(z.string()).openapi({ description: '每条获奖界线如何划定 (how each boundary was drawn)' }),
    announcementEndsAt: z.string().nullable(),
    rows: z.array(
      z.object({
        teamId: z.number().int(), rank: z.number().int().nullable(), total: z.number().nullable(), award: tier.nullable(),
        team: z.string(), schoolId: z.number().int(), school: z.string(), prefecture: z.string(), contestants: z.array(z.string()), advisors: z.array(z.string()),
      }),
    ),
    outstandingAdvisors: z.array(z.object({ advisorId: z.number().int(), name: z.string(), teamId: z.number().int(), team: z.string(), school: z.string() })),
  }),
);
const Appeal = registry.register(
  'Appeal',
  z.object({ id: z.number().int(), eventId: z.number().int(), teamId: z.number().int(), reason: z.string(), status: z.enum(APPEAL_STATUSES), decisionReason: z.string().nullable() }).passthrough(),
);
const Inheritor = registry.register(
  'Inheritor',
  z.object({
    id: z.number().int(), name: z.string(), school: z.string(), prefecture: z.string(), eventCode: z.string(), eventName: z.string(),
    division: z.string(), award: tier, year: z.number().int(), competition: z.string(), confirmedAt: z.string().nullable(),
  }),
);
const Certificate = registry.register(
  'Certificate',
  z.object({
    code: z.string(), valid: z.boolean(), kind: z.enum(CERTIFICATE_KINDS), holderName: z.string(), school: z.string(),
    event: z.object({ code: z.string(), name: z.string() }), competition: z.string(), year: z.number().int(), award: z.string().nullable(), text: z.string(), issuedAt: z.string(),
  }),
);
registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/awards',
  summary: '获奖名单与界线说明：公示后公开，之前仅组委会与裁判长可见 (the award list: public once published)',
  tags: ['awards'],
  request: { params: idPath('id') },
  responses: { 200: { description: '获奖名单 (the award list)', content: { 'application/json': { schema: EventAwards } } }, ...errors(404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/events/{id}/publish',
  summary: '发布已锁定赛项的成绩与奖项，公示期开始 (publish a locked event; the announcement period begins)',
  tags: ['awards'],
  security,
  request: { params: idPath('id') },
  responses: {
    200: { description: '已发布 (published)', content: { 'application/json': { schema: z.object({ eventId: z.number().int(), code: z.string(), publicationId: z.number().int(), announcementEndsAt: z.string() }) } } },
    ...errors(401, 403, 404, 409),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/appeals',
  summary: '申诉列表，按提交顺序分页：院校只见本校，监督仲裁与组委会见全部 (appeals in the order filed, by cursor: a school sees its own)',
  tags: ['awards'],
  security,
  request: { query: cursorParams },
  responses: { 200: { description: '申诉 (appeals)', content: { 'application/json': { schema: z.object({ appeals: z.array(Appeal), nextCursor: z.string().nullable() }) } } }, ...errors(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/appeals',
  summary: '院校在公示期内就本校参赛队提出申诉，附件可选（base64，PDF/PNG/JPG，5 MB 以内）(a school appeals on its own team)',
  tags: ['awards'],
  security,
  request: { body: { content: { 'application/json': { schema: registry.register('AppealRequest', appealApiInput) } } } },
  responses: { 201: { description: '已提交 (filed)', content: { 'application/json': { schema: Appeal } } }, ...errors(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/appeals/{id}/decide',
  summary: '监督仲裁处理申诉：成立或驳回，须写明理由 (the arbiter upholds or rejects, with a reason)',
  tags: ['awards'],
  security,
  request: { params: idPath('id'), body: { content: { 'application/json': { schema: registry.register('AppealDecision', decideInput) } } } },
  responses: { 200: { description: '已处理 (decided)', content: { 'application/json': { schema: Appeal } } }, ...errors(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/inheritors',
  summary: '楚怡职业教育精神传承人名录（公开；无身份证号与电话）(the public register; no ID numbers or phones)',
  tags: ['awards'],
  // Documented plainly: the parser itself forgives (drops) unreadable values on this public search.
  request: {
    query: z.object({
      q: z.string().optional(), year: z.number().int().optional(), division: z.string().optional(), event: z.string().optional(),
      school: z.string().optional(), prefecture: z.string().optional(),
      platform: z.enum(COMPETITION_KINDS).optional().describe('平台：skills 技能竞赛、innovation 创新创业大赛、works 文明风采 (the platform)'),
    }).merge(cursorParams),
  },
  responses: {
    200: { description: '名录，按提名顺序分页 (the register, in the order nominated, by cursor)', content: { 'application/json': { schema: z.object({ rows: z.array(Inheritor), total: z.number().int(), nextCursor: z.string().nullable() }) } } },
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/certificates/{code}',
  summary: '证书查验：伪造或改动过的查验码返回 404 (verify a certificate; a forged or altered code is 404)',
  tags: ['awards'],
  request: { params: idPath('code') },
  responses: { 200: { description: '证书内容 (what the certificate states)', content: { 'application/json': { schema: Certificate } } }, ...errors(404) },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/recommendation',
  summary: '国赛推荐名单：推荐谁、为何推荐（该轮公示后公开）(the national recommendation list and why; public once its round is published)',
  tags: ['rounds'],
  request: { params: idPath('id') },
  responses: {
    200: {
      description: '推荐名单 (the list)',
      content: {
        'application/json': {
          schema: z.object({
            event: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
            source: z.object({ id: z.number().int(), roundName: z.string(), status: z.string() }),
            ruleText: z.string(),
            basisText: z.string(),
            explanation: z.array(z.string()),
            rows: z.array(z.object({ id: z.number().int(), rank: z.number().int(), total: z.number().int().nullable().describe('百分之一分 (hundredths)'), team: z.string(), school: z.string(), prefecture: z.string(), names: z.array(z.string()), withdrawn: z.boolean() })),
          }),
        },
      },
    },
    ...errors(404),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/recommendation.xlsx',
  summary: '国赛推荐名单 (.xlsx) (the national recommendation list as a workbook)',
  tags: ['rounds'],
  request: { params: idPath('id') },
  responses: { 200: { description: 'Excel 工作簿 (workbook)', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } }, ...errors(404) },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/inheritors/{id}/achievements',
  summary: '传承人此后的成绩，按年份 (an inheritor\'s record after the nomination, by year)',
  tags: ['awards'],
  request: { params: idPath('id') },
  responses: {
    200: { description: '成绩 (achievements)', content: { 'application/json': { schema: z.object({ achievements: z.array(z.object({ id: z.number().int().nullable(), year: z.number().int(), kind: z.string(), title: z.string(), result: z.string().nullable() })) }) } } },
    ...errors(404),
  },
});

// ── Works-based competitions (#16): entries and their files ─────────────────────────────────────
registry.registerPath({
  method: 'get',
  path: '/api/v1/entries',
  summary: '本校的参赛作品及其文件（组委会以 schoolId 指定院校）(a school\'s entries and their files)',
  tags: ['entries'],
  security,
  request: { query: z.object({ schoolId: z.string().optional() }) },
  responses: { 200: { description: '作品 (entries)', content: { 'application/json': { schema: z.object({ entries: z.array(z.object({ id: z.number().int(), title: z.string(), category: z.string(), status: z.string(), files: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), bytes: z.number().int(), pages: z.number().int().nullable() })) })) }) } } }, ...errors(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/entries',
  summary: '新建参赛作品：每校每组别至多 2 件 (a new entry; at most 2 per school and group)',
  tags: ['entries'],
  security,
  request: { body: { content: { 'application/json': { schema: entryApiInput } } } },
  responses: { 201: { description: '已建 (created)', content: { 'application/json': { schema: z.object({ id: z.number().int() }) } } }, ...errors(400, 401, 403, 404, 409) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/entries/{id}/files',
  summary: '上传作品文件（multipart，字段 file）：按内容识别类型，检查大小、页数；被拒时不保存任何内容 (upload a file: checked by its content; nothing stored when refused)',
  tags: ['entries'],
  security,
  request: { params: idPath('id'), body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().describe('文件 (the file)') }) } } } },
  responses: { 201: { description: '已保存 (stored)', content: { 'application/json': { schema: z.object({ id: z.number().int(), kind: z.string(), bytes: z.number().int(), pages: z.number().int().nullable() }) } } }, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/entries/{id}/people',
  summary: '作品的学生（身份证号校验）与指导教师/导师，替换原有；提交前可改 (an entry\'s students and advisors, until it is submitted)',
  tags: ['entries'],
  security,
  request: { params: idPath('id'), body: { content: { 'application/json': { schema: entryPeopleApiInput } } } },
  responses: { 200: { description: '已保存 (saved)', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } }, ...errors(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/entries/{id}/submit',
  summary: '提交作品：人员符合类别要求，且已上传文件 (submit an entry)',
  tags: ['entries'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '已提交 (submitted)', content: { 'application/json': { schema: z.object({ ok: z.literal(true), status: z.literal('submitted') }) } } }, ...errors(401, 403, 404, 409) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/files/{id}',
  summary: '作品文件：仅本校与组委会可取，他人 404 (an entry\'s file: its school and the organiser only; anyone else 404)',
  tags: ['entries'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '文件 (the file)', content: { 'application/octet-stream': { schema: z.string() } } }, ...errors(401, 404) },
});

registry.registerPath({
  method: 'post',
  path: '/api/v1/competitions/{id}/review-assignments',
  summary: '网评分配：每件作品 N 位评审，按院校和市州回避，工作量均衡；作品获匿名编号 (assign entries to reviewers: N each, 回避, an even load; entries get their codes)',
  tags: ['entries'],
  security,
  request: { params: idPath('id'), body: { content: { 'application/json': { schema: reviewAssignApiInput } } } },
  responses: { 200: { description: '分配结果 (the outcome)', content: { 'application/json': { schema: z.object({ entries: z.number().int(), reviewers: z.number().int(), max: z.number().int(), min: z.number().int(), short: z.array(z.object({ entryId: z.number().int(), got: z.number().int() })) }) } } }, ...errors(400, 401, 403, 409, 422) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/reviews/{code}',
  summary: '评审按评分标准对某编号作品逐项打分（总分为各项之和）；再次提交以最新为准 (a reviewer\'s marks by the rubric for the entry of this code; the newest counts)',
  tags: ['entries'],
  security,
  request: { params: z.object({ code: z.string() }), body: { content: { 'application/json': { schema: reviewApiInput } } } },
  responses: { 200: { description: '已保存 (saved)', content: { 'application/json': { schema: z.object({ id: z.number().int(), total: z.number() }) } } }, ...errors(400, 401, 403, 404, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/competitions/{id}/entry-scores',
  summary: '各作品的网评得分（去掉最高最低后平均）、评审分歧与姓名标记（组委会），每页 50 件 (each entry\'s score, disagreement and name flags, 50 a page)',
  tags: ['entries'],
  security,
  request: { params: idPath('id'), query: z.object({ page: z.coerce.number().int().positive().optional(), q: z.string().optional().describe('作品编号、名称或学校 (code, title or school)'), flagged: z.enum(['1']).optional().describe('只要待处理的标记 (only flags to deal with)') }) },
  responses: { 200: { description: '得分 (scores)', content: { 'application/json': { schema: z.object({ entries: z.array(z.object({ id: z.number().int(), entryCode: z.string().nullable(), title: z.string(), school: z.string(), category: z.string(), total: z.number().nullable(), reviewers: z.number().int(), spread: z.number().nullable(), flagged: z.boolean(), namesInFiles: z.number().int(), resolved: z.boolean() })), total: z.number().int(), page: z.number().int(), pages: z.number().int() }) } } }, ...errors(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/entries/{id}/withdraw',
  summary: '学校撤回尚未进入网评的作品（须写原因；名额空出，记录保留）(withdraw an entry not yet in review)',
  tags: ['entries'],
  security,
  request: { params: idPath('id'), body: { content: { 'application/json': { schema: withdrawEntryInput } } } },
  responses: { 200: { description: '已撤回 (withdrawn)', content: { 'application/json': { schema: z.object({ id: z.number().int(), withdrawn: z.literal(true) }) } } }, ...errors(400, 401, 403, 404, 409) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/entries/{id}/resolution',
  summary: '评审组长对评审分歧作品的裁定分（须写理由，取代评审平均分）(the chief reviewer\'s score for a disputed entry)',
  tags: ['entries'],
  security,
  request: { params: idPath('id'), body: { content: { 'application/json': { schema: resolutionApiInput } } } },
  responses: { 201: { description: '已裁定 (resolved)', content: { 'application/json': { schema: z.object({ id: z.number().int(), total: z.number() }) } } }, ...errors(400, 401, 403, 404, 409, 422) },
});
const tusHeaders = z.object({ 'Tus-Resumable': z.literal('1.0.0'), 'X-CSRF-Token': z.string().optional() });
registry.registerPath({
  method: 'post',
  path: '/api/v1/uploads',
  summary: '开始一次可续传上传（tus 1.0 协议）：Upload-Length 须在类别限额内，Upload-Metadata 含 entryId 与 filename (begin a resumable upload, tus 1.0)',
  description: 'The tus protocol (https://tus.io): POST creates the upload (201 with its Location); HEAD on it answers Upload-Offset, where to go on after a broken connection; PATCH sends the next bytes. The last PATCH answers 200 with the stored file, read by its content, or a 4xx with nothing stored. Only the person who began an upload may see or continue it.',
  tags: ['entries'],
  security,
  request: { headers: tusHeaders.extend({ 'Upload-Length': z.string(), 'Upload-Metadata': z.string().describe('entryId <base64>,filename <base64>') }) },
  responses: { 201: { description: '已创建，Location 为上传地址 (created; Location is the upload\'s URL)' }, ...errors(400, 401, 403, 404, 409, 413) },
});
registry.registerPath({
  method: 'head',
  path: '/api/v1/uploads/{id}',
  summary: '上传已到达的字节数 Upload-Offset：断线后从这里继续 (how much has arrived: go on from Upload-Offset)',
  tags: ['entries'],
  security,
  request: { params: z.object({ id: z.string() }), headers: tusHeaders },
  responses: { 200: { description: 'Upload-Offset, Upload-Length' }, ...errors(401, 404) },
});
registry.registerPath({
  method: 'patch',
  path: '/api/v1/uploads/{id}',
  summary: '续传下一段字节；最后一段完成时按内容检查并保存文件 (the next bytes; the last one stores the file, checked by its content)',
  tags: ['entries'],
  security,
  request: { params: z.object({ id: z.string() }), headers: tusHeaders.extend({ 'Upload-Offset': z.string(), 'Content-Type': z.literal('application/offset+octet-stream') }) },
  responses: {
    200: { description: '文件已保存 (stored)', content: { 'application/json': { schema: z.object({ id: z.number().int(), kind: z.string(), bytes: z.number().int(), pages: z.number().int().nullable(), seconds: z.number().int().nullable() }) } } },
    204: { description: '已收到，未完 (received; more to come)' },
    ...errors(401, 403, 404, 409, 413, 422),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/events/{id}/stage',
  summary: '决赛现场：出场顺序、当前上场与计时、路演与答辩时长 (a final\'s stage: the drawn order, who is on, the times)',
  tags: ['events'],
  security,
  request: { params: idPath('id') },
  responses: { 200: { description: '现场 (the stage)', content: { 'application/json': { schema: z.object({}).passthrough() } } }, ...errors(401, 403, 404) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/events/{id}/stage',
  summary: '请某队开始路演或答辩，或清空舞台（裁判长或组委会）(call a team to pitch or to questions, or clear the stage)',
  tags: ['events'],
  security,
  request: { params: idPath('id'), body: { content: { 'application/json': { schema: stageApiInput } } } },
  responses: { 200: { description: '现场 (the stage)', content: { 'application/json': { schema: z.object({ stage: z.object({ workCode: z.string(), part: z.enum(['pitch', 'questions']), startedAt: z.number(), seconds: z.number() }).nullable() }) } } }, ...errors(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/competitions/{id}/organisation-awards',
  summary: '组织奖：按已公布类别的获奖为学校和市州计分排名（公开）(organisation awards: schools and prefectures by their published prizes)',
  tags: ['awards'],
  request: { params: idPath('id') },
  responses: { 200: { description: '排名 (standings)', content: { 'application/json': { schema: z.object({}).passthrough() } } }, ...errors(404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/reviews',
  summary: '评审的待评作品：只有编号、类别和文件 (a reviewer\'s entries: codes, categories and files only)',
  tags: ['entries'],
  security,
  responses: { 200: { description: '待评作品 (entries to review)', content: { 'application/json': { schema: z.object({ entries: z.array(z.object({ entryCode: z.string().nullable(), category: z.string(), files: z.array(z.object({ id: z.number().int(), kind: z.string(), bytes: z.number().int(), pages: z.number().int().nullable() })) })) }) } } }, ...errors(401, 403) },
});

// ── The organiser's setup (#12): competitions, divisions, venues, events ─────────────────────────
const setupJson = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const anyJson = (description: string) => ({ description, content: { 'application/json': { schema: z.object({}).passthrough() } } });
const CompetitionInput = registry.register('CompetitionInput', competitionInput);
const EventInput = registry.register('EventInput', eventInput);
const RoundInput = registry.register('RoundInput', roundApiInput);
const setupPaths: { method: 'get' | 'post' | 'patch' | 'put'; path: string; summary: string; body?: z.ZodType; params?: string[]; created?: boolean }[] = [
  { method: 'get', path: '/api/v1/competitions', summary: '每一届竞赛 (every year)' },
  { method: 'post', path: '/api/v1/competitions', summary: '新建一届，可复制某届的组别、赛点和赛项 (a new year, optionally copied from another)', body: CompetitionInput, created: true },
  { method: 'get', path: '/api/v1/competitions/{id}', summary: '一届的设置：组别、赛点、赛项 (a year\'s setup)', params: ['id'] },
  { method: 'patch', path: '/api/v1/competitions/{id}', summary: '修改一届的设置 (change a year\'s settings)', body: competitionPatch, params: ['id'] },
  { method: 'post', path: '/api/v1/competitions/{id}/phase', summary: '阶段前进或后退一步 (move the phase one step)', body: phaseInput, params: ['id'] },
  { method: 'put', path: '/api/v1/categories/{id}/review-rules', summary: '类别的网评计分规则：汇总方式、按评审标准化、分歧分差 (a category\'s review rules)', body: reviewRulesInput, params: ['id'] },
  { method: 'put', path: '/api/v1/competitions/{id}/organisation-rule', summary: '组织奖规则：各奖项积分、获奖学校数与市州数 (the organisation awards\' rule)', body: organisationRuleInput, params: ['id'] },
  { method: 'post', path: '/api/v1/competitions/{id}/divisions', summary: '新建组别及其资格规则 (a new division and its eligibility)', body: divisionInput, params: ['id'], created: true },
  { method: 'patch', path: '/api/v1/competitions/{id}/divisions/{divisionId}', summary: '修改组别 (change a division)', body: divisionInput, params: ['id', 'divisionId'] },
  { method: 'post', path: '/api/v1/competitions/{id}/venues', summary: '新建赛点（承办院校）(a new venue)', body: venueInput, params: ['id'], created: true },
  { method: 'patch', path: '/api/v1/competitions/{id}/venues/{venueId}', summary: '修改赛点 (change a venue)', body: venueInput, params: ['id', 'venueId'] },
  { method: 'post', path: '/api/v1/competitions/{id}/events', summary: '新建赛项；未给的设置取本届默认规则 (a new event; settings left out take the year\'s defaults)', body: EventInput, params: ['id'], created: true },
  { method: 'get', path: '/api/v1/events/{id}/settings', summary: '赛项设置 (an event\'s settings)', params: ['id'] },
  { method: 'patch', path: '/api/v1/events/{id}/settings', summary: '修改赛项设置，抽签后锁定 (change an event\'s settings, until its draw)', body: eventPatch, params: ['id'] },
  { method: 'get', path: '/api/v1/events/{id}/check-ins', summary: '检录台：抽签后至锁定前密封 (the check-in desk; sealed from the draw to the lock)', params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/check-ins', summary: '检录：到场或缺考 (check a team in: present or absent)', body: checkInApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/draw', summary: '抽签：赛位与两次加密，评分开始；未检录的队记为缺考，须以 confirmAbsent 确认其数 (the draw: stations and codes; scoring opens; teams not checked in are recorded absent once confirmAbsent says how many)', body: drawApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/redraw', summary: '撤销抽签，须说明原因；第一条评分前可用 (undo the draw, with a reason, until the first mark)', body: redrawApiInput, params: ['id'] },
  { method: 'get', path: '/api/v1/events/{id}/assignments', summary: '裁判组 (the panel)', params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/assignments', summary: '分配裁判：回避与裁判长唯一性检查 (assign a judge; 回避 and one chief judge checked)', body: assignApiInput, params: ['id'], created: true },
  { method: 'post', path: '/api/v1/assignments/{id}/revoke', summary: '撤销分配，须说明原因 (revoke an assignment, with a reason)', body: revokeApiInput, params: ['id'] },
  { method: 'put', path: '/api/v1/events/{id}/live', summary: '直播方式与封榜时间 (live mode and freeze time)', body: liveApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/unseal', summary: '紧急解封，须说明原因，记入审计并公开 (emergency unseal, with a reason; audited and disclosed)', body: unsealApiInput, params: ['id'] },
  { method: 'get', path: '/api/v1/events/{id}/scheme', summary: '评分标准 (the scoring scheme)', params: ['id'] },
  { method: 'put', path: '/api/v1/events/{id}/scheme', summary: '替换评分标准；第一条评分后锁定 (replace the scheme; frozen at the first mark)', body: schemeApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/competitions/{id}/publish', summary: '发布本届所有已锁定赛项 (publish every locked event of the year)', params: ['id'] },
  { method: 'post', path: '/api/v1/nominations/confirm', summary: '批量确认传承人提名 (confirm several nominations)', body: confirmManyApiInput },
  { method: 'post', path: '/api/v1/accounts', summary: '新建账号，首次登录须改密码 (a new account; its password changed at first login)', body: createAccountInput, created: true },
  { method: 'post', path: '/api/v1/accounts/{id}/password', summary: '重置密码，下次登录须修改 (reset a password; changed at next login)', body: resetApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/accounts/{id}/tokens', summary: '签发 API 令牌（只显示一次）(issue an API token, shown once)', body: tokenApiInput, params: ['id'], created: true },
  { method: 'post', path: '/api/v1/schools/{id}/status', summary: '停用或恢复院校（其账号随之停用或恢复），须说明原因 (disable or enable a school and its accounts, with a reason)', body: schoolStatusApiInput, params: ['id'] },
  { method: 'get', path: '/api/v1/events/{id}/rounds', summary: '赛项的各轮次（省赛、选拔赛各阶段）及其晋级规则 (an event\'s rounds and their advancement rules)', params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/rounds', summary: '在最后一轮之后增加一轮，并声明谁能进入（晋级规则）(a new round after the last, with its advancement rule)', body: RoundInput, params: ['id'], created: true },
  { method: 'get', path: '/api/v1/events/{id}/advancement', summary: '进入该轮次的晋级名单预览：晋级者、递补顺序与说明 (the cut into this round as it would be now)', params: ['id'] },
  { method: 'put', path: '/api/v1/events/{id}/advancement', summary: '修改该轮次的晋级规则，须说明原因；产生名单后冻结 (change the round\'s rule, with a reason; frozen at the cut)', body: advancementApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/advance', summary: '产生晋级名单：晋级者作为已通过的参赛队进入该轮次 (make the cut into this round)', params: ['id'] },
  { method: 'post', path: '/api/v1/advancements/{id}/withdraw', summary: '晋级后退出，须说明原因；由下一名递补（抽签前）(a withdrawal after the cut, replaced by the next in line until the draw)', body: withdrawApiInput, params: ['id'] },
  { method: 'put', path: '/api/v1/events/{id}/recommendation', summary: '国赛推荐规则，产生名单前可改 (the rule of the national recommendation list)', body: recommendationApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/events/{id}/recommend', summary: '按规则从最后一轮产生国赛推荐名单 (make the national recommendation list from the last round)', params: ['id'] },
  { method: 'post', path: '/api/v1/inheritors/{id}/achievements', summary: '为传承人记录此后的成绩（入选国家集训队、全国赛、世界赛）(record an inheritor\'s later achievement)', body: achievementApiInput, params: ['id'], created: true },
  { method: 'post', path: '/api/v1/achievements/{id}/retract', summary: '撤回误录的成绩，须说明原因 (retract a wrong entry, with a reason)', body: withdrawApiInput, params: ['id'] },
  { method: 'post', path: '/api/v1/nominations/{id}/review', summary: '确认或不予确认传承人提名 (confirm or decline a nomination)', body: nominationApiInput, params: ['id'] },
];
for (const p of setupPaths) {
  registry.registerPath({
    method: p.method,
    path: p.path,
    summary: p.summary,
    tags: ['setup'],
    security,
    request: {
      ...(p.params ? { params: z.object(Object.fromEntries(p.params.map((n) => [n, z.number().int().positive()]))) } : {}),
      ...(p.body ? setupJson(p.body) : {}),
    },
    responses: {
      [p.created ? 201 : 200]: anyJson(p.created ? '已创建，返回 id (created: its id)' : '结果 (the result)'),
      ...errors(...(p.method === 'get' ? [401, 403, 404] : [400, 401, 403, 404, 409, 415, 422])),
    },
  });
}

const ImportRows = z.object({ error: z.object({ code: z.literal('import_rejected'), message: z.string(), rows: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() })) }) });
const IssuedAccounts = z.array(z.object({ username: z.string(), password: z.string().describe('一次性密码，仅此一次返回 (one-time password, answered this once)'), code: z.string(), school: z.string() }));
for (const [path, summary] of [
  ['/api/v1/imports/schools', '导入院校 .xlsx（院校代码、名称、类型、市州、联系人、电话）：全部通过才导入；按院校代码更新；新院校各得账号与一次性密码 (import schools: all or none, by code; new accounts with one-time passwords)'],
  ['/api/v1/imports/judges', '导入裁判 .xlsx（姓名、单位、职称、电话，可选赛项与角色）：全部通过才导入；按手机号更新；回避冲突逐行列出 (import judges: all or none, by phone; 回避 conflicts listed per row)'],
] as const) {
  registry.registerPath({
    method: 'post',
    path,
    summary,
    tags: ['setup'],
    security,
    request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().describe('.xlsx 文件 (the workbook)'), _csrf: z.string().optional() }) } } } },
    responses: {
      200: { description: '已导入 (imported)', content: { 'application/json': { schema: z.object({ ok: z.literal(true), rows: z.number().int(), created: z.number().int(), updated: z.number().int(), accounts: IssuedAccounts }) } } },
      422: { description: '有错误，未导入 (errors; nothing imported)', content: { 'application/json': { schema: ImportRows } } },
      ...errors(400, 401, 403, 413, 415),
    },
  });
}

let document: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;
export function openApiDocument(version: string) {
  document ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: '楚怡杯竞赛系统 API (Chuyi Cup competition API)',
      version,
      description: '错误统一为 { error: { code, message, fields? } } 与 4xx 状态码。(Errors are { error: { code, message, fields? } } with a 4xx status.)',
    },
    servers: [{ url: '/' }],
  });
  return document;
}
