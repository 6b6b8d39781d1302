/** GET: the cut into this round as it would be now (who, who is next in line, why). PUT: its rule, until the cut. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead, organiserUpdate } from '#app/api/setup.server.ts';
import { previewCut, updateAdvancementRule } from '#app/models/round.server.ts';
import { advancementApiInput } from '#app/schemas/rounds.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => previewCut(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'PUT',
    advancementApiInput,
    (actor, id, input) => updateAdvancementRule(args.context.db, actor, id, input),
    (actor, id) => previewCut(args.context.db, actor, id),
  );
