// The embedded local stack: one or more PostgreSQL clusters, each with its PgBouncer, under one
// directory, run as the `postgres` system user when we are root. The catalog lives on the first.
// Used by `deno task dev`, the tests and the bench.
import postgres from "postgres";
import type { Servers } from "../config.ts";
import { type Cluster, initCluster, startCluster, stopCluster } from "../platform/postgres-cluster.ts";
import { type Pooler, startPooler, stopPooler } from "./pgbouncer.ts";
import {
  connectionBudget,
  DEFAULT_CONNECTION_BUDGET,
  SUPERUSER_RESERVED,
} from "../platform/connection-budget.ts";
import { basename, dirname } from "node:path";
import { isRoot, run, serviceUserName } from "../platform/command.ts";
import { freePort } from "../platform/ports.ts";
import type { Tools } from "../platform/tools.ts";
import { localClusterSecrets } from "./local-clusters.ts";
import { type LocalReplica, localReplicaName, startLocalReplica, stopLocalReplica } from "./replicas.ts";
import type { BackupRepository } from "../backups/pgbackrest.ts";
import {
  configureArchiving,
  type LocalArchiving,
  localRepository,
  refuseToReplaceBackedUpCluster,
} from "./archiving.ts";
import { ensureStanza } from "../backups/cluster-backup.ts";

export const ADMIN_ROLE = "buildflow_admin";
export const APP_ROLE = "buildflow_app";
export const MAIN_DATABASE = "buildflow";

type Secrets = {
  superPassword: string;
  adminPassword: string;
  appPassword: string;
  jwtSecret: string;
  metricsToken: string;
  /** The backup repository's aes-256-cbc passphrase. */
  backupCipherPass: string;
};

/** One PostgreSQL cluster of the local stack with its PgBouncer, as stack.json lists it. */
export type LocalCluster = {
  name: string;
  region: string;
  /** Admin role, direct. */
  databaseUrl: string;
  /** App role, through this cluster's PgBouncer. */
  poolerUrl: string;
  poolerAdminUrl: string;
  /** The mover's superuser (logical replication); tests and the bench use it too. */
  superuserUrl: string;
  /** The two servers, for restarting one (startCluster/stopCluster, startPooler/stopPooler). */
  server: Cluster;
  pooler: Pooler;
  /** Its hot standbys, each with its PgBouncer (LOCAL_REPLICAS). */
  replicas: LocalReplica[];
};

export type LocalStack = {
  /** The catalog's servers (the first cluster's), and the secrets every cluster's row names. */
  servers: Required<Servers>;
  jwtSecret: string;
  /** GET /metrics's bearer token for `deno task dev` (unless METRICS_TOKEN is set), kept like the
   * passwords so a local Prometheus keeps scraping across restarts. */
  metricsToken: string;
  /** Superuser URL of the main database, for tests and the bench only; the API never gets it. */
  superuserUrl: string;
  /** Where the clusters, their sockets and PgBouncers live (the stack's directory, or one the service
   * user can reach). */
  serverDir: string;
  /** The first cluster's two servers (the catalog's). */
  cluster: Cluster;
  pooler: Pooler;
  /** Every cluster, the catalog's first. */
  clusters: LocalCluster[];
  /** The backup repository every cluster archives to (one stanza each, the cluster's name); absent
   * when the stack was started without archiving. */
  backups?: BackupRepository;
  /** Stops every server; `immediate` when they must be down at once (no clean checkpoint). */
  stop(options?: { immediate?: boolean }): Promise<void>;
};

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

async function loadSecrets(path: string): Promise<Secrets> {
  let saved: Partial<Secrets> | undefined;
  try {
    saved = JSON.parse(await Deno.readTextFile(path));
  } catch { /* a new stack */ }
  const secrets: Secrets = {
    superPassword: randomHex(16),
    adminPassword: randomHex(16),
    appPassword: randomHex(16),
    jwtSecret: randomHex(32),
    metricsToken: randomHex(32),
    backupCipherPass: randomHex(32),
    ...saved,
  };
  // A new stack, or one from before a secret existed (metricsToken, backupCipherPass): the missing ones are kept now.
  if (Object.keys(secrets).some((key) => !saved || !(key in saved))) {
    await Deno.writeTextFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** What a request may hold on the server: a runaway statement is cancelled (57014, answered 503), a
 * transaction left idle is ended. Set on the app role, so PgBouncer's server connections carry it. */
export type AppRoleLimits = { statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
export const APP_ROLE_LIMITS: AppRoleLimits = {
  statementTimeoutMs: 5000,
  idleInTransactionTimeoutMs: 30_000,
};

// Where the service user keeps a stack's server files when it cannot reach the stack's directory.
const SERVICE_STATE_DIR = "/var/lib/buildflow";

/** The directory for the clusters, their sockets and PgBouncers: `dir` when the service user can
 * enter it, else one of its own per `dir` (as root, a checkout under /root is out of the postgres
 * user's reach). Secrets and stack.json stay in `dir`. */
async function serverDirFor(dir: string): Promise<string> {
  await Deno.mkdir(dir, { recursive: true, mode: 0o755 });
  if (!isRoot()) return dir; // the services run as ourselves
  const reachable = await run(["sh", "-c", 'cd "$1"', "sh", dir], { asServiceUser: true }).then(
    () => true,
    () => false,
  );
  if (reachable) return dir;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(dir)));
  const key = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const serverDir = `${SERVICE_STATE_DIR}/${basename(dirname(dir))}-${key}`;
  await Deno.mkdir(serverDir, { recursive: true, mode: 0o755 });
  await Deno.chmod(SERVICE_STATE_DIR, 0o755);
  await Deno.chmod(serverDir, 0o755);
  return serverDir;
}

/** The local clusters' names: the catalog's own first (`local`, as the catalog's seed row), then
 * `local-2`, `local-3`… */
export const localClusterName = (i: number) => (i === 0 ? "local" : `local-${i + 1}`);
export const LOCAL_REGION = "local";

/** Each cluster's files: the first keeps the single-cluster layout (pg/, run/, pgbouncer/). */
const clusterDir = (
  serverDir: string,
  i: number,
) => (i === 0 ? serverDir : `${serverDir}/${localClusterName(i)}`);

export type LocalStackOptions = {
  fresh?: boolean;
  limits?: AppRoleLimits;
  /** App-role backends per cluster. */
  budget?: number;
  /** How many PostgreSQL clusters, each with its PgBouncer (LOCAL_CLUSTERS). */
  clusters?: number;
  /** Hot standbys per cluster, each with its PgBouncer (LOCAL_REPLICAS). */
  replicas?: number;
  /** Continuous archiving of every cluster to the stack's backup repository (LOCAL_ARCHIVING). */
  archiving?: LocalArchiving;
};

export async function bootLocalStack(dir: string, tools: Tools, options: LocalStackOptions = {}) {
  const count = options.clusters ?? 1;
  const serverDir = await serverDirFor(dir);
  const servers = Array.from(
    { length: count },
    (_, i) => localServers(clusterDir(serverDir, i), tools, options),
  );
  if (options.fresh) {
    for (const { server, pooler } of servers) {
      await stopPooler(pooler);
      await stopCluster(server).catch(() => {});
    }
    for (const d of new Set([dir, serverDir])) await Deno.remove(d, { recursive: true }).catch(() => {});
    await serverDirFor(dir);
  }
  const secrets = await loadSecrets(`${dir}/secrets.json`);
  const archive = options.archiving &&
    localRepository(serverDir, options.archiving.pgbackrest, secrets.backupCipherPass);
  if (archive) {
    const named = servers.map(({ server }, i) => ({ name: localClusterName(i), server }));
    await configureArchiving(archive, named, options.archiving!.archiveTimeoutSeconds);
  }
  const clusters: LocalCluster[] = [];
  const stopAll = async ({ immediate = false } = {}) => {
    for (const c of clusters.toReversed()) {
      for (const replica of c.replicas) await stopLocalReplica(replica, immediate);
      await stopPooler(c.pooler);
      await stopCluster(c.server, immediate);
    }
  };
  try {
    for (const [i, { server, pooler }] of servers.entries()) {
      const stanza = localClusterName(i);
      if (archive) await refuseToReplaceBackedUpCluster(archive.repository, stanza, server.dataDir);
      const cluster = await startLocalCluster(stanza, server, pooler, secrets, options.limits);
      clusters.push(cluster);
      if (archive) {
        await ensureStanza(archive.repository, { cluster: stanza, superuserUrl: cluster.superuserUrl });
      }
      for (let r = 0; r < (options.replicas ?? 0); r++) {
        const name = localReplicaName(r);
        cluster.replicas.push(
          await startLocalReplica(
            name,
            `${clusterDir(serverDir, i)}/replica-${name}`,
            cluster,
            secrets.superPassword,
            (port, poolerPort) => ({
              databaseUrl:
                `postgres://${ADMIN_ROLE}:${secrets.adminPassword}@127.0.0.1:${port}/${MAIN_DATABASE}`,
              poolerUrl:
                `postgres://${APP_ROLE}:${secrets.appPassword}@127.0.0.1:${poolerPort}/${MAIN_DATABASE}`,
            }),
          ),
        );
      }
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const [first] = clusters;
  return {
    servers: {
      databaseUrl: first.databaseUrl,
      poolerUrl: first.poolerUrl,
      poolerAdminUrl: first.poolerAdminUrl,
      secrets: localClusterSecrets(clusters),
    },
    jwtSecret: secrets.jwtSecret,
    metricsToken: secrets.metricsToken,
    superuserUrl: first.superuserUrl,
    serverDir,
    cluster: first.server,
    pooler: first.pooler,
    clusters,
    backups: archive?.repository,
    stop: stopAll,
  } satisfies LocalStack;
}

/** A cluster's server and pooler settings (ports chosen now, nothing started). */
function localServers(base: string, tools: Tools, options: LocalStackOptions) {
  const budget = connectionBudget(options.budget ?? DEFAULT_CONNECTION_BUDGET);
  const server: Cluster = {
    dataDir: `${base}/pg`,
    runDir: `${base}/run`,
    port: freePort(),
    pgBin: tools.pgBin,
    settings: {
      max_connections: budget.maxConnections,
      superuser_reserved_connections: SUPERUSER_RESERVED,
      autovacuum_naptime: budget.autovacuumNaptimeSeconds,
      // The mover: logical replication out of and into every cluster, and a prepared transaction
      // that keeps a moving agency's writes fenced even if the mover dies.
      wal_level: "logical",
      max_prepared_transactions: 16,
      // Each move into the cluster runs an apply worker and up to 2 table-copy workers: the default 4
      // workers starve a third concurrent move (see MOVES_PER_CLUSTER).
      max_worker_processes: 24,
      max_logical_replication_workers: 16,
      // Each commit's time, readable later (pg_xact_commit_timestamp): what a point-in-time restore's
      // target is compared with.
      track_commit_timestamp: "on",
    },
    peer: { role: APP_ROLE, osUser: serviceUserName() },
  };
  const pooler: Pooler = {
    dir: `${base}/pgbouncer`,
    port: freePort(),
    postgres: { socketDir: server.runDir, port: server.port },
    binary: tools.pgbouncer,
    adminUser: ADMIN_ROLE,
    secrets: {},
    maxUserConnections: budget.maxUserConnections,
  };
  return { server, pooler };
}

async function startLocalCluster(
  name: string,
  server: Cluster,
  pooler: Pooler,
  secrets: Secrets,
  limits: AppRoleLimits = APP_ROLE_LIMITS,
): Promise<LocalCluster> {
  await initCluster(server, secrets.superPassword);
  await startCluster(server);
  const at = (user: string, password: string, port: number, db: string) =>
    `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  const superuserUrl = at("postgres", secrets.superPassword, server.port, MAIN_DATABASE);
  try {
    const bootstrapUrl = at("postgres", secrets.superPassword, server.port, "postgres");
    pooler.secrets = await bootstrapRoles(bootstrapUrl, secrets, limits);
    await startPooler(pooler);
  } catch (error) {
    await stopCluster(server);
    throw error;
  }
  return {
    name,
    region: LOCAL_REGION,
    databaseUrl: at(ADMIN_ROLE, secrets.adminPassword, server.port, MAIN_DATABASE),
    poolerUrl: at(APP_ROLE, secrets.appPassword, pooler.port, MAIN_DATABASE),
    poolerAdminUrl: at(ADMIN_ROLE, secrets.adminPassword, pooler.port, "pgbouncer"),
    superuserUrl,
    server,
    pooler,
    replicas: [],
  };
}

/** Backups: a point-in-time restore closes the current WAL segment so that its target is archived, and
 * the metrics count the segments still waiting (src/backups/); as the admin role, in the main database
 * (a function's privileges are per database). */
async function grantBackupFunctions(mainDatabaseUrl: string) {
  const sql = postgres(mainDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`grant execute on function pg_switch_wal() to ${sql(ADMIN_ROLE)}`;
    await sql`grant execute on function pg_ls_archive_statusdir() to ${sql(ADMIN_ROLE)}`;
  } finally {
    await sql.end();
  }
}

/** Creates (or re-keys) the admin and app roles and the main database; returns their SCRAM
 * verifiers for PgBouncer's auth file. */
async function bootstrapRoles(
  superuserUrl: string,
  secrets: Secrets,
  limits: AppRoleLimits,
): Promise<Record<string, string>> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    const roles: [string, string, string][] = [
      // The control plane: may create and drop databases, reads all stats, may end app backends.
      [ADMIN_ROLE, secrets.adminPassword, "LOGIN CREATEDB NOSUPERUSER NOCREATEROLE"],
      // The data plane: no privilege beyond what each database grants it.
      [APP_ROLE, secrets.appPassword, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"],
    ];
    for (const [role, password, attributes] of roles) {
      const [{ exists }] = await sql`select exists (select from pg_roles where rolname = ${role})`;
      if (!exists) await sql`create role ${sql(role)}`;
      // Passwords are our own random hex; DDL takes no bind parameters.
      if (!/^[0-9a-f]+$/.test(password)) throw new Error("generated password is not hex");
      await sql.unsafe(`alter role ${role} with ${attributes} password '${password}'`);
    }
    await sql`grant pg_read_all_stats, pg_signal_backend to ${sql(ADMIN_ROLE)}`;
    // SET takes no bind parameters; the values are integers.
    await sql.unsafe(
      `alter role ${APP_ROLE} set statement_timeout = ${Math.trunc(limits.statementTimeoutMs)}`,
    );
    await sql.unsafe(
      `alter role ${APP_ROLE} set idle_in_transaction_session_timeout = ${
        Math.trunc(limits.idleInTransactionTimeoutMs)
      }`,
    );
    const [{ exists }] = await sql`select exists (select from pg_database where datname = ${MAIN_DATABASE})`;
    if (!exists) await sql`create database ${sql(MAIN_DATABASE)} owner ${sql(ADMIN_ROLE)}`;
    // Only what is granted: the app role reaches the catalog and agency databases, nothing else.
    for (const db of [MAIN_DATABASE, "postgres", "template1"]) {
      await sql`revoke all on database ${sql(db)} from public`;
    }
    await sql`grant connect on database ${sql(MAIN_DATABASE)} to ${sql(APP_ROLE)}`;
    await grantBackupFunctions(superuserUrl.replace(/\/postgres$/, `/${MAIN_DATABASE}`));
    const rows = await sql<{ rolname: string; rolpassword: string }[]>`
      select rolname, rolpassword from pg_authid where rolname in ${sql([ADMIN_ROLE, APP_ROLE])}`;
    return Object.fromEntries(rows.map((r) => [r.rolname, r.rolpassword]));
  } finally {
    await sql.end();
  }
}
