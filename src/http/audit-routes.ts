// GET /api/audit-log: the agency's audit trail for its admins, newest first, keyset-paged like the
// resources and filtered by table, record and actor.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "./app-env.ts";
import { cursorKeyColumn, keysetPage, olderThan, pageSchema } from "../platform/cursor.ts";
import { validate } from "../platform/validate.ts";
import { requireRole } from "./tenant/require-role.ts";
import { AUDIT_ACTIONS } from "../audit/audit-log.ts";

const action = z.enum(AUDIT_ACTIONS);

export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  table: z.string().regex(/^[a-z_]{1,63}$/, "is not a table name").optional(),
  recordId: z.uuid().optional(),
  actor: z.uuid().optional(),
  action: action.optional(),
});

const values = z.record(z.string(), z.unknown()).nullable();
/** One entry as answered: `before`/`after` are whole rows on create and delete, the changed fields on
 * update (src/audit/audit-log.ts). */
export const auditEntrySchema = z.strictObject({
  id: z.uuid(),
  actor: z.uuid().nullable(),
  action,
  table: z.string().nullable(),
  recordId: z.uuid().nullable(),
  before: values,
  after: values,
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const auditPageSchema = pageSchema(auditEntrySchema);

export function auditRoutes() {
  return new Hono<AppEnv>().get("/", requireRole("admin"), validate("query", auditQuery), async (c) => {
    const { limit, cursor, table, recordId, actor, action } = c.req.valid("query");
    const { sql } = c.var;
    const rows = await sql`
      select id, user_id as actor, action, table_name as table, record_id, old_values as before,
        new_values as after, host(ip_address) as ip_address, user_agent, created_at, ${cursorKeyColumn(sql)}
      from audit_log
      where ${olderThan(sql, cursor)}
        ${table ? sql`and table_name = ${table}` : sql``}
        ${recordId ? sql`and record_id = ${recordId}` : sql``}
        ${actor ? sql`and user_id = ${actor}` : sql``}
        ${action ? sql`and action = ${action}` : sql``}
      order by created_at desc, id desc limit ${limit + 1}`;
    return c.json(keysetPage(rows, limit));
  });
}
