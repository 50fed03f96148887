// Several clusters on a stack of the file's own (LOCAL_CLUSTERS=2): signups placed by load, login and
// CRUD on either cluster, an agency's token never reaching another cluster's database, the regions
// and capacity placement honours, the clusters:* tasks, and the fleet commands across clusters.
import { describe, expect, it } from "vitest";
import { placeAgency } from "../../src/tenancy/placement.ts";
import {
  apiFor,
  call,
  connectedTo,
  dataOf,
  hex,
  loginToken,
  METRICS_TOKEN,
  scrape,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";
import { runCli } from "../ops/helpers.ts";
import { clusterStack, operator } from "./helpers.ts";

const s = clusterStack({ METRICS_TOKEN });
const CLUSTERS = ["local", "local-2"];
const tenants: Tenant[] = [];

/** Where the catalog says the agency lives, and which cluster holds a database of that name. */
async function whereIs(t: Tenant) {
  const [{ cluster }] = await s.services.control<{ cluster: string }[]>`
    select cluster from agencies where id = ${t.agency.id}`;
  const holders = [];
  for (const name of CLUSTERS) {
    const found = await connectedTo(
      s.cluster(name).superuserUrl,
      "postgres",
      (sql) => sql`select 1 from pg_database where datname = ${t.agencyDatabase}`,
    );
    if (found.length) holders.push(name);
  }
  return { cluster, holders };
}

describe("placement", () => {
  it("places 20 signups on both clusters by load, each database on the cluster the catalog names", async () => {
    for (let i = 0; i < 20; i++) tenants.push(await signupAgency(s.app, "place"));
    const counts = new Map<string, number>();
    for (const t of tenants) {
      expect(CLUSTERS).toContain(t.agency.cluster); // the agency resource shows its cluster
      const { cluster, holders } = await whereIs(t);
      expect(cluster).toBe(t.agency.cluster);
      expect(holders).toEqual([cluster]);
      counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
    }
    // Equal capacity and equal load: the least loaded cluster takes each next signup.
    expect(counts.get("local")).toBe(10);
    expect(counts.get("local-2")).toBe(10);
  });

  it("serves login and CRUD for agencies on either cluster", async () => {
    for (const name of CLUSTERS) {
      const t = tenants.find((x) => x.agency.cluster === name)!;
      const api = apiFor(s.app, await loginToken(s.app, t.email, t.password));
      const created = dataOf<{ id: string }>(await api.post("/api/clients", { name: `On ${name}` }), 201);
      expect(dataOf<{ name: string }>(await api.get(`/api/clients/${created.id}`)).name).toBe(`On ${name}`);
      const me = (await api.get("/api/me")).body as { agency: { cluster: string } };
      expect(me.agency.cluster).toBe(name);
      // The row is in the database on that cluster, and only there.
      const rows = await connectedTo(
        s.cluster(name).superuserUrl,
        t.agencyDatabase,
        (sql) => sql`select name from clients where id = ${created.id}`,
      );
      expect(rows).toEqual([{ name: `On ${name}` }]);
    }
  });

  it("never lets a token reach a database of the same name on another cluster", async () => {
    const t = tenants.find((x) => x.agency.cluster === "local")!;
    // A decoy: a database with the agency's name on the other cluster, holding a different client.
    const other = s.cluster("local-2");
    await connectedTo(
      other.superuserUrl,
      "postgres",
      (sql) => sql`create database ${sql(t.agencyDatabase)} template buildflow_tenant_template`,
    );
    try {
      await connectedTo(
        other.superuserUrl,
        t.agencyDatabase,
        (sql) => sql`insert into clients (name) values ('decoy')`,
      );
      const api = apiFor(s.app, t.token);
      const names = dataOf<{ name: string }[]>(await api.get("/api/clients?limit=100")).map((c) => c.name);
      expect(names).not.toContain("decoy");
      // A header naming another database is refused before any connection.
      const mismatch = await api.get("/api/clients", { "X-Agency-Database": tenants[1].agencyDatabase });
      expect(mismatch.status).toBe(403);
      // The app's sessions for the agency are on its own cluster only.
      const sessions = await connectedTo(
        other.superuserUrl,
        "postgres",
        (sql) =>
          sql`select 1 from pg_stat_activity where datname = ${t.agencyDatabase} and usename = 'buildflow_app'`,
      );
      expect(sessions).toEqual([]);
    } finally {
      await connectedTo(
        other.superuserUrl,
        "postgres",
        (sql) => sql`drop database if exists ${sql(t.agencyDatabase)} with (force)`,
      );
    }
  });

  it("answers an unknown region with 400 and a full or draining fleet with 503 + Retry-After", async () => {
    const body = (region?: string) => ({
      name: `Region ${hex(6)}`,
      ...(region ? { region } : {}),
      admin: { email: `r.${hex(8)}@example.com`, password: "Correct-horse-9-battery", fullName: "R" },
    });
    const post = (b: unknown) =>
      s.app.request("/api/agencies", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-For": `10.9.9.${Math.trunc(Math.random() * 250)}`,
        },
        body: JSON.stringify(b),
      });
    const before = await s.services.control`select count(*)::int as n from agencies`;
    const unknown = await post(body("mars-1"));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "validation_failed", issues: [{ path: "region" }] });

    await s.services.control`update clusters set state = 'draining'`;
    try {
      const full = await post(body("local"));
      expect(full.status).toBe(503);
      expect(full.headers.get("retry-after")).toBe("60");
      expect(await full.json()).toMatchObject({ code: "unavailable" });
    } finally {
      await s.services.control`update clusters set state = 'open'`;
    }
    expect(await s.services.control`select count(*)::int as n from agencies`).toEqual(before);
  });

  it("chooses the least loaded open cluster with room, in the region asked for", () => {
    const c = (name: string, region: string, agencies: number, extra = {}) => ({
      name,
      region,
      state: "open" as const,
      maxAgencies: 100,
      maxBytes: null,
      agencies,
      bytes: 0,
      ...extra,
    });
    const fleet = [c("a", "in-west", 50), c("b", "in-west", 10), c("c", "in-south", 0)];
    expect(placeAgency(fleet, "in-west")).toEqual({ cluster: "b" });
    expect(placeAgency(fleet)).toEqual({ cluster: "c" });
    expect(placeAgency(fleet, "eu-1")).toEqual({ refused: "unknown_region" });
    // Bytes count as load; a full or unmeasurable cluster takes none.
    expect(placeAgency([c("a", "x", 10, { maxBytes: 100, bytes: 90 }), c("b", "x", 20)], "x")).toEqual({
      cluster: "b",
    });
    expect(placeAgency([c("a", "x", 100), c("b", "x", 1, { bytes: Infinity })], "x")).toEqual({
      refused: "no_room",
    });
    expect(placeAgency([c("a", "x", 1, { state: "draining" })], "x")).toEqual({ refused: "no_room" });
  });
});

describe("operators", () => {
  it("shows each agency's cluster in the admin API", async () => {
    const { token } = await operator(s);
    for (const name of CLUSTERS) {
      const t = tenants.find((x) => x.agency.cluster === name)!;
      const one = await call(s.app, "GET", `/api/admin/agencies/${t.agency.id}`, { token });
      expect(dataOf<{ cluster: string }>(one).cluster).toBe(name);
    }
    const page = await call(s.app, "GET", "/api/admin/agencies?limit=100", { token });
    expect(new Set(dataOf<{ cluster: string }[]>(page).map((a) => a.cluster))).toEqual(new Set(CLUSTERS));
  });

  it("clusters:list shows both; clusters:add refuses an unreachable cluster and changes nothing", async () => {
    const list = await runCli("clusters.ts", ["list"], s.env());
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^local\s+local\s+open\s+\d+/m);
    expect(list.stdout).toMatch(/^local-2\s+local\s+open\s+\d+/m);

    const missing = await runCli("clusters.ts", ["add", "mumbai-3", "--region", "in-west"], s.env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/CLUSTER_MUMBAI_3_DATABASE_URL is not set/);

    const dead = "postgres://buildflow_admin:x@127.0.0.1:1/buildflow";
    const unreachable = await runCli("clusters.ts", ["add", "mumbai-3", "--region", "in-west"], {
      ...s.env(),
      CLUSTER_MUMBAI_3_DATABASE_URL: dead,
      CLUSTER_MUMBAI_3_POOLER_URL: dead,
      CLUSTER_MUMBAI_3_POOLER_ADMIN_URL: dead,
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cluster mumbai-3 was not added:\n\s+admin URL: /);
    expect(await s.services.control`select 1 from clusters where name = 'mumbai-3'`).toEqual([]);
  });

  it("clusters:drain stops placement on a cluster; clusters:open brings it back", async () => {
    const drained = await runCli("clusters.ts", ["drain", "local"], s.env());
    expect(drained.code, drained.stderr).toBe(0);
    try {
      for (let i = 0; i < 3; i++) {
        expect((await signupAgency(s.app, "drained")).agency.cluster).toBe("local-2");
      }
    } finally {
      const opened = await runCli("clusters.ts", ["open", "local"], s.env());
      expect(opened.code, opened.stderr).toBe(0);
    }
    expect((await signupAgency(s.app, "reopened")).agency.cluster).toBe("local");
  });
});

describe("the fleet across clusters", () => {
  it("tenants:migrate reaches every agency on both clusters, and --only-failed retries just the failures", async () => {
    const dir = await Deno.makeTempDir({ prefix: "buildflow-fleet-" });
    try {
      for await (const f of Deno.readDir("db/tenant/migrations")) {
        await Deno.copyFile(`db/tenant/migrations/${f.name}`, `${dir}/${f.name}`);
      }
      const column = `fleet_${hex(6)}`;
      await Deno.writeTextFile(
        `${dir}/29990101000001_fleet.sql`,
        `-- migrate:up\nALTER TABLE clients ADD COLUMN ${column} text;\n\n-- migrate:down\nALTER TABLE clients DROP COLUMN ${column};\n`,
      );
      // A fault on one cluster: one agency there already has the column, so its migration fails.
      const broken = tenants.find((x) => x.agency.cluster === "local-2")!;
      await connectedTo(
        s.cluster("local-2").superuserUrl,
        broken.agencyDatabase,
        (sql) => sql`alter table clients add column ${sql(column)} text`,
      );

      const run = await runCli("tenants-migrate.ts", ["--migrations-dir", dir], s.env());
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toMatch(/^local\s+\d+\s+\d+\s+0\s+0\s+0\s+0/m); // every agency on local migrated
      expect(run.stdout).toMatch(/^local-2\s+\d+\s+\d+\s+0\s+0\s+1\s+0/m); // one failure on local-2
      const failed = await s.services.control<{ databaseName: string }[]>`
        select database_name from agencies where last_migration_error is not null`;
      expect(failed.map((r) => r.databaseName)).toEqual([broken.agencyDatabase]);
      for (const t of tenants.filter((x) => x !== broken)) {
        const cols = await connectedTo(
          s.cluster(t.agency.cluster).superuserUrl,
          t.agencyDatabase,
          (sql) =>
            sql`select 1 from information_schema.columns where table_name = 'clients' and column_name = ${column}`,
        );
        expect(cols, `${t.agencyDatabase} on ${t.agency.cluster}`).toHaveLength(1);
      }

      await connectedTo(
        s.cluster("local-2").superuserUrl,
        broken.agencyDatabase,
        (sql) => sql`alter table clients drop column ${sql(column)}`,
      );
      const retry = await runCli("tenants-migrate.ts", ["--migrations-dir", dir, "--only-failed"], s.env());
      expect(retry.code, retry.stdout + retry.stderr).toBe(0);
      expect(retry.stdout).toMatch(/^all\s+1\s+1\s+0\s+0\s+0\s+0/m); // just the one
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  it("reports every cluster in readiness, stats and backups", async () => {
    const ready = await s.app.request("/readyz");
    expect(await ready.json()).toMatchObject({ checks: { clusters: { local: true, "local-2": true } } });
    // Per-cluster aggregates: this app served agencies on both.
    const metrics = await (await scrape(s.app)).text();
    expect(metrics).toMatch(/^# TYPE buildflow_cluster_requests_total counter$/m);
    for (const name of CLUSTERS) {
      expect(
        Number(
          metrics.match(new RegExp(`^buildflow_cluster_requests_total\\{cluster="${name}"\\} (\\d+)$`, "m"))
            ?.[1],
        ),
      )
        .toBeGreaterThan(0);
      expect(metrics).toMatch(
        new RegExp(`^buildflow_cluster_tenant_clients_live\\{cluster="${name}"\\} \\d+$`, "m"),
      );
    }
    const stats = await runCli("stats.ts", [], s.env());
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/^local-2\s+local\s+open/m);
    const out = await Deno.makeTempDir({ prefix: "buildflow-backup-" });
    try {
      const backup = await runCli("backup.ts", ["--all", "--out", out], s.env());
      expect(backup.code, backup.stdout + backup.stderr).toBe(0);
      const manifest = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
      const clusters = new Set(manifest.entries.map((e: { cluster?: string }) => e.cluster).filter(Boolean));
      expect([...clusters].sort()).toEqual(CLUSTERS);
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  });
});
