// Fleet statistics for operators (GET /api/admin/stats, deno task stats): agencies by status, schema
// version and cluster from the catalog; then, per cluster, its databases' sizes, its connections, its
// PgBouncer's pools and totals, and its backups; and fleet-wide sums of those.
import { z } from "zod";
import type { Sql } from "../platform/db.ts";
import type { Cluster } from "../tenancy/cluster-directory.ts";
import { agencyDatabaseSizes } from "../tenancy/control-plane.ts";
import type { PoolerAdmin } from "../tenancy/pooler-admin.ts";
import { backupStatus, backupStatusSchema } from "../backups/status.ts";
import { coldStatus, coldStatusSchema } from "../tenancy/cold/status.ts";

const count = () => z.number().int();
const largest = z.strictObject({ cluster: z.string(), database: z.string(), bytes: count() });
const connection = z.strictObject({
  cluster: z.string(),
  database: z.string(),
  role: z.string().nullable(),
  connections: count(),
});
/** What collectStats answers; GET /api/admin/stats adds `api` (registry, admission, cache). */
export const statsSchema = z.strictObject({
  agencies: z.strictObject({
    byStatus: z.array(z.strictObject({ status: z.string(), agencies: count() })),
    bySchemaVersion: z.array(
      z.strictObject({ schemaVersion: z.string(), agencies: count(), failed: count() }),
    ),
    byCluster: z.array(z.strictObject({
      cluster: z.string(),
      region: z.string(),
      state: z.string(),
      maxAgencies: count(),
      agencies: count(),
    })),
  }),
  /** Cold agencies, counted apart: no database, only their dumps (src/tenancy/cold/). */
  cold: coldStatusSchema,
  databases: z.strictObject({
    count: count(),
    totalBytes: count(),
    largest: z.array(largest),
  }),
  connections: z.array(connection),
  /** Summed over the clusters' PgBouncers; absent without any admin console. */
  pooler: z.strictObject({
    pools: count(),
    serverConnections: z.record(z.string(), count()),
    clients: z.record(z.string(), count()),
  }).optional(),
  /** Each cluster's own figures, or why it could not be read. */
  clusters: z.array(z.strictObject({
    cluster: z.string(),
    databases: z.strictObject({ count: count(), totalBytes: count(), largest: z.array(largest) }).optional(),
    connections: z.array(connection).optional(),
    /** Streaming replicas as the primary sees them. */
    replicas: z.array(z.strictObject({
      replica: z.string(),
      state: z.string(),
      lagSeconds: z.number(),
      lagBytes: z.number(),
    })).optional(),
    /** Absent without a PgBouncer admin console. */
    pooler: z.strictObject({
      pools: count(),
      serverConnections: z.record(z.string(), count()),
      clients: z.record(z.string(), count()),
      /** PgBouncer's SHOW POOLS rows, as it names their columns. */
      busiestPools: z.array(z.record(z.string(), z.unknown())),
      totals: z.record(z.string(), z.number()),
    }).optional(),
    /** Its backups and WAL archiving (src/backups/status.ts). */
    backups: backupStatusSchema.optional(),
    error: z.string().optional(),
  })),
});

export async function collectStats(control: Sql, clusters: Cluster[]) {
  const [byStatus, bySchemaVersion, byCluster, perCluster, cold] = await Promise.all([
    control`select status, count(*)::int as agencies from agencies group by status order by status`,
    control`
      select coalesce(schema_version, 'none') as schema_version, count(*)::int as agencies,
        count(*) filter (where last_migration_error is not null)::int as failed
      from agencies where status in ('active', 'suspended') group by 1 order by 1`,
    control`
      select c.name as cluster, c.region, c.state, c.max_agencies,
        count(a.id) filter (where a.status in ('active', 'suspended'))::int as agencies
      from clusters c left join agencies a on a.cluster = c.name
      group by c.name order by c.name`,
    Promise.all(clusters.map(clusterStats)),
    coldStatus(control),
  ]);
  const backups = await backupStatus(control, clusters);
  const reachable = perCluster.filter((c) => !c.error);
  const sum = (pick: (c: (typeof reachable)[number]) => number) => reachable.reduce((n, c) => n + pick(c), 0);
  const pools = reachable.flatMap((c) => (c.pooler ? [c.pooler] : []));
  return {
    agencies: { byStatus, bySchemaVersion, byCluster },
    cold,
    databases: {
      count: sum((c) => c.databases!.count),
      totalBytes: sum((c) => c.databases!.totalBytes),
      largest: reachable.flatMap((c) => c.databases!.largest).sort((a, b) => b.bytes - a.bytes).slice(0, 20),
    },
    connections: reachable.flatMap((c) => c.connections!),
    pooler: pools.length
      ? {
        pools: pools.reduce((n, p) => n + p.pools, 0),
        serverConnections: addUp(pools.map((p) => p.serverConnections)),
        clients: addUp(pools.map((p) => p.clients)),
      }
      : undefined,
    clusters: perCluster.map((c) => ({ ...c, backups: backups.get(c.cluster) })),
  };
}

const addUp = (rows: Record<string, number>[]) =>
  rows.reduce((total, row) => {
    for (const [k, v] of Object.entries(row)) total[k] = (total[k] ?? 0) + v;
    return total;
  }, {} as Record<string, number>);

/** One cluster's figures; an unreachable cluster is reported as such, not as a failed request. */
async function clusterStats(cluster: Cluster) {
  const { server } = cluster;
  try {
    // Every database measured once: the count, the total and the largest come from the same sizes.
    const [sizes, connections, replicas, pooler] = await Promise.all([
      agencyDatabaseSizes(cluster),
      server`
        select ${cluster.cluster} as cluster, datname as database, usename as role, count(*)::int as connections
        from pg_stat_activity where datname is not null group by 2, 3 order by 4 desc, 2 limit 50`,
      // Its streaming replicas as the primary sees them (a move's logical walsenders aside).
      server<{ replica: string; state: string; lagSeconds: number; lagBytes: number }[]>`
        select application_name as replica, state, coalesce(extract(epoch from replay_lag), 0)::float8 as lag_seconds,
          coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::float8 as lag_bytes
        from pg_stat_replication where application_name not like 'buildflow\\_move\\_%' order by 1`,
      cluster.poolerAdmin ? poolerStats(cluster.poolerAdmin) : Promise.resolve(undefined),
    ]);
    return {
      cluster: cluster.cluster,
      databases: {
        count: sizes.length,
        totalBytes: sizes.reduce((n, d) => n + d.bytes, 0),
        largest: sizes.slice(0, 20).map((d) => ({ cluster: cluster.cluster, ...d })),
      },
      connections,
      replicas,
      pooler,
    };
  } catch (error) {
    return { cluster: cluster.cluster, error: String((error as Error)?.message ?? error) };
  }
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
