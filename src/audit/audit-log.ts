// The agency database's audit_log: who changed what, from where. Written in the same transaction as
// the change it records, so a rolled-back write leaves no trace and a committed one always does.
import type { Queryable } from "../platform/db.ts";
import type { RequestOrigin } from "../platform/request-origin.ts";

type Row = Record<string, unknown>;

/** `revoke_sessions`: a platform operator ended a user's sessions (actor null, the operator in `after`). */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "login",
  "login_failed",
  "revoke_sessions",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  /** The acting user; null when nobody authenticated (a failed login). */
  actor: string | null;
  action: AuditAction;
  table: string;
  recordId: string;
  before?: Row | null;
  after?: Row | null;
};

// Bookkeeping every update touches: not a change anyone made.
const IGNORED = new Set(["updatedAt"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two versions of a row, as [before, after]; null when none did. */
export function changedFields(before: Row, after: Row): [Row, Row] | null {
  const old: Row = {};
  const now: Row = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED.has(key) || same(before[key], after[key])) continue;
    old[key] = before[key] ?? null;
    now[key] = after[key] ?? null;
  }
  return Object.keys(now).length ? [old, now] : null;
}

export async function recordAudit(sql: Queryable, origin: RequestOrigin, entry: AuditEntry): Promise<void> {
  let { before = null, after = null } = entry;
  if (entry.action === "update" && before && after) {
    const changed = changedFields(before, after);
    if (!changed) return; // a PATCH that set what was already there changed nothing
    [before, after] = changed;
  }
  const json = (value: Row | null) => value === null ? null : sql.json(JSON.parse(JSON.stringify(value)));
  await sql`
    insert into audit_log (user_id, action, table_name, record_id, old_values, new_values, ip_address, user_agent)
    values (${entry.actor}, ${entry.action}, ${entry.table}, ${entry.recordId}, ${json(before)}, ${
    json(after)
  }, ${origin.ipAddress}, ${origin.userAgent})`;
}
