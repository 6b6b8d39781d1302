/** PUT /api/v1/categories/:id/review-rules: how a category's reviewers' totals combine, normalisation, the disagreement spread. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { hundredthsOf } from '#app/domain/exact.ts';
import { setReviewRules } from '#app/models/review-results.server.ts';
import { reviewRulesInput } from '#app/schemas/entries.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => apiRoute(request, () => Promise.reject(methodNotAllowed(['PUT'])));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PUT', reviewRulesInput, (actor, rules) => {
    const id = idParam(args.params.id);
    setReviewRules(args.context.db, actor, id, { ...rules, flagSpread: hundredthsOf(rules.flagSpread) });
    return { id, ...rules };
  });
