// GET /api/audit-log: the agency's audit trail for its admins, newest first, keyset-paged like the
// resources and filtered by table, record and actor.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../platform/app-env.ts";
import { decodeCursor, encodeCursor } from "../platform/cursor.ts";
import { validate } from "../platform/validate.ts";
import { requireRole } from "../tenancy/tenant-middleware.ts";

export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  table: z.string().regex(/^[a-z_]{1,63}$/, "is not a table name").optional(),
  recordId: z.uuid().optional(),
  actor: z.uuid().optional(),
  action: z.enum(["create", "update", "delete", "login", "login_failed"]).optional(),
});

export function auditRoutes() {
  return new Hono<AppEnv>().get("/", requireRole("admin"), validate("query", auditQuery), async (c) => {
    const { limit, cursor, table, recordId, actor, action } = c.req.valid("query");
    const { sql } = c.var;
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await sql`
      select id, user_id as actor, action, table_name as table, record_id, old_values as before,
        new_values as after, host(ip_address) as ip_address, user_agent, created_at,
        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as cursor_key
      from audit_log
      where true
        ${table ? sql`and table_name = ${table}` : sql``}
        ${recordId ? sql`and record_id = ${recordId}` : sql``}
        ${actor ? sql`and user_id = ${actor}` : sql``}
        ${action ? sql`and action = ${action}` : sql``}
        ${
      after
        ? sql`and (created_at, id) < (${after.key}::timestamp at time zone 'UTC', ${after.id}::uuid)`
        : sql``
    }
      order by created_at desc, id desc limit ${limit + 1}`;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({
      data: page.map(({ cursorKey: _, ...row }) => row),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursorKey, last.id) : null,
    });
  });
}
