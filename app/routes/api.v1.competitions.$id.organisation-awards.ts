/** GET /api/v1/competitions/:id/organisation-awards: 组织奖 of a works-based year, from its published categories (public). */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { organisationStandings } from '#app/models/organisation-award.server.ts';

export const loader = ({ request, context, params }: LoaderFunctionArgs) => apiRoute(request, () => json(organisationStandings(context.db, idParam(params.id))));
