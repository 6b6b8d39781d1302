/** GET /api/v1/events/:id/results.xlsx: the decrypted results with every module's score (organiser, chief judge). */
import { type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { resultsWorkbook } from '#app/models/results-xlsx.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judging');
    const { buffer, filename, ascii } = await resultsWorkbook(context.db, actor, idParam(params.id));
    return xlsxResponse(buffer, { filename, ascii });
  });
}
