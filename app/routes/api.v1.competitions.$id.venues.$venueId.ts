/** PATCH /api/v1/competitions/:id/venues/:venueId: the whole record again, as on its form. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { saveVenue } from '#app/models/competition-setup.server.ts';
import { venueInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) =>
  apiRoute(request, () => {
    throw methodNotAllowed(['PATCH']);
  });

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PATCH', venueInput, (actor, input) => saveVenue(args.context.db, actor, idParam(args.params.id), input, idParam(args.params.venueId)));
