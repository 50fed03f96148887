// Fleet migrations (migrateFleet, `deno task tenants:migrate`) on the real stack, against this file's
// own agencies only: other files' agencies share the catalog, so every run here is narrowed to ours
// (the `agency` option, or a private catalog holding only our rows), and the shared template is never
// touched (no prepareTemplate, no CLI run without --dry-run, with the extra migrations below).
//
// 20 agencies, one of them broken, as in the acceptance of the fleet-operations issue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Sql } from "../../src/platform/db.ts";
import { migrationVersions, TENANT_MIGRATIONS } from "../../src/platform/dbmate.ts";
import { type ControlPlane, databaseUrlFor } from "../../src/tenancy/control-plane.ts";
import {
  type FleetDeps,
  type FleetOptions,
  type FleetOutcome,
  migrateFleet,
} from "../../src/tenancy/fleet-migrate.ts";
import { agencyLock } from "../../src/tenancy/lifecycle.ts";
import { asSuperuser, call, hex, signupAgency, type Tenant } from "../support/fixtures.ts";
import { localPlane, stack, superuser, testApp } from "../support/stack.ts";
import { mapLimit } from "../../src/platform/map-limit.ts";
import { runCli } from "./helpers.ts";

const N = 20;
const { app, services } = testApp({ TRUST_PROXY: "true" });
const su = superuser();
const cp: ControlPlane = localPlane(services);
const fleet = {
  control: services.control,
  clusters: services.clusters,
  catalogUrl: stack().servers.databaseUrl,
};
const tag = hex(6);
const LATEST = migrationVersions(TENANT_MIGRATIONS).at(-1)!;
// Versions above every real one, applied in turn; each adds one column to `clients`.
const V1 = "29990101000001";
const V2 = "29990101000002";
const V3 = "29990101000003";
const V4 = "29990101000004";
const column = (version: string) => `fleet_test_${tag}_${version.slice(-1)}`;

let tenants: Tenant[] = [];
let migrationsDir = "";
const dbs = () => tenants.map((t) => t.agencyDatabase);

async function addMigration(version: string) {
  const col = column(version);
  await Deno.writeTextFile(
    `${migrationsDir}/${version}_fleet_test_${tag}.sql`,
    `-- migrate:up\nALTER TABLE clients ADD COLUMN ${col} text;\n\n` +
      `-- migrate:down\nALTER TABLE clients DROP COLUMN ${col};\n`,
  );
}

const options = (extra: Partial<FleetOptions> = {}): FleetOptions => ({
  dbmateBin: stack().tools.dbmate,
  migrationsDir,
  concurrency: 4,
  ...extra,
});

/** One run per agency, each narrowed by `agency`, all at once. */
const perAgency = (names: string[], extra: Partial<FleetOptions> = {}) =>
  Promise.all(names.map((db) => migrateFleet(fleet, options({ ...extra, agency: db }))));

const ledger = async (db: string) => {
  const [row] = await su<
    { id: string; schemaVersion: string | null; migratedAt: Date | null; lastMigrationError: string | null }[]
  >`select id, schema_version, migrated_at, last_migration_error from agencies where database_name = ${db}`;
  return row;
};

const appliedVersions = (db: string) =>
  asSuperuser(db, async (sql) =>
    (await sql<{ version: string }[]>`select version from schema_migrations`)
      .map((r) => r.version));

const hasColumn = (db: string, name: string) =>
  asSuperuser(
    db,
    async (sql) =>
      (await sql`select 1 from information_schema.columns where table_name = 'clients' and column_name = ${name}`)
        .length === 1,
  );

beforeAll(async () => {
  tenants = await mapLimit(Array.from({ length: N }, (_, i) => i), 4, () => signupAgency(app, `fleet${tag}`));
  migrationsDir = await Deno.makeTempDir({ prefix: "fleet-migrations-" });
  for (const entry of Deno.readDirSync(TENANT_MIGRATIONS)) {
    if (entry.isFile) {
      await Deno.copyFile(`${TENANT_MIGRATIONS}/${entry.name}`, `${migrationsDir}/${entry.name}`);
    }
  }
  await addMigration(V1);
});

afterAll(async () => {
  if (migrationsDir) await Deno.remove(migrationsDir, { recursive: true });
});

describe("migrateFleet", () => {
  it("migrates each agency, records the ledger, and reports a broken database as failed", async () => {
    const broken = dbs()[3];
    // The column the migration adds already exists there: dbmate fails with 42701 (duplicate column).
    await asSuperuser(broken, (sql) => sql`alter table clients add column ${sql(column(V1))} text`);
    const before = await ledger(broken);
    expect(before.schemaVersion).toBe(LATEST);

    const outcomes = (await perAgency(dbs())).map((runs) => {
      expect(runs).toHaveLength(1); // `agency` selects exactly that one
      return runs[0];
    });
    const failed = outcomes.filter((o) => o.status === "failed");
    expect(failed.map((o) => o.databaseName)).toEqual([broken]);
    expect(failed[0].error).toMatch(/already exists/);
    const migrated = outcomes.filter((o) => o.status === "migrated");
    expect(migrated.map((o) => o.databaseName).sort()).toEqual(dbs().filter((d) => d !== broken).sort());
    for (const o of migrated) expect(o.pending).toEqual([V1]);

    for (const db of dbs().filter((d) => d !== broken)) {
      const row = await ledger(db);
      expect(row.schemaVersion).toBe(V1);
      expect(row.lastMigrationError).toBeNull();
      expect(row.migratedAt).toBeInstanceOf(Date);
      expect(await hasColumn(db, column(V1))).toBe(true);
      expect(await appliedVersions(db)).toContain(V1);
    }
    const after = await ledger(broken);
    expect(after.schemaVersion).toBe(before.schemaVersion);
    expect(after.lastMigrationError).toMatch(/already exists/);
    expect(await appliedVersions(broken)).not.toContain(V1);
  });

  it("with onlyFailed, retries only the failed agency once it is fixed", async () => {
    const broken = dbs()[3];
    // A healthy agency is not selected by onlyFailed.
    expect(await migrateFleet(fleet, options({ onlyFailed: true, agency: dbs()[0] }))).toEqual([]);

    await asSuperuser(broken, (sql) => sql`alter table clients drop column ${sql(column(V1))}`);
    const [retried, ...rest] = await migrateFleet(fleet, options({ onlyFailed: true, agency: broken }));
    expect(rest).toEqual([]);
    expect(retried).toMatchObject({ databaseName: broken, status: "migrated", pending: [V1] });
    const row = await ledger(broken);
    expect(row.schemaVersion).toBe(V1);
    expect(row.lastMigrationError).toBeNull();
    expect(await hasColumn(broken, column(V1))).toBe(true);

    // No longer failed: a second retry selects nothing.
    expect(await migrateFleet(fleet, options({ onlyFailed: true, agency: broken }))).toEqual([]);
  });

  it("a dry run reports pending migrations and changes nothing", async () => {
    await addMigration(V2);
    const db = dbs()[0];
    const before = await ledger(db);
    const [outcome] = await migrateFleet(fleet, options({ agency: db, dryRun: true }));
    expect(outcome).toMatchObject({ databaseName: db, status: "pending", pending: [V2] });
    expect(await ledger(db)).toEqual(before);
    expect(await appliedVersions(db)).not.toContain(V2);
    expect(await hasColumn(db, column(V2))).toBe(false);

    // With the code's own migrations, the same database has nothing pending.
    const [current] = await migrateFleet(fleet, {
      ...options({ agency: db, dryRun: true }),
      migrationsDir: TENANT_MIGRATIONS,
    });
    expect(current).toMatchObject({ status: "current", pending: [] });
    expect(await ledger(db)).toEqual(before);
  });

  it("the CLI's dry run exits 0 with the pending table and a summary", async () => {
    const db = dbs()[0];
    const before = await ledger(db);
    const { code, stdout, stderr } = await runCli("tenants-migrate.ts", [
      "--dry-run",
      "--agency",
      db,
      "--migrations-dir",
      migrationsDir,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).not.toMatch(/^template at/m); // a dry run leaves the template alone
    const lines = stdout.trim().split("\n");
    expect(lines.some((l) => l.includes(db) && /\bpending\b/.test(l) && l.includes(V2))).toBe(true);
    const header = lines.findIndex((l) =>
      /^cluster\s+agencies\s+migrated\s+current\s+pending\s+failed\s+locked\s+skipped\s+cold\s+seconds$/.test(
        l,
      )
    );
    expect(header, stdout).toBeGreaterThan(-1);
    // Per cluster, then all of them.
    expect(lines[header + 2].trim().split(/\s+/)).toEqual(["local", "1", "0", "0", "1", "0", "0", "0", "0"]);
    expect(lines[header + 3].trim().split(/\s+/).slice(0, 9)).toEqual([
      "all",
      "1",
      "0",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
    ]);
    expect(await ledger(db)).toEqual(before);
    expect(await appliedVersions(db)).not.toContain(V2);
  });

  it("the CLI refuses a --concurrency that is not a positive integer", async () => {
    for (const bad of ["abc", "0", "1.5"]) {
      const { code, stdout, stderr } = await runCli("tenants-migrate.ts", [
        "--dry-run",
        "--concurrency",
        bad,
        "--agency",
        dbs()[0],
      ]);
      expect(code, stdout).toBe(1);
      expect(stderr).toContain(`--concurrency must be a positive integer, not ${bad}`);
      expect(stdout).not.toMatch(/^agencies\s+migrated/m); // refused before any run
    }
  });

  it("waits for an agency another action holds, gives up past the wait; two concurrent runs migrate it once", async () => {
    const db = dbs()[1];
    const id = tenants[1].agency.id;
    // The lock a run takes: the agency's catalog lock, which lifecycle actions and moves hold too.
    const holder = connect(stack().servers.databaseUrl, { max: 1 });
    const { namespace, name } = agencyLock(id);
    try {
      const [{ locked }] =
        await holder`select pg_try_advisory_lock(${namespace}::int, hashtext(${name})) as locked`;
      expect(locked).toBe(true);
      const [skipped] = await migrateFleet(fleet, options({ agency: db, lockWaitMs: 300 }));
      expect(skipped).toMatchObject({ databaseName: db, status: "locked", pending: [] });
      expect(await appliedVersions(db)).not.toContain(V2);
      expect((await ledger(db)).schemaVersion).toBe(V1);
      // Released while a run waits: the run goes on and migrates it.
      const waiting = migrateFleet(fleet, options({ agency: db, lockWaitMs: 30_000, dryRun: true }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder`select pg_advisory_unlock(${namespace}::int, hashtext(${name}))`;
      expect((await waiting)[0]).toMatchObject({ status: "pending", pending: [V2] });
    } finally {
      await holder.end({ timeout: 5 });
    }

    const [[a], [b]] = await Promise.all([
      migrateFleet(fleet, options({ agency: db })),
      migrateFleet(fleet, options({ agency: db })),
    ]);
    const statuses = [a.status, b.status].sort();
    // The second waited for the first, then found the database current.
    expect(statuses).toEqual(["current", "migrated"]);
    expect([a.error, b.error]).toEqual([undefined, undefined]);
    expect((await appliedVersions(db)).filter((v) => v === V2)).toHaveLength(1);
    expect(await hasColumn(db, column(V2))).toBe(true);
    const row = await ledger(db);
    expect(row.schemaVersion).toBe(V2);
    expect(row.lastMigrationError).toBeNull();
  });
});

describe("the ledger", () => {
  it("never moves backwards: a run from an older migrations folder leaves schema_version unchanged", async () => {
    const db = dbs()[7];
    const before = await ledger(db);
    expect(before.schemaVersion).toBe(V1); // migrated to the test's V1 above
    // An older release's folder: the real migrations without the newest one, and none of the tests'.
    const olderDir = await Deno.makeTempDir({ prefix: "fleet-older-" });
    try {
      for (const version of migrationVersions(TENANT_MIGRATIONS).slice(0, -1)) {
        const file = [...Deno.readDirSync(TENANT_MIGRATIONS)].find((e) => e.name.startsWith(`${version}_`))!;
        await Deno.copyFile(`${TENANT_MIGRATIONS}/${file.name}`, `${olderDir}/${file.name}`);
      }
      const [outcome] = await migrateFleet(fleet, { ...options({ agency: db }), migrationsDir: olderDir });
      expect(outcome).toMatchObject({ databaseName: db, status: "current", pending: [] });
    } finally {
      await Deno.remove(olderDir, { recursive: true });
    }
    const after = await ledger(db);
    expect(after.schemaVersion).toBe(V1);
    expect(after.lastMigrationError).toBeNull();
    // And the tenant gate still lets the agency through.
    const tenant = tenants.find((t) => t.agencyDatabase === db)!;
    expect((await call(app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200);
  });
});

// fleetTargets can select every agency or one agency, not a chosen set: to run the real fleet path
// (one call, `concurrency` workers, continuing past a failure) over our agencies alone, the run gets
// a private catalog database holding only our agencies' rows. Agency databases, dbmate and the
// advisory locks are the real ones (same server and role).
describe("migrateFleet over a whole (private) catalog", () => {
  const catalogName = `fleetcat_${tag}`;
  let privateCatalog: Sql;
  let privateCp: FleetDeps;
  let doomed: Tenant; // its database is dropped behind the run's back

  beforeAll(async () => {
    await cp.control`create database ${cp.control(catalogName)}`;
    privateCatalog = connect(databaseUrlFor(cp.databaseUrl, catalogName), { max: 2 });
    privateCp = {
      control: privateCatalog,
      clusters: services.clusters,
      catalogUrl: databaseUrlFor(cp.databaseUrl, catalogName),
    };
    await privateCatalog`
      create table agencies (
        id uuid primary key, name text not null, database_name text not null unique, cluster text not null,
        generation int not null default 1, status text not null, schema_version text, migrated_at timestamptz,
        last_migration_error text)`;
    // The one cluster, named as the shared catalog names it, for the CLI's cluster directory.
    await privateCatalog`
      create table clusters (
        name text primary key, region text not null, state text not null, max_agencies int not null,
        max_bytes bigint, direct_dsn_ref text not null, pooler_dsn_ref text not null,
        pooler_admin_dsn_ref text, superuser_dsn_ref text)`;
    await privateCatalog`
      insert into clusters values ('local', 'local', 'open', 10000, null, 'DATABASE_URL', 'POOLER_URL',
        'POOLER_ADMIN_URL', null)`;
    await privateCatalog`create table cluster_replicas (cluster text, name text, pooler_dsn_ref text)`;
    doomed = await signupAgency(app, `fleet${tag}`);
    const rows = await su<Record<string, unknown>[]>`
      select id, name, database_name, cluster, status, schema_version from agencies
      where database_name in ${su(dbs().concat(doomed.agencyDatabase))}`;
    expect(rows).toHaveLength(N + 1);
    await privateCatalog`insert into agencies ${privateCatalog(rows)}`;
  });

  afterAll(async () => {
    // Its database is gone: no agency of the shared catalog may point at nothing.
    if (doomed) await su`update agencies set status = 'deleted' where id = ${doomed.agency.id}`;
    await privateCatalog?.end({ timeout: 5 });
    await cp.control`drop database if exists ${cp.control(catalogName)} with (force)`;
  });

  it("runs at most `concurrency` agencies at once and continues past a failure", async () => {
    await addMigration(V3);
    const broken = dbs()[5];
    await asSuperuser(broken, (sql) => sql`alter table clients add column ${sql(column(V3))} text`);
    const realBefore = await Promise.all(dbs().map(ledger));

    const spans: { start: number; end: number }[] = [];
    const progress: [number, number][] = [];
    const outcomes = await migrateFleet(privateCp, {
      ...options({ concurrency: 4 }),
      onResult(o: FleetOutcome, done, total) {
        const end = performance.now();
        spans.push({ start: end - o.ms, end });
        progress.push([done, total]);
      },
    });

    expect(outcomes).toHaveLength(N + 1);
    expect(progress).toEqual(Array.from({ length: N + 1 }, (_, i) => [i + 1, N + 1]));
    const byStatus = (s: string) => outcomes.filter((o) => o.status === s).map((o) => o.databaseName).sort();
    expect(byStatus("failed")).toEqual([broken]);
    // dbs()[1] already got V2 in the lock test; the others get V2 and V3; the late signup all three.
    expect(byStatus("migrated")).toEqual(
      dbs().concat(doomed.agencyDatabase).filter((d) => d !== broken).sort(),
    );
    const expectedPending = (db: string) =>
      db === dbs()[1] ? [V3] : db === doomed.agencyDatabase ? [V1, V2, V3] : [V2, V3];
    for (const o of outcomes.filter((o) => o.status === "migrated")) {
      expect(o.pending).toEqual(expectedPending(o.databaseName));
      expect(await hasColumn(o.databaseName, column(V3))).toBe(true);
    }
    expect(outcomes.find((o) => o.databaseName === broken)!.error).toMatch(/already exists/);

    // Bounded, and actually parallel: the most runs in flight at one instant (1 ms slack at the edges).
    const overlap = Math.max(
      ...spans.map((s) => spans.filter((t) => t.start < s.start + 1 && t.end > s.start + 1).length),
    );
    expect(overlap).toBeLessThanOrEqual(4);
    expect(overlap).toBeGreaterThanOrEqual(2);

    // The ledger written is the private catalog's; the shared catalog's rows are untouched.
    const ledgerRows = await privateCatalog<
      { databaseName: string; schemaVersion: string | null; lastMigrationError: string | null }[]
    >`select database_name, schema_version, last_migration_error from agencies order by database_name`;
    for (const row of ledgerRows) {
      if (row.databaseName === broken) {
        expect(row.lastMigrationError).toMatch(/already exists/);
        expect(row.schemaVersion).not.toBe(V3);
      } else {
        expect(row).toMatchObject({ schemaVersion: V3, lastMigrationError: null });
      }
    }
    expect(await Promise.all(dbs().map(ledger))).toEqual(realBefore);
  });

  it("records a database dropped behind its back as failed, migrates the rest, and the CLI exits 1", async () => {
    await addMigration(V4);
    await asSuperuser("postgres", (sql) => sql`drop database ${sql(doomed.agencyDatabase)} with (force)`);

    const outcomes = await migrateFleet(privateCp, options({ concurrency: 4 }));
    const failed = outcomes.filter((o) => o.status === "failed");
    expect(failed.map((o) => o.databaseName).sort()).toEqual([dbs()[5], doomed.agencyDatabase].sort());
    expect(failed.find((o) => o.databaseName === doomed.agencyDatabase)!.error).toMatch(/does not exist/);
    const migrated = outcomes.filter((o) => o.status === "migrated").map((o) => o.databaseName).sort();
    expect(migrated).toEqual(dbs().filter((d) => d !== dbs()[5]).sort());
    const [row] = await privateCatalog<{ lastMigrationError: string | null }[]>`
      select last_migration_error from agencies where database_name = ${doomed.agencyDatabase}`;
    expect(row.lastMigrationError).toMatch(/does not exist/);

    // The CLI over the same catalog (a dry run leaves the shared template alone): a table, not a crash.
    const { code, stdout } = await runCli("tenants-migrate.ts", [
      "--dry-run",
      "--migrations-dir",
      migrationsDir,
    ], {
      DATABASE_URL: databaseUrlFor(cp.databaseUrl, catalogName),
    });
    expect(code, stdout).toBe(1);
    const lines = stdout.trim().split("\n");
    const header = lines.findIndex((l) =>
      /^cluster\s+agencies\s+migrated\s+current\s+pending\s+failed/.test(l)
    );
    expect(header, stdout).toBeGreaterThan(-1);
    const total = lines.slice(header).find((l) => l.startsWith("all "))!;
    expect(lines.slice(header).some((l) => l.startsWith("local ")), stdout).toBe(true); // per cluster
    const [agencies, , current, pending, failedCount] = total.trim().split(/\s+/).slice(1).map(Number);
    expect(agencies).toBe(N + 1);
    expect(failedCount).toBe(1); // the dropped database (a dry run only finds the broken one pending)
    expect(current + pending).toBe(N);
  });
});

describe("the schema-version gate", () => {
  it("answers 503 with Retry-After while an agency's database is behind the code, 200 once it is not", async () => {
    const tenant = tenants[2];
    const id = tenant.agency.id;
    const { schemaVersion } = await ledger(tenant.agencyDatabase);
    expect(BigInt(schemaVersion!)).toBeGreaterThanOrEqual(BigInt(LATEST));
    expect((await call(app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200);

    const older = migrationVersions(TENANT_MIGRATIONS).at(-2)!;
    try {
      await su`update agencies set schema_version = ${older} where id = ${id}`;
      services.agencies.invalidate(id);
      const behind = await call(app, "GET", "/api/clients", { token: tenant.token });
      expect(behind.status).toBe(503);
      expect(behind.body).toMatchObject({ code: "unavailable" });
      expect(Number(behind.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await su`update agencies set schema_version = ${schemaVersion} where id = ${id}`;
      services.agencies.invalidate(id);
    }
    const back = await call(app, "GET", "/api/clients", { token: tenant.token });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
  });
});
