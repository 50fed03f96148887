// The embedded local stack: a PostgreSQL cluster and a PgBouncer under one directory, run as the
// `postgres` system user when we are root. Used by `deno task dev`, the tests and the bench.
import postgres from "postgres";
import type { Servers } from "../config.ts";
import { type Cluster, initCluster, startCluster, stopCluster } from "./postgres-cluster.ts";
import { type Pooler, startPooler, stopPooler } from "./pgbouncer.ts";
import {
  connectionBudget,
  DEFAULT_CONNECTION_BUDGET,
  SUPERUSER_RESERVED,
} from "../platform/connection-budget.ts";
import { basename, dirname } from "node:path";
import { isRoot, run, serviceUserName } from "../platform/command.ts";
import { freePort } from "./ports.ts";
import type { Tools } from "./tools.ts";

export const ADMIN_ROLE = "buildflow_admin";
export const APP_ROLE = "buildflow_app";
export const MAIN_DATABASE = "buildflow";

type Secrets = { superPassword: string; adminPassword: string; appPassword: string; jwtSecret: string };

export type LocalStack = {
  servers: Required<Servers>;
  jwtSecret: string;
  /** Superuser URL of the main database, for tests and the bench only; the API never gets it. */
  superuserUrl: string;
  /** Where the cluster, its sockets and PgBouncer live (the stack's directory, or one the service
   * user can reach). */
  serverDir: string;
  /** The two servers, for restarting one (startCluster/stopCluster, startPooler/stopPooler). */
  cluster: Cluster;
  pooler: Pooler;
  stop(): Promise<void>;
};

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

async function loadSecrets(path: string): Promise<Secrets> {
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch {
    const secrets = {
      superPassword: randomHex(16),
      adminPassword: randomHex(16),
      appPassword: randomHex(16),
      jwtSecret: randomHex(32),
    };
    await Deno.writeTextFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
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

/** The directory for the cluster, its sockets and PgBouncer: `dir` when the service user can enter
 * it, else one of its own per `dir` (as root, a checkout under /root is out of the postgres user's
 * reach). Secrets and stack.json stay in `dir`. */
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

export async function bootLocalStack(
  dir: string,
  tools: Tools,
  options: { fresh?: boolean; limits?: AppRoleLimits; budget?: number } = {},
) {
  const budget = connectionBudget(options.budget ?? DEFAULT_CONNECTION_BUDGET);
  const serverDir = await serverDirFor(dir);
  const cluster: Cluster = {
    dataDir: `${serverDir}/pg`,
    runDir: `${serverDir}/run`,
    port: freePort(),
    pgBin: tools.pgBin,
    settings: {
      max_connections: budget.maxConnections,
      superuser_reserved_connections: SUPERUSER_RESERVED,
      autovacuum_naptime: budget.autovacuumNaptimeSeconds,
    },
    peer: { role: APP_ROLE, osUser: serviceUserName() },
  };
  const poolerDir = `${serverDir}/pgbouncer`;
  if (options.fresh) {
    await stopPooler({ dir: poolerDir });
    await stopCluster(cluster).catch(() => {});
    for (const d of new Set([dir, serverDir])) await Deno.remove(d, { recursive: true }).catch(() => {});
    await serverDirFor(dir);
  }
  const secrets = await loadSecrets(`${dir}/secrets.json`);
  await initCluster(cluster, secrets.superPassword);
  await startCluster(cluster);

  const superuserUrl = `postgres://postgres:${secrets.superPassword}@127.0.0.1:${cluster.port}/postgres`;
  const verifiers = await bootstrapRoles(superuserUrl, secrets, options.limits ?? APP_ROLE_LIMITS);
  const pooler: Pooler = {
    dir: poolerDir,
    port: freePort(),
    postgres: { socketDir: cluster.runDir, port: cluster.port },
    binary: tools.pgbouncer,
    adminUser: ADMIN_ROLE,
    secrets: verifiers,
    maxUserConnections: budget.maxUserConnections,
  };
  try {
    await startPooler(pooler);
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }

  const at = (user: string, password: string, port: number, db: string) =>
    `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  return {
    servers: {
      databaseUrl: at(ADMIN_ROLE, secrets.adminPassword, cluster.port, MAIN_DATABASE),
      poolerUrl: at(APP_ROLE, secrets.appPassword, pooler.port, MAIN_DATABASE),
      poolerAdminUrl: at(ADMIN_ROLE, secrets.adminPassword, pooler.port, "pgbouncer"),
    },
    jwtSecret: secrets.jwtSecret,
    superuserUrl: superuserUrl.replace(/\/postgres$/, `/${MAIN_DATABASE}`),
    serverDir,
    cluster,
    pooler,
    async stop() {
      await stopPooler(pooler);
      await stopCluster(cluster);
    },
  } satisfies LocalStack;
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
    const rows = await sql<{ rolname: string; rolpassword: string }[]>`
      select rolname, rolpassword from pg_authid where rolname in ${sql([ADMIN_ROLE, APP_ROLE])}`;
    return Object.fromEntries(rows.map((r) => [r.rolname, r.rolpassword]));
  } finally {
    await sql.end();
  }
}
