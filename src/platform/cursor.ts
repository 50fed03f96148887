// Keyset paging, newest first, over (created_at to the microsecond, id): stable under inserts and
// deletes. A list selects `cursorKeyColumn`, filters with `olderThan` and answers `keysetPage` of the
// `limit + 1` rows it fetched.
import { z } from "zod";
import { inline, type Queryable } from "./db.ts";
import { badRequest } from "./errors.ts";

const encodeCursor = (key: string, id: string) => btoa(`${key}|${id}`).replaceAll("=", "");

function decodeCursor(cursor: string): { key: string; id: string } {
  let decoded = "";
  try {
    decoded = atob(cursor);
  } catch { /* reported below */ }
  const [key, id] = decoded.split("|");
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(key ?? "") || !z.uuid().safeParse(id).success) {
    throw badRequest("Invalid cursor", [{ path: "cursor", message: "is not a cursor from a previous page" }]);
  }
  return { key, id };
}

/** The shape of a page as answered, for the contract. */
export const pageSchema = <Row extends z.ZodType>(row: Row) =>
  z.strictObject({ data: z.array(row), nextCursor: z.string().nullable() });

/** The select-list entry a page's last row is encoded from (dropped from the rows answered). */
export const cursorKeyColumn = (sql: Queryable) =>
  sql`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as cursor_key`;

/** The rows after `cursor` in newest-first order (all rows without one); 400 for a forged cursor. */
export function olderThan(sql: Queryable, cursor?: string) {
  if (!cursor) return sql`true`;
  const { key, id } = decodeCursor(cursor);
  // As text: postgres.js's Date serializer keeps milliseconds only, and a page would skip the rest of
  // its millisecond. Both are checked above, and inlined as the request path's reads do.
  return sql`(created_at, id) < (${inline(sql, key)}::timestamp at time zone 'UTC', ${
    inline(sql, id)
  }::uuid)`;
}

/** `{data, nextCursor}` from the `limit + 1` rows fetched: one more than the page means a next one. */
export function keysetPage(rows: readonly Record<string, unknown>[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last
    ? encodeCursor(last.cursorKey as string, last.id as string)
    : null;
  // Deleted from each row rather than each row copied without it: it is the last column selected, so
  // the row keeps its fast shape, and a page costs no second object per row.
  for (const row of page) delete row.cursorKey;
  return { data: page, nextCursor };
}
