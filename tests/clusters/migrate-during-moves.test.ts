// A fleet migration while agencies move, on a two-cluster stack of the file's own: `tenants:migrate`
// with a new (slow) migration over 200 agencies, 5 of them moved during the run. The run exits 0, no
// request meanwhile gets a 500, and afterwards every live agency's own schema_migrations, its catalog
// schema_version and the newest migration agree.
import { describe, expect, it, onTestFinished } from "vitest";
import { migrationVersions, TENANT_MIGRATIONS } from "../../src/platform/dbmate.ts";
import { mapLimit } from "../../src/platform/map-limit.ts";
import { moveAgency } from "../../src/tenancy/mover/index.ts";
import { call, connectedTo, signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { runCli } from "../ops/helpers.ts";
import { clusterStack } from "./helpers.ts";

const s = clusterStack();
const AGENCIES = 200;
const other = (cluster: string) => (cluster === "local" ? "local-2" : "local");

describe("tenants:migrate while agencies move", () => {
  it("leaves no agency behind: its database, the catalog and the newest migration agree", async () => {
    const signupStarted = performance.now();
    const tenants = await mapLimit(
      Array.from({ length: AGENCIES }, (_, i) => i),
      6,
      () => signupAgency(s.app, "fleet"),
    );
    console.log(JSON.stringify({ signups: AGENCIES, ms: Math.round(performance.now() - signupStarted) }));
    const migrationsDir = await Deno.makeTempDir({ prefix: "buildflow-migrations-" });
    onTestFinished(() => Deno.remove(migrationsDir, { recursive: true }));
    for (const entry of Deno.readDirSync(TENANT_MIGRATIONS)) {
      await Deno.copyFile(`${TENANT_MIGRATIONS}/${entry.name}`, `${migrationsDir}/${entry.name}`);
    }
    const NEWEST = "29990301000001";
    await Deno.writeTextFile(
      `${migrationsDir}/${NEWEST}_during_moves.sql`,
      "-- migrate:up\nALTER TABLE clients ADD COLUMN during_moves text;\nSELECT pg_sleep(0.05);\n\n" +
        "-- migrate:down\nALTER TABLE clients DROP COLUMN during_moves;\n",
    );
    expect(migrationVersions(migrationsDir).at(-1)).toBe(NEWEST);

    // In the run's order (cluster, database name), five spread over it: some migrated before their
    // move is tried (it goes through), some after (refused until the run has migrated them).
    const order = [...tenants].sort((a, b) =>
      a.agency.cluster.localeCompare(b.agency.cluster) || a.agencyDatabase.localeCompare(b.agencyDatabase)
    );
    const moving = [10, 60, 110, 160, 190].map((i) => order[i]);

    const started = performance.now();
    const run = runCli(
      "tenants-migrate.ts",
      ["--migrations-dir", migrationsDir, "--concurrency", "4"],
      s.env(),
    );
    let running = true;
    const finished = run.then((r) => {
      running = false;
      return r;
    });

    // Traffic on the moving agencies and a few others throughout: never a 500.
    const statuses: number[] = [];
    const traffic = (t: Tenant) =>
      (async () => {
        for (let i = 0; running && i < 2000; i++) {
          statuses.push((await call(s.app, "GET", "/api/clients?limit=1", { token: t.token })).status);
          statuses.push(
            (await call(s.app, "POST", "/api/clients", { token: t.token, body: { name: `t${i}` } })).status,
          );
          await sleep(50);
        }
      })();
    const loops = [...moving, order[0], order[AGENCIES - 1]].map(traffic);

    let runEnded = Infinity;
    void finished.then(() => runEnded = performance.now());
    const lastRefusal = new Map<string, string>();
    const firstTries: number[] = [];
    const progress = setInterval(async () => {
      const [row] = await s.services.control<{ migrated: number }[]>`
        select count(*) filter (where schema_version = ${NEWEST})::int as migrated from agencies`;
      const moveStates = await s.services.control<
        { state: string }[]
      >`select state from agency_moves order by id`;
      console.log(JSON.stringify({
        atMs: Math.round(performance.now() - started),
        migrated: row.migrated,
        moves: moveStates.map((m) => m.state).join(","),
        refusals: Object.fromEntries(lastRefusal),
      }));
    }, 15_000);
    const moves = moving.map(async (t) => {
      const to = other(t.agency.cluster);
      let refused = 0;
      let last = "";
      firstTries.push(performance.now() - started);
      // Until it moves, or a minute after the run (which migrates it, so the move is then allowed).
      while (performance.now() < runEnded + 60_000) {
        try {
          await moveAgency(s.services.mover, t.agency.id, to, { actor: "test" });
          console.log(
            JSON.stringify({ moved: t.agencyDatabase, atMs: Math.round(performance.now() - started) }),
          );
          return { database: t.agencyDatabase, refused, movedAtMs: Math.round(performance.now() - started) };
        } catch (error) {
          // Refused while the run holds it or has not migrated it yet (409), or undone (503): again.
          expect([409, 503], String(error)).toContain((error as { status?: number }).status);
          last = String((error as Error).message);
          lastRefusal.set(t.agencyDatabase.slice(0, 24), last.slice(0, 120));
          refused++;
          await sleep(200);
        }
      }
      throw new Error(`${t.agencyDatabase} never moved (${refused} refusals; the last: ${last})`);
    });

    const result = await finished.finally(() => clearInterval(progress));
    const runMs = Math.round(performance.now() - started);
    const moved = await Promise.all(moves);
    await Promise.all(loops);
    console.log(JSON.stringify({ runMs, moved, requests: statuses.length }));
    console.log(result.stdout.split("\n").slice(-6).join("\n"));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Each move was first tried while the run was migrating (and either landed, or was refused or
    // undone and tried again): the two met.
    expect(firstTries.every((at) => at < runMs), "moves tried during the run").toBe(true);
    expect(moved.reduce((n, m) => n + m.refused, 0) + moved.filter((m) => m.movedAtMs < runMs).length)
      .toBeGreaterThan(0);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);

    const rows = await s.services.control<
      { id: string; databaseName: string; cluster: string; schemaVersion: string }[]
    >`
      select id, database_name, cluster, schema_version from agencies where status = 'active'`;
    expect(rows.length).toBeGreaterThanOrEqual(AGENCIES);
    for (const t of moving) {
      expect(rows.find((r) => r.id === t.agency.id)?.cluster).toBe(other(t.agency.cluster));
    }
    const disagreeing = (await mapLimit(rows, 8, async (row) => {
      const [{ version }] = await connectedTo(
        s.cluster(row.cluster).superuserUrl,
        row.databaseName,
        (sql) => sql<{ version: string }[]>`select max(version) as version from schema_migrations`,
      );
      return { database: row.databaseName, own: version, catalog: row.schemaVersion };
    })).filter((v) => v.own !== NEWEST || v.catalog !== NEWEST);
    expect(disagreeing).toEqual([]);
  }, 600_000);
});
