import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, requireCsrf } from '#app/api/respond.server.ts';
import { xlsxFile, xlsxResponse } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { exportQuery } from '#app/schemas/registration.server.ts';

/** Approved registrations by event, school or prefecture (&eventId, divisionId, prefectureId, schoolId). */
const GROUP_WORDS = { event: '赛项', school: '院校', prefecture: '市州' } as const;

async function workbook(request: Request, context: LoaderFunctionArgs['context'], report?: Parameters<typeof context.work.registrationsWorkbook>[4]) {
  const actor = await requireDesk(request, context, 'desk:registration');
  const query = exportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const names = { filename: `已通过报名-按${GROUP_WORDS[query.groupBy]}.xlsx`, ascii: `approved-registrations-by-${query.groupBy}.xlsx` };
  return { actor, names, make: (r = report) => context.work.registrationsWorkbook(context.db, actor, query, query.groupBy, r) };
}

/** GET: the workbook itself (made on a work thread: a province's takes about two seconds). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const { names, make } = await workbook(request, context);
    return xlsxResponse(await make(), names);
  });
}

/** POST: the same workbook as a job (202 `{ job }`): follow it at /api/v1/jobs/:id, then fetch its file. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    await requireDesk(request, context, 'desk:registration');
    await requireCsrf(request, context);
    const { actor, names, make } = await workbook(request, context);
    const job = context.jobs.start(actor.userId, async (report) => ({ file: xlsxFile(await make(report), names) }));
    return json({ job }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  });
}
