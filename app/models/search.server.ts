/** Searching and paging lists: what is typed is matched as written (a % or _ is a character). */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export function contains(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}

/** Which page to show of `total` rows, `limit` a page: a page past the end is the last, never an empty one. */
export function pageWindow(total: number, page: number, limit: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / limit));
  const current = Math.min(Math.max(1, page), pages);
  return { page: current, pages, offset: (current - 1) * limit };
}
