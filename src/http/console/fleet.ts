// What the console reads about the fleet, all from the catalog and each cluster's own views: the
// overview's counts and sizes, one page of agencies, and one agency in full. Never one query per
// agency: a page's database sizes come in one statement per cluster.
import { type Agency, agencyColumns, type AgencyStatus, findAgency } from "../../catalog/agencies.ts";
import { findPlan } from "../../catalog/plans.ts";
import type { PlanLimits } from "../../limits/plan-limits.ts";
import { cursorKeyColumn, keysetPage, olderThan } from "../../platform/cursor.ts";
import type { Sql } from "../../platform/db.ts";
import { createLoadingCache } from "../../platform/loading-cache.ts";
import type { ClusterDirectory } from "../../tenancy/cluster-directory.ts";
import { backupStatus } from "../../backups/status.ts";
import { agencyDatabaseSizes, type DatabaseSize, withDatabase } from "../../tenancy/control-plane.ts";

export type FleetDeps = {
  /** The catalog, admin role, direct. */
  control: Sql;
  clusters: ClusterDirectory;
  limits: PlanLimits;
};

export type Count = { key: string; agencies: number };
export type AgencyEvent = {
  agencyId: string;
  agencyName: string;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  createdAt: Date;
};

/** Agencies whose database is behind the tenant template (they answer 503 until tenants:migrate). */
const behindTemplate = (sql: Sql) =>
  sql`a.cluster = t.cluster and a.status in ('active', 'suspended')
    and a.schema_version is distinct from t.schema_version`;

export function createFleet(deps: FleetDeps) {
  const { control } = deps;
  // Summing every agency database's size walks each one's files: at most once a minute.
  const sizes = createLoadingCache<{ total: number; count: number; largest: DatabaseSize[] }>({
    ttlMs: 60_000,
    max: 1,
  });
  const allSizes = async () => {
    const rows =
      (await Promise.all((await deps.clusters.all()).map((cluster) => agencyDatabaseSizes(cluster))))
        .flat().sort((a, b) => b.bytes - a.bytes);
    return { total: rows.reduce((n, r) => n + r.bytes, 0), count: rows.length, largest: rows.slice(0, 5) };
  };
  /** App-role backends and connection slots, summed over the clusters; every PgBouncer's pools. */
  const servers = async () => {
    const clusters = await deps.clusters.all();
    const [connections, pools] = await Promise.all([
      Promise.all(
        clusters.map(async (cluster) =>
          (await cluster.server<{ appRole: number; maxConnections: number }[]>`
          select count(*) filter (where usename = ${cluster.appRole})::int as app_role,
            current_setting('max_connections')::int as max_connections
          from pg_stat_activity`)[0]
        ),
      ),
      Promise.all(clusters.map((cluster) => cluster.poolerAdmin?.pools() ?? [])),
    ]);
    return {
      connections: {
        appRole: connections.reduce((n, c) => n + c.appRole, 0),
        maxConnections: connections.reduce((n, c) => n + c.maxConnections, 0),
        /** Each cluster has the connection budget of its own. */
        clusters: clusters.length,
      },
      pools: clusters.some((c) => c.poolerAdmin) ? pools.flat() : undefined,
    };
  };

  return {
    async overview() {
      const [groups, [behind], events, { connections, pools }, databases] = await Promise.all([
        control<{ status: string | null; plan: string | null; cluster: string | null; agencies: number }[]>`
          select status, subscription_plan as plan, cluster, count(*)::int as agencies from agencies
          group by grouping sets ((status), (subscription_plan), (cluster)) order by 4 desc`,
        control<{ agencies: number; template: string | null }[]>`
          select count(a.id)::int as agencies, max(t.schema_version) as template
          from tenant_template t left join agencies a on ${behindTemplate(control)}`,
        latestEvents(control),
        servers(),
        sizes.get("all", allSizes),
      ]);
      const backups = [...(await backupStatus(control, await deps.clusters.all()))]
        .map(([cluster, status]) => ({ cluster, ...status }));
      const by = (key: "status" | "plan" | "cluster"): Count[] =>
        groups.filter((g) => g[key] !== null).map((g) => ({ key: g[key]!, agencies: g.agencies }));
      return {
        byStatus: by("status"),
        byPlan: by("plan"),
        byCluster: by("cluster"),
        behind,
        events,
        connections,
        pools: pools && {
          total: pools.length,
          inUse: pools.filter((p) => Number(p.svActive) + Number(p.svIdle) + Number(p.svUsed) > 0).length,
          waiting: pools.reduce((n, p) => n + Number(p.clWaiting ?? 0), 0),
        },
        databases: databases!,
        backups,
      };
    },

    /** One page of agencies, newest first, from the catalog; sizes of the page's databases in one
     * statement (an archived or deleted agency has none). */
    async agencies(filter: AgencyFilter, limit = 50) {
      const search = filter.q && `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const rows = await control<(Agency & { cursorKey: string })[]>`
        select ${agencyColumns(control)}, ${cursorKeyColumn(control)} from agencies
        where ${olderThan(control, filter.cursor)}
          ${search ? control`and (name ilike ${search} or domain ilike ${search})` : control``}
          ${filter.status ? control`and status = ${filter.status}` : control``}
          ${filter.plan ? control`and subscription_plan = ${filter.plan}` : control``}
          ${filter.cluster ? control`and cluster = ${filter.cluster}` : control``}
        order by created_at desc, id desc limit ${limit + 1}`;
      const page = keysetPage(rows, limit) as { data: Agency[]; nextCursor: string | null };
      const byCluster = Map.groupBy(page.data, (a) => a.cluster);
      const found = await Promise.all(
        [...byCluster].map(async ([name, agencies]) =>
          agencyDatabaseSizes(await deps.clusters.get(name), agencies.map((a) => a.databaseName))
        ),
      );
      const bytes = new Map(found.flat().map((s) => [s.database, s.bytes]));
      return { ...page, sizes: bytes };
    },

    /** The clusters an agency may be moved to. */
    async openClusters() {
      return (await control<{ name: string }[]>`select name from clusters where state = 'open' order by name`)
        .map((c) => c.name);
    },

    /** The choices the agencies page filters by. */
    async filters() {
      const [plans, clusters] = await Promise.all([
        control<{ code: string }[]>`select code from subscription_plans order by price_inr, code`,
        control<{ name: string }[]>`select name from clusters order by name`,
      ]);
      return { plans: plans.map((p) => p.code), clusters: clusters.map((c) => c.name) };
    },

    /** One agency, its events, and (while its database exists) its size, users and plan usage. */
    async agency(id: string) {
      const agency = await findAgency(control, { id });
      if (!agency) return undefined;
      const [events, plan, usage, backups] = await Promise.all([
        control<(AgencyEvent & { details: Record<string, unknown> })[]>`
          select agency_id, ${agency.name} as agency_name, event, from_status, to_status, actor, created_at,
            details
          from agency_events where agency_id = ${id} order by id desc limit 100`,
        findPlan(control, agency.subscriptionPlan),
        hasDatabase(agency.status) ? usageOf(deps, agency) : undefined,
        deps.clusters.get(agency.cluster).then((c) => backupStatus(control, [c])),
      ]);
      const lastRestore = events.find((e) => e.event === "agency.restored");
      return {
        agency,
        events,
        plan,
        usage,
        /** How far back its cluster's backups reach (a point-in-time restore's window). */
        recoverableFrom: backups.get(agency.cluster)?.recoverableFrom ?? null,
        /** Its latest restore can be undone (the state it replaced was archived). */
        undoable: Boolean(lastRestore?.details.previousArchive),
      };
    },
  };
}

export type AgencyFilter = {
  q?: string;
  status?: AgencyStatus;
  plan?: string;
  cluster?: string;
  cursor?: string;
};

export type Fleet = ReturnType<typeof createFleet>;

const hasDatabase = (status: AgencyStatus) => status === "active" || status === "suspended";

/** Counted over a short-lived direct connection: the control plane's, never the tenant path's. */
async function usageOf(deps: FleetDeps, agency: Agency) {
  try {
    return await withDatabase(await deps.clusters.get(agency.cluster), agency.databaseName, async (sql) => {
      const [counts, [{ bytes }]] = await Promise.all([
        deps.limits.counts(sql),
        sql<{ bytes: number }[]>`select pg_database_size(current_database())::float8 as bytes`,
      ]);
      return { ...counts, bytes };
    });
  } catch (error) {
    return { error: String((error as Error)?.message ?? error) };
  }
}

async function latestEvents(control: Sql, limit = 15) {
  return await control<AgencyEvent[]>`
    select e.agency_id, a.name as agency_name, e.event, e.from_status, e.to_status, e.actor, e.created_at
    from agency_events e join agencies a on a.id = e.agency_id order by e.id desc limit ${limit}`;
}
