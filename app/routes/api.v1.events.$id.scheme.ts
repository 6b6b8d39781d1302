/** GET /api/v1/events/:id/scheme: the scoring scheme; PUT: replace it (refused once the first mark is in). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead, organiserUpdate } from '#app/api/setup.server.ts';
import { getScheme, saveScheme } from '#app/models/scheme.server.ts';
import { schemeApiInput } from '#app/schemas/setup.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => getScheme(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'PUT', schemeApiInput, (actor, id, input) => saveScheme(args.context.db, actor, id, input), (actor, id) => getScheme(args.context.db, actor, id));
