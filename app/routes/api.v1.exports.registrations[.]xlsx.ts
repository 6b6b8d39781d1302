import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { exportRegistrations } from '#app/models/registration-xlsx.server.ts';
import { exportQuery } from '#app/schemas/registration.server.ts';

/** GET ?groupBy=event|school|prefecture (&eventId, divisionId, prefectureId, schoolId): approved registrations. */
const GROUP_WORDS = { event: '赛项', school: '院校', prefecture: '市州' } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    const query = exportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const buffer = await exportRegistrations(context.db, actor, query, query.groupBy);
    return xlsxResponse(buffer, { filename: `已通过报名-按${GROUP_WORDS[query.groupBy]}.xlsx`, ascii: `approved-registrations-by-${query.groupBy}.xlsx` });
  });
}
