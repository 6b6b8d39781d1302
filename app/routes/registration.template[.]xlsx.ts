import type { LoaderFunctionArgs } from '@remix-run/node';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { registrationTemplate } from '#app/models/registration-xlsx.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:registration');
  return xlsxResponse(await registrationTemplate(context.db, actor), { filename: '楚怡杯报名模板.xlsx', ascii: 'registration-template.xlsx' });
}
