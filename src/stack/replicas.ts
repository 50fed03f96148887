// The local stack's read replicas (LOCAL_REPLICAS): a hot standby of a local cluster, copied with
// pg_basebackup and streaming from it (hot_standby_feedback on, so its reads do not get their rows
// vacuumed away under them), with a PgBouncer of its own.
import { baseBackup, type Cluster, startCluster, stopCluster } from "../platform/postgres-cluster.ts";
import { type Pooler, startPooler, stopPooler } from "./pgbouncer.ts";
import { freePort } from "../platform/ports.ts";

export type LocalReplica = {
  name: string;
  /** The admin role, direct (read-only: a standby). */
  databaseUrl: string;
  /** The app role, through the replica's PgBouncer. */
  poolerUrl: string;
  server: Cluster;
  pooler: Pooler;
};

export const localReplicaName = (i: number) => `r${i + 1}`;

/** Copies (first time only) and starts the standby of `primary`, then its pooler. */
export async function startLocalReplica(
  name: string,
  base: string,
  primary: { server: Cluster; pooler: Pooler },
  superPassword: string,
  urls: (port: number, poolerPort: number) => { databaseUrl: string; poolerUrl: string },
): Promise<LocalReplica> {
  const server: Cluster = {
    ...primary.server,
    dataDir: `${base}/pg`,
    runDir: `${base}/run`,
    port: freePort(),
    settings: { ...primary.server.settings, hot_standby: "on", hot_standby_feedback: "on" },
    standby: { primaryPort: primary.server.port, password: superPassword, name },
  };
  const pooler: Pooler = {
    ...primary.pooler,
    dir: `${base}/pgbouncer`,
    port: freePort(),
    postgres: { socketDir: server.runDir, port: server.port },
  };
  await baseBackup(server);
  await startCluster(server);
  try {
    await startPooler(pooler);
  } catch (error) {
    await stopCluster(server);
    throw error;
  }
  return { name, ...urls(server.port, pooler.port), server, pooler };
}

export async function stopLocalReplica(replica: LocalReplica, immediate = false): Promise<void> {
  await stopPooler(replica.pooler);
  await stopCluster(replica.server, immediate);
}
