/** GET: every entry of the year with its score from its reviewers, their disagreement and name flags (organiser). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead } from '#app/api/setup.server.ts';
import { entryScores } from '#app/models/review.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => ({ entries: entryScores(args.context.db, actor, id) }));
