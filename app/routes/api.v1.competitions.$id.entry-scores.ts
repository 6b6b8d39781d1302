/**
 * GET: the year's entries with their scores from their reviewers, their disagreement and name flags
 * (organiser), 50 a page (`?page=`), searched (`?q=` code, title or school), or only those with a
 * flag to deal with (`?flagged=1`).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead } from '#app/api/setup.server.ts';
import { pageOfEntryScores } from '#app/models/review.server.ts';

export const loader = (args: LoaderFunctionArgs) =>
  organiserRead(args, (actor, id) => {
    const query = new URL(args.request.url).searchParams;
    const { rows, ...page } = pageOfEntryScores(args.context.db, actor, id, { page: Number(query.get('page')) || 1, q: query.get('q') ?? undefined, flagged: query.get('flagged') === '1' });
    return { entries: rows, ...page };
  });
