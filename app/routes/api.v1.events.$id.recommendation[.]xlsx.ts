/** GET: the 国赛推荐名单 as .xlsx (public once the round it comes from is published). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { getActor } from '#app/auth/session.server.ts';
import { recommendationWorkbook } from '#app/models/recommendation-xlsx.server.ts';
import { recommendationList } from '#app/models/round.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const list = recommendationList(context.db, await getActor(request, context), idParam(params.id));
    const { buffer, filename, ascii } = await recommendationWorkbook(list);
    return xlsxResponse(buffer, { filename, ascii });
  });
}
