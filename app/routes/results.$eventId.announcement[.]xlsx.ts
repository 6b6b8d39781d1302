/** The announcement list (公示名单) as .xlsx: public once published, like the page. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { getActor } from '#app/auth/session.server.ts';
import { announcementWorkbook } from '#app/models/announcement-xlsx.server.ts';
import { eventAwards } from '#app/models/award.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  const awards = modelRead(request, () => eventAwards(context.db, actor, numericParam(params.eventId)));
  const { buffer, filename, ascii } = await announcementWorkbook(awards);
  return xlsxResponse(buffer, { filename, ascii });
}
