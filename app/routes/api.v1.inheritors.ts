import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { inheritorRegister } from '#app/models/nomination.server.ts';
import { registerFilterInput } from '#app/schemas/awards.server.ts';

/** The public register of confirmed inheritors: names, schools, events, awards and years only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    const filter = registerFilterInput.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(inheritorRegister(context.db, filter), { headers: { 'Cache-Control': 'public, max-age=60' } });
  });
}
