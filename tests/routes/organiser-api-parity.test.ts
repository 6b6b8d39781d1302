/**
 * Every mutation of an organiser's page has its JSON twin in the OpenAPI document (#12): the
 * intents each page's forms send are read from its source and must each map to a documented
 * endpoint. A new form without a twin fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#app/api/contract.ts';

/** page → its form's intent (or '' for a page with one form, or the decision it sends) → 'method path'. */
const TWINS: Record<string, Record<string, string>> = {
  'admin._index.tsx': { '': 'post /api/v1/competitions/{id}/phase' },
  'admin.accounts.tsx': { create: 'post /api/v1/accounts', reset: 'post /api/v1/accounts/{id}/password', token: 'post /api/v1/accounts/{id}/tokens' },
  'admin.competitions._index.tsx': { '': 'post /api/v1/competitions' },
  'admin.competitions.$id.tsx': {
    settings: 'patch /api/v1/competitions/{id}',
    division: 'post /api/v1/competitions/{id}/divisions',
    venue: 'post /api/v1/competitions/{id}/venues',
    event: 'post /api/v1/competitions/{id}/events',
  },
  'admin.events.$eventId.tsx': {
    check_in: 'post /api/v1/events/{id}/check-ins',
    draw: 'post /api/v1/events/{id}/draw',
    redraw: 'post /api/v1/events/{id}/redraw',
    assign: 'post /api/v1/events/{id}/assignments',
    revoke: 'post /api/v1/assignments/{id}/revoke',
    unseal: 'post /api/v1/events/{id}/unseal',
    scheme: 'put /api/v1/events/{id}/scheme',
    live: 'put /api/v1/events/{id}/live',
    settings: 'patch /api/v1/events/{id}/settings',
  },
  'admin.events.$eventId_.rounds.tsx': {
    addRound: 'post /api/v1/events/{id}/rounds',
    rule: 'put /api/v1/events/{id}/advancement',
    advance: 'post /api/v1/events/{id}/advance',
    withdraw: 'post /api/v1/advancements/{id}/withdraw',
    recommendation: 'put /api/v1/events/{id}/recommendation',
    recommend: 'post /api/v1/events/{id}/recommend',
  },
  'admin.events.$eventId.scheme[.]xlsx.ts': { '': 'put /api/v1/events/{id}/scheme' },
  'admin.judges.tsx': { '': 'post /api/v1/imports/judges' },
  'admin.nominations.tsx': { review: 'post /api/v1/nominations/{id}/review', confirmMany: 'post /api/v1/nominations/confirm' },
  'admin.publication.tsx': { publish: 'post /api/v1/events/{id}/publish', publishAll: 'post /api/v1/competitions/{id}/publish' },
  'admin.registrations.tsx': { approve: 'post /api/v1/teams/{id}/approve', return: 'post /api/v1/teams/{id}/return' },
  'admin.schools.tsx': { '': 'post /api/v1/imports/schools', disable: 'post /api/v1/schools/{id}/status', enable: 'post /api/v1/schools/{id}/status' },
  'admin.works.tsx': { assign: 'post /api/v1/competitions/{id}/review-assignments', organisationRule: 'put /api/v1/competitions/{id}/organisation-rule', reviewRules: 'put /api/v1/categories/{id}/review-rules' },
};

const pages = readdirSync('app/routes').filter((f) => f.startsWith('admin') && /export (async )?function action|export const action/.test(readFileSync(`app/routes/${f}`, 'utf8')));

describe('organiser pages and the API', () => {
  const doc = openApiDocument('test') as unknown as { paths: Record<string, Record<string, unknown>> };

  it('has a row for every organiser page with a form, and no row for a page that has none', () => {
    expect(Object.keys(TWINS).sort()).toEqual([...pages].sort());
  });

  for (const page of pages) {
    it(`${page}: each of its mutations is documented`, () => {
      const source = readFileSync(`app/routes/${page}`, 'utf8');
      const sent = (field: string) => [...source.matchAll(new RegExp(`name="${field}" value="([a-zA-Z_]+)"`, 'g'))].map((m) => m[1]);
      // A page's forms name their intent; the review list names its decision instead.
      const intents = sent('intent').length ? sent('intent') : sent('decision');
      const expected = Object.keys(TWINS[page] ?? {});
      // A page whose main form is an upload has '' for it beside its named forms.
      const uploads = /<ImportPanel/.test(source) ? [''] : [];
      expect([...new Set(intents.length ? [...uploads, ...intents] : [''])].sort(), 'the forms’ intents').toEqual(expected.sort());
      for (const twin of Object.values(TWINS[page] ?? {})) {
        const [method, path] = twin.split(' ');
        expect(doc.paths[path]?.[method], twin).toBeDefined();
      }
    });
  }
});
