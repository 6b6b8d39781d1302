import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { issueApiToken, findApiToken, revokeApiToken } from '#app/models/api-token.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { createSession, findSession, listSessions, revokeSession, SESSION_TTL_MS } from '#app/models/session.server.ts';
import { actorOf, demoDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
});

describe('sessions', () => {
  it('expire after their time to live', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const { token } = createSession(db, actorOf(db, 'school'), {}, now);
    expect(findSession(db, token, new Date(now.getTime() + SESSION_TTL_MS - 1))).not.toBeNull();
    expect(findSession(db, token, new Date(now.getTime() + SESSION_TTL_MS + 1))).toBeNull();
  });

  it('can be revoked by their owner or an admin, not by someone else', () => {
    const school = actorOf(db, 'school');
    const mine = createSession(db, school, {});
    expect(() => revokeSession(db, actorOf(db, 'judge'), mine.sessionId, 'x')).toThrow(ModelError);
    expect(findSession(db, mine.token)).not.toBeNull();
    revokeSession(db, actorOf(db, 'admin'), mine.sessionId, 'lost tablet');
    expect(findSession(db, mine.token)).toBeNull();
    expect(listSessions(db, school, school.userId).some((s) => s.id === mine.sessionId)).toBe(false);
  });

  it('ignore unknown tokens', () => {
    expect(findSession(db, 'not-a-token')).toBeNull();
  });
});

describe('API tokens', () => {
  it('are issued by admins, shown once, and act as their account until revoked', () => {
    const admin = actorOf(db, 'admin');
    const judge = actorOf(db, 'judge');
    const { id, token } = issueApiToken(db, admin, { userId: judge.userId, name: 'venue tablet', expiresInDays: 30 });
    expect(token).toMatch(/^cy_/);
    expect(findApiToken(db, token)?.userId).toBe(judge.userId);
    expect(findApiToken(db, token, new Date(Date.now() + 31 * 86400_000))).toBeNull();
    revokeApiToken(db, admin, id);
    expect(findApiToken(db, token)).toBeNull();
  });

  it('cannot be issued by anyone else', () => {
    expect(() => issueApiToken(db, actorOf(db, 'school'), { userId: 1, name: 'x', expiresInDays: 1 })).toThrow(ModelError);
  });
});
