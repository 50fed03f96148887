// The local stack's clusters in the catalog: the secrets each one's row names (from the URLs the
// stack booted, or stack.json), and the rows themselves, with their replicas.
import type { Sql } from "../platform/db.ts";
import { CATALOG_CLUSTER_REFS, defaultSecretRefs, replicaSecretRef } from "../tenancy/cluster-directory.ts";
import type { LocalCluster } from "./index.ts";
import type { LocalReplica } from "./replicas.ts";

/** The secrets each local cluster's catalog row names: the first keeps the catalog's own (the seed
 * row's: DATABASE_URL…, so single-cluster settings work unchanged), the others their defaults. */
const localRefs = (i: number, name: string) => (i === 0 ? CATALOG_CLUSTER_REFS : defaultSecretRefs(name));

/** A local cluster as stack.json lists it (URLs only). */
export type LocalClusterFile = Omit<LocalCluster, "server" | "pooler" | "replicas"> & {
  replicas?: Pick<LocalReplica, "name" | "databaseUrl" | "poolerUrl">[];
};

/** The secrets each local cluster's catalog row names (src/tenancy/cluster-directory.ts), from the
 * clusters stack.json lists. */
export function localClusterSecrets(clusters: LocalClusterFile[]) {
  return Object.fromEntries(clusters.flatMap((c, i) => {
    const replicas = (c.replicas ?? []).map((r) => [replicaSecretRef(c.name, r.name), r.poolerUrl]);
    // The catalog's own URLs are the servers' (DATABASE_URL…), not secrets of their own.
    if (i === 0) return [[CATALOG_CLUSTER_REFS.superuserDsnRef, c.superuserUrl], ...replicas];
    const refs = localRefs(i, c.name);
    return [
      ...replicas,
      [refs.directDsnRef, c.databaseUrl],
      [refs.poolerDsnRef, c.poolerUrl],
      [refs.poolerAdminDsnRef, c.poolerAdminUrl],
      [refs.superuserDsnRef, c.superuserUrl],
    ];
  }));
}

/** Lists the local clusters in the catalog (after its migrations), each naming its default secrets. */
export async function registerLocalClusters(control: Sql, clusters: LocalClusterFile[]) {
  for (const [i, { name, region, replicas = [] }] of clusters.entries()) {
    const refs = localRefs(i, name);
    await control`
      insert into clusters (name, region, direct_dsn_ref, pooler_dsn_ref, pooler_admin_dsn_ref, superuser_dsn_ref)
      values (${name}, ${region}, ${refs.directDsnRef}, ${refs.poolerDsnRef}, ${refs.poolerAdminDsnRef},
        ${refs.superuserDsnRef})
      on conflict (name) do update set region = excluded.region, direct_dsn_ref = excluded.direct_dsn_ref,
        pooler_dsn_ref = excluded.pooler_dsn_ref, pooler_admin_dsn_ref = excluded.pooler_admin_dsn_ref,
        superuser_dsn_ref = excluded.superuser_dsn_ref`;
    // Exactly this start's replicas (a restart with fewer leaves none behind in the catalog).
    const names = replicas.map((r) => r.name);
    await control`
      delete from cluster_replicas
      where cluster = ${name} and not (name = any(string_to_array(${names.join(",")}, ',')))`;
    for (const replica of replicas) {
      await control`
        insert into cluster_replicas (cluster, name, pooler_dsn_ref)
        values (${name}, ${replica.name}, ${replicaSecretRef(name, replica.name)})
        on conflict (cluster, name) do update set pooler_dsn_ref = excluded.pooler_dsn_ref`;
    }
  }
}
