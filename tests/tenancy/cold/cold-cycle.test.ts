// Cold agencies end to end on the real stack, through two API instances (two apps on the same catalog,
// each with its timers started: activity, the cold sweep, the webhook's deliveries): an agency with
// data and a user is warned (event, and a webhook whose signature checks), goes cold (database gone,
// dump verified), is woken by a login (503 agency_waking with Retry-After, then 200) with every row it
// had, migrated to a tenant migration added while it was cold; activity after a warning cancels it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationVersions, TENANT_MIGRATIONS } from "../../../src/platform/dbmate.ts";
import {
  apiFor,
  asSuperuser,
  call,
  databaseExists,
  hex,
  login,
  METRICS_TOKEN,
  scrape,
  signedInOperator,
  signupAgency,
  type Tenant,
} from "../../support/fixtures.ts";
import { localPlane, stack, superuser, testApp } from "../../support/stack.ts";
import { migrateFleet } from "../../../src/tenancy/fleet-migrate.ts";
import { sweepOrphans } from "../../../src/tenancy/sweeper.ts";
import { coldDumps } from "../../../src/backups/dumps.ts";
import { sha256Hex, tableRows } from "../../ops/helpers.ts";
import { createColdPlan, until, WEBHOOK_SECRET, webhookReceiver } from "./helpers.ts";

const receiver = webhookReceiver({ failFirst: true });
const backupDir = await Deno.makeTempDir({ prefix: "buildflow-cold-" });
const env = {
  TRUST_PROXY: "true",
  BACKUP_DIR: backupDir,
  LIFECYCLE_WEBHOOK_URL: receiver.url,
  LIFECYCLE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  ACTIVITY_FLUSH_INTERVAL: "1s",
  COLD_SWEEP_INTERVAL: "1s",
  OUTBOX_POLL_INTERVAL: "1s",
  LIFECYCLE_WEBHOOK_RETRY: "1s",
  METRICS_TOKEN,
};
const a = testApp(env);
const b = testApp(env);
const su = superuser();
const PLAN = `cold_${hex(8)}`;
await createColdPlan(su, PLAN);

// A tenant migration added while the agency is cold: the wake brings it there.
const migrationsDir = await Deno.makeTempDir({ prefix: "buildflow-cold-migrations-" });
const ADDED = "29991231000001";
const COLUMN = `cold_test_${hex(6)}`;

let operator: { token: string; email: string };

beforeAll(async () => {
  for (const entry of Deno.readDirSync(TENANT_MIGRATIONS)) {
    await Deno.copyFile(`${TENANT_MIGRATIONS}/${entry.name}`, `${migrationsDir}/${entry.name}`);
  }
  operator = await signedInOperator(a.app, a.services.control, "operator");
  // As serveApi does: each instance hears the others' lifecycle changes, and runs its timers.
  for (const { services } of [a, b]) {
    await services.watchAgencyChanges();
    services.cold.start();
  }
});

afterAll(async () => {
  await su`delete from users where email = ${operator?.email ?? ""}`;
  await Deno.remove(backupDir, { recursive: true }).catch(() => {});
  await Deno.remove(migrationsDir, { recursive: true }).catch(() => {});
});

const admin = (method: string, path: string, body?: unknown) =>
  call(a.app, method, path, { token: operator.token, body: body ?? (method === "GET" ? undefined : {}) });
const statusOf = async (id: string) =>
  (await su<{ status: string }[]>`select status from agencies where id = ${id}`)[0].status;
const events = async (id: string) =>
  await su<{ event: string; details: Record<string, unknown> }[]>`
    select event, details from agency_events where agency_id = ${id} order by id`;
const onPlan = async (t: Tenant) => {
  const moved = await admin("POST", `/api/admin/agencies/${t.agency.id}/plan`, { plan: PLAN });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
};

/** Logs in until it is answered 200, honouring each 503's Retry-After; returns every status seen. */
async function loginUntilServed(app: typeof a.app, t: Tenant, timeoutMs = 60_000) {
  const seen: { status: number; code?: string; retryAfter: string | null }[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await login(app, { email: t.email, password: t.password });
    seen.push({ status: res.status, code: res.body.code, retryAfter: res.headers.get("retry-after") });
    if (res.status === 200) return { seen, body: res.body };
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    if (Date.now() > deadline) throw new Error(`not served within ${timeoutMs} ms: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? 1) * 250));
  }
}

describe("the plans' cold policy", () => {
  it("is shown by GET /api/admin/plans and changed by PATCH, with bad input refused", async () => {
    const listed = await admin("GET", "/api/admin/plans");
    expect(listed.status).toBe(200);
    const plans = listed.body!.data as Record<string, unknown>[];
    expect(plans.find((p) => p.code === "starter")).toMatchObject({ coldAfterSeconds: 60 * 86_400 });
    expect(plans.find((p) => p.code === "pro")).toMatchObject({ coldAfterSeconds: null });

    for (
      const bad of [{ coldAfterSeconds: 0 }, { coldAfterSeconds: "6" }, { coldWarningSeconds: -1 }, { x: 1 }]
    ) {
      const refused = await admin("PATCH", `/api/admin/plans/${PLAN}`, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body).toMatchObject({ code: "validation_failed" });
    }
    expect((await admin("PATCH", "/api/admin/plans/no_such_plan", { coldAfterSeconds: 5 })).status).toBe(404);
    const [untouched] = await su`select cold_after_seconds from subscription_plans where code = ${PLAN}`;
    expect(untouched.coldAfterSeconds).toBeNull();

    const changed = await admin("PATCH", `/api/admin/plans/${PLAN}`, {
      coldAfterSeconds: 8,
      coldWarningSeconds: 5,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body!.data).toMatchObject({ code: PLAN, coldAfterSeconds: 8, coldWarningSeconds: 5 });
  });
});

describe("a full cycle", () => {
  it("warns, goes cold, and wakes on a login with every row, migrated", async () => {
    const t = await signupAgency(a.app, "cold");
    const api = apiFor(a.app, t.token);
    for (let i = 0; i < 5; i++) {
      expect((await api.post("/api/clients", { name: `client ${i}` })).status).toBe(201);
    }
    const before = await tableRows(t.agencyDatabase, "clients");
    await onPlan(t);

    // 1. Warned: an event, and a signed webhook (the receiver failed the first attempt: retried).
    const warning = await receiver.received("agency.cold_warning", t.agency.id);
    expect(warning.valid).toBe(true);
    expect(warning.body).toMatchObject({ agency: { id: t.agency.id, plan: PLAN } });
    expect(receiver.attempts.get(warning.id)).toBe(2);
    // Both attempts recorded, once the sender has heard the answer.
    const row = await until(async () =>
      (await su`
        select attempts, last_status from lifecycle_outbox where id = ${warning.id} and delivered_at is not null`)[
        0
      ], "delivered");
    expect(row).toMatchObject({ attempts: 2, lastStatus: 204 });
    expect((await events(t.agency.id)).map((e) => e.event)).toContain("agency.cold_warning");

    // 2. Cold: the database and its pool gone, the dump verified against its manifest.
    await until(async () => (await statusOf(t.agency.id)) === "cold", "cold");
    await until(async () => !(await databaseExists(su, t.agencyDatabase)), "its database dropped", 10_000);
    const cold = (await events(t.agency.id)).findLast((e) => e.event === "agency.cold")!;
    const file = cold.details.file as string;
    expect(await sha256Hex(file)).toBe(cold.details.sha256);
    const manifest = JSON.parse(await Deno.readTextFile(`${file}.json`));
    expect(manifest).toMatchObject({ agencyId: t.agency.id, sha256: cold.details.sha256 });
    expect((await receiver.received("agency.cold", t.agency.id)).valid).toBe(true);
    const pools = await a.services.clusters.get("local").then((c) => c.poolerAdmin!.pools());
    expect(pools.some((p) => p.database === t.agencyDatabase)).toBe(false);

    // The fleet while it is cold: counted apart; agencies:sweep takes nothing it needs.
    const stats = await admin("GET", "/api/admin/stats");
    expect((stats.body!.cold as { cold: number }).cold).toBeGreaterThanOrEqual(1);
    expect((stats.body!.agencies as { byStatus: { status: string }[] }).byStatus.map((s) => s.status))
      .toContain("cold");
    expect(await (await scrape(a.app)).text()).toMatch(/agencies_cold\{status="cold"\} [1-9]/);
    expect(await coldDumps(a.services.control)).toContainEqual(
      expect.objectContaining({ agencyId: t.agency.id, cold: true, file, sha256: cold.details.sha256 }),
    ); // what a fleet dump set lists
    await sweepOrphans(localPlane(a.services));
    expect(await sha256Hex(file)).toBe(cold.details.sha256);

    // A migration lands while it is cold: tenants:migrate skips it, naming what its wake will apply.

    await Deno.writeTextFile(
      `${migrationsDir}/${ADDED}_cold_test.sql`,
      `-- migrate:up\nALTER TABLE clients ADD COLUMN ${COLUMN} text;\n\n-- migrate:down\nALTER TABLE clients DROP COLUMN ${COLUMN};\n`,
    );
    const [skipped] = await migrateFleet(
      { control: a.services.control, clusters: a.services.clusters, catalogUrl: stack().servers.databaseUrl },
      { dbmateBin: stack().tools.dbmate, migrationsDir, concurrency: 1, agency: t.agencyDatabase },
    );
    expect(skipped).toMatchObject({
      status: "cold",
      pending: [ADDED],
      schemaVersion: migrationVersions(TENANT_MIGRATIONS).at(-1),
    });
    expect(await databaseExists(su, t.agencyDatabase)).toBe(false);
    for (const { services } of [a, b]) services.lifecycle.wake!.migrationsDir = migrationsDir;

    // 3. A login wakes it: 503 agency_waking with Retry-After first, then 200.
    const { seen, body } = await loginUntilServed(a.app, t);
    expect(seen[0]).toMatchObject({ status: 503, code: "agency_waking" });
    expect(Number(seen[0].retryAfter)).toBeGreaterThan(0);
    expect(body.agency).toMatchObject({ id: t.agency.id, status: "active" });

    // 4. Every row it had, at the new schema version.
    const after = await tableRows(t.agencyDatabase, "clients");
    const columns = Object.keys(before[0]);
    expect(after.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])))).toEqual(before);
    await asSuperuser(t.agencyDatabase, async (sql) => {
      expect(await sql`select 1 from information_schema.columns where column_name = ${COLUMN}`).toHaveLength(
        1,
      );
    });
    const [agency] = await su`select schema_version, last_active_at from agencies where id = ${t.agency.id}`;
    expect(agency.schemaVersion).toBe(ADDED);
    expect(agency.schemaVersion).toBe(migrationVersions(migrationsDir).at(-1));
    await asSuperuser(t.agencyDatabase, async (sql) => {
      expect(await sql`select 1 from schema_migrations where version = ${ADDED}`).toHaveLength(1);
    });
    const woken = (await events(t.agency.id)).map((e) => e.event);
    expect(woken.filter((e) => e === "agency.waking")).toHaveLength(1);
    expect(woken.at(-1)).toBe("agency.woken");
    // Served as before, by the token it got now.
    expect((await apiFor(a.app, body.token).get("/api/clients")).status).toBe(200);
    await admin("POST", `/api/admin/agencies/${t.agency.id}/plan`, { plan: "starter" }); // no second cycle
  });

  it("cancels a warning when the agency is used after it", async () => {
    const t = await signupAgency(a.app, "cold");
    await onPlan(t);
    // Used within the warning's lead time (5 s), through the other instance.
    await until(
      async () => (await events(t.agency.id)).some((e) => e.event === "agency.cold_warning"),
      "warned",
    );
    expect((await apiFor(b.app, t.token).get("/api/clients")).status).toBe(200);
    const cancelled = await receiver.received("agency.cold_warning_cancelled", t.agency.id);
    expect(cancelled.valid).toBe(true);
    expect(await statusOf(t.agency.id)).toBe("active");
    const [warned, cancel] = (await events(t.agency.id)).filter((e) =>
      e.event.startsWith("agency.cold_warning")
    );
    expect([warned.event, cancel.event]).toEqual(["agency.cold_warning", "agency.cold_warning_cancelled"]);
    expect(new Date(cancel.details.lastActiveAt as string) > new Date(warned.details.lastActiveAt as string))
      .toBe(true);
    await admin("POST", `/api/admin/agencies/${t.agency.id}/plan`, { plan: "starter" });
  });
});
