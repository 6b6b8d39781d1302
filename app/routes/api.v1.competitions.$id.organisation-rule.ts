/** PUT /api/v1/competitions/:id/organisation-rule: 组织奖's declared rule (points per prize, places). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { organisationStandings, setOrganisationRule } from '#app/models/organisation-award.server.ts';
import { organisationRuleInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => apiRoute(request, () => Promise.reject(methodNotAllowed(['PUT'])));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PUT', organisationRuleInput, (actor, rule) => {
    const id = idParam(args.params.id);
    setOrganisationRule(args.context.db, actor, id, rule);
    return { id, rule: organisationStandings(args.context.db, id).rule };
  });
