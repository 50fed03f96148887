// The bench's servers: a fresh local stack in a temp dir (like tests/support/global-setup.ts), or the
// configured DATABASE_URL / POOLER_URL; and the API, in this process or as a child process.
import { appRoleOf, type Config, loadConfig, type Servers } from "../../src/config.ts";
import type { RunningApi } from "../../src/main.ts";
import { type ConnectionBudget, connectionBudget } from "../../src/platform/connection-budget.ts";
import { connect, type Sql } from "../../src/platform/db.ts";
import { APP_ROLE, bootLocalStack, type LocalCluster } from "../../src/stack/index.ts";
import { freePort, waitForPort } from "../../src/platform/ports.ts";
import { ensureTools } from "../../src/stack/install.ts";
import type { Tools } from "../../src/platform/tools.ts";
import type { ControlPlane } from "../../src/tenancy/control-plane.ts";
import { templateVersion } from "../../src/tenancy/template.ts";
import { prepareServers } from "../../src/cli/context.ts";
import { processTree } from "./cpu.ts";
import { METRICS_TOKEN } from "./metrics.ts";

export type BenchStack = {
  external: boolean;
  dir?: string;
  tools: Tools;
  servers: Servers & { poolerAdminUrl?: string };
  jwtSecret: string;
  /** Superuser (local stack) or admin role (external; it has pg_read_all_stats): for sampling. */
  observerUrl: string;
  appRole: string;
  /** The app role straight to PostgreSQL (same host/port as databaseUrl): baselines only. */
  appDirectUrl: (database: string) => string;
  /** The app role through PgBouncer to `database`. */
  appPooledUrl: (database: string) => string;
  /** The admin role straight to `database`. */
  adminUrl: (database: string) => string;
  controlPlane: ControlPlane;
  /** PG_CONNECTION_BUDGET as this run's stack applies it: app-role backends never exceed
   * `appBackends` (PgBouncer's cap + one backend still exiting). On configured servers it is the
   * configured figure, which the servers are assumed to follow. */
  budget: ConnectionBudget;
  templateVersion: string;
  bootMs: number;
  stop(): Promise<void>;
};

const withDb = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
};

export async function bootBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const started = performance.now();
  const env = Deno.env.toObject();
  const config = loadConfig({ ...env, APP_ENV: "test" });
  const tools = await ensureTools(config, "bench");
  let dir: string | undefined;
  let servers: BenchStack["servers"];
  let jwtSecret: string;
  let observerUrl: string;
  let stopStack = async () => {};
  let localClusters: LocalCluster[] | undefined;
  if (env.DATABASE_URL && env.POOLER_URL) {
    servers = {
      databaseUrl: env.DATABASE_URL,
      poolerUrl: env.POOLER_URL,
      poolerAdminUrl: env.POOLER_ADMIN_URL,
    };
    if (!config.JWT_SECRET) throw new Error("JWT_SECRET must be set with DATABASE_URL/POOLER_URL");
    jwtSecret = config.JWT_SECRET;
    observerUrl = env.DATABASE_URL;
    log(`using configured servers (DATABASE_URL, POOLER_URL)`);
  } else {
    dir = await Deno.makeTempDir({ prefix: "buildflow-bench-" });
    await Deno.chmod(dir, 0o755); // the postgres system user must reach its data directory
    log(`booting a local stack in ${dir}`);
    const stack = await bootLocalStack(dir, tools, { budget: config.PG_CONNECTION_BUDGET });
    servers = stack.servers;
    localClusters = stack.clusters;
    jwtSecret = stack.jwtSecret;
    observerUrl = stack.superuserUrl;
    const benchDir = dir;
    stopStack = async () => {
      const started = performance.now();
      await stack.stop();
      const stopped = performance.now();
      await Deno.remove(benchDir, { recursive: true }).catch(() => {});
      log(
        `stack stopped in ${((stopped - started) / 1000).toFixed(1)} s, temp dir removed in ${
          ((performance.now() - stopped) / 1000).toFixed(1)
        } s`,
      );
    };
  }
  const appRole = appRoleOf(servers);
  const control = connect(servers.databaseUrl, { max: 4, applicationName: "buildflow-bench" });
  // The catalog's own cluster: where the bench's agencies live.
  const controlPlane: ControlPlane = {
    control,
    catalogUrl: servers.databaseUrl,
    cluster: "local",
    server: control,
    databaseUrl: servers.databaseUrl,
    appRole,
  };
  try {
    await prepareServers(servers, tools.dbmate, localClusters);
    const version = (await templateVersion(controlPlane))!;
    const pooled = new URL(servers.poolerUrl);
    const direct = new URL(servers.databaseUrl);
    direct.username = pooled.username;
    direct.password = pooled.password;
    return {
      external: !dir,
      dir,
      tools,
      servers,
      jwtSecret,
      observerUrl,
      appRole,
      appDirectUrl: (db) => withDb(direct.toString(), db),
      appPooledUrl: (db) => withDb(servers.poolerUrl, db),
      adminUrl: (db) => withDb(servers.databaseUrl, db),
      controlPlane,
      budget: connectionBudget(config.PG_CONNECTION_BUDGET),
      templateVersion: version,
      bootMs: performance.now() - started,
      async stop() {
        await control.end({ timeout: 5 }).catch(() => {});
        await stopStack();
      },
    };
  } catch (error) {
    await control.end({ timeout: 5 }).catch(() => {});
    await stopStack();
    throw error;
  }
}

/** The bench API's configuration: the defaults, plus what the bench needs to drive it. */
export function benchEnv(stack: BenchStack, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ENV: "test",
    LOG_REQUESTS: "false",
    PORT: "0", // a free port (the child API gets its own)
    JWT_SECRET: stack.jwtSecret,
    JWT_TTL_SECONDS: String(4 * 3600),
    // The bench controls spares itself (scenario 1), so each signup takes the path it measures.
    SPARE_DATABASES: "0",
    // Logins and signups come from one host: a distinct X-Forwarded-For each keeps rate limits apart.
    TRUST_PROXY: "true",
    // Loopback only: the bench never listens beyond this machine.
    HOST: "127.0.0.1",
    METRICS_TOKEN,
    // Archives and cold dumps in the stack's temp dir (removed with it), not the checkout's backups/.
    ...(stack.dir ? { BACKUP_DIR: `${stack.dir}/backups` } : {}),
    ...overrides,
  };
}

export function benchConfig(stack: BenchStack, overrides: Record<string, string> = {}): Config {
  return loadConfig(benchEnv(stack, overrides));
}

export type BenchApi = RunningApi;

export type ChildApi = {
  url: string;
  pid: number;
  status(): Promise<Record<string, number>>;
  stop(): Promise<void>;
};

/** The API as its own process, so its memory and CPU are its own: tests/bench/api-child.ts (serveApi
 * as in-process), or `entry` (src/main.ts, which with API_WORKERS > 1 runs `deno serve --parallel`
 * below it; or the bench's floor-server.ts). Stopped with SIGTERM, then SIGKILL after 15 s; any
 * process of its tree still left then is killed by pid. */
export async function startChildApi(
  env: Record<string, string>,
  servers: Servers,
  denoFlags: string[] = [],
  entry = new URL("./api-child.ts", import.meta.url).pathname,
): Promise<ChildApi> {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...denoFlags, entry],
    env: {
      ...env,
      PORT: String(port),
      DATABASE_URL: servers.databaseUrl,
      POOLER_URL: servers.poolerUrl,
      ...(servers.poolerAdminUrl ? { POOLER_ADMIN_URL: servers.poolerAdminUrl } : {}),
    },
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  try {
    await waitForPort(port, 30_000);
  } catch (error) {
    try {
      child.kill("SIGKILL");
    } catch { /* gone */ }
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async status() {
      const text = await Deno.readTextFile(`/proc/${child.pid}/status`);
      const kb = (key: string) => Number(text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? NaN);
      return {
        vmRssKb: kb("VmRSS"),
        vmHwmKb: kb("VmHWM"),
        threads: Number(text.match(/^Threads:\s+(\d+)/m)?.[1]),
      };
    },
    async stop() {
      const tree = processTree(child.pid);
      try {
        child.kill("SIGTERM");
      } catch { /* gone */ }
      const timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 15_000);
      await child.status;
      clearTimeout(timer);
      for (const pid of tree.slice(1)) {
        try {
          Deno.kill(pid, "SIGKILL"); // only a process of this child's tree, by pid, if still there
        } catch { /* gone */ }
      }
    },
  };
}

/** A short-lived client for one-off queries (observer, admin), ended after `work`. */
export async function withSql<T>(url: string, work: (sql: Sql) => Promise<T>, max = 1): Promise<T> {
  const sql = connect(url, { max, applicationName: "buildflow-bench" });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export { APP_ROLE };
