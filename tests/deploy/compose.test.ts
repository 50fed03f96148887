// The deployment files checked against what the code reads, since Docker cannot run here:
// compose.yaml, deploy/Dockerfile, .dockerignore, deploy/pgbouncer/pgbouncer.ini and
// deploy/kubernetes/buildflow.yaml against src/config.ts, deno.json and the shared tuning in
// pgbouncer/pgbouncer.ini. Every variable must be a config key (or a cluster secret that config
// collects) and parse, every URL must reach the right service, port, role and database, the inis must
// %include the tuning where it is mounted. Both examples run two clusters, `local` (the catalog's) and
// `second`, each with its own PgBouncer: each cluster's secrets must be the names its catalog row gives
// (src/tenancy/cluster-directory.ts) and reach that cluster's server and pooler. The last blocks run the
// real PgBouncer (the test stack's binary) on the deployment inis, and the migration's script with a
// stand-in `deno`.
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { configSchema, loadConfig, serverSecrets, serversFrom } from "../../src/config.ts";
import { chownToServiceUser, ownedByServiceUser, run } from "../../src/platform/command.ts";
import { ADMIN_ROLE, APP_ROLE, APP_ROLE_LIMITS, MAIN_DATABASE } from "../../src/stack/index.ts";
import {
  connectionBudget,
  DEFAULT_CONNECTION_BUDGET,
  SUPERUSER_RESERVED,
} from "../../src/platform/connection-budget.ts";
import { stopPooler } from "../../src/stack/pgbouncer.ts";
import { freePort, waitForPort } from "../../src/platform/ports.ts";
import { CATALOG_CLUSTER_REFS, defaultSecretRefs } from "../../src/tenancy/cluster-directory.ts";
import { repositoryConfig } from "../../src/backups/pgbackrest.ts";
import { runCli } from "../ops/helpers.ts";
import { stack } from "../support/stack.ts";

const ROOT = new URL("../../", import.meta.url);
const read = (path: string) => Deno.readTextFile(new URL(path, ROOT));
const exists = (path: string) => Deno.stat(new URL(path, ROOT)).then(() => true, () => false);

const CONFIG_KEYS = new Set(Object.keys(configSchema.shape));
/** PostgreSQL's port in the containers, as DATABASE_URL must name it. */
const POSTGRES_PORT = "5432";

type Env = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// compose.yaml, with Compose's interpolation (${VAR}, ${VAR:-default}, ${VAR:?error}, $$)

type Service = {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  volumes?: string[];
  tmpfs?: string[];
  user?: string;
  configs?: { source: string; target: string }[];
  healthcheck?: { test: string[] };
  restart?: string;
};
type Compose = {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string; file?: string }>;
};

/** Compose's interpolation of one string value (the forms compose.yaml may use). */
function interpolate(value: string, env: Env): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name: string | undefined, op: string | undefined, arg: string | undefined, bare?: string) => {
      if (match === "$$") return "$";
      if (bare) return env[bare] ?? "";
      const value = env[name!];
      if (!op) return value ?? "";
      const unset = op.startsWith(":") ? !value : value === undefined;
      if (op.endsWith("-")) return unset ? arg! : value!;
      if (unset) throw new Error(`${name} is required: ${arg}`);
      return value!;
    },
  );
}

function interpolateAll<T>(node: T, env: Env): T {
  if (typeof node === "string") return interpolate(node, env) as T;
  if (Array.isArray(node)) return node.map((n) => interpolateAll(n, env)) as T;
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateAll(v, env)])) as T;
  }
  return node;
}

const composeText = await read("compose.yaml");
const rawCompose = parse(composeText) as Compose;
const SAMPLE: Env = {
  JWT_SECRET: "j".repeat(40),
  POSTGRES_PASSWORD: "sample-superuser-password",
  BUILDFLOW_ADMIN_PASSWORD: "sample-admin-password",
  BUILDFLOW_APP_PASSWORD: "sample-app-password",
};
const composeWith = (env: Env) => interpolateAll(rawCompose, env);
const compose = composeWith(SAMPLE);
const envOf = (service: Service): Env =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v)]));

/** "host:container" volume or port mappings, split. */
const mount = (spec: string) => {
  const [source, target, mode] = spec.split(":");
  return { source, target, mode };
};

// ---------------------------------------------------------------------------------------------
// PgBouncer inis, read as PgBouncer reads them: a later key wins, %include is inlined, and each
// section header resets that section's settings to their defaults (libusual's fill_defaults), so a
// [pgbouncer] header after the %include of the tuning would discard the whole tuning.

type Ini = {
  databases: Map<string, string>;
  /** [pgbouncer] as PgBouncer ends up with it (defaults left out). */
  pgbouncer: Map<string, string>;
  /** Keys the file itself sets, not its includes. */
  own: Set<string>;
  /** Section headers of the file itself. */
  headers: string[];
  includes: string[];
  /** The section open at the end of the file, where settings appended to it land. */
  section: string;
};

function parseIni(text: string, includes: Record<string, string> = {}): Ini {
  const ini: Ini = {
    databases: new Map(),
    pgbouncer: new Map(),
    own: new Set(),
    headers: [],
    includes: [],
    section: "",
  };
  const walk = (source: string, top: boolean) => {
    for (const raw of source.split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith(";") || line.startsWith("#")) continue;
      const include = line.match(/^%include\s+(.+)$/);
      if (include) {
        if (top) ini.includes.push(include[1]);
        if (include[1] in includes) walk(includes[include[1]], false);
        continue;
      }
      const section = line.match(/^\[(\w+)\]$/);
      if (section) {
        ini.section = section[1];
        if (top) ini.headers.push(section[1]);
        if (section[1] === "pgbouncer") ini.pgbouncer = new Map();
        continue;
      }
      const kv = line.match(/^([^=]+?)\s*=\s*(.*)$/);
      if (!kv) throw new Error(`not an ini line: ${line}`);
      if (ini.section === "databases") ini.databases.set(kv[1], kv[2]);
      else if (ini.section === "pgbouncer") ini.pgbouncer.set(kv[1], kv[2]);
      else throw new Error(`setting outside [databases]/[pgbouncer]: ${line}`);
      if (top) ini.own.add(kv[1]);
    }
  };
  walk(text, true);
  return ini;
}

/** `host=postgres port=5432` → { host, port }. */
const connstr = (value: string) => Object.fromEntries(value.split(/\s+/).map((kv) => kv.split("=")));

const tuningText = await read("pgbouncer/pgbouncer.ini");
// The tuning has no header of its own: it is read as part of the [pgbouncer] section that includes it.
const tuning = parseIni(`[pgbouncer]\n${tuningText}`);
const deployIniText = await read("deploy/pgbouncer/pgbouncer.ini");
/** compose's PgBouncer ini with the tuning inlined where compose mounts it. */
const deployIni = parseIni(deployIniText, {
  [
    compose.services.pgbouncer.volumes?.map(mount).find((m) => m.source === "./pgbouncer/pgbouncer.ini")
      ?.target ?? "(not mounted)"
  ]: tuningText,
});

function expectUrl(url: string, want: { host: string; port: string; user: string; database: string }) {
  const u = new URL(url);
  expect(u.protocol).toMatch(/^postgres(ql)?:$/);
  expect({
    host: u.hostname,
    port: u.port,
    user: decodeURIComponent(u.username),
    database: u.pathname.slice(1),
  })
    .toEqual(want);
}

/** The second cluster: compose's `postgres-2` behind `pgbouncer-2`, Kubernetes' `postgres-2` behind the
 * `pgbouncer-2` sidecar, listed by the migration as `second`. */
const SECOND = "second";
/** Each cluster the deployments run, with the secrets its catalog row names: the catalog's own (the
 * seed row `local`) and the one the migration adds with clusters:add. */
const CLUSTERS: [string, ReturnType<typeof defaultSecretRefs>][] = [
  ["local", CATALOG_CLUSTER_REFS],
  [SECOND, defaultSecretRefs(SECOND)],
];
const hostOf = (url: string) => new URL(url).hostname;
const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
/** The migration's shell script: `sh -ec SCRIPT` (compose and the Kubernetes Job alike). */
const scriptOf = (command: string[] | undefined) => {
  expect(command?.slice(0, 2)).toEqual(["sh", "-ec"]);
  return command!.at(-1)!;
};
/** The names of the clusters the script adds, each behind its guard. */
const guardedAdds = (script: string) =>
  [...script.matchAll(
    /deno task clusters:list \| grep -q '\^([\w-]+) ' \|\| deno task clusters:add ([\w-]+) /g,
  )]
    .map((m) => ({ listed: m[1], added: m[2] }));

describe("compose.yaml", () => {
  const { postgres: db, migrate, api } = compose.services;
  const apiEnv = envOf(api);
  const servers = ["postgres", "postgres-2"];
  const poolers = ["pgbouncer", "pgbouncer-2"];
  /** The named volume a service mounts at `target`. */
  const volumeAt = (service: string, target: string) =>
    compose.services[service].volumes!.map(mount).find((m) => m.target === target)?.source;

  it("runs two PostgreSQL clusters, each with its PgBouncer, a one-shot migrate, the api and backups", async () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["api", "backups", "migrate", ...poolers, ...servers].sort(),
    );
    // PostgreSQL 15 with pgBackRest added, built from deploy/postgres/Dockerfile.
    const postgresImage = parseDockerfile(await read("deploy/postgres/Dockerfile"));
    expect(postgresImage.filter((i) => i.op === "FROM").map((i) => i.args)).toEqual(["postgres:15"]);
    expect(postgresImage.find((i) => i.op === "RUN")?.args).toMatch(/apt-get install .*\bpgbackrest\b/);
    for (const name of servers) {
      expect(compose.services[name].build, name).toEqual({
        context: ".",
        dockerfile: "deploy/postgres/Dockerfile",
      });
    }
    expect(compose.services["postgres-2"].image).toBe(db.image);
    expect(compose.services["pgbouncer-2"].image).toBe(compose.services.pgbouncer.image);
  });

  it("sets only variables that src/config.ts reads on api and migrate", () => {
    for (const name of ["api", "migrate"]) {
      const env = envOf(compose.services[name]);
      // Cluster secrets are open-ended names: loadConfig collects every CLUSTER_<NAME>_<WHAT>_URL.
      const secrets = loadConfig(env).clusterSecrets;
      const unknown = Object.keys(env).filter((k) => !CONFIG_KEYS.has(k) && !(k in secrets));
      expect(unknown, `${name}: not in configSchema nor a cluster secret`).toEqual([]);
      expect(Object.keys(secrets).length, `${name}: cluster secrets`).toBeGreaterThan(0);
    }
  });

  it("gives the api a production configuration that loadConfig accepts, with every cluster's secrets", () => {
    const config = loadConfig(apiEnv);
    expect(config.APP_ENV).toBe("production");
    expect(config.JWT_SECRET).toBe(SAMPLE.JWT_SECRET);
    expect(serversFrom(config).poolerAdminUrl).toBe(apiEnv.POOLER_ADMIN_URL);
    expect(config.clusterSecrets).toEqual(
      Object.fromEntries(Object.entries(apiEnv).filter(([k]) => k.startsWith("CLUSTER_"))),
    );
    // What the cluster directory looks up (src/tenancy/cluster-directory.ts), superusers included:
    // the api runs the mover for the admin API's move route.
    const secrets = serverSecrets(serversFrom(config));
    for (const [name, refs] of CLUSTERS) {
      for (const ref of Object.values(refs)) expect(secrets[ref], `${name}: ${ref}`).toBeDefined();
    }
    // The migration resolves its servers the same way (src/cli/context.ts).
    expect(() => serversFrom(loadConfig(envOf(migrate)))).not.toThrow();
  });

  it("names the second cluster's secrets as clusters:add derives them from its name", () => {
    const script = scriptOf(migrate.command);
    expect(guardedAdds(script)).toEqual([{ listed: SECOND, added: SECOND }]);
    const refs = Object.values(defaultSecretRefs(SECOND));
    const clusterVars = (env: Env) => Object.keys(env).filter((k) => k.startsWith("CLUSTER_")).sort();
    // The api: the second cluster's four, and the catalog cluster's superuser (its others are the
    // catalog's own DATABASE_URL, POOLER_URL and POOLER_ADMIN_URL).
    expect(clusterVars(apiEnv)).toEqual([...refs, CATALOG_CLUSTER_REFS.superuserDsnRef].sort());
    // The migration: what clusters:add checks on the second cluster, superuser included.
    expect(clusterVars(envOf(migrate))).toEqual([...refs].sort());
    for (const ref of refs) expect(envOf(migrate)[ref], ref).toBe(apiEnv[ref]);
  });

  it("refuses to start without JWT_SECRET from the environment", () => {
    const { JWT_SECRET: _, ...withoutSecret } = SAMPLE;
    expect(() => composeWith(withoutSecret)).toThrow(/JWT_SECRET is required/);
    expect(rawCompose.services.api.environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
  });

  it("points each cluster's URLs at its server and at the PgBouncer that shares that server's socket", () => {
    const socket = "/var/run/postgresql";
    const poolerHosts = new Set<string>();
    for (const [name, refs] of CLUSTERS) {
      const server = hostOf(apiEnv[refs.directDsnRef]);
      const pooler = hostOf(apiEnv[refs.poolerDsnRef]);
      expect(servers, name).toContain(server);
      expect(poolers, name).toContain(pooler);
      // The pooler reaches this cluster's server: they mount the same socket volume.
      expect(volumeAt(pooler, socket), name).toBe(volumeAt(server, socket));
      poolerHosts.add(pooler);
      const superuser = envOf(compose.services[server]).POSTGRES_USER ?? "postgres";
      const direct = { host: server, port: POSTGRES_PORT, user: ADMIN_ROLE, database: MAIN_DATABASE };
      const pooled = { host: pooler, port: "6432", user: APP_ROLE, database: MAIN_DATABASE };
      expectUrl(apiEnv[refs.directDsnRef], direct);
      expectUrl(apiEnv[refs.poolerDsnRef], pooled);
      expectUrl(apiEnv[refs.poolerAdminDsnRef], { ...pooled, user: ADMIN_ROLE, database: "pgbouncer" });
      expectUrl(apiEnv[refs.superuserDsnRef], { ...direct, user: superuser });
    }
    // Two clusters: two servers, two poolers, two socket volumes.
    expect(poolerHosts.size).toBe(2);
    expect(new Set(servers.map((s) => volumeAt(s, socket))).size).toBe(2);
    expect(apiEnv.DATABASE_URL).toContain("@postgres:");
    const migrateEnv = envOf(migrate);
    expect(migrateEnv.DATABASE_URL).toBe(apiEnv.DATABASE_URL);
    expect(migrateEnv.POOLER_URL).toBe(apiEnv.POOLER_URL);
  });

  it("uses the same password for a role wherever it appears, defaults included", () => {
    const cases: [Env, { admin: string; app: string; superuser: string }][] = [
      [SAMPLE, {
        admin: SAMPLE.BUILDFLOW_ADMIN_PASSWORD,
        app: SAMPLE.BUILDFLOW_APP_PASSWORD,
        superuser: SAMPLE.POSTGRES_PASSWORD,
      }],
      [
        { JWT_SECRET: SAMPLE.JWT_SECRET },
        {
          admin: "buildflow-admin-local-only",
          app: "buildflow-app-local-only",
          superuser: "postgres-local-only",
        },
      ],
    ];
    for (const [env, { admin, app, superuser }] of cases) {
      const { services } = composeWith(env);
      for (const name of servers) {
        expect(envOf(services[name]), name).toMatchObject({
          POSTGRES_PASSWORD: superuser,
          BUILDFLOW_ADMIN_PASSWORD: admin,
          BUILDFLOW_APP_PASSWORD: app,
        });
      }
      for (const name of poolers) {
        expect(envOf(services[name]), name).toMatchObject({
          BUILDFLOW_ADMIN_PASSWORD: admin,
          BUILDFLOW_APP_PASSWORD: app,
        });
      }
      for (const service of [services.api, services.migrate]) {
        const e = envOf(service);
        for (const [, refs] of CLUSTERS) {
          for (
            const [ref, password] of [
              [refs.directDsnRef, admin],
              [refs.poolerDsnRef, app],
              [refs.poolerAdminDsnRef, admin],
              [refs.superuserDsnRef, superuser],
            ]
          ) {
            if (e[ref] !== undefined) expect(passwordOf(e[ref]), ref).toBe(password);
          }
        }
        expect(passwordOf(e.DATABASE_URL)).toBe(admin);
        expect(passwordOf(e.POOLER_URL)).toBe(app);
      }
      // Only the api reaches the catalog pooler's console; the migration asks only the second
      // cluster's (clusters:add checks it).
      expect(passwordOf(envOf(services.api).POOLER_ADMIN_URL)).toBe(admin);
      expect(envOf(services.migrate)).not.toHaveProperty("POOLER_ADMIN_URL");
    }
  });

  it("hands the api METRICS_TOKEN from the environment, and without it serves no /metrics", () => {
    expect(rawCompose.services.api.environment?.METRICS_TOKEN).toBe("${METRICS_TOKEN:-}");
    const token = "t".repeat(40);
    const withToken = composeWith({ ...SAMPLE, METRICS_TOKEN: token });
    expect(loadConfig(envOf(withToken.services.api)).METRICS_TOKEN).toBe(token);
    expect(loadConfig(apiEnv).METRICS_TOKEN).toBeUndefined(); // "" is unset: /metrics is 404
    expect(envOf(migrate).METRICS_TOKEN).toBeUndefined();
  });

  it("publishes the api on PORT and checks /readyz there", () => {
    const port = apiEnv.PORT;
    expect(loadConfig(apiEnv).PORT).toBe(Number(port));
    expect(api.ports).toEqual([`${port}:${port}`]);
    const probe = api.healthcheck!.test.join(" ");
    expect(probe).toContain(`http://127.0.0.1:${port}/readyz`);
  });

  it("starts the api after a successful migration, and the migration after every server and pooler it names", () => {
    expect(api.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(migrate.restart).toBe("no");
    /** What a service must wait for before it connects to `host`. */
    const waitFor = (host: string) => (servers.includes(host) ? "service_healthy" : "service_started");
    const hosts = (env: Env) =>
      new Set(Object.values(env).filter((v) => /^postgres:\/\//.test(v)).map(hostOf));
    // Every server and pooler the migration's URLs name (clusters:add asks the second pooler).
    const migrateHosts = hosts(envOf(migrate));
    expect([...migrateHosts].sort()).toEqual([...poolers, ...servers].sort());
    for (const host of migrateHosts) {
      expect(migrate.depends_on?.[host]?.condition, `migrate → ${host}`).toBe(waitFor(host));
    }
    // The api's servers are healthy once the migration ran; its poolers it waits for itself.
    for (const host of hosts(apiEnv)) {
      if (poolers.includes(host)) {
        expect(api.depends_on?.[host]?.condition, `api → ${host}`).toBe("service_started");
      } else expect(migrate.depends_on?.[host]?.condition, `migrate → ${host}`).toBe("service_healthy");
    }
    for (const [pooler, server] of [["pgbouncer", "postgres"], ["pgbouncer-2", "postgres-2"]]) {
      // service_started: a pgbouncer service has no healthcheck, so service_healthy could never be met.
      expect(compose.services[pooler].healthcheck, pooler).toBeUndefined();
      expect(compose.services[pooler].depends_on?.[server]?.condition, pooler).toBe("service_healthy");
      expect(compose.services[server].healthcheck!.test, server).toContain("pg_isready");
    }
  });

  it("runs api and migrate from the image of deploy/Dockerfile, migrate with existing tasks", async () => {
    const tasks = JSON.parse(await read("deno.json")).tasks as Record<string, string>;
    for (const service of [api, migrate]) {
      expect(service.build).toEqual({ context: ".", dockerfile: "deploy/Dockerfile" });
      expect(await exists(service.build!.dockerfile!)).toBe(true);
    }
    expect(migrate.image).toBe(api.image);
    const script = scriptOf(migrate.command);
    const named = [...script.matchAll(/deno task ([\w:-]+)/g)].map((m) => m[1]);
    // The catalog first (the clusters table), the new cluster next, then every cluster's template.
    expect(named).toEqual(["db:migrate", "clusters:list", "clusters:add", "tenants:migrate"]);
    for (const task of named) {
      expect(Object.keys(tasks), `task ${task}`).toContain(task);
      const entry = tasks[task].split(/\s+/).find((a) => a.endsWith(".ts"))!;
      expect(await exists(entry), entry).toBe(true);
    }
  });

  it("keeps each cluster's data in a named volume of its own and creates the roles and database on first start", () => {
    const data = servers.map((name) => volumeAt(name, envOf(compose.services[name]).PGDATA));
    for (const volume of data) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    expect(new Set(data).size).toBe(servers.length);
    const inits = servers.map((name) =>
      compose.services[name].configs!.find((c) => c.target.startsWith("/docker-entrypoint-initdb.d/"))
    );
    // Both clusters get the same roles, grants and pg_hba.conf from the one script.
    expect(inits[1]).toEqual(inits[0]);
    const init = inits[0];
    expect(init?.target).toMatch(/\.sh$/);
    const sql = compose.configs![init!.source].content!;
    // The script reads the very variables the postgres services set (after $$ → $).
    expect(sql).toContain('"$BUILDFLOW_ADMIN_PASSWORD"');
    expect(sql).toContain('"$BUILDFLOW_APP_PASSWORD"');
    for (const name of servers) {
      expect(Object.keys(envOf(compose.services[name])), name).toEqual(
        expect.arrayContaining(["BUILDFLOW_ADMIN_PASSWORD", "BUILDFLOW_APP_PASSWORD"]),
      );
    }
    const statements = sql.replace(/\s+/g, " ");
    expect(statements).toMatch(
      new RegExp(`CREATE ROLE ${ADMIN_ROLE} WITH LOGIN CREATEDB NOSUPERUSER NOCREATEROLE`),
    );
    expect(statements).toMatch(
      new RegExp(`CREATE ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`),
    );
    expect(statements).toContain(`GRANT pg_read_all_stats, pg_signal_backend TO ${ADMIN_ROLE};`);
    // The same app-role limits as the local stack's defaults.
    expect(statements).toContain(
      `ALTER ROLE ${APP_ROLE} SET statement_timeout = '${APP_ROLE_LIMITS.statementTimeoutMs / 1000}s';`,
    );
    expect(statements).toContain(
      `ALTER ROLE ${APP_ROLE} SET idle_in_transaction_session_timeout = '${
        APP_ROLE_LIMITS.idleInTransactionTimeoutMs / 1000
      }s';`,
    );
    expect(statements).toContain(`CREATE DATABASE ${MAIN_DATABASE} OWNER ${ADMIN_ROLE};`);
    for (const database of [MAIN_DATABASE, "postgres", "template1"]) {
      expect(statements).toContain(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC;`);
    }
    expect(statements).toContain(`GRANT CONNECT ON DATABASE ${MAIN_DATABASE} TO ${APP_ROLE};`);
    // What the local stack grants for backups, in the main database (a function's privileges are per
    // database): closing the WAL segment, listing the archive status directory.
    const backupGrants = statements.slice(statements.indexOf(`\\connect ${MAIN_DATABASE}`));
    expect(backupGrants).toContain(`GRANT EXECUTE ON FUNCTION pg_switch_wal() TO ${ADMIN_ROLE};`);
    expect(backupGrants).toContain(`GRANT EXECUTE ON FUNCTION pg_ls_archive_statusdir() TO ${ADMIN_ROLE};`);
  });

  for (const name of servers) {
    it(`derives ${name}'s settings from the connection budget that its PgBouncer's cap spends`, () => {
      const command = compose.services[name].command!.join(" ");
      const setting = (key: string) => command.match(new RegExp(`(?:^|\\s)${key}=(\\w+)`))?.[1];
      // The cap is one below the budget (a backend still exiting, see the tuning).
      const budget = connectionBudget(Number(tuning.pgbouncer.get("max_user_connections")) + 1);
      expect(budget.appBackends).toBe(DEFAULT_CONNECTION_BUDGET);
      expect({
        max_connections: setting("max_connections"),
        superuser_reserved_connections: setting("superuser_reserved_connections"),
        autovacuum_naptime: setting("autovacuum_naptime"),
      }).toEqual({
        max_connections: String(budget.maxConnections),
        superuser_reserved_connections: String(SUPERUSER_RESERVED),
        autovacuum_naptime: String(budget.autovacuumNaptimeSeconds),
      });
    });

    it(`runs ${name} with what the mover needs: wal_level=logical, prepared transactions, replication workers`, () => {
      const command = compose.services[name].command!;
      const settings = Object.fromEntries(
        command.flatMap((arg, i) => (command[i - 1] === "-c" ? [arg.split("=")] : [])),
      );
      expect(command[0]).toBe("postgres");
      expect(settings.wal_level).toBe("logical");
      expect(Number(settings.max_prepared_transactions)).toBeGreaterThan(0);
      // Every concurrent move into it takes 3 logical replication workers (config MOVES_PER_CLUSTER).
      const moves = loadConfig({}).MOVES_PER_CLUSTER;
      expect(Number(settings.max_logical_replication_workers)).toBeGreaterThanOrEqual(3 * moves);
      expect(Number(settings.max_worker_processes)).toBeGreaterThan(
        Number(settings.max_logical_replication_workers),
      );
    });
  }
});

/** compose's PgBouncer of each cluster, with the secrets that reach it through it. */
const composePoolers: [string, ReturnType<typeof defaultSecretRefs>][] = [
  ["pgbouncer", CATALOG_CLUSTER_REFS],
  ["pgbouncer-2", defaultSecretRefs(SECOND)],
];

for (const [service, refs] of composePoolers) {
  describe(`compose's PgBouncer: ${service}`, () => {
    const pgbouncer = compose.services[service];
    const env = envOf(compose.services.api);
    const mounts = pgbouncer.volumes!.map(mount);
    const script = pgbouncer.entrypoint!.at(-1)!;
    const iniPath = script.match(/exec pgbouncer (\S+)\s*$/)?.[1];
    const tuningMount = mounts.find((m) => m.source === "./pgbouncer/pgbouncer.ini");
    const iniMount = mounts.find((m) => m.target === iniPath);
    /** The ini it runs, with the tuning inlined where it is mounted. */
    const ini = parseIni(deployIniText, { [tuningMount?.target ?? "(not mounted)"]: tuningText });
    /** The server of this pooler's cluster (its direct URL's host). */
    const server = compose.services[hostOf(env[refs.directDsnRef])];

    it("is the pooler the api's URLs of this cluster name", () => {
      expect(hostOf(env[refs.poolerDsnRef])).toBe(service);
      expect(hostOf(env[refs.poolerAdminDsnRef])).toBe(service);
      expect(server).toBeDefined();
    });

    it("runs PgBouncer from the mounted deploy/pgbouncer/pgbouncer.ini", () => {
      expect(pgbouncer.entrypoint!.slice(0, -1)).toEqual(["/bin/sh", "-ec"]);
      expect(iniPath).toBeDefined();
      expect(iniMount).toEqual({ source: "./deploy/pgbouncer/pgbouncer.ini", target: iniPath, mode: "ro" });
    });

    it("includes the shared tuning at the path where it is mounted, and keeps it in force", () => {
      expect(tuningMount?.mode).toBe("ro");
      expect(ini.includes).toEqual([tuningMount!.target]);
      // The tuning continues the [pgbouncer] section opened before the %include; a header after it
      // (in the tuning or here) would reset the tuning to PgBouncer's defaults.
      expect(tuningText).not.toMatch(/^\s*\[/m);
      expect(ini.headers).toEqual(["databases", "pgbouncer"]);
      expect(ini.section).toBe("pgbouncer");
      for (const [key, value] of tuning.pgbouncer) expect(ini.pgbouncer.get(key), key).toBe(value);
    });

    it("reaches its cluster's PostgreSQL over the socket directory both mount, at the direct URL's port", () => {
      const target = connstr(ini.databases.get("*")!);
      const direct = new URL(env[refs.directDsnRef]);
      const socketMount = (s: Service) => s.volumes!.map(mount).find((m) => m.target === target.host);
      expect(target.host).toBe("/var/run/postgresql"); // the postgres image's socket directory
      expect(target.port).toBe(direct.port); // the socket file is named after the port
      expect(socketMount(pgbouncer)?.source).toBe(socketMount(server)?.source);
      expect(Object.keys(compose.volumes ?? {})).toContain(socketMount(pgbouncer)!.source);
      // No other pooler shares that socket: one PgBouncer, one connection cap, per cluster.
      const sharing = composePoolers.filter(([other]) =>
        socketMount(compose.services[other])?.source === socketMount(pgbouncer)!.source
      );
      expect(sharing.map(([other]) => other)).toEqual([service]);
      expect([...ini.databases.keys()]).toEqual(["*"]);
    });

    it("logs the app role in by peer as PgBouncer's uid, and nothing else without a password", () => {
      // 999 is the postgres image's `postgres` user: the uid PostgreSQL resolves for the peer.
      expect(pgbouncer.user).toBe("999:999");
      const init = compose.configs![server.configs![0].source].content!;
      const hba = init.match(/cat > "\$PGDATA\/pg_hba\.conf" <<'HBA'\n([\s\S]*?)\nHBA/)?.[1]
        .split("\n").map((line) => line.trim().split(/\s+/).join(" "));
      expect(hba).toEqual([
        `local all ${APP_ROLE} peer map=pooler`,
        "local all all scram-sha-256",
        "host all all all scram-sha-256",
      ]);
      expect(init).toContain(`echo "pooler postgres ${APP_ROLE}" > "$PGDATA/pg_ident.conf"`);
      expect(init).not.toMatch(/\btrust\b\s*$/m);
    });

    it("listens where this cluster's pooler and console URLs connect", () => {
      const pooler = new URL(env[refs.poolerDsnRef]);
      const admin = new URL(env[refs.poolerAdminDsnRef]);
      expect(ini.pgbouncer.get("listen_addr")).toBe("0.0.0.0");
      expect(ini.pgbouncer.get("listen_port")).toBe(pooler.port);
      expect(admin.port).toBe(pooler.port);
      expect(ini.pgbouncer.get("admin_users")).toBe(decodeURIComponent(admin.username));
      expect(ini.pgbouncer.has("logfile")).toBe(false); // stderr, collected by the container runtime
    });

    it("authenticates with the tuning's scram-sha-256 against the userlist the entrypoint writes", () => {
      expect(tuning.pgbouncer.get("auth_type")).toBe("scram-sha-256");
      expect(tuning.pgbouncer.get("pool_mode")).toBe("transaction");
      // The pooling policy stays in the tuning: the deployment ini redefines none of it.
      expect([...ini.own].filter((key) => tuning.pgbouncer.has(key))).toEqual([]);
      const authFile = ini.pgbouncer.get("auth_file")!;
      expect(script).toContain(`> ${authFile}`);
      expect(pgbouncer.tmpfs).toContain(authFile.replace(/\/[^/]+$/, ""));
      for (const role of [ADMIN_ROLE, APP_ROLE]) expect(script).toContain(role);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// compose.yaml's backups: both servers archive to one repository, the backups service schedules

/** pgbackrest.conf as key → value per section. */
function parsePgbackrestConf(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) sections[section = header[1]] = {};
    else sections[section][line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return sections;
}

describe("compose.yaml: backups", () => {
  const { backups } = compose.services;
  const env = envOf(backups);
  const conf = parsePgbackrestConf(compose.configs!.pgbackrest.content!);
  /** Each server with the catalog name of its cluster (its stanza). */
  const servers: [string, string][] = [["postgres", "local"], ["postgres-2", SECOND]];
  const mountOf = (service: Service, target: string) =>
    service.volumes!.map(mount).find((m) => m.target === target);
  const configAt = (service: Service) =>
    service.configs?.find((c) => c.target === "/etc/pgbackrest/pgbackrest.conf")?.source;

  it("archives every server's WAL to the repository under the stanza of its cluster's catalog name", () => {
    for (const [name, stanza] of servers) {
      const server = compose.services[name];
      const command = server.command!.join(" ");
      expect(command, name).toContain("archive_mode=on");
      expect(command, name).toContain("archive_command=pgbackrest archive-push %p");
      // The local stack's default (ARCHIVE_TIMEOUT), in seconds.
      expect(command, name).toContain(`archive_timeout=${loadConfig({}).ARCHIVE_TIMEOUT}`);
      const serverEnv = envOf(server);
      expect(serverEnv.PGBACKREST_STANZA, name).toBe(stanza);
      expect(serverEnv.PGBACKREST_REPO1_CIPHER_PASS, name).toBe(env.BACKUP_CIPHER_PASS);
      expect(configAt(server), name).toBe("pgbackrest");
      expect(mountOf(server, conf.global["repo1-path"])?.source, name).toBe("backups");
      // The stanza's data directory is the server's, where the backups service mounts it too.
      expect(conf[stanza]["pg1-path"], name).toBe(serverEnv.PGDATA);
      const data = mountOf(server, serverEnv.PGDATA)!.source;
      expect(mountOf(backups, serverEnv.PGDATA)?.source, name).toBe(data);
      // And its socket directory, where the backups service logs in as the superuser.
      const socket = mountOf(server, "/var/run/postgresql")!.source;
      expect(mountOf(backups, conf[stanza]["pg1-socket-path"])?.source, name).toBe(socket);
    }
    expect(Object.keys(compose.volumes ?? {})).toContain("backups");
  });

  it("configures the repository as the local stack does: encrypted, zstd, its own retention", () => {
    const local = parsePgbackrestConf(repositoryConfig("/r", "/s", [])).global;
    for (const key of ["repo1-cipher-type", "repo1-retention-full", "compress-type", "start-fast"]) {
      expect(conf.global[key], key).toBe(local[key]);
    }
    // The passphrase comes from the environment, never the file.
    expect(Object.keys(conf.global).filter((k) => k.includes("cipher-pass"))).toEqual([]);
  });

  it("runs the schedule as the servers' uid with the configuration the code reads", async () => {
    expect(backups.build).toEqual({ context: ".", dockerfile: "deploy/Dockerfile", target: "backups" });
    expect(backups.command).toEqual(["deno", "task", "backups:schedule"]);
    const tasks = JSON.parse(await read("deno.json")).tasks as Record<string, string>;
    expect(tasks["backups:schedule"]).toMatch(/src\/cli\/backups\.ts schedule$/);
    const config = loadConfig({ ...env, APP_ENV: "production", JWT_SECRET: SAMPLE.JWT_SECRET });
    const unknown = Object.keys(env).filter((k) => !CONFIG_KEYS.has(k) && !(k in config.clusterSecrets));
    expect(unknown).toEqual([]);
    expect(config.BACKUP_CONFIG_FILE).toBe("/etc/pgbackrest/pgbackrest.conf");
    expect(configAt(backups)).toBe("pgbackrest");
    // Every cluster's secrets, the superuser's among them: pgBackRest logs in as the superuser.
    for (const [, refs] of CLUSTERS) {
      for (const ref of Object.values(refs)) expect(env[ref], ref).toBeDefined();
    }
    expect(mountOf(backups, conf.global["repo1-path"])?.source).toBe("backups");
    for (const dir of [config.BACKUP_SCRATCH_DIR!, config.BACKUP_DIR]) {
      expect(mountOf(backups, "/var/lib/buildflow"), dir).toBeDefined();
      expect(dir.startsWith("/var/lib/buildflow/"), dir).toBe(true);
    }
    expect(backups.depends_on?.migrate?.condition).toBe("service_completed_successfully");
  });
});

// ---------------------------------------------------------------------------------------------
// deploy/Dockerfile and .dockerignore

type Instruction = { op: string; args: string };

function parseDockerfile(text: string): Instruction[] {
  return text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

const dockerfileText = await read("deploy/Dockerfile");
const dockerignoreText = await read(".dockerignore");

/** A stage of a parsed Dockerfile: from its `FROM … AS name` to the next FROM. */
function stageOf(instructions: Instruction[], name: string): Instruction[] {
  const start = instructions.findIndex((i) =>
    i.op === "FROM" && new RegExp(`\\bAS ${name}$`, "i").test(i.args)
  );
  const end = instructions.findIndex((i, n) => n > start && i.op === "FROM");
  return start < 0 ? [] : instructions.slice(start, end < 0 ? undefined : end);
}

describe("deploy/Dockerfile", () => {
  const all = parseDockerfile(dockerfileText);
  // The API image is the stage `api`; the default target (the last stage) is that same image.
  const instructions = all.filter((i) => !stageOf(all, "backups").includes(i));
  const of = (op: string) => instructions.filter((i) => i.op === op).map((i) => i.args);
  const froms = of("FROM");
  const apiStage = stageOf(all, "api");
  const base = apiStage[0]?.args.replace(/\s+AS api$/i, "") ?? "";
  const finalStage = apiStage;

  it("builds the API by default, and a backups image on it with PostgreSQL's tools and pgBackRest", () => {
    expect(all.filter((i) => i.op === "FROM").at(-1)?.args).toBe("api");
    const backups = stageOf(all, "backups");
    expect(backups[0]?.args).toMatch(/^api AS backups$/i);
    const run = backups.filter((i) => i.op === "RUN").map((i) => i.args).join(" ");
    expect(run).toMatch(/apt-get install .*\bpostgresql-15\b.*\bpgbackrest\b/);
    // As the postgres image's postgres (uid 999), who owns the data directories it backs up.
    expect(run).toMatch(/usermod -u 999 postgres/);
    expect(backups.filter((i) => i.op === "USER").at(-1)?.args).toBe("postgres");
    expect(compose.services.backups.user).toBe("999:999");
  });
  const ignored = dockerignoreText.split("\n").map((l) => l.trim()).filter((l) => l && !l[0].match(/[#!]/));

  it("builds on the official Deno image pinned to a 2.x release the lockfile can be read by", async () => {
    const tag = base.match(/^denoland\/deno:(?:[a-z]+-)?(2)\.(\d+)\.(\d+)$/);
    expect(tag, base).not.toBeNull();
    // Lockfile v5 needs Deno 2.3+; a new lockfile version must be checked against the image again.
    expect(JSON.parse(await read("deno.lock")).version).toBe("5");
    expect(Number(tag![2])).toBeGreaterThanOrEqual(3);
  });

  it("copies dbmate from its official image, pinned, where the migration looks for it", () => {
    const stage = froms.find((f) => f.startsWith("ghcr.io/amacneil/dbmate:"));
    expect(stage).toMatch(/^ghcr\.io\/amacneil\/dbmate:\d+\.\d+\.\d+ AS (\w+)$/i);
    const name = stage!.split(/\s+/).at(-1);
    const copy = of("COPY").find((c) => c.startsWith(`--from=${name} `));
    const destination = copy?.split(/\s+/).at(-1);
    expect(destination).toBe(envOf(compose.services.migrate).DBMATE_BIN);
  });

  it("copies the app's folders, which exist and are not ignored", async () => {
    const sources = finalStage.filter((i) => i.op === "COPY" && !i.args.includes("--from="))
      .flatMap((i) => i.args.split(/\s+/).filter((a) => !a.startsWith("--")).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(["deno.json", "deno.lock", "src/", "db/", "pgbouncer/"]));
    for (const source of sources) {
      expect(await exists(source), source).toBe(true);
      expect(ignored, `${source} is in .dockerignore`).not.toContain(source.replace(/\/$/, ""));
    }
    expect(ignored).toEqual(expect.arrayContaining([".data", "node_modules", "tests", ".git"]));
  });

  it("installs the locked dependencies at build time", () => {
    expect(of("RUN").some((r) => /^deno install\b.*--frozen/.test(r))).toBe(true);
  });

  it("serves as a non-root user on PORT with the start task's command", async () => {
    const user = finalStage.filter((i) => i.op === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const port = envOf(compose.services.api).PORT;
    expect(of("EXPOSE")).toEqual([port]);
    const cmd = JSON.parse(of("CMD").at(-1)!) as string[];
    const tasks = JSON.parse(await read("deno.json")).tasks as Record<string, string>;
    // The command the start task runs, not `deno task start`: Deno itself must be the process that
    // gets SIGTERM, so src/main.ts closes its clients (the Dockerfile's comment).
    expect(cmd.join(" ")).toBe(tasks.start);
    const entry = tasks.start.split(/\s+/).find((a) => a.endsWith(".ts"))!;
    expect(await exists(entry), entry).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// deploy/kubernetes/buildflow.yaml

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
};
type Container = {
  name: string;
  image: string;
  command?: string[];
  env?: EnvVar[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string }[];
  restartPolicy?: string;
};
type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: string;
  volumes?: {
    name: string;
    projected?: { sources: { configMap?: Source; secret?: Source }[] };
    configMap?: { name: string };
  }[];
};
type Source = { name: string; items?: { key: string; path: string }[] };
// deno-lint-ignore no-explicit-any
type K8s = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> };

const k8sText = await read("deploy/kubernetes/buildflow.yaml");

/** A container's env with $(NAME) expanded as Kubernetes does (earlier entries only); secrets get
 * the given values (by `secret/key`, or by key alone), or samples naming their Secret and key. */
function k8sEnv(container: Container, secrets: Record<string, string> = {}): Env {
  const env: Env = {};
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.secretKeyRef;
    env[entry.name] = ref
      ? (secrets[`${ref.name}/${ref.key}`] ?? secrets[ref.key] ?? `${ref.name}.${ref.key}-${"x".repeat(32)}`)
      : (entry.value ?? "").replace(/\$\((\w+)\)/g, (m, name) => env[name] ?? m);
  }
  return env;
}

/** The Secret a URL's password comes from: the Secret of the variable its $(NAME) expands. */
function passwordSecret(container: Container, url: string): string | undefined {
  const entries = container.env ?? [];
  const value = entries.find((e) => e.name === url)?.value ?? "";
  const input = value.match(/^postgres:\/\/[^:@]+:\$\((\w+)\)@/)?.[1];
  return entries.find((e) => e.name === input)?.valueFrom?.secretKeyRef?.name;
}

/** Each file a container sees: path → `configMap:NAME/KEY` or `secret:NAME/KEY`. */
function podFiles(pod: PodSpec, container: Container): Map<string, string> {
  const files = new Map<string, string>();
  for (const { name, mountPath } of container.volumeMounts ?? []) {
    const volume = pod.volumes!.find((v) => v.name === name)!;
    for (const source of volume.projected?.sources ?? []) {
      const from = source.configMap ? `configMap:${source.configMap.name}` : `secret:${source.secret!.name}`;
      for (const item of (source.configMap ?? source.secret)!.items!) {
        files.set(`${mountPath}/${item.path}`, `${from}/${item.key}`);
      }
    }
  }
  return files;
}

/** A sidecar's ini (a ConfigMap key) with the ConfigMap's tuning inlined wherever it is %included. */
function sidecarIni(data: Record<string, string>, key: string): Ini {
  const includes = parseIni(data[key]).includes;
  return parseIni(data[key], Object.fromEntries(includes.map((p) => [p, data["tuning.ini"]])));
}

describe("deploy/kubernetes/buildflow.yaml", () => {
  const documents = parseAllDocuments(k8sText);
  const objects = (Array.isArray(documents) ? documents : []).map((d) => d.toJS() as K8s).filter(Boolean);
  const find = (kind: string) => objects.find((o) => o.kind === kind)!;
  const deployment = find("Deployment");
  const pod = deployment?.spec.template.spec as PodSpec;
  const container = (name: string) => pod.containers.find((c) => c.name === name)!;
  const configMap = find("ConfigMap");
  const job = find("Job");
  const jobPod = job.spec.template.spec as PodSpec;
  const sidecars = pod.containers.filter((c) => c.name !== "api");
  /** The ConfigMap key of the ini a sidecar runs. */
  const iniKey = (p: PodSpec, sidecar: Container) => {
    const file = podFiles(p, sidecar).get(sidecar.command!.at(-1)!);
    expect(file, `${sidecar.name}'s ini`).toMatch(new RegExp(`^configMap:${configMap.metadata.name}/`));
    return file!.split("/").at(-1)!;
  };
  const iniOf = (p: PodSpec, sidecar: Container) => sidecarIni(configMap.data!, iniKey(p, sidecar));
  /** The API's sidecar that listens on the port of `url`. */
  const sidecarAt = (url: string) =>
    sidecars.find((s) => iniOf(pod, s).pgbouncer.get("listen_port") === new URL(url).port);

  it("parses as the API's ConfigMap, Deployment, Service and Job, and the backups' objects", () => {
    expect(Array.isArray(documents)).toBe(true);
    for (const d of documents as { errors: unknown[] }[]) expect(d.errors).toEqual([]);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      "ConfigMap/buildflow-pgbackrest",
      "ConfigMap/buildflow-pgbouncer",
      "CronJob/buildflow-backups",
      "Deployment/buildflow-api",
      "Deployment/buildflow-backup-repo",
      "Job/buildflow-migrate",
      "PersistentVolumeClaim/buildflow-backups",
      "Service/buildflow-api",
      "Service/buildflow-backup-repo",
    ]);
  });

  describe("backups", () => {
    const named = (kind: string, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.name === name)!;
    const cronPod = named("CronJob", "buildflow-backups").spec.jobTemplate.spec.template.spec as PodSpec;
    const cron = cronPod.containers[0];
    const repoPod = named("Deployment", "buildflow-backup-repo").spec.template.spec as PodSpec;
    const conf = parsePgbackrestConf(named("ConfigMap", "buildflow-pgbackrest").data!["pgbackrest.conf"]);
    const claimOf = (p: PodSpec, c: Container, path: string) => {
      const mounted = c.volumeMounts?.find((m) => m.mountPath === path)?.name;
      return (p.volumes?.find((v) => v.name === mounted) as { persistentVolumeClaim?: { claimName: string } })
        ?.persistentVolumeClaim?.claimName;
    };

    it("runs the schedule's due work every 15 minutes, one at a time, with the configuration the code reads", async () => {
      const spec = named("CronJob", "buildflow-backups").spec;
      expect(spec.schedule).toBe("*/15 * * * *");
      expect(spec.concurrencyPolicy).toBe("Forbid");
      expect(cron.command).toEqual(["deno", "task", "backups:schedule", "--once"]);
      const tasks = JSON.parse(await read("deno.json")).tasks as Record<string, string>;
      expect(tasks["backups:schedule"]).toBeDefined();
      const env = k8sEnv(cron);
      const config = loadConfig(env);
      const unknown = Object.keys(env).filter((k) =>
        !CONFIG_KEYS.has(k) && !(k in config.clusterSecrets) && !/PASSWORD$/.test(k)
      );
      expect(unknown).toEqual([]);
      for (const [, refs] of CLUSTERS) {
        for (const ref of [refs.directDsnRef, refs.poolerDsnRef, refs.superuserDsnRef]) {
          expect(env[ref], ref).toMatch(/^postgres:\/\//);
        }
      }
      expect(config.BACKUP_CONFIG_FILE).toBe("/etc/pgbackrest/pgbackrest.conf");
      expect(cron.volumeMounts?.map((m) => m.mountPath)).toContain("/etc/pgbackrest");
      expect(cron.env?.find((e) => e.name === "BACKUP_CIPHER_PASS")?.valueFrom?.secretKeyRef?.name)
        .toBe("buildflow-backups");
    });

    it("keeps the repository on the PersistentVolumeClaim both the repository server and the CronJob mount", () => {
      const claim = named("PersistentVolumeClaim", "buildflow-backups");
      expect(claim.spec.accessModes).toEqual(["ReadWriteMany"]);
      expect(claimOf(cronPod, cron, conf.global["repo1-path"])).toBe("buildflow-backups");
      expect(claimOf(repoPod, repoPod.containers[0], conf.global["repo1-path"])).toBe("buildflow-backups");
      expect(repoPod.containers[0].command).toEqual([
        "pgbackrest",
        "--config=/etc/pgbackrest/pgbackrest.conf",
        "server",
      ]);
      const local = parsePgbackrestConf(repositoryConfig("/r", "/s", [])).global;
      for (const key of ["repo1-cipher-type", "repo1-retention-full", "compress-type", "start-fast"]) {
        expect(conf.global[key], key).toBe(local[key]);
      }
    });

    it("has a stanza per cluster, reached on the host of that cluster's server", () => {
      const env = k8sEnv(cron);
      for (const [name, refs] of CLUSTERS) {
        expect(conf[name]?.["pg1-host"], name).toBe(hostOf(env[refs.directDsnRef]));
        expect(conf[name]["pg1-host-type"], name).toBe("tls");
      }
    });
  });

  it("runs the API with a PgBouncer sidecar per cluster, each on an ini of its own", () => {
    expect(pod.containers.map((c) => c.name)).toEqual(["api", "pgbouncer", "pgbouncer-2"]);
    expect(sidecars.map((s) => s.command)).toEqual([
      ["pgbouncer", "/etc/pgbouncer/pgbouncer.ini"],
      ["pgbouncer", "/etc/pgbouncer/pgbouncer-2.ini"],
    ]);
    expect(new Set(sidecars.map((s) => iniKey(pod, s))).size).toBe(sidecars.length);
    expect(new Set(sidecars.map((s) => iniOf(pod, s).pgbouncer.get("listen_port"))).size).toBe(
      sidecars.length,
    );
    for (const c of pod.containers) {
      expect(c.resources?.requests, c.name).toMatchObject({ cpu: expect.any(String) });
    }
  });

  const second = Object.values(defaultSecretRefs(SECOND));
  /** Each container, with the URLs it must have and whether it signs tokens (JWT_SECRET). */
  const envCases: [string, () => Container, string[], boolean][] = [
    [
      "api",
      () => container("api"),
      ["DATABASE_URL", "POOLER_URL", "POOLER_ADMIN_URL", CATALOG_CLUSTER_REFS.superuserDsnRef, ...second],
      true,
    ],
    ["migrate Job", () => jobPod.containers[0], ["DATABASE_URL", "POOLER_URL", ...second], false],
  ];
  for (const [where, spec, urls, signs] of envCases) {
    it(`gives the ${where} container config variables only; secrets come from a Secret`, () => {
      const entries = spec().env!;
      const names = entries.map((e) => e.name);
      const clusterSecrets = loadConfig(k8sEnv(spec())).clusterSecrets;
      entries.forEach((entry, i) => {
        const refs = [...(entry.value ?? "").matchAll(/\$\((\w+)\)/g)].map((m) => m[1]);
        // Kubernetes expands only variables defined earlier in the list.
        for (const ref of refs) expect(names.slice(0, i), `${entry.name} uses $(${ref})`).toContain(ref);
        if (CONFIG_KEYS.has(entry.name) || entry.name in clusterSecrets) return;
        // Not a config key: only a Secret input that a later URL expands.
        expect(entry.valueFrom?.secretKeyRef, `${entry.name} is not in configSchema`).toBeDefined();
        const used = entries.slice(i + 1).some((e) => e.value?.includes(`$(${entry.name})`));
        expect(used, `${entry.name} is not in configSchema and not used`).toBe(true);
      });
      expect(names.filter((name) => name.endsWith("_URL")).sort(), "URLs").toEqual([...urls].sort());
      for (const key of urls) {
        const value = entries.find((e) => e.name === key)?.value;
        expect(value, key).toMatch(/^postgres:\/\/[^:@]+:\$\(\w+\)@/); // no literal password
      }
      const jwt = entries.find((e) => e.name === "JWT_SECRET");
      if (signs) {
        expect(jwt, "JWT_SECRET").toBeDefined();
        expect(jwt!.valueFrom?.secretKeyRef).toEqual({ name: "buildflow-secrets", key: "jwt-secret" });
      } else {
        expect(jwt, "JWT_SECRET").toBeUndefined();
      }
      const config = loadConfig(k8sEnv(spec()));
      expect(Object.keys(config.clusterSecrets).sort()).toEqual(
        urls.filter((u) => u.startsWith("CLUSTER_")).sort(),
      );
      expect(() => serversFrom(config)).not.toThrow();
    });
  }

  it("names the cluster secrets as compose does", () => {
    const clusterVars = (env: Env) => Object.keys(env).filter((k) => k.startsWith("CLUSTER_")).sort();
    expect(clusterVars(k8sEnv(container("api")))).toEqual(clusterVars(envOf(compose.services.api)));
    expect(clusterVars(k8sEnv(jobPod.containers[0]))).toEqual(clusterVars(envOf(compose.services.migrate)));
  });

  it("gives the API METRICS_TOKEN from the Secret's key that the instructions create", () => {
    const entry = container("api").env!.find((e) => e.name === "METRICS_TOKEN");
    const ref = entry?.valueFrom?.secretKeyRef;
    // Optional: a Secret made before the key existed still starts the pods (with /metrics unserved).
    expect(ref).toEqual({ name: "buildflow-secrets", key: "metrics-token", optional: true });
    expect(k8sText).toMatch(
      new RegExp(`create secret generic ${ref!.name} (?:(?!kubectl)[^])*--from-literal=${ref!.key}=`),
    );
    expect(loadConfig(k8sEnv(container("api"))).METRICS_TOKEN).toBe(k8sEnv(container("api")).METRICS_TOKEN);
    expect(jobPod.containers[0].env!.some((e) => e.name === "METRICS_TOKEN")).toBe(false);
  });

  it("defines no Secret values", () => {
    expect(objects.some((o) => o.kind === "Secret")).toBe(false);
  });

  it("points each cluster's URLs at its own sidecar on 127.0.0.1 and at the PostgreSQL that sidecar serves", () => {
    const env = k8sEnv(container("api"));
    expect(loadConfig(env).APP_ENV).toBe("production");
    const targets = new Set<string>();
    for (const [name, refs] of CLUSTERS) {
      const sidecar = sidecarAt(env[refs.poolerDsnRef]);
      expect(sidecar, `${name}: a sidecar listening at ${env[refs.poolerDsnRef]}`).toBeDefined();
      const ini = iniOf(pod, sidecar!);
      const port = ini.pgbouncer.get("listen_port")!;
      expect(ini.pgbouncer.get("listen_addr")).toBe("127.0.0.1");
      expectUrl(env[refs.poolerDsnRef], { host: "127.0.0.1", port, user: APP_ROLE, database: MAIN_DATABASE });
      expectUrl(env[refs.poolerAdminDsnRef], {
        host: "127.0.0.1",
        port,
        user: ADMIN_ROLE,
        database: "pgbouncer",
      });
      expect(ini.pgbouncer.get("admin_users")).toBe(ADMIN_ROLE);
      const target = connstr(ini.databases.get("*")!);
      const direct = { host: target.host, port: target.port, user: ADMIN_ROLE, database: MAIN_DATABASE };
      expectUrl(env[refs.directDsnRef], direct);
      expectUrl(env[refs.superuserDsnRef], { ...direct, user: "postgres" });
      targets.add(`${target.host}:${target.port}`);
    }
    // Two clusters, two servers.
    expect(targets.size).toBe(CLUSTERS.length);
  });

  it("takes each cluster's passwords and its sidecar's userlist from that cluster's Secret", () => {
    const api = container("api");
    const env = k8sEnv(api);
    const secrets = new Set<string>();
    for (const [name, refs] of CLUSTERS) {
      const from = new Set(Object.values(refs).map((ref) => passwordSecret(api, ref)));
      expect(from.size, `${name}: one Secret for its URLs`).toBe(1);
      const [secret] = from;
      expect(secret, name).toBeDefined();
      secrets.add(secret!);
      // A SCRAM verifier works only on the server it was read from: each cluster's sidecar has its own.
      const sidecar = sidecarAt(env[refs.poolerDsnRef])!;
      const authFile = iniOf(pod, sidecar).pgbouncer.get("auth_file")!;
      expect(podFiles(pod, sidecar).get(authFile), name).toBe(`secret:${secret}/userlist.txt`);
    }
    expect(secrets.size).toBe(CLUSTERS.length);
  });

  it("probes /readyz for readiness and /healthz for liveness on the port the API serves", () => {
    const api = container("api");
    const port = api.ports!.find((p) => p.containerPort === loadConfig(k8sEnv(api)).PORT);
    expect(port?.name).toBeDefined();
    expect(api.readinessProbe?.httpGet).toEqual({ path: "/readyz", port: port!.name });
    expect(api.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: port!.name });
    const service = find("Service");
    expect(service.spec.ports.map((p: { targetPort: unknown }) => p.targetPort)).toEqual([port!.name]);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
  });

  it("mounts each sidecar's ini, the verbatim shared tuning and a Secret's userlist where the ini expects them", () => {
    expect(configMap.data!["tuning.ini"]).toBe(tuningText);
    for (const sidecar of sidecars) {
      const files = podFiles(pod, sidecar);
      const ini = iniOf(pod, sidecar);
      expect(ini.includes.map((p) => files.get(p)), sidecar.name).toEqual([
        `configMap:${configMap.metadata.name}/tuning.ini`,
      ]);
      expect(files.get(ini.pgbouncer.get("auth_file")!), sidecar.name).toMatch(
        /^secret:[\w-]+\/userlist\.txt$/,
      );
      expect(ini.headers, sidecar.name).toEqual(["databases", "pgbouncer"]); // the tuning continues [pgbouncer]
      expect(ini.section, sidecar.name).toBe("pgbouncer");
    }
  });

  it("divides each cluster's connection cap among the sidecars of that cluster", () => {
    // Each PgBouncer may have one backend still exiting beyond its own cap (see the tuning).
    const budget = Number(tuning.pgbouncer.get("max_user_connections")) + 1;
    for (const sidecar of sidecars) {
      const ini = iniOf(pod, sidecar);
      const perPod = Number(ini.pgbouncer.get("max_user_connections"));
      expect(perPod, sidecar.name).toBeGreaterThan(0);
      expect(deployment.spec.replicas * (perPod + 1), sidecar.name).toBeLessThanOrEqual(budget);
      // The cap is the one setting of the tuning the sidecar overrides; the rest stays in force.
      expect([...ini.own].filter((key) => tuning.pgbouncer.has(key))).toEqual(["max_user_connections"]);
      const inForce = Object.fromEntries(
        [...tuning.pgbouncer.keys()].map((key) => [key, ini.pgbouncer.get(key)]),
      );
      expect(inForce).toEqual({
        ...Object.fromEntries(tuning.pgbouncer),
        max_user_connections: String(perPod),
      });
    }
  });

  it("migrates and adds the second cluster with a one-shot Job on the API image, as compose does", () => {
    expect(jobPod.restartPolicy).toBe("Never");
    const [migrate] = jobPod.containers;
    expect(migrate.image).toBe(container("api").image);
    const script = scriptOf(migrate.command);
    expect(script).toBe(scriptOf(compose.services.migrate.command));
    expect(guardedAdds(script)).toEqual([{ listed: SECOND, added: SECOND }]);
    const env = k8sEnv(migrate);
    const apiEnv = k8sEnv(container("api"));
    for (const key of ["DATABASE_URL", ...second]) expect(env[key], key).toBe(apiEnv[key]);
  });

  it("runs the second cluster's pooler beside the Job, for clusters:add's check, as a native sidecar", () => {
    const env = k8sEnv(jobPod.containers[0]);
    const refs = defaultSecretRefs(SECOND);
    const [sidecar, ...others] = jobPod.initContainers ?? [];
    expect(others).toEqual([]);
    // An init container that keeps running (Kubernetes 1.29+): the Job completes when migrate exits.
    expect(sidecar?.restartPolicy).toBe("Always");
    const apiSidecar = sidecarAt(k8sEnv(container("api"))[refs.poolerDsnRef])!;
    expect(sidecar.image).toBe(apiSidecar.image);
    expect(sidecar.command).toEqual(apiSidecar.command);
    expect(iniKey(jobPod, sidecar)).toBe(iniKey(pod, apiSidecar));
    const ini = iniOf(jobPod, sidecar);
    expect(ini.pgbouncer.get("listen_port")).toBe(new URL(env[refs.poolerDsnRef]).port);
    const files = podFiles(jobPod, sidecar);
    for (const path of [...ini.includes, ini.pgbouncer.get("auth_file")!]) {
      expect(files.get(path), path).toBe(podFiles(pod, apiSidecar).get(path));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The real PgBouncer (the test stack's 1.18 binary) on both deployment inis. Only what differs
// between a container and this machine is rewritten: the `*` target, the %include path, the
// listen address and port, the auth file path, plus a logfile and pidfile for daemon mode.

function localIni(
  ini: string,
  at: { postgresPort: string; tuning: string; port: number; dir: string },
): string {
  const rewrites: [RegExp, string][] = [
    [/^\* = .*$/m, `* = host=127.0.0.1 port=${at.postgresPort}`],
    [/^%include .*$/m, `%include ${at.tuning}`],
    [/^listen_addr = .*$/m, "listen_addr = 127.0.0.1"],
    [/^listen_port = .*$/m, `listen_port = ${at.port}`],
    [/^auth_file = .*$/m, `auth_file = ${at.dir}/userlist.txt`],
  ];
  for (const [pattern, line] of rewrites) {
    if (!pattern.test(ini)) throw new Error(`no line matches ${pattern}`);
    ini = ini.replace(pattern, line);
  }
  return `${ini}\nlogfile = ${at.dir}/pgbouncer.log\npidfile = ${at.dir}/pgbouncer.pid\n`;
}

type Running = { port: number; dir: string };

async function withPgBouncer(
  setup: { ini: string; tuning: string; userlist: (dir: string) => Promise<void> },
  work: (pooler: Running) => Promise<void>,
) {
  const dir = await Deno.makeTempDir({ prefix: "buildflow-deploy-test-" });
  const port = freePort();
  try {
    await ownedByServiceUser(dir);
    const postgresPort = new URL(stack().servers.databaseUrl).port;
    await Deno.writeTextFile(`${dir}/tuning.ini`, setup.tuning);
    await setup.userlist(dir);
    await Deno.writeTextFile(
      `${dir}/pgbouncer.ini`,
      localIni(setup.ini, { postgresPort, tuning: `${dir}/tuning.ini`, port, dir }),
    );
    await chownToServiceUser(dir);
    await run([stack().tools.pgbouncer, "-d", `${dir}/pgbouncer.ini`], { asServiceUser: true });
    try {
      await waitForPort(port, 10_000);
    } catch (error) {
      const log = await Deno.readTextFile(`${dir}/pgbouncer.log`).catch(() => "(no log)");
      throw new Error(`PgBouncer did not start: ${error}\n${log.slice(-2000)}`);
    }
    await work({ port, dir });
  } finally {
    await stopPooler({ dir });
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

const at = (url: string, port: number) => {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(port);
  return u.toString();
};

async function expectPooler(env: Env, port: number, settings: Record<string, string>) {
  const options = { max: 1, prepare: false, fetch_types: false, onnotice: () => {} };
  const app = postgres(at(env.POOLER_URL, port), options);
  const admin = postgres(at(env.POOLER_ADMIN_URL, port), options);
  try {
    const [who] = await app`select current_user as "user", current_database() as "database"`;
    expect(who).toEqual({ user: APP_ROLE, database: MAIN_DATABASE });
    const rows = await admin`SHOW CONFIG`.simple();
    const config = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    expect(config).toMatchObject(settings);
  } finally {
    await Promise.all([app.end({ timeout: 5 }), admin.end({ timeout: 5 })]);
  }
}

describe("the deployment inis on the real PgBouncer", () => {
  const passwords = () => {
    const { databaseUrl, poolerUrl } = stack().servers;
    return {
      admin: decodeURIComponent(new URL(databaseUrl).password),
      app: decodeURIComponent(new URL(poolerUrl).password),
    };
  };

  it("compose: the entrypoint's userlist and deploy/pgbouncer/pgbouncer.ini serve the app and admin roles", async () => {
    const { admin, app } = passwords();
    const { services } = composeWith({
      ...SAMPLE,
      BUILDFLOW_ADMIN_PASSWORD: admin,
      BUILDFLOW_APP_PASSWORD: app,
    });
    const authFile = deployIni.pgbouncer.get("auth_file")!;
    const script = services.pgbouncer.entrypoint!.at(-1)!;
    await withPgBouncer({
      ini: deployIniText,
      tuning: tuningText,
      // The service's own script, writing to this directory and not exec'ing PgBouncer itself.
      userlist: (dir) =>
        run([
          "/bin/sh",
          "-ec",
          script.replace(authFile, `${dir}/userlist.txt`).replace(/^exec pgbouncer .*$/m, ""),
        ], {
          env: envOf(services.pgbouncer),
        }).then(() => {}),
    }, async ({ port }) => {
      await expectPooler(envOf(services.api), port, {
        pool_mode: "transaction",
        auth_type: "scram-sha-256",
        max_user_connections: tuning.pgbouncer.get("max_user_connections")!,
        admin_users: ADMIN_ROLE,
      });
    });
  });

  const k8sIniCases: [string, ReturnType<typeof defaultSecretRefs>][] = [
    ["pgbouncer.ini", CATALOG_CLUSTER_REFS],
    ["pgbouncer-2.ini", defaultSecretRefs(SECOND)],
  ];
  for (const [key, refs] of k8sIniCases) {
    it(`Kubernetes: the sidecar's ${key} overrides the cap and accepts SCRAM verifiers from pg_authid`, async () => {
      const objects = (parseAllDocuments(k8sText) as { toJS(): K8s }[]).map((d) => d.toJS());
      const data = objects.find((o) => o.kind === "ConfigMap")!.data!;
      const api = objects.find((o) => o.kind === "Deployment")!.spec.template.spec.containers[0] as Container;
      const { admin, app } = passwords();
      // Both clusters' Secrets get the test stack's passwords (by key): it plays either server.
      const env = k8sEnv(api, { "admin-password": admin, "app-password": app });
      const perPod = sidecarIni(data, key).pgbouncer.get("max_user_connections")!;
      await withPgBouncer({
        ini: data[key],
        tuning: data["tuning.ini"],
        userlist: async (dir) => {
          const sql = postgres(stack().superuserUrl, { max: 1, onnotice: () => {} });
          try {
            const rows = await sql<{ line: string }[]>`
              select format('"%s" "%s"', rolname, rolpassword) as line
              from pg_authid where rolname in ${sql([ADMIN_ROLE, APP_ROLE])}`;
            expect(rows).toHaveLength(2);
            await Deno.writeTextFile(`${dir}/userlist.txt`, rows.map((r) => r.line).join("\n") + "\n");
          } finally {
            await sql.end();
          }
        },
      }, async ({ port }) => {
        expect(perPod).not.toBe(tuning.pgbouncer.get("max_user_connections"));
        await expectPooler(
          { POOLER_URL: env[refs.poolerDsnRef], POOLER_ADMIN_URL: env[refs.poolerAdminDsnRef] },
          port,
          {
            pool_mode: "transaction",
            auth_type: "scram-sha-256",
            max_user_connections: perPod,
          },
        );
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The migration's script (compose and the Kubernetes Job alike) run by a shell, with a stand-in
// `deno` that logs each task and answers clusters:list with what the real CLI prints for the test
// stack's catalog, where the catalog's own cluster `local` is listed and `second` is not.

describe("the migration's guard around clusters:add", () => {
  const script = scriptOf(compose.services.migrate.command);

  /** Runs the script; `fail` names a task the stand-in fails. Returns the tasks run and the exit code. */
  async function runScript(script: string, listing: string, fail?: string) {
    const dir = await Deno.makeTempDir({ prefix: "buildflow-migrate-script-" });
    try {
      await Deno.writeTextFile(`${dir}/listing.txt`, listing);
      await Deno.writeTextFile(
        `${dir}/deno`,
        [
          "#!/bin/sh",
          `echo "$*" >> "${dir}/tasks.log"`,
          `[ "$2" = "${fail ?? ""}" ] && exit 1`,
          `[ "$2" = clusters:list ] && cat "${dir}/listing.txt"`,
          "exit 0",
        ].join("\n") + "\n",
      );
      await Deno.chmod(`${dir}/deno`, 0o755);
      const out = await new Deno.Command("/bin/sh", {
        args: ["-ec", script],
        env: { PATH: `${dir}:${Deno.env.get("PATH")}` },
        stdout: "null",
        stderr: "null",
      }).output();
      const log = await Deno.readTextFile(`${dir}/tasks.log`).catch(() => "");
      return { code: out.code, tasks: log.trim().split("\n").filter(Boolean) };
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }

  let listing = "";
  it("reads the real clusters:list, which lists the catalog's cluster `local` and no `second`", async () => {
    const list = await runCli("clusters.ts", ["list"]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^local\s/m);
    expect(list.stdout).not.toMatch(/^second\s/m);
    listing = list.stdout;
  });

  it("adds the second cluster when the catalog does not list it, then migrates every cluster", async () => {
    expect(listing).not.toBe("");
    const { code, tasks } = await runScript(script, listing);
    expect(code).toBe(0);
    expect(tasks).toEqual([
      "task db:migrate",
      "task clusters:list",
      `task clusters:add ${SECOND} --region local`,
      "task tenants:migrate",
    ]);
  });

  it("skips clusters:add for a cluster the listing has (the same guard, naming `local`)", async () => {
    expect(listing).not.toBe("");
    const { code, tasks } = await runScript(script.replaceAll(SECOND, "local"), listing);
    expect(code).toBe(0);
    expect(tasks).toEqual(["task db:migrate", "task clusters:list", "task tenants:migrate"]);
  });

  it("stops at the first failure: no template migration after a failed clusters:add or db:migrate", async () => {
    const added = await runScript(script, listing, "clusters:add");
    expect(added.code).not.toBe(0);
    expect(added.tasks.at(-1)).toMatch(/^task clusters:add /);
    const migrated = await runScript(script, listing, "db:migrate");
    expect(migrated.code).not.toBe(0);
    expect(migrated.tasks).toEqual(["task db:migrate"]);
  });
});
