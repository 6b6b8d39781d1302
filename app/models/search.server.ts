/** Searching lists by part of a name: what is typed is matched as written (a % or _ is a character). */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export function contains(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}
