// The agencies table and its audit trail: every catalog read and write about agencies goes here,
// and every status change is announced on a channel that each API instance listens to.
import { z } from "zod";
import { type Queryable, type Sql, transaction } from "../platform/db.ts";

export const AGENCY_STATUSES = [
  "provisioning",
  "active",
  "suspended",
  "archiving",
  "archived",
  // Inactive past its plan's period: `cooling` while its dump is taken (as `archiving`), `cold` with
  // no database, `waking` while its first use restores it (src/tenancy/cold/).
  "cooling",
  "cold",
  "waking",
  "deleted",
  "failed",
] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export type Agency = {
  id: string;
  name: string;
  domain: string | null;
  databaseName: string;
  subscriptionPlan: string;
  status: AgencyStatus;
  cluster: string;
  /** Bumped by every move to another cluster. */
  generation: number;
  /** Writes are refused (503) until then: a move's final catch-up. */
  frozenUntil: Date | null;
  /** Where on its cluster its data is complete (a move's switch): replicas serve it from there on. */
  clusterLsn: string | null;
  schemaVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const agencyColumns = (sql: Queryable) =>
  sql`id, name, domain, database_name, subscription_plan, status, cluster, generation, frozen_until,
    cluster_lsn::text, schema_version, created_at, updated_at`;

/** The public view of an agency in API responses (signup, login, /api/me, /api/admin) and in the
 * contract: a field added here appears in all of them. */
export const agencyViewSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  databaseName: z.string(),
  subscriptionPlan: z.string(),
  status: z.enum(AGENCY_STATUSES),
  /** The cluster that holds its database. */
  cluster: z.string(),
  createdAt: z.iso.datetime(),
});
type AgencyViewKey = keyof typeof agencyViewSchema.shape & keyof Agency;
const AGENCY_VIEW_KEYS = Object.keys(agencyViewSchema.shape) as AgencyViewKey[];

export const agencyView = (a: Agency) =>
  Object.fromEntries(AGENCY_VIEW_KEYS.map((key) => [key, a[key]])) as Pick<Agency, AgencyViewKey>;

export async function findAgency(sql: Sql, by: { id: string } | { databaseName: string }) {
  const [agency] = "id" in by
    ? await sql<Agency[]>`select ${agencyColumns(sql)} from agencies where id = ${by.id}`
    : await sql<Agency[]>`select ${
      agencyColumns(sql)
    } from agencies where database_name = ${by.databaseName}`;
  return agency;
}

export async function insertAgency(
  sql: Sql,
  row: Pick<Agency, "id" | "name" | "domain" | "databaseName" | "subscriptionPlan" | "cluster">,
): Promise<Agency> {
  const [agency] = await sql<Agency[]>`
    insert into agencies ${sql(row, "id", "name", "domain", "databaseName", "subscriptionPlan", "cluster")}
    returning ${agencyColumns(sql)}`;
  return agency;
}

export async function deleteAgency(sql: Sql, id: string): Promise<void> {
  await sql`delete from agencies where id = ${id}`;
}

/** Work in a status change's transaction: `before` may refuse it (false: nothing changes), `after`
 * writes what must commit with it (a notification in the outbox). */
export type TransitionHooks = {
  before?(tx: Queryable): Promise<boolean>;
  after?(tx: Queryable, agency: Agency): Promise<void>;
};

/** Moves an agency from one status to another, writes the event with the status it really left, and
 * announces the change when the transaction commits; returns undefined when the agency was not in
 * `from` (a concurrent change won). */
export async function transitionAgency(
  sql: Sql,
  id: string,
  from: AgencyStatus[],
  to: AgencyStatus,
  event: { name: string; actor?: string; details?: Record<string, unknown>; schemaVersion?: string },
  hooks: TransitionHooks = {},
): Promise<Agency | undefined> {
  return await transaction(sql, async (tx) => {
    if (hooks.before && !(await hooks.before(tx))) return undefined;
    const [row] = await tx<(Agency & { previous: AgencyStatus })[]>`
      update agencies set status = ${to}, status_changed_at = now(),
        schema_version = coalesce(${event.schemaVersion ?? null}, schema_version),
        migrated_at = case when ${event.schemaVersion ?? null}::text is null then migrated_at else now() end
      from (select id as old_id, status as previous from agencies where id = ${id} for update) old
      where agencies.id = old.old_id and old.previous in ${tx(from)}
      returning ${agencyColumns(tx)}, old.previous`;
    if (!row) return undefined;
    const { previous, ...agency } = row;
    await recordEvent(tx, id, event.name, { from: previous, to }, event.actor, event.details);
    await hooks.after?.(tx, agency);
    await announceAgencyChange(tx, {
      id,
      status: to,
      databaseName: agency.databaseName,
      cluster: agency.cluster,
    });
    return agency;
  }) as Agency | undefined;
}

// Changes reach every API instance at once over LISTEN/NOTIFY on the catalog's direct connection
// (PgBouncer in transaction mode cannot carry LISTEN); the agency cache's TTL is the fallback.
const AGENCY_CHANGES = "buildflow_agency_changes";

/** What an instance must forget: the agency, and the database (on its cluster) its clients were
 * connected to. A plan change (`plan` set) or a move's write freeze starting or ending (`frozen`)
 * leaves the database where it was: its clients stay. */
export const agencyChangeSchema = z.object({
  id: z.uuid(),
  status: z.enum(AGENCY_STATUSES),
  databaseName: z.string(),
  cluster: z.string(),
  plan: z.string().optional(),
  frozen: z.boolean().optional(),
});
export type AgencyChange = z.infer<typeof agencyChangeSchema>;

/** Sent when the surrounding transaction commits (NOTIFY is transactional). */
export async function announceAgencyChange(sql: Queryable, change: AgencyChange): Promise<void> {
  await sql`select pg_notify(${AGENCY_CHANGES}, ${JSON.stringify(change)})`;
}

/** Calls `onChange` for each announced change; `onListen` each time the listening session (re)starts,
 * since changes announced while it was down were missed. postgres.js reconnects it by itself. */
export async function listenForAgencyChanges(
  sql: Sql,
  onChange: (change: AgencyChange) => void,
  onListen: () => void,
) {
  return await sql.listen(AGENCY_CHANGES, (payload) => {
    const change = agencyChangeSchema.safeParse(JSON.parse(payload));
    if (change.success) onChange(change.data);
  }, onListen);
}

export async function recordEvent(
  sql: Queryable,
  agencyId: string,
  event: string,
  status: { from?: string; to?: string } = {},
  actor = "system",
  details: Record<string, unknown> = {},
): Promise<void> {
  await sql`
    insert into agency_events (agency_id, event, from_status, to_status, actor, details)
    values (${agencyId}, ${event}, ${status.from ?? null}, ${status.to ?? null}, ${actor}, ${
    sql.json(details as never)
  })`;
}
