// The clusters agencies live on, as the catalog lists them, each resolved into one value: its control
// plane (admin connection and URL), its pooler for the app role, its PgBouncer console, and the
// superuser URL only the mover uses. The catalog holds no password: each row names the secrets
// (environment variables or keys of CLUSTER_SECRETS_FILE) that carry its URLs.
import { appRoleOf, type Servers, serverSecrets } from "../config.ts";
import { connect, type Sql } from "../platform/db.ts";
import type { ControlPlane } from "./control-plane.ts";
import { createPoolerAdmin, type PoolerAdmin } from "./pooler-admin.ts";

export const CLUSTER_STATES = ["open", "draining", "closed"] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

export type ClusterRow = {
  name: string;
  region: string;
  state: ClusterState;
  maxAgencies: number;
  maxBytes: string | null;
  directDsnRef: string;
  poolerDsnRef: string;
  poolerAdminDsnRef: string | null;
  superuserDsnRef: string | null;
  replicas: { name: string; poolerDsnRef: string }[];
};

/** A streaming replica of a cluster, reached through its own PgBouncer with the app role. */
export type Replica = {
  name: string;
  poolerUrl: string;
  /** One app-role connection through its pooler: the replay position is polled on it. */
  pooler: Sql;
};

export type Cluster = ControlPlane & {
  region: string;
  state: ClusterState;
  maxAgencies: number;
  maxBytes: number | null;
  /** The app role through this cluster's PgBouncer (agency databases by swapping the name). */
  poolerUrl: string;
  /** This cluster's PgBouncer console, when configured (KILL/RESUME/PAUSE, SHOW POOLS). */
  poolerAdmin?: PoolerAdmin;
  /** A superuser of this cluster: the mover's logical replication only. */
  superuserUrl?: string;
  /** One app-role connection through the pooler, for readiness (and the primary's WAL position). */
  pooler: Sql;
  /** Its streaming replicas (read routing: src/tenancy/replica-router.ts). */
  replicas: Replica[];
};

/** A cluster the catalog lists but this process cannot use: a secret is missing. */
export class ClusterConfigError extends Error {
  override name = "ClusterConfigError";
}

/** The secrets the catalog's own cluster (the seed row `local`) names: the catalog's variables. */
export const CATALOG_CLUSTER_REFS = {
  directDsnRef: "DATABASE_URL",
  poolerDsnRef: "POOLER_URL",
  poolerAdminDsnRef: "POOLER_ADMIN_URL",
  superuserDsnRef: "CLUSTER_LOCAL_SUPERUSER_URL",
};

/** The secret a replica's row names by default: `CLUSTER_<CLUSTER>_REPLICA_<NAME>_POOLER_URL`. */
export const replicaSecretRef = (cluster: string, name: string) =>
  `CLUSTER_${cluster.toUpperCase().replaceAll("-", "_")}_REPLICA_${
    name.toUpperCase().replaceAll("-", "_")
  }_POOLER_URL`;

/** The secret names a new cluster gets by default: `CLUSTER_<NAME>_DATABASE_URL` and so on. */
export function defaultSecretRefs(name: string) {
  const stem = `CLUSTER_${name.toUpperCase().replaceAll("-", "_")}`;
  return {
    directDsnRef: `${stem}_DATABASE_URL`,
    poolerDsnRef: `${stem}_POOLER_URL`,
    poolerAdminDsnRef: `${stem}_POOLER_ADMIN_URL`,
    superuserDsnRef: `${stem}_SUPERUSER_URL`,
  };
}

export async function clusterRows(control: Sql): Promise<ClusterRow[]> {
  return await control<ClusterRow[]>`
    select name, region, state, max_agencies, max_bytes, direct_dsn_ref, pooler_dsn_ref,
      pooler_admin_dsn_ref, superuser_dsn_ref,
      coalesce((select json_agg(json_build_object('name', r.name, 'poolerDsnRef', r.pooler_dsn_ref) order by r.name)
        from cluster_replicas r where r.cluster = clusters.name), '[]') as replicas
    from clusters order by name`;
}

/** The clusters the catalog (reached over `control`, the admin role's direct connection) lists,
 * resolved with the secrets `servers` carries. */
export function createClusterDirectory(control: Sql, servers: Servers) {
  const catalogUrl = servers.databaseUrl;
  const appRole = appRoleOf(servers);
  const secrets = serverSecrets(servers);
  const live = new Map<string, Cluster>();
  const owned: { end(options: { timeout: number }): Promise<unknown> }[] = [];

  function secret(row: ClusterRow, ref: string | null, what: string, required: true): string;
  function secret(row: ClusterRow, ref: string | null, what: string, required: false): string | undefined;
  function secret(row: ClusterRow, ref: string | null, what: string, required: boolean) {
    const value = ref ? secrets[ref] : undefined;
    if (required && !value) {
      throw new ClusterConfigError(`cluster ${row.name}: its ${what} secret ${ref} is not set`);
    }
    return value;
  }

  function build(row: ClusterRow): Cluster {
    const databaseUrl = secret(row, row.directDsnRef, "admin URL", true);
    const poolerUrl = secret(row, row.poolerDsnRef, "pooler URL", true);
    const poolerAdminUrl = secret(row, row.poolerAdminDsnRef, "pooler console URL", false);
    const server = databaseUrl === catalogUrl
      ? control
      : connect(databaseUrl, { max: 4, applicationName: "buildflow-control" });
    const pooler = connect(poolerUrl, { max: 1, applicationName: "buildflow-ready" });
    const poolerAdmin = poolerAdminUrl ? createPoolerAdmin(poolerAdminUrl) : undefined;
    if (server !== control) owned.push(server);
    owned.push(pooler, ...(poolerAdmin ? [poolerAdmin] : []));
    const replicas = row.replicas.map((r) => buildReplica(row, r));
    return {
      control,
      catalogUrl,
      cluster: row.name,
      server,
      databaseUrl,
      appRole,
      region: row.region,
      state: row.state,
      maxAgencies: row.maxAgencies,
      maxBytes: row.maxBytes === null ? null : Number(row.maxBytes),
      poolerUrl,
      poolerAdmin,
      superuserUrl: secret(row, row.superuserDsnRef, "superuser URL", false),
      pooler,
      replicas,
    };
  }

  function buildReplica(row: ClusterRow, r: ClusterRow["replicas"][number]): Replica {
    const poolerUrl = secret(row, r.poolerDsnRef, `replica ${r.name}'s pooler URL`, true);
    const pooler = connect(poolerUrl, { max: 1, applicationName: "buildflow-replica-poll" });
    owned.push(pooler);
    return { name: r.name, poolerUrl, pooler };
  }

  /** Brings the live set in line with the catalog: new clusters built, settings refreshed. */
  function absorb(rows: ClusterRow[]): Cluster[] {
    return rows.map((row) => {
      const known = live.get(row.name);
      if (known) {
        // A replica listed since is added; one no longer listed leaves rotation (its client stays
        // open until close: a request may hold it).
        const replicas = row.replicas.map((r) =>
          known.replicas.find((k) => k.name === r.name) ?? buildReplica(row, r)
        );
        return Object.assign(known, { region: row.region, state: row.state, replicas });
      }
      const cluster = build(row);
      live.set(row.name, cluster);
      return cluster;
    });
  }

  return {
    /** The named cluster; throws ClusterConfigError for one the catalog does not list. */
    async get(name: string): Promise<Cluster> {
      const known = live.get(name);
      if (known) return known;
      absorb(await clusterRows(control));
      const cluster = live.get(name);
      if (!cluster) throw new ClusterConfigError(`no cluster named ${name} in the catalog`);
      return cluster;
    },
    /** Every cluster the catalog lists, with its current state and region. */
    all: async (): Promise<Cluster[]> => absorb(await clusterRows(control)),
    /** The clusters built so far, without asking the catalog (stats, metrics). */
    known: (): Cluster[] => [...live.values()],
    /** One of those, by name (the request path: no catalog query). */
    loaded: (name: string): Cluster | undefined => live.get(name),
    async close(): Promise<void> {
      // Bounded: a query waiting on a server that died (a crashed replica, behind its pooler) never ends.
      await Promise.all(owned.map((client) => client.end({ timeout: 5 })));
      live.clear();
      owned.length = 0;
    },
  };
}

export type ClusterDirectory = ReturnType<typeof createClusterDirectory>;
