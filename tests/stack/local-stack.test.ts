// The embedded local stack as the API sees it: roles and their limits, PgBouncer's pooling policy
// (read back from the running pooler and compared with pgbouncer/pgbouncer.ini), real multiplexing
// in transaction mode, and the migrated catalog with its constraints.
import { afterAll, describe, expect, it } from "vitest";
import { TUNING_INI } from "../../src/stack/pgbouncer.ts";
import { ADMIN_ROLE, APP_ROLE, MAIN_DATABASE } from "../../src/stack/index.ts";
import { connect, type Sql } from "../../src/platform/db.ts";
import { CATALOG_MIGRATIONS, dbmate, migrationVersions } from "../../src/platform/dbmate.ts";
import { stack, superuser, testConfig } from "../support/stack.ts";
import { connectionBudget, DEFAULT_CONNECTION_BUDGET } from "../../src/platform/connection-budget.ts";

/** The [pgbouncer] settings of the shared tuning file, as key → raw value. */
async function tuning(): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  let section = "";
  for (const raw of (await Deno.readTextFile(TUNING_INI)).split("\n")) {
    const line = raw.replace(/[;#].*$/, "").trim();
    if (!line) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      section = header[1];
      continue;
    }
    const pair = line.match(/^([\w.]+)\s*=\s*(.*)$/);
    // Keys before any header count too: the file may be %included inside a [pgbouncer] section.
    if ((section === "" || section === "pgbouncer") && pair) values[pair[1]] = pair[2].trim();
  }
  return values;
}

/** A client to one of the stack's URLs, optionally on another database; the caller ends it. */
function clientTo(baseUrl: string, database?: string, max = 2): Sql {
  const url = new URL(baseUrl);
  if (database) url.pathname = `/${database}`;
  return connect(url.toString(), { max });
}

/** Runs `fn` and reports its SQLSTATE (or undefined when it succeeded). */
async function sqlstate(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? `no SQLSTATE: ${error}`;
  }
}

const CATALOG_TABLES = [
  "subscription_plans",
  "clusters",
  "agencies",
  "agency_events",
  "users",
  "user_directory",
];

describe("roles", () => {
  const app = clientTo(stack().servers.poolerUrl);
  const admin = clientTo(stack().servers.databaseUrl, undefined, 1);
  afterAll(() => Promise.all([app.end({ timeout: 5 }), admin.end({ timeout: 5 })]));

  it("the app role, through PgBouncer, is neither superuser nor allowed to create databases", async () => {
    const [me] = await app<
      { currentUser: string; rolsuper: boolean; rolcreatedb: boolean; isSuper: string }[]
    >`
      select current_user, r.rolsuper, r.rolcreatedb, current_setting('is_superuser') as is_super
      from pg_roles r where r.rolname = current_user`;
    expect(me).toEqual({ currentUser: APP_ROLE, rolsuper: false, rolcreatedb: false, isSuper: "off" });
    expect(new URL(stack().servers.poolerUrl).username).toBe(APP_ROLE);
    expect(await sqlstate(() => app.unsafe("create database x"))).toBe("42501");
  });

  it("the app role cannot reach the postgres or template1 databases through the pooler", async () => {
    for (const database of ["postgres", "template1"]) {
      const sql = clientTo(stack().servers.poolerUrl, database, 1);
      try {
        const error = await sql`select 1`.then(() => undefined, (e: Error) => e);
        expect(error, `app role reached ${database}`).toBeInstanceOf(Error);
        // PostgreSQL refuses the login (CONNECT is revoked from public); PgBouncer relays it.
        expect(String(error)).toContain(`permission denied for database "${database}"`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    }
  });

  it("the app role may read agencies but not write them", async () => {
    // A row the admin role writes (status deleted: nothing else acts on it) is one the app role reads.
    const probe = crypto.randomUUID();
    const row = {
      id: probe,
      name: "Read probe",
      databaseName: `agency_readprobe_${probe.replaceAll("-", "").slice(0, 8)}`,
      status: "deleted",
    };
    await admin`
      insert into agencies (id, name, database_name, subscription_plan, status)
      values (${row.id}, ${row.name}, ${row.databaseName}, 'starter', ${row.status})`;
    try {
      const read = await app`select id, name, database_name, status from agencies where id = ${probe}`;
      expect(read).toEqual([row]);
    } finally {
      await admin`delete from agencies where id = ${probe}`;
    }

    const id = crypto.randomUUID();
    const state = await sqlstate(() =>
      app`insert into agencies (id, name, database_name, subscription_plan)
          values (${id}, 'Intruder', ${`agency_intruder_${id.replaceAll("-", "").slice(0, 8)}`}, 'starter')`
    );
    expect(state).toBe("42501");
  });

  it("the admin role may create databases but is not a superuser", async () => {
    expect(new URL(stack().servers.databaseUrl).username).toBe(ADMIN_ROLE);
    const [me] = await admin<{ currentUser: string; rolsuper: boolean; rolcreatedb: boolean }[]>`
      select current_user, rolsuper, rolcreatedb from pg_roles where rolname = current_user`;
    expect(me).toEqual({ currentUser: ADMIN_ROLE, rolsuper: false, rolcreatedb: true });
  });
});

describe("PgBouncer", () => {
  const superSql = superuser();

  /** psql as the app role with no password, as this process's OS user: exit code and stderr. */
  const psqlAsApp = async (host: string) => {
    const port = new URL(stack().servers.databaseUrl).port;
    const out = await new Deno.Command(`${stack().tools.pgBin}/psql`, {
      args: ["-h", host, "-p", port, "-U", APP_ROLE, "-d", MAIN_DATABASE, "-w", "-Atc", "select 1"],
      env: { PGPASSWORD: "", PGCONNECT_TIMEOUT: "5" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
  };

  it("reaches PostgreSQL as the app role over the Unix socket, without its password", async () => {
    const pooled = connect(stack().servers.poolerUrl, { max: 1 });
    try {
      const [row] = await pooled<{ currentUser: string; overSocket: boolean }[]>`
        select current_user, inet_server_addr() is null as over_socket`;
      expect(row).toEqual({ currentUser: APP_ROLE, overSocket: true });
    } finally {
      await pooled.end();
    }
  });

  it("refuses the app role over TCP without its password", async () => {
    const tcp = await psqlAsApp("127.0.0.1");
    expect(tcp.code).not.toBe(0);
    expect(tcp.stderr).toContain("no password supplied");
  });

  // Another OS user than PgBouncer's (postgres): as root we are one; otherwise we are PgBouncer's.
  it.runIf(Deno.uid() === 0)("refuses the app role over the socket to any other OS user (peer)", async () => {
    const socket = await psqlAsApp(`${stack().dir}/run`);
    expect(socket.code).not.toBe(0);
    expect(socket.stderr).toContain(`Peer authentication failed for user "${APP_ROLE}"`);
  });

  it("runs the pooling policy of pgbouncer/pgbouncer.ini", async () => {
    const ini = await tuning();
    expect(ini.pool_mode).toBe("transaction");
    expect(Number(ini.max_user_connections)).toBe(DEFAULT_CONNECTION_BUDGET - 1); // less one leaving
    expect(Number(ini.query_wait_timeout)).toBeGreaterThan(0);
    expect(Number(ini.query_wait_timeout)).toBeLessThanOrEqual(10);

    const adminConsole = connect(stack().servers.poolerAdminUrl, { max: 1 });
    try {
      const rows = await adminConsole<{ key: string; value: string }[]>`SHOW CONFIG`.simple();
      const live = Object.fromEntries(rows.map((r) => [r.key, r.value]));
      expect(live.pool_mode).toBe(ini.pool_mode);
      // This stack's budget (PG_CONNECTION_BUDGET, default the tuning's), and PostgreSQL sized for it.
      const budget = connectionBudget(testConfig().PG_CONNECTION_BUDGET);
      expect(Number(live.max_user_connections)).toBe(budget.maxUserConnections);
      const [server] = await superSql<{ maxConnections: string; naptime: string }[]>`
        select current_setting('max_connections') as max_connections,
          current_setting('autovacuum_naptime') as naptime`;
      expect(server).toEqual({
        maxConnections: String(budget.maxConnections),
        naptime: `${budget.autovacuumNaptimeSeconds}s`,
      });
      // PgBouncer prints durations in seconds, possibly with a fraction ("5" or "5.0").
      expect(Number.parseFloat(live.query_wait_timeout)).toBe(Number(ini.query_wait_timeout));
      expect(Number(live.default_pool_size)).toBe(Number(ini.default_pool_size));
    } finally {
      await adminConsole.end({ timeout: 1 });
    }
  });

  it("multiplexes many client connections onto at most default_pool_size server connections", async () => {
    const poolSize = Number((await tuning()).default_pool_size);
    expect(poolSize).toBeGreaterThan(0);
    const clients = [1, 2, 3].map(() => clientTo(stack().servers.poolerUrl, MAIN_DATABASE, 5));
    try {
      let peak = 0;
      let sampling = true;
      // PostgreSQL's view of the pooler's app-role backends on the catalog database (over the Unix
      // socket: other test files' direct connections come over TCP), sampled during the load.
      const sampler = (async () => {
        while (sampling) {
          const [{ n }] = await superSql<{ n: number }[]>`
            select count(*)::int as n from pg_stat_activity
            where usename = ${APP_ROLE} and datname = ${MAIN_DATABASE} and client_addr is null`;
          peak = Math.max(peak, n);
          await new Promise((r) => setTimeout(r, 25));
        }
      })();
      const backends = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          clients[i % 3].begin(async (tx) => {
            const [backend] = await tx<{ pid: number; user: string; database: string }[]>`
              select pg_backend_pid() as pid, current_user as user, current_database() as database`;
            await tx`select pg_sleep(0.2)`;
            return backend;
          })),
      );
      // Every transaction ran on an app-role backend of the catalog: the ones the sampler counts.
      expect(new Set(backends.map((b) => `${b.user}@${b.database}`))).toEqual(
        new Set([`${APP_ROLE}@${MAIN_DATABASE}`]),
      );
      const pids = backends.map((b) => b.pid);
      sampling = false;
      await sampler;

      // The clients really opened more connections than the pool has servers (3 clients × 5)...
      const adminConsole = connect(stack().servers.poolerAdminUrl, { max: 1 });
      try {
        const rows = await adminConsole<{ user: string; database: string }[]>`SHOW CLIENTS`.simple();
        const ours = rows.filter((r) => r.user === APP_ROLE && r.database === MAIN_DATABASE);
        expect(ours.length).toBeGreaterThanOrEqual(15);
      } finally {
        await adminConsole.end({ timeout: 1 });
      }
      // ...and PostgreSQL saw no more than the pool's backends.
      expect(new Set(pids).size, `backend pids ${[...new Set(pids)]}`).toBeLessThanOrEqual(poolSize);
      expect(peak).toBeGreaterThan(0);
      expect(peak, "server connections seen in pg_stat_activity").toBeLessThanOrEqual(poolSize);
    } finally {
      await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
    }
  });
});

describe("catalog", () => {
  const db = superuser();

  it("has every table and the seeded plans", async () => {
    const rows = await db<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname in ${db(CATALOG_TABLES)}`;
    expect(rows.map((r) => r.name).sort()).toEqual([...CATALOG_TABLES].sort());
    const plans = await db<{ code: string; isActive: boolean; selfService: boolean }[]>`
      select code, is_active, self_service from subscription_plans
      where code in ('starter', 'pro', 'enterprise') order by price_inr`;
    // Only the free plan is open to self-service signup: nothing bills for the others.
    expect(plans).toEqual([
      { code: "starter", isActive: true, selfService: true },
      { code: "pro", isActive: true, selfService: false },
      { code: "enterprise", isActive: true, selfService: false },
    ]);
  });

  it("has no pending migration according to dbmate", async () => {
    const out = await dbmate(stack().tools.dbmate, stack().servers.databaseUrl, CATALOG_MIGRATIONS, "status");
    const versions = await migrationVersions(CATALOG_MIGRATIONS);
    expect(versions.length).toBeGreaterThan(0);
    expect(out).toMatch(/^Pending: 0$/m);
    expect(out).toMatch(new RegExp(`^Applied: ${versions.length}$`, "m"));
  });

  describe("constraints (each attempt rolled back)", () => {
    const ROLLBACK = new Error("rollback");

    /** Runs the inserts in a transaction that never commits; returns the SQLSTATE that stopped them,
     * or "ok" when all succeeded (then rolled back by the sentinel). */
    async function attempt(inserts: (tx: Sql) => Promise<unknown>): Promise<string> {
      try {
        await db.begin(async (tx) => {
          await inserts(tx as unknown as Sql);
          throw ROLLBACK;
        });
        throw new Error("transaction committed");
      } catch (error) {
        if (error === ROLLBACK) return "ok";
        return (error as { code?: string }).code ?? String(error);
      }
    }

    /** A valid agency row, with overrides; `databaseName` builds the name from the id's 8 hex digits
     * so that only the pattern, not the id-suffix check, can reject it. */
    const agency = (
      overrides: Record<string, string> = {},
      databaseName = (hex: string) => `agency_probe_${hex}`,
    ) => {
      const id = crypto.randomUUID();
      return {
        id,
        name: "Constraint probe",
        domain: null as string | null,
        database_name: databaseName(id.replaceAll("-", "").slice(0, 8)),
        subscription_plan: "starter",
        status: "active",
        ...overrides,
      };
    };
    const insert = (tx: Sql, row: ReturnType<typeof agency>) =>
      tx`insert into agencies ${
        tx(row, "id", "name", "domain", "database_name", "subscription_plan", "status")
      }`;
    const domain = `probe-${crypto.randomUUID().slice(0, 8)}.example.com`;

    it("accepts a well-formed agency (the control for the cases below)", async () => {
      expect(await attempt((tx) => insert(tx, agency({ domain })))).toBe("ok");
    });

    it("rejects an unknown status", async () => {
      expect(await attempt((tx) => insert(tx, agency({ status: "bogus" })))).toBe("23514");
    });

    it("rejects a duplicate domain among live agencies, allows it beside a deleted one", async () => {
      expect(
        await attempt(async (tx) => {
          await insert(tx, agency({ domain }));
          await insert(tx, agency({ domain }));
        }),
      ).toBe("23505");
      expect(
        await attempt(async (tx) => {
          await insert(tx, agency({ domain, status: "deleted" }));
          await insert(tx, agency({ domain }));
        }),
      ).toBe("ok");
    });

    it("rejects a database name outside the pattern", async () => {
      const bad = [
        (hex: string) => `Agency_Probe_${hex}`, // upper case
        (hex: string) => `agency_${hex}`, // no middle part
        (hex: string) => `agency_probe-x_${hex}`, // a character outside [a-z0-9_]
        (hex: string) => `tenant_probe_${hex}`, // wrong prefix
        (hex: string) => `agency_${"x".repeat(50)}_${hex}`, // over 63 bytes
      ];
      for (const name of bad) {
        const row = agency({}, name);
        expect(await attempt((tx) => insert(tx, row)), row.database_name).toBe("23514");
      }
    });

    it("left nothing behind", async () => {
      const [{ n }] = await db<{ n: number }[]>`
        select count(*)::int as n from agencies where name = 'Constraint probe' or database_name like 'agency_probe_%'`;
      expect(n).toBe(0);
    });
  });
});
