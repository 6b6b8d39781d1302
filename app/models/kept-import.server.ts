/** The organiser's imported workbooks are kept whole, with their digest and counts, and audited. */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '#db/client.ts';
import { imports } from '#db/schema.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';

type Counts = { rows: number; created: number; updated: number };

/** Keeps the file of an import that was written, in the import's transaction. */
export function keepImport(tx: DbOrTx, actor: Actor, kind: (typeof imports.$inferInsert)['kind'], fileName: string, file: ArrayBuffer, counts: Counts & Record<string, number>): void {
  const bytes = Buffer.from(file);
  const { rows, created, updated } = counts;
  const kept = tx
    .insert(imports)
    .values({ kind, fileName: fileName.slice(0, 200), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, data: bytes, rows, created, updated, importedBy: actor.userId })
    .returning({ id: imports.id })
    .get();
  recordAudit(tx, actor, { action: `import.${kind}`, entity: 'import', entityId: kept.id, after: counts });
}
