/** POST /api/v1/schools/:id/status: the organiser disables a school (its accounts stop) or enables it, with a reason. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { organiserUpdate } from '#app/api/setup.server.ts';
import { setSchoolDisabled } from '#app/models/school.server.ts';
import { schoolStatusApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'POST', schoolStatusApiInput, (actor, id, input) => setSchoolDisabled(args.context.db, actor, id, input.disabled, input.reason), (_actor, id) => ({ id, disabled: args.context.db.$client.prepare('select disabled_at from schools where id = ?').pluck().get(id) !== null }));
