import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { atomically, openMigratedDatabase } from '#db/client.ts';
import { prefectures } from '#db/schema.ts';

describe('the statement cache', () => {
  it('reuses compiled statements and hands each one out in object mode', () => {
    const db = openMigratedDatabase(':memory:');
    db.insert(prefectures).values({ code: '430100', name: '长沙市', sortOrder: 1 }).run();
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
});

describe('atomically', () => {
  it('rolls back every write of the work when it throws, and keeps them when it returns', () => {
    const db = openMigratedDatabase(':memory:');
    const add = (code: string) => db.insert(prefectures).values({ code, name: code, sortOrder: 1 }).run();
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
