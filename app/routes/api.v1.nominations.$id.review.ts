/** POST /api/v1/nominations/:id/review: the organiser confirms or declines a nomination (传承人提名). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { reviewNomination } from '#app/models/nomination.server.ts';
import { nominationApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', nominationApiInput, (actor, review) => {
    const id = idParam(args.params.id);
    reviewNomination(args.context.db, actor, id, review);
    return { id, status: review.decision };
  });
