// Fleet statistics for operators (GET /api/admin/stats, deno task stats): agencies by status and
// schema version, the largest databases, connections per database, PgBouncer's pools and totals.
import { z } from "zod";
import type { Sql } from "../platform/db.ts";
import type { PoolerAdmin } from "../tenancy/pooler-admin.ts";

const count = () => z.number().int();
/** What collectStats answers; GET /api/admin/stats adds `api` (registry, admission, cache). */
export const statsSchema = z.strictObject({
  agencies: z.strictObject({
    byStatus: z.array(z.strictObject({ status: z.string(), agencies: count() })),
    bySchemaVersion: z.array(
      z.strictObject({ schemaVersion: z.string(), agencies: count(), failed: count() }),
    ),
  }),
  databases: z.strictObject({
    count: count(),
    totalBytes: count(),
    largest: z.array(z.strictObject({ database: z.string(), bytes: count() })),
  }),
  connections: z.array(
    z.strictObject({ database: z.string(), role: z.string().nullable(), connections: count() }),
  ),
  /** Absent without a PgBouncer admin console. */
  pooler: z.strictObject({
    pools: count(),
    serverConnections: z.record(z.string(), count()),
    clients: z.record(z.string(), count()),
    /** PgBouncer's SHOW POOLS rows, as it names their columns. */
    busiestPools: z.array(z.record(z.string(), z.unknown())),
    totals: z.record(z.string(), z.number()),
  }).optional(),
});

export async function collectStats(control: Sql, poolerAdmin?: PoolerAdmin) {
  const [byStatus, bySchemaVersion, databases, connections, pooler] = await Promise.all([
    control`select status, count(*)::int as agencies from agencies group by status order by status`,
    control`
      select coalesce(schema_version, 'none') as schema_version, count(*)::int as agencies,
        count(*) filter (where last_migration_error is not null)::int as failed
      from agencies where status in ('active', 'suspended') group by 1 order by 1`,
    control<{ database: string; bytes: string }[]>`
      select datname as database, pg_database_size(datname)::bigint as bytes from pg_database
      where datname like 'agency\\_%' order by 2 desc limit 20`,
    control`
      select datname as database, usename as role, count(*)::int as connections from pg_stat_activity
      where datname is not null group by 1, 2 order by 3 desc, 1 limit 50`,
    poolerAdmin ? poolerStats(poolerAdmin) : Promise.resolve(undefined),
  ]);
  const [{ count, bytes }] = await control<{ count: number; bytes: string }[]>`
    select count(*)::int as count, coalesce(sum(pg_database_size(datname)), 0)::bigint as bytes
    from pg_database where datname like 'agency\\_%'`;
  return {
    agencies: { byStatus, bySchemaVersion },
    databases: {
      count,
      totalBytes: Number(bytes),
      largest: databases.map((d) => ({ database: d.database, bytes: Number(d.bytes) })),
    },
    connections,
    pooler,
  };
}

async function poolerStats(admin: PoolerAdmin) {
  const [pools, totals] = await Promise.all([admin.pools(), admin.totals()]);
  const busy = pools.filter((p) =>
    Number(p.clActive) + Number(p.clWaiting) + Number(p.svActive) + Number(p.svIdle) > 0
  );
  const sum = (key: string) => pools.reduce((n, p) => n + Number(p[key] ?? 0), 0);
  return {
    pools: pools.length,
    serverConnections: {
      active: sum("svActive"),
      idle: sum("svIdle"),
      used: sum("svUsed"),
      login: sum("svLogin"),
    },
    clients: { active: sum("clActive"), waiting: sum("clWaiting") },
    busiestPools: busy.sort((a, b) => Number(b.svActive) - Number(a.svActive)).slice(0, 20),
    totals: Object.fromEntries(totals.map((t) => [t.name, Number(t.value)])),
  };
}
