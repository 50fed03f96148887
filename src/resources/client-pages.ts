// Pages of notes and payments, newest first, optionally of one client: the ids by keyset, then each
// row read whole (with its lines or allocations) by the caller's `find`.
import { z } from "zod";
import { cursorKeyColumn, keysetPage, olderThan } from "../platform/cursor.ts";
import type { Queryable } from "../platform/db.ts";
import * as f from "../platform/fields.ts";

export const clientPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  clientId: f.ref().optional(),
});

export async function pageByClient<T>(
  sql: Queryable,
  table: string,
  { limit, cursor, clientId }: z.infer<typeof clientPageQuery>,
  find: (id: string) => Promise<T>,
) {
  const rows = await sql`
    select id, ${cursorKeyColumn(sql)} from ${sql(table)}
    where ${clientId ? sql`client_id = ${clientId}` : sql`true`} and ${olderThan(sql, cursor)}
    order by created_at desc, id desc limit ${limit + 1}`;
  const page = keysetPage(rows, limit);
  const data: T[] = [];
  for (const row of page.data) data.push(await find(row.id as string));
  return { data, nextCursor: page.nextCursor };
}
