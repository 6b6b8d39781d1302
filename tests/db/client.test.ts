import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCheckpointer } from '#db/checkpointer.ts';
import { atomically, closeDatabase, openMigratedDatabase } from '#db/client.ts';
import { prefectures } from '#db/schema.ts';

describe('the statement cache', () => {
  it('reuses compiled statements and hands each one out in object mode', () => {
    const db = openMigratedDatabase(':memory:');
    // Every migrated database holds Hunan's prefectures.
    expect(db.select().from(prefectures).all()).toHaveLength(15);
    const query = db.select({ name: prefectures.name }).from(prefectures).where(eq(prefectures.code, '430100'));
    // drizzle reads selected fields in raw (array) mode …
    expect(query.get()).toEqual({ name: '长沙市' });
    // … and the same SQL prepared again must not stay raw.
    const { sql, params } = query.toSQL();
    const again = db.$client.prepare(sql);
    expect(again).toBe(db.$client.prepare(sql));
    expect(again.get(...params)).toEqual({ name: '长沙市' });
    expect(query.get()).toEqual({ name: '长沙市' });
  });

  it('regression: a caller that plucks one column does not leave the statement plucking for the next', () => {
    const db = openMigratedDatabase(':memory:');
    const text = 'select id, name from prefectures where code = ?';
    expect(typeof db.$client.prepare(text).pluck().get('430100')).toBe('number');
    expect(db.$client.prepare(text).get('430100')).toMatchObject({ name: '长沙市' });
  });
});

describe('atomically', () => {
  it('rolls back every write of the work when it throws, and keeps them when it returns', () => {
    const db = openMigratedDatabase(':memory:');
    const add = (code: string) => db.insert(prefectures).values({ code, name: code, sortOrder: 1 }).run();
    db.delete(prefectures).run();
    expect(() =>
      atomically(db, () => {
        add('430100');
        add('430200');
        throw new Error('refused half-way');
      }),
    ).toThrow('refused half-way');
    expect(db.select().from(prefectures).all()).toEqual([]);
    expect(atomically(db, () => (add('430300'), 'done'))).toBe('done');
    expect(db.select({ code: prefectures.code }).from(prefectures).all()).toEqual([{ code: '430300' }]);
  });
});

describe('the checkpointer', () => {
  it('folds the WAL into the database file from its worker, not from the writing connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chuyi-ckpt-'));
    const path = join(dir, 'c.db');
    const db = openMigratedDatabase(path);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const checkpointer = startCheckpointer(db, path, 100);
    try {
      const before = statSync(path).size;
      const insert = db.$client.prepare('insert into prefectures (code, name, sort_order) values (?, ?, 1)');
      db.$client.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run(`9${i}`, `市${i}`);
      })();
      // The writer leaves its pages in the WAL …
      expect(statSync(path).size).toBe(before);
      // … and the worker copies them into the file.
      await expect.poll(() => statSync(path).size, { timeout: 5000, interval: 100 }).toBeGreaterThan(before);
    } finally {
      await checkpointer.stop();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
