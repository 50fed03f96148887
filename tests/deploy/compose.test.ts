// The deployment files checked against what the code reads, since Docker cannot run here:
// compose.yaml, deploy/Dockerfile, .dockerignore, deploy/pgbouncer/pgbouncer.ini and
// deploy/kubernetes/buildflow.yaml against src/config.ts, deno.json and the shared tuning in
// pgbouncer/pgbouncer.ini. Every variable must be a config key and parse, every URL must reach the
// right service, port, role and database, the inis must %include the tuning where it is mounted.
// The last block runs the real PgBouncer (the test stack's binary) on both deployment inis.
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { configSchema, loadConfig, serversFrom } from "../../src/config.ts";
import { chownToServiceUser, ownedByServiceUser, run } from "../../src/platform/command.ts";
import { ADMIN_ROLE, APP_ROLE, APP_ROLE_LIMITS, MAIN_DATABASE } from "../../src/stack/index.ts";
import {
  connectionBudget,
  DEFAULT_CONNECTION_BUDGET,
  SUPERUSER_RESERVED,
} from "../../src/platform/connection-budget.ts";
import { stopPooler } from "../../src/stack/pgbouncer.ts";
import { freePort, waitForPort } from "../../src/stack/ports.ts";
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

describe("compose.yaml", () => {
  const { postgres: db, pgbouncer, migrate, api } = compose.services;
  const apiEnv = envOf(api);

  it("runs postgres, pgbouncer, a one-shot migrate and the api", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["api", "migrate", "pgbouncer", "postgres"]);
    expect(db.image).toMatch(/^postgres:15(\.\d+)?$/);
  });

  it("sets only variables that src/config.ts reads on api and migrate", () => {
    for (const name of ["api", "migrate"]) {
      const unknown = Object.keys(envOf(compose.services[name])).filter((k) => !CONFIG_KEYS.has(k));
      expect(unknown, `${name}: not in configSchema`).toEqual([]);
    }
  });

  it("gives the api a production configuration that loadConfig accepts", () => {
    const config = loadConfig(apiEnv);
    expect(config.APP_ENV).toBe("production");
    expect(config.JWT_SECRET).toBe(SAMPLE.JWT_SECRET);
    expect(serversFrom(config).poolerAdminUrl).toBe(apiEnv.POOLER_ADMIN_URL);
    // The migration resolves its servers the same way (src/cli/context.ts).
    expect(() => serversFrom(loadConfig(envOf(migrate)))).not.toThrow();
  });

  it("refuses to start without JWT_SECRET from the environment", () => {
    const { JWT_SECRET: _, ...withoutSecret } = SAMPLE;
    expect(() => composeWith(withoutSecret)).toThrow(/JWT_SECRET is required/);
    expect(rawCompose.services.api.environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
  });

  it("points each URL at the right service, port, role and database", () => {
    const direct = { host: "postgres", port: POSTGRES_PORT, user: ADMIN_ROLE, database: MAIN_DATABASE };
    const pooled = { host: "pgbouncer", port: "6432", user: APP_ROLE, database: MAIN_DATABASE };
    expectUrl(apiEnv.DATABASE_URL, direct);
    expectUrl(apiEnv.POOLER_URL, pooled);
    expectUrl(apiEnv.POOLER_ADMIN_URL, { ...pooled, user: ADMIN_ROLE, database: "pgbouncer" });
    const migrateEnv = envOf(migrate);
    expect(migrateEnv.DATABASE_URL).toBe(apiEnv.DATABASE_URL);
    expect(migrateEnv.POOLER_URL).toBe(apiEnv.POOLER_URL);
  });

  it("uses the same password for a role wherever it appears, defaults included", () => {
    const cases: [Env, { admin: string; app: string }][] = [
      [SAMPLE, { admin: SAMPLE.BUILDFLOW_ADMIN_PASSWORD, app: SAMPLE.BUILDFLOW_APP_PASSWORD }],
      [
        { JWT_SECRET: SAMPLE.JWT_SECRET },
        { admin: "buildflow-admin-local-only", app: "buildflow-app-local-only" },
      ],
    ];
    for (const [env, { admin, app }] of cases) {
      const { services } = composeWith(env);
      const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
      expect(envOf(services.postgres)).toMatchObject({
        BUILDFLOW_ADMIN_PASSWORD: admin,
        BUILDFLOW_APP_PASSWORD: app,
      });
      expect(envOf(services.pgbouncer)).toMatchObject({
        BUILDFLOW_ADMIN_PASSWORD: admin,
        BUILDFLOW_APP_PASSWORD: app,
      });
      for (const service of [services.api, services.migrate]) {
        const e = envOf(service);
        expect(passwordOf(e.DATABASE_URL)).toBe(admin);
        expect(passwordOf(e.POOLER_URL)).toBe(app);
      }
      // Only the api reaches PgBouncer's console; the migration has no URL for it.
      expect(passwordOf(envOf(services.api).POOLER_ADMIN_URL)).toBe(admin);
      expect(envOf(services.migrate)).not.toHaveProperty("POOLER_ADMIN_URL");
    }
  });

  it("publishes the api on PORT and checks /readyz there", () => {
    const port = apiEnv.PORT;
    expect(loadConfig(apiEnv).PORT).toBe(Number(port));
    expect(api.ports).toEqual([`${port}:${port}`]);
    const probe = api.healthcheck!.test.join(" ");
    expect(probe).toContain(`http://127.0.0.1:${port}/readyz`);
  });

  it("starts the api after a successful migration, and the migration after a healthy postgres", () => {
    expect(api.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    // service_started: the pgbouncer service has no healthcheck, so service_healthy could never be met.
    expect(api.depends_on?.pgbouncer?.condition).toBe("service_started");
    expect(pgbouncer.healthcheck).toBeUndefined();
    expect(migrate.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(pgbouncer.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(migrate.restart).toBe("no");
    expect(db.healthcheck!.test).toContain("pg_isready");
  });

  it("runs api and migrate from the image of deploy/Dockerfile, migrate with existing tasks", async () => {
    const tasks = JSON.parse(await read("deno.json")).tasks as Record<string, string>;
    for (const service of [api, migrate]) {
      expect(service.build).toEqual({ context: ".", dockerfile: "deploy/Dockerfile" });
      expect(await exists(service.build!.dockerfile!)).toBe(true);
    }
    expect(migrate.image).toBe(api.image);
    const script = migrate.command!.join(" ");
    const named = [...script.matchAll(/deno task ([\w:-]+)/g)].map((m) => m[1]);
    expect(named[0]).toBe("db:migrate");
    for (const task of named) {
      expect(Object.keys(tasks), `task ${task}`).toContain(task);
      const entry = tasks[task].split(/\s+/).find((a) => a.endsWith(".ts"))!;
      expect(await exists(entry), entry).toBe(true);
    }
  });

  it("keeps PostgreSQL's data in a named volume and creates the roles and database on first start", () => {
    const data = db.volumes!.map(mount).find((m) => m.target === "/var/lib/postgresql/data");
    expect(data && Object.keys(compose.volumes ?? {})).toContain(data!.source);
    const init = db.configs!.find((c) => c.target.startsWith("/docker-entrypoint-initdb.d/"));
    expect(init?.target).toMatch(/\.sh$/);
    const sql = compose.configs![init!.source].content!;
    const env = envOf(db);
    // The script reads the very variables the postgres service sets (after $$ → $).
    expect(sql).toContain('"$BUILDFLOW_ADMIN_PASSWORD"');
    expect(sql).toContain('"$BUILDFLOW_APP_PASSWORD"');
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(["BUILDFLOW_ADMIN_PASSWORD", "BUILDFLOW_APP_PASSWORD"]),
    );
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
  });

  it("derives PostgreSQL's settings from the connection budget that PgBouncer's cap spends", () => {
    const setting = (name: string) => db.command!.join(" ").match(new RegExp(`${name}=(\\d+)`))?.[1];
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
});

describe("compose's PgBouncer", () => {
  const { pgbouncer, api } = compose.services;
  const mounts = pgbouncer.volumes!.map(mount);
  const script = pgbouncer.entrypoint!.at(-1)!;
  const iniPath = script.match(/exec pgbouncer (\S+)\s*$/)?.[1];
  const tuningMount = mounts.find((m) => m.source === "./pgbouncer/pgbouncer.ini");
  const ini = deployIni;

  it("runs PgBouncer from the mounted deploy/pgbouncer/pgbouncer.ini", () => {
    expect(pgbouncer.entrypoint!.slice(0, -1)).toEqual(["/bin/sh", "-ec"]);
    expect(iniPath).toBeDefined();
    expect(mounts).toContainEqual({
      source: "./deploy/pgbouncer/pgbouncer.ini",
      target: iniPath,
      mode: "ro",
    });
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

  it("reaches PostgreSQL over the socket directory both containers mount, at DATABASE_URL's port", () => {
    const target = connstr(ini.databases.get("*")!);
    const direct = new URL(envOf(api).DATABASE_URL);
    const socketMount = (service: Service) =>
      service.volumes!.map(mount).find((m) => m.target === target.host);
    expect(target.host).toBe("/var/run/postgresql"); // the postgres image's socket directory
    expect(target.port).toBe(direct.port); // the socket file is named after the port
    expect(socketMount(pgbouncer)?.source).toBe(socketMount(compose.services.postgres)?.source);
    expect(Object.keys(compose.volumes ?? {})).toContain(socketMount(pgbouncer)!.source);
    expect([...ini.databases.keys()]).toEqual(["*"]);
  });

  it("logs the app role in by peer as PgBouncer's uid, and nothing else without a password", () => {
    // 999 is the postgres image's `postgres` user: the uid PostgreSQL resolves for the peer.
    expect(pgbouncer.user).toBe("999:999");
    const init = compose.configs![compose.services.postgres.configs![0].source].content!;
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

  it("listens where POOLER_URL and POOLER_ADMIN_URL connect", () => {
    const env = envOf(api);
    expect(ini.pgbouncer.get("listen_addr")).toBe("0.0.0.0");
    expect(ini.pgbouncer.get("listen_port")).toBe(new URL(env.POOLER_URL).port);
    expect(new URL(env.POOLER_ADMIN_URL).port).toBe(new URL(env.POOLER_URL).port);
    expect(ini.pgbouncer.get("admin_users")).toBe(decodeURIComponent(new URL(env.POOLER_ADMIN_URL).username));
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

describe("deploy/Dockerfile", () => {
  const instructions = parseDockerfile(dockerfileText);
  const of = (op: string) => instructions.filter((i) => i.op === op).map((i) => i.args);
  const froms = of("FROM");
  const base = froms.at(-1)!;
  const finalStage = instructions.slice(instructions.findLastIndex((i) => i.op === "FROM"));
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

type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
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
};
type PodSpec = {
  containers: Container[];
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
 * the given values, or samples. */
function k8sEnv(container: Container, secrets: Record<string, string> = {}): Env {
  const env: Env = {};
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.secretKeyRef;
    env[entry.name] = ref
      ? (secrets[ref.key] ?? `${ref.key}-${"x".repeat(32)}`)
      : (entry.value ?? "").replace(/\$\((\w+)\)/g, (m, name) => env[name] ?? m);
  }
  return env;
}

/** The sidecar's ini with the ConfigMap's tuning inlined wherever it is %included. */
function sidecarIni(data: Record<string, string>): Ini {
  const includes = parseIni(data["pgbouncer.ini"]).includes;
  return parseIni(data["pgbouncer.ini"], Object.fromEntries(includes.map((p) => [p, data["tuning.ini"]])));
}

describe("deploy/kubernetes/buildflow.yaml", () => {
  const documents = parseAllDocuments(k8sText);
  const objects = (Array.isArray(documents) ? documents : []).map((d) => d.toJS() as K8s).filter(Boolean);
  const find = (kind: string) => objects.find((o) => o.kind === kind)!;
  const deployment = find("Deployment");
  const pod = deployment?.spec.template.spec as PodSpec;
  const container = (name: string) => pod.containers.find((c) => c.name === name)!;
  const configMap = find("ConfigMap");
  const ini = sidecarIni(configMap.data!);
  const job = find("Job");

  it("parses as a ConfigMap, a Deployment, a Service and a Job", () => {
    expect(Array.isArray(documents)).toBe(true);
    for (const d of documents as { errors: unknown[] }[]) expect(d.errors).toEqual([]);
    expect(objects.map((o) => o.kind).sort()).toEqual(["ConfigMap", "Deployment", "Job", "Service"]);
  });

  it("runs the API with PgBouncer as a sidecar", () => {
    expect(pod.containers.map((c) => c.name)).toEqual(["api", "pgbouncer"]);
    expect(container("pgbouncer").command).toEqual(["pgbouncer", "/etc/pgbouncer/pgbouncer.ini"]);
    for (const c of pod.containers) {
      expect(c.resources?.requests, c.name).toMatchObject({ cpu: expect.any(String) });
    }
  });

  /** Each container, with the URLs it must have and whether it signs tokens (JWT_SECRET). */
  const envCases: [string, () => Container, string[], boolean][] = [
    ["api", () => container("api"), ["DATABASE_URL", "POOLER_URL", "POOLER_ADMIN_URL"], true],
    ["migrate Job", () => job.spec.template.spec.containers[0], ["DATABASE_URL", "POOLER_URL"], false],
  ];
  for (const [where, spec, urls, signs] of envCases) {
    it(`gives the ${where} container config variables only; secrets come from a Secret`, () => {
      const entries = spec().env!;
      const names = entries.map((e) => e.name);
      entries.forEach((entry, i) => {
        const refs = [...(entry.value ?? "").matchAll(/\$\((\w+)\)/g)].map((m) => m[1]);
        // Kubernetes expands only variables defined earlier in the list.
        for (const ref of refs) expect(names.slice(0, i), `${entry.name} uses $(${ref})`).toContain(ref);
        if (CONFIG_KEYS.has(entry.name)) return;
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
      expect(() => serversFrom(config)).not.toThrow();
    });
  }

  it("defines no Secret values", () => {
    expect(objects.some((o) => o.kind === "Secret")).toBe(false);
  });

  it("points the API at its sidecar on 127.0.0.1 and at PostgreSQL where PgBouncer sends databases", () => {
    const env = k8sEnv(container("api"));
    const config = loadConfig(env);
    expect(config.APP_ENV).toBe("production");
    const port = ini.pgbouncer.get("listen_port")!;
    expect(ini.pgbouncer.get("listen_addr")).toBe("127.0.0.1");
    expect(port).toBe("6432");
    expectUrl(env.POOLER_URL, { host: "127.0.0.1", port, user: APP_ROLE, database: MAIN_DATABASE });
    expectUrl(env.POOLER_ADMIN_URL, { host: "127.0.0.1", port, user: ADMIN_ROLE, database: "pgbouncer" });
    const target = connstr(ini.databases.get("*")!);
    expectUrl(env.DATABASE_URL, {
      host: target.host,
      port: target.port,
      user: ADMIN_ROLE,
      database: MAIN_DATABASE,
    });
    expect(ini.pgbouncer.get("admin_users")).toBe(ADMIN_ROLE);
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

  it("mounts the ini, the verbatim shared tuning and the Secret's userlist where the ini expects them", () => {
    expect(configMap.data!["tuning.ini"]).toBe(tuningText);
    const sidecar = container("pgbouncer");
    const [{ name, mountPath }] = sidecar.volumeMounts!;
    const volume = pod.volumes!.find((v) => v.name === name)!;
    const files = new Map<string, string>();
    for (const source of volume.projected!.sources) {
      const from = source.configMap ? `configMap:${source.configMap.name}` : `secret:${source.secret!.name}`;
      for (const item of (source.configMap ?? source.secret)!.items!) {
        files.set(`${mountPath}/${item.path}`, `${from}/${item.key}`);
      }
    }
    expect(files.get(sidecar.command!.at(-1)!)).toBe(`configMap:${configMap.metadata.name}/pgbouncer.ini`);
    expect(ini.includes.map((p) => files.get(p))).toEqual([
      `configMap:${configMap.metadata.name}/tuning.ini`,
    ]);
    expect(files.get(ini.pgbouncer.get("auth_file")!)).toMatch(/^secret:[\w-]+\/userlist\.txt$/);
    expect(ini.headers).toEqual(["databases", "pgbouncer"]); // the tuning continues [pgbouncer]
    expect(ini.section).toBe("pgbouncer");
  });

  it("divides the global connection cap among the sidecars", () => {
    const perPod = Number(ini.pgbouncer.get("max_user_connections"));
    // Each PgBouncer may have one backend still exiting beyond its own cap (see the tuning).
    const budget = Number(tuning.pgbouncer.get("max_user_connections")) + 1;
    expect(perPod).toBeGreaterThan(0);
    expect(deployment.spec.replicas * (perPod + 1)).toBeLessThanOrEqual(budget);
    // The cap is the one setting of the tuning the sidecar overrides; the rest stays in force.
    expect([...ini.own].filter((key) => tuning.pgbouncer.has(key))).toEqual(["max_user_connections"]);
    const inForce = Object.fromEntries(
      [...tuning.pgbouncer.keys()].map((key) => [key, ini.pgbouncer.get(key)]),
    );
    expect(inForce).toEqual({
      ...Object.fromEntries(tuning.pgbouncer),
      max_user_connections: String(perPod),
    });
  });

  it("migrates with a one-shot Job on the API image", () => {
    const spec = job.spec.template.spec as PodSpec;
    expect(spec.restartPolicy).toBe("Never");
    const [migrate] = spec.containers;
    expect(migrate.image).toBe(container("api").image);
    expect(migrate.command!.join(" ")).toMatch(/deno task db:migrate/);
    expect(k8sEnv(migrate).DATABASE_URL).toBe(k8sEnv(container("api")).DATABASE_URL);
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

  it("Kubernetes: the sidecar's ini overrides the cap and accepts SCRAM verifiers from pg_authid", async () => {
    const objects = (parseAllDocuments(k8sText) as { toJS(): K8s }[]).map((d) => d.toJS());
    const data = objects.find((o) => o.kind === "ConfigMap")!.data!;
    const api = objects.find((o) => o.kind === "Deployment")!.spec.template.spec.containers[0] as Container;
    const { admin, app } = passwords();
    const env = k8sEnv(api, { "admin-password": admin, "app-password": app });
    const perPod = sidecarIni(data).pgbouncer.get("max_user_connections")!;
    await withPgBouncer({
      ini: data["pgbouncer.ini"],
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
      await expectPooler(env, port, {
        pool_mode: "transaction",
        auth_type: "scram-sha-256",
        max_user_connections: perPod,
      });
    });
  });
});
