// The agencies table and its audit trail: every catalog read and write about agencies goes here.
import type { Queryable, Sql } from "../platform/db.ts";

export type AgencyStatus = "provisioning" | "active" | "suspended" | "archived" | "deleted" | "failed";

export type Agency = {
  id: string;
  name: string;
  domain: string | null;
  databaseName: string;
  subscriptionPlan: string;
  status: AgencyStatus;
  cluster: string;
  schemaVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const columns = (sql: Queryable) =>
  sql`id, name, domain, database_name, subscription_plan, status, cluster, schema_version, created_at, updated_at`;

/** The public view of an agency in API responses. */
export const agencyView = (a: Agency) => ({
  id: a.id,
  name: a.name,
  domain: a.domain,
  databaseName: a.databaseName,
  subscriptionPlan: a.subscriptionPlan,
  status: a.status,
  createdAt: a.createdAt,
});

export async function findAgency(sql: Sql, by: { id: string } | { databaseName: string }) {
  const [agency] = "id" in by
    ? await sql<Agency[]>`select ${columns(sql)} from agencies where id = ${by.id}`
    : await sql<Agency[]>`select ${columns(sql)} from agencies where database_name = ${by.databaseName}`;
  return agency;
}

export async function insertAgency(
  sql: Sql,
  row: Pick<Agency, "id" | "name" | "domain" | "databaseName" | "subscriptionPlan">,
): Promise<Agency> {
  const [agency] = await sql<Agency[]>`
    insert into agencies ${sql(row, "id", "name", "domain", "databaseName", "subscriptionPlan")}
    returning ${columns(sql)}`;
  return agency;
}

export async function deleteAgency(sql: Sql, id: string): Promise<void> {
  await sql`delete from agencies where id = ${id}`;
}

/** Moves an agency from one status to another and writes the event, atomically; returns undefined
 * when the agency was not in `from` (a concurrent change won). */
export async function transitionAgency(
  sql: Sql,
  id: string,
  from: AgencyStatus[],
  to: AgencyStatus,
  event: { name: string; actor?: string; details?: Record<string, unknown>; schemaVersion?: string },
): Promise<Agency | undefined> {
  return await sql.begin(async (tx) => {
    const [agency] = await tx<(Agency & { previous: AgencyStatus })[]>`
      update agencies set status = ${to}, status_changed_at = now(),
        schema_version = coalesce(${event.schemaVersion ?? null}, schema_version),
        migrated_at = case when ${event.schemaVersion ?? null}::text is null then migrated_at else now() end
      where id = ${id} and status in ${tx(from)}
      returning ${columns(tx)}`;
    if (!agency) return undefined;
    await recordEvent(tx, id, event.name, { from: from.join("|"), to }, event.actor, event.details);
    return agency;
  }) as Agency | undefined;
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
