// Configuration: the environment parsed once by one zod schema; nothing else reads Deno.env.
import { z } from "zod";
import { DEFAULT_CONNECTION_BUDGET } from "./platform/connection-budget.ts";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** A duration such as `90s`, `15m`, `24h` or `7d`, as seconds. */
const duration = z.string().regex(/^[1-9]\d{0,6}[smhd]$/, "must be a duration like 90s, 15m, 24h or 7d")
  .transform((v) => Number(v.slice(0, -1)) * UNIT_SECONDS[v.at(-1) as keyof typeof UNIT_SECONDS]);

export const configSchema = z.object({
  APP_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: int(0, 65535).default(8000),
  /** Listen address: all interfaces (containers); 127.0.0.1 keeps a local server to this machine. */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Main database (catalog), admin role, direct to PostgreSQL: the control plane. */
  DATABASE_URL: postgresUrl.optional(),
  /** Main database, app role, through PgBouncer: the data plane. */
  POOLER_URL: postgresUrl.optional(),
  /** PgBouncer's admin console (database `pgbouncer`), for KILL/RESUME and SHOW POOLS. */
  POOLER_ADMIN_URL: postgresUrl.optional(),
  /** A JSON file of cluster secrets, `{"CLUSTER_MUMBAI_2_POOLER_URL": "postgres://…"}`: the URLs the
   * catalog's clusters name (next to CLUSTER_…_URL environment variables, which win). */
  CLUSTER_SECRETS_FILE: z.string().min(1).optional(),
  /** Region of a new agency when its signup names none; unset, any region's clusters. */
  DEFAULT_REGION: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be a region name like in-west").optional(),
  /** How long a moved agency's source database is kept before agencies:sweep drops it. */
  MOVE_SOURCE_GRACE_SECONDS: int(0, 30 * 86_400).default(3600),
  /** Moves copying into one cluster at once (each takes 3 of its max_logical_replication_workers). */
  MOVES_PER_CLUSTER: int(1, 64).default(4),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_ISSUER: z.string().min(1).default("buildflow"),
  JWT_AUDIENCE: z.string().min(1).default("buildflow-api"),
  JWT_TTL_SECONDS: int(60, 86_400 * 30).default(3600),
  BODY_LIMIT_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  /** false: only operators create agencies (POST /api/agencies with a platform token). Open, a signup
   * without a token takes only a self-service plan. */
  OPEN_SIGNUP: flag.default(true),
  /** Live postgres.js clients kept in the registry (one per agency database), LRU-evicted. */
  TENANT_CLIENTS_MAX: int(1, 100_000).default(1000),
  /** Concurrent database operations admitted across all agencies; the rest wait, bounded. Enough to
   * keep the API's one event loop and the database busy; more only lengthens every request, a quiet
   * agency's among them (in flight = throughput × latency): beside 20 flooding agencies, a quiet
   * agency's p95 was 79 ms with 64, 34 ms with 16 and 44 ms with 8 (deno task bench, scenario 11). */
  ADMISSION_CONCURRENCY: int(1, 10_000).default(16),
  ADMISSION_QUEUE: int(0, 1_000_000).default(2000),
  ADMISSION_TIMEOUT_MS: int(1, 120_000).default(3000),
  /** Of those, one agency's at most (its client opens as many connections to PgBouncer, on demand,
   * each used by one request at a time; idle ones close), and how many of its requests may wait:
   * enough to hold a busy agency's burst (refusing it only turns it into a storm of instant retries,
   * each costing CPU the other agencies need: deno task bench, scenario 11), a quarter of the global
   * queue; while n agencies wait, queue / n at most. Past that, 429 for that agency alone. */
  AGENCY_CONCURRENCY: int(1, 100).default(4),
  AGENCY_QUEUE: int(0, 1_000_000).default(500),
  /** 429s held at once until the Retry-After their client ignored (src/tenancy/admission-backoff.ts):
   * each is an open request, memory and a socket. Past it, 429s are answered at once. */
  ADMISSION_HOLD_MAX: int(0, 1_000_000).default(10_000),
  /** How many PostgreSQL clusters the local stack boots, each with its PgBouncer (the catalog on the
   * first); `deno task dev --clusters N` says the same. */
  LOCAL_CLUSTERS: int(1, 8).default(1),
  /** Hot standbys the local stack gives each cluster, each with its PgBouncer (`--replicas N`). */
  LOCAL_REPLICAS: int(0, 4).default(0),
  /** Read replicas: how often each one's replay position is polled, and how far behind (time or
   * WAL bytes) it may fall before it leaves rotation. */
  REPLICA_POLL_MS: int(10, 10_000).default(50),
  REPLICA_MAX_LAG_MS: int(0, 3_600_000).default(5000),
  REPLICA_MAX_LAG_BYTES: int(0, 2 ** 40).default(64 * 1024 * 1024),
  /** The local stack's app-role backends (PgBouncer's cap and PostgreSQL's max_connections follow,
   * src/platform/connection-budget.ts). */
  PG_CONNECTION_BUDGET: int(2, 100_000).default(DEFAULT_CONNECTION_BUDGET),
  /** The local stack's app-role limits (deno task dev): a statement running longer is cancelled and
   * answered 503; a transaction idle longer is ended. Elsewhere they are the server's (compose.yaml). */
  APP_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(5000),
  APP_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  AGENCY_CACHE_TTL_MS: int(0, 3_600_000).default(30_000),
  AGENCY_CACHE_MAX: int(1, 1_000_000).default(20_000),
  /** How long a plan's limits (subscription_plans) are reused; an agency's change of plan applies at
   * once (it is announced like a lifecycle change). */
  PLAN_CACHE_TTL_MS: int(0, 3_600_000).default(30_000),
  /** How long an agency database's measured size (pg_database_size) is reused for its storage limit. */
  STORAGE_CACHE_TTL_MS: int(0, 3_600_000).default(60_000),
  SPARE_DATABASES: int(0, 100).default(2),
  /** Backups and agency archives (pg_dump custom format). */
  BACKUP_DIR: z.string().min(1).default("backups"),
  /** Continuous archiving (pgBackRest, src/backups/): the local stack archives every cluster to its
   * repository (`backups/` beside the clusters) unless this is false. */
  LOCAL_ARCHIVING: flag.default(true),
  /** How long a WAL segment with writes in it may wait before it is archived: the writes a lost server
   * can take with it. */
  ARCHIVE_TIMEOUT: duration.prefault("60s"),
  /** The backup schedule (`deno task dev`, `deno task backups:schedule`), and how far back point-in-time
   * recovery reaches: backup sets older than that (but the one the window starts in) are expired. */
  BACKUP_FULL_EVERY: duration.prefault("7d"),
  BACKUP_DIFF_EVERY: duration.prefault("1d"),
  BACKUP_VERIFY_EVERY: duration.prefault("7d"),
  BACKUP_RETENTION: duration.prefault("30d"),
  /** Logical dumps of every agency on the schedule (as `deno task backup --all`), into BACKUP_DIR: unset,
   * none. Kept by calendar: the newest of each of the last N days, ISO weeks and months. */
  DUMP_EVERY: duration.optional(),
  DUMP_KEEP_DAILY: int(0, 1000).default(7),
  DUMP_KEEP_WEEKLY: int(0, 1000).default(4),
  DUMP_KEEP_MONTHLY: int(0, 1000).default(12),
  /** pgbackrest.conf (the repository and one stanza per cluster, named as the catalog names it);
   * unset, the local stack's. Its passphrase is a secret, never in the file. */
  BACKUP_CONFIG_FILE: z.string().min(1).optional(),
  BACKUP_CIPHER_PASS: z.string().min(20, "must be at least 20 characters").optional(),
  /** Where point-in-time restores and restore drills unpack a cluster (the service user's, with room
   * for the largest cluster); unset, `scratch/` beside BACKUP_CONFIG_FILE. */
  BACKUP_SCRATCH_DIR: z.string().min(1).optional(),
  /** Cold agencies (src/tenancy/cold/). Each instance writes the agencies it served to
   * agencies.last_active_at this often (at most once per agency per interval, never on the request
   * path). The periods themselves are each plan's (GET/PATCH /api/admin/plans), in seconds, so a test
   * plan can go cold in seconds; these set how often the work around them runs. */
  ACTIVITY_FLUSH_INTERVAL: duration.prefault("60s"),
  /** How often one instance (an advisory lock) sends due warnings and takes due agencies cold, and
   * how many it takes cold per run. */
  COLD_SWEEP_INTERVAL: duration.prefault("60s"),
  COLD_SWEEP_BATCH: int(1, 100).default(3),
  /** Wakes restoring into one cluster at once, across instances; past it, 503 agency_waking. */
  WAKES_PER_CLUSTER: int(1, 64).default(2),
  /** The lifecycle webhook (warnings, cold, woken): the product's mailer. Unset, notifications wait
   * in the outbox. Signed with the secret (HMAC-SHA256, `BuildFlow-Signature: t=…,v1=…`). */
  LIFECYCLE_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  LIFECYCLE_WEBHOOK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** How often the outbox is polled; the first retry's delay (doubling each time, at most 6 h); and
   * how many attempts before a notification is given up (recorded). */
  OUTBOX_POLL_INTERVAL: duration.prefault("10s"),
  LIFECYCLE_WEBHOOK_RETRY: duration.prefault("30s"),
  LIFECYCLE_WEBHOOK_ATTEMPTS: int(1, 100).default(12),
  /** How long the last dump of an agency deleted for inactivity (a plan's delete_after_seconds) is kept. */
  DELETED_DUMP_KEEP: duration.prefault("90d"),
  /** Where `deno task dev` keeps its local PostgreSQL and PgBouncer. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Stack tools; found on PATH or in Debian's layout when unset. */
  PG_BINDIR: z.string().optional(),
  PGBOUNCER_BIN: z.string().optional(),
  DBMATE_BIN: z.string().optional(),
  PGBACKREST_BIN: z.string().optional(),
  /** The Chromium the console's browser tests drive; Debian's /usr/bin/chromium when unset. */
  CHROMIUM_PATH: z.string().optional(),
  /** `deno task dev`, `test` and `bench` install the tools they lack (src/stack/install.ts); set, they
   * only name the command to run, for machines where nothing may be installed. */
  BUILDFLOW_NO_INSTALL: flag.default(false),
  LOG_REQUESTS: flag.default(true),
  /** The bearer token GET /metrics asks for (Prometheus's `authorization.credentials`). Unset, /metrics
   * is not served (404) in any environment: clusters, agency counts and traffic are not public.
   * `deno task dev` makes one for its local stack and prints how to scrape. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters")
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces").optional(),
  /** Browser origins allowed to call the API (comma-separated `https://app.example.com`), or `*`.
   * Unset: no CORS headers, so only same-origin pages. Tokens travel in Authorization, never in
   * cookies, so credentials are never allowed (and `*` is never combined with them). */
  CORS_ORIGINS: z.string().transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean)).pipe(
    z.array(
      z.string().refine((o) => o === "*" || /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o), {
        message: "must be * or origins like https://app.example.com",
      }),
    ),
  ).optional(),
  /** API workers of `deno task start`: 1 serves in this process; more run `deno serve --parallel`
   * (one isolate per worker on the same port, each with its own caches, registry and limits). */
  API_WORKERS: int(1, 64).default(1),
  /** Where clients reach the API (https://api.example.com), named as the server in /openapi.json;
   * unset, the document's server is relative ("/"), the origin it was fetched from. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((u) => u.replace(/\/+$/, "")).optional(),
  /** How many proxies of ours stand in front of the API: the client address (rate limits) is the
   * X-Forwarded-For hop that many places from the right, the one our outermost proxy appended; hops
   * further left are the client's own words. "true"/"false" mean 1/0. */
  TRUST_PROXY: z.union([
    z.enum(["true", "false"]).transform((v) => (v === "true" ? 1 : 0)),
    int(0, 10),
  ]).default(0),
}).superRefine((c, ctx) => {
  if (c.BACKUP_CONFIG_FILE && !c.BACKUP_CIPHER_PASS) {
    ctx.addIssue({
      code: "custom",
      path: ["BACKUP_CIPHER_PASS"],
      message: "is required with BACKUP_CONFIG_FILE",
    });
  }
  if (c.LIFECYCLE_WEBHOOK_URL && !c.LIFECYCLE_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["LIFECYCLE_WEBHOOK_SECRET"],
      message: "is required with LIFECYCLE_WEBHOOK_URL",
    });
  }
  if (c.APP_ENV === "production") {
    for (const key of ["JWT_SECRET", "DATABASE_URL", "POOLER_URL"] as const) {
      if (!c[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
  }
});

// Cluster URLs are secrets named by the catalog (src/tenancy/cluster-directory.ts), so their names are
// open-ended: every CLUSTER_<NAME>_<WHAT>_URL variable is taken.
const CLUSTER_SECRET = /^CLUSTER_[A-Z0-9_]+_URL$/;

export type Config = z.infer<typeof configSchema> & { clusterSecrets: Record<string, string> };

export class ConfigError extends Error {}

/** Parses an environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  const secrets = z.record(z.string(), postgresUrl).safeParse(
    Object.fromEntries(Object.entries(cleaned).filter(([key]) => CLUSTER_SECRET.test(key))),
  );
  if (parsed.success && secrets.success) return { ...parsed.data, clusterSecrets: secrets.data };
  const issues = [...(parsed.error?.issues ?? []), ...(secrets.error?.issues ?? [])];
  const lines = issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** The servers the API talks to, once known (configured, or booted by the local stack): the
 * catalog's, and the secrets the catalog's clusters name. */
export type Servers = {
  databaseUrl: string;
  poolerUrl: string;
  poolerAdminUrl?: string;
  secrets?: Record<string, string>;
};

export function serversFrom(config: Config): Servers {
  if (!config.DATABASE_URL || !config.POOLER_URL) {
    throw new ConfigError("Invalid configuration:\n  DATABASE_URL and POOLER_URL must both be set");
  }
  return {
    databaseUrl: config.DATABASE_URL,
    poolerUrl: config.POOLER_URL,
    poolerAdminUrl: config.POOLER_ADMIN_URL,
    secrets: { ...readSecretsFile(config.CLUSTER_SECRETS_FILE), ...config.clusterSecrets },
  };
}

/** Read once at start-up (a mounted secret); a bad file stops start-up naming it. */
function readSecretsFile(path: string | undefined): Record<string, string> {
  if (!path) return {};
  const refuse = (why: string) =>
    new ConfigError(`Invalid configuration:\n  CLUSTER_SECRETS_FILE: ${path}: ${why}`);
  let json: unknown;
  try {
    json = JSON.parse(Deno.readTextFileSync(path));
  } catch (error) {
    throw refuse((error as Error).message);
  }
  const parsed = z.record(z.string().regex(CLUSTER_SECRET), postgresUrl).safeParse(json);
  if (!parsed.success) {
    throw refuse(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return parsed.data;
}

/** The request-serving role: the one the pooler URL logs in as. */
export const appRoleOf = (servers: Servers) => decodeURIComponent(new URL(servers.poolerUrl).username);

/** Every secret a cluster row may name: the catalog cluster's own variables and the cluster ones. */
export function serverSecrets(servers: Servers): Record<string, string> {
  return {
    DATABASE_URL: servers.databaseUrl,
    POOLER_URL: servers.poolerUrl,
    ...(servers.poolerAdminUrl ? { POOLER_ADMIN_URL: servers.poolerAdminUrl } : {}),
    ...servers.secrets,
  };
}
