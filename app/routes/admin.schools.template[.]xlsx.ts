/** The schools import template (院校导入模板.xlsx). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { schoolTemplate } from '#app/models/school-import.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return xlsxResponse(await schoolTemplate(context.db, actor), { filename: '院校导入模板.xlsx', ascii: 'schools-template.xlsx' });
}
