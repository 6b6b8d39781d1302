/**
 * The permission table held against the code: every mutation of a route names a row of the table
 * (or is one of the few that act only on the caller's own session), every exported model
 * function that takes an actor asks the table, every row is used, and roles are read nowhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '#app/domain/permissions.ts';

const read = (path: string) => readFileSync(path, 'utf8');
const files = (dir: string, ext = /\.tsx?$/): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []));

/** Mutations that act only on the caller's own session or language, or refuse every method. */
const NO_TABLE_ROW: Record<string, string> = {
  'app/routes/login.tsx': 'logs in: no actor yet',
  'app/routes/setup.tsx': 'the first administrator of a fresh install: only while none exists',
  'app/routes/logout.tsx': 'ends the caller’s own session',
  'app/routes/language.tsx': 'sets the caller’s language cookie',
  'app/routes/account.password.tsx': 'changes the caller’s own password',
  'app/routes/api.v1.session.ts': 'logs in or out',
  'app/routes/api.v1.me.ts': 'reads the caller; its action refuses with 405',
  'app/routes/api.v1.$.ts': 'unknown API paths: 404 for every method',
  'app/routes/api.v1.marks.ts': 'PUT is served by app/api/fast-marks.server.ts; other methods 405',
  'app/routes/api.v1.competitions.current.ts': 'public read; writes refused with 405',
};

describe('the permission table against the routes', () => {
  const routes = files('app/routes').filter((f) => /export (async )?function action|export const action/.test(read(f)));

  it('finds the mutations to check', () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  for (const route of routes) {
    it(`${route}: every mutation names a row of the table`, () => {
      const source = read(route);
      const desks = [...source.matchAll(/requireDesk\(request, context, '([a-z:-]+)'/g)].map((m) => m[1]);
      const stepDesks = [...source.matchAll(/desk: '([a-z:-]+)'|postOnId\(args, '([a-z:-]+)'/g)].map((m) => m[1] ?? m[2]);
      // The setup endpoints' shared helper opens the organiser's desk (app/api/setup.server.ts).
      if (/organiser(Write|Update)\(args,/.test(source)) stepDesks.push('desk:organiser');
      if (NO_TABLE_ROW[route]) {
        expect(NO_TABLE_ROW[route]).toBeTruthy();
        return;
      }
      expect(desks.length + stepDesks.length, 'no requireDesk in a route with an action').toBeGreaterThan(0);
      for (const action of [...desks, ...stepDesks]) expect(ACTIONS).toContain(action);
    });
  }

  it('the marks endpoint served beside Remix asks the table too', () => {
    expect(read('app/api/fast-marks.server.ts')).toMatch(/can\(actor, 'desk:judge'\)/);
    expect(read('app/models/mark.server.ts')).toMatch(/requirePermission\(actor, 'mark:enter'/);
  });
});

/** Model functions that take an actor but act only for it, or record what it did. */
const OWN_ACCOUNT: Record<string, string> = {
  'app/models/account.server.ts#changeOwnPassword': 'the caller’s own password, with its current one',
  'app/models/session.server.ts#createSession': 'a session for an account that has just proved its password',
  'app/models/audit.server.ts#recordAudit': 'writes who did what; called by guarded writes',
  'app/models/kept-import.server.ts#keepImport': 'keeps the file of what it imported; called by guarded imports',
};

describe('the permission table against the models', () => {
  /** Exported functions with an `actor: Actor` parameter, and their bodies. */
  function guardedFunctions(path: string) {
    const source = read(path);
    const out: { name: string; body: string }[] = [];
    for (const m of source.matchAll(/export (?:async )?function (\w+)(?:<[^>]*>)?\(([^)]*)\)[^{]*\{/g)) {
      if (!/\bactor: Actor\b/.test(m[2])) continue;
      const start = m.index! + m[0].length;
      const end = source.indexOf('\n}\n', start);
      out.push({ name: m[1], body: source.slice(start, end === -1 ? undefined : end) });
    }
    return { source, out };
  }

  const models = files('app/models', /\.server\.ts$/);
  for (const model of models) {
    it(`${model}: every exported function that takes an actor asks the table`, () => {
      const { source, out } = guardedFunctions(model);
      // Local guards and steps (requireChief, takeStep …) count when they ask the table themselves.
      const guards = [...source.matchAll(/(?:export )?function (\w+)(?:<[^>]*>)?\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g)]
        .filter((g) => /requirePermission\(|can\(/.test(g[2]))
        .map((g) => g[1]);
      // And so do the model's other exported functions that do (a function built on another).
      const asking = new Set([...guards, ...out.filter((f) => /requirePermission\(|\bcan\(/.test(f.body)).map((f) => f.name)]);
      for (const f of out) {
        if (OWN_ACCOUNT[`${model}#${f.name}`]) continue;
        const calls = [...asking].some((g) => new RegExp(`\\b${g}\\(`).test(f.body)) || /requirePermission\(|\bcan\(/.test(f.body) || /\b(requireOwnTeam|requireChief|requireScoringJudge|requireReopenable|ownTeam|requireOrganiser)\(/.test(f.body);
        expect(calls, `${f.name} never asks the permission table`).toBe(true);
      }
    });
  }
});

describe('the table itself', () => {
  const app = files('app').filter((f) => !f.endsWith('domain/permissions.ts')).map(read).join('\n');

  it('has no row that no code asks for', () => {
    const unused = ACTIONS.filter((a) => !app.includes(`'${a}'`));
    expect(unused).toEqual([]);
  });

  it('is the only place that decides by an actor’s role; pages never re-derive a rule from one', () => {
    const offenders = files('app')
      .filter((f) => !f.startsWith('app/domain/'))
      .filter((f) => /\bactor\.role\s*[!=]==/.test(read(f)) || (/^app\/(routes|components)\//.test(f) && /\.role\s*[!=]==\s*'(admin|school|judge|arbiter)'/.test(read(f))));
    expect(offenders).toEqual([]);
  });
});
