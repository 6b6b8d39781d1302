/**
 * The JSON API's contract: the zod schemas its handlers parse and answer with, registered once for
 * the OpenAPI document at /api/v1/openapi.json. Each later capability adds its paths here.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from '#app/schemas/zod.server.ts';
import { loginInput } from '#app/schemas/account.server.ts';


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
    role: z.enum(['admin', 'school', 'judge', 'arbiter']),
    schoolId: z.number().int().nullable(),
    judgeId: z.number().int().nullable(),
    assignments: z.array(z.object({ eventId: z.number().int(), role: z.enum(['chief_judge', 'scoring_judge']) })),
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
    phase: z.enum(['draft', 'registration', 'running', 'announcement', 'closed']),
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
