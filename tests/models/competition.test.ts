import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { competitions } from '#db/schema.ts';
import { listAudit } from '#app/models/audit.server.ts';
import { changePhase, getCompetitionSummary } from '#app/models/competition.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { actorOf, demoDb } from '../helpers/db.ts';

let db: Db;
let id: number;
beforeAll(async () => {
  db = await demoDb();
  id = getCompetitionSummary(db)!.id;
});

const phase = () => db.select().from(competitions).where(eq(competitions.id, id)).get()!.phase;

describe('competition phases', () => {
  it('only an admin moves the phase, one step at a time, with the reason audited', () => {
    expect(() => changePhase(db, actorOf(db, 'school'), id, 'running')).toThrow(ModelError);
    expect(phase()).toBe('registration');
    try {
      changePhase(db, actorOf(db, 'admin'), id, 'closed');
      expect.unreachable();
    } catch (e) {
      expect((e as ModelError).code).toBe('phase_move_not_allowed');
    }
    changePhase(db, actorOf(db, 'admin'), id, 'running', '报名截止，进入比赛阶段');
    expect(phase()).toBe('running');
    const [entry] = listAudit(db, actorOf(db, 'admin'), { action: 'competition.change_phase' });
    expect(entry.before).toEqual({ phase: 'registration' });
    expect(entry.after).toEqual({ phase: 'running' });
    expect(entry.reason).toBe('报名截止，进入比赛阶段');
  });

  it('keeps a draft competition from the public, not from admins', () => {
    db.update(competitions).set({ phase: 'draft' }).where(eq(competitions.id, id)).run();
    expect(getCompetitionSummary(db)).toBeNull();
    expect(getCompetitionSummary(db, actorOf(db, 'admin'))?.phase).toBe('draft');
  });
});
