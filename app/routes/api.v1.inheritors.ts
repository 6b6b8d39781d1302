import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { inheritorSlice } from '#app/models/nomination.server.ts';
import { registerFilterInput } from '#app/schemas/awards.server.ts';
import { sliceInput } from '#app/schemas/registration.server.ts';

/** The public register of confirmed inheritors: names, schools, events, awards and years only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const filter = registerFilterInput.parse(query);
    const slice = sliceInput.parse(query);
    return json(inheritorSlice(context.db, filter, { cursor: slice.cursor ?? 0, limit: slice.limit ?? 100 }), { headers: { 'Cache-Control': 'public, max-age=60' } });
  });
}
