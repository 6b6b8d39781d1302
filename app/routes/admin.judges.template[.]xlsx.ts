/** The judges import template (裁判导入模板.xlsx). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { judgeTemplate } from '#app/models/judge-import.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return xlsxResponse(await judgeTemplate(context.db, actor), { filename: '裁判导入模板.xlsx', ascii: 'judges-template.xlsx' });
}
