// Plan limits end to end: the n+1th user or project on a plan of n gives 403 plan_limit_reached, two
// concurrent adds never both take the last slot, an operator's change of plan applies at once on this
// instance and on another (catalog NOTIFY), storage over the plan blocks creates but not reads, and
// GET /api/usage reports it all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import { lifecycleActions } from "../../src/tenancy/lifecycle.ts";
import {
  apiFor,
  asSuperuser,
  call,
  dataOf,
  hex,
  PASSWORD,
  signupAgency,
  sleep,
  type Tenant,
} from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";

// A long agency TTL on both instances: what B sees after a plan change can only come from the
// announcement.
const backupDir = await Deno.makeTempDir({ prefix: "buildflow-plans-" });
const a = testApp({ TRUST_PROXY: "true", AGENCY_CACHE_TTL_MS: "600000", BACKUP_DIR: backupDir });
const b = testApp({ TRUST_PROXY: "true", AGENCY_CACHE_TTL_MS: "600000" });
// Writes of one agency that really run at once: a connection each, none queued behind another.
const parallel = testApp({ TRUST_PROXY: "true", AGENCY_CONCURRENCY: "8" });
// An instance only one test uses: its client for the agency opens connections as its queries need them.
const lone = testApp({ TRUST_PROXY: "true" });
const su = superuser();
const tag = hex(8);
const operator = { email: `planops.${tag}@ops.example.com`, token: "" };
// Test plans: two users, two projects, plenty of storage; and one whose storage every database exceeds.
const small = `t_small_${tag}`;
const tiny = `t_tiny_${tag}`;
const retired = `t_retired_${tag}`;

beforeAll(async () => {
  await su`insert into subscription_plans (code, name, max_users, max_projects, storage_mb, price_inr, is_active)
    values (${small}, ${"Small " + tag}, 2, 2, 100000, 0, true), (${tiny}, ${
    "Tiny " + tag
  }, 50, 50, 1, 0, true),
      (${retired}, ${"Retired " + tag}, 50, 50, 100000, 0, false)`;
  await upsertOperator(a.services.control, {
    email: operator.email,
    fullName: `Plan operator ${tag}`,
    role: "operator",
    passwordHash: await hashPassword(PASSWORD),
  });
  const res = await call(a.app, "POST", "/api/admin/login", {
    body: { email: operator.email, password: PASSWORD },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  operator.token = res.body!.token as string;
  await b.services.watchAgencyChanges();
});

afterAll(async () => {
  await su`delete from users where email = ${operator.email}`;
  await Deno.remove(backupDir, { recursive: true }).catch(() => {});
});

const setPlan = (agencyId: string, plan: string, token = operator.token) =>
  call(a.app, "POST", `/api/admin/agencies/${agencyId}/plan`, { token, body: { plan } });
const newUser = () => ({ email: `u.${hex(10)}@example.com`, password: PASSWORD, fullName: "Seat taker" });
const newProject = () => ({ name: `Project ${hex(6)}` });

function expectLimit(
  reply: { status: number; body: Record<string, unknown> | null },
  limit: string,
  plan: string,
) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(403);
  expect(reply.body).toMatchObject({ code: "plan_limit_reached", issues: [{ path: limit }] });
  expect(reply.body!.error).toContain(limit);
  expect(JSON.stringify(reply.body!.issues)).toContain(plan);
}

describe("counted limits", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await signupAgency(a.app, "limits");
    dataOf(await setPlan(tenant.agency.id, small));
  });

  it("gives the n+1th user and project 403 plan_limit_reached, naming the limit and the plan", async () => {
    const api = apiFor(a.app, tenant.token);
    dataOf(await api.post("/api/users", newUser()), 201); // the signup's admin is the first of two
    expectLimit(await api.post("/api/users", newUser()), "users", small);
    for (let i = 0; i < 2; i++) dataOf(await api.post("/api/projects", newProject()), 201);
    expectLimit(await api.post("/api/projects", newProject()), "projects", small);
  });

  it("lets a deactivated user's seat go to another, and refuses reactivating past the limit", async () => {
    const api = apiFor(a.app, tenant.token);
    const users = dataOf<{ id: string; role: string }[]>(await api.get("/api/users"));
    const other = users.find((u) => u.id !== tenant.user.id)!;
    dataOf(await api.patch(`/api/users/${other.id}`, { isActive: false }));
    const replacement = dataOf<{ id: string }>(await api.post("/api/users", newUser()), 201);
    expectLimit(await api.patch(`/api/users/${other.id}`, { isActive: true }), "users", small);
    dataOf(await api.patch(`/api/users/${replacement.id}`, { isActive: false }));
    dataOf(await api.patch(`/api/users/${other.id}`, { isActive: true }));
  });

  it("reports usage against the plan", async () => {
    const usage = await apiFor(a.app, tenant.token).get("/api/usage");
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({
      plan: { code: small },
      users: { used: 2, limit: 2 },
      projects: { used: 2, limit: 2 },
      storageMb: { limit: 100000 },
    });
    const storage = (usage.body!.storageMb as { used: number }).used;
    expect(storage).toBeGreaterThan(1);
  });

  it("answers usage one query at a time, on the one connection its request holds", async () => {
    // The agency's client connections at PgBouncer (every instance's; only `lone` acts meanwhile).
    const clientConnections = async () => {
      const pools = await a.services.clusters.get("local").then((c) => c.poolerAdmin!.pools());
      const pool = pools.find((p) => p.database === tenant.agencyDatabase);
      return Number(pool?.clActive ?? 0) + Number(pool?.clWaiting ?? 0);
    };
    const api = apiFor(lone.app, tenant.token);
    dataOf(await api.get("/api/projects")); // lone's client and its first connection
    const before = await clientConnections();
    expect((await api.get("/api/usage")).status).toBe(200);
    expect(await clientConnections()).toBe(before); // queries at once would each have opened one
  });

  it("applies an upgrade at once here and on another instance within 1 s", async () => {
    const onB = apiFor(b.app, tenant.token);
    expectLimit(await onB.post("/api/projects", newProject()), "projects", small); // B has the agency cached
    dataOf(await setPlan(tenant.agency.id, "pro"));
    dataOf(await apiFor(a.app, tenant.token).post("/api/projects", newProject()), 201);
    const since = performance.now();
    let status = 0;
    while (performance.now() - since < 1000 && status !== 201) {
      status = (await onB.post("/api/projects", newProject())).status;
      if (status !== 201) await sleep(20);
    }
    expect(status).toBe(201);
    dataOf(await onB.post("/api/users", newUser()), 201);
    expect((await onB.get("/api/usage")).body).toMatchObject({ plan: { code: "pro" }, users: { limit: 50 } });

    const [event] = await su`
      select event, actor, details from agency_events where agency_id = ${tenant.agency.id}
      and event = 'agency.plan_changed' order by id desc limit 1`;
    expect(event.details).toEqual({ from: small, to: "pro" });
    expect(event.actor).toMatch(/^operator:/);
  });
});

it("lets only one of several concurrent adds take the last slot", async () => {
  const tenant = await signupAgency(a.app, "race");
  dataOf(await setPlan(tenant.agency.id, small));
  dataOf(await apiFor(a.app, tenant.token).post("/api/projects", newProject()), 201);
  const api = apiFor(parallel.app, tenant.token);
  const projects = await Promise.all(
    Array.from({ length: 6 }, () => api.post("/api/projects", newProject())),
  );
  expect(projects.map((r) => r.status).sort()).toEqual([201, 403, 403, 403, 403, 403]);
  const users = await Promise.all(Array.from({ length: 4 }, () => api.post("/api/users", newUser())));
  expect(users.map((r) => r.status).sort()).toEqual([201, 403, 403, 403]);
  expect((await api.get("/api/usage")).body).toMatchObject({ users: { used: 2 }, projects: { used: 2 } });
});

it("blocks creates while storage is over the plan, never reads, updates or deletes", async () => {
  const tenant = await signupAgency(a.app, "storage");
  const api = apiFor(a.app, tenant.token);
  const client = dataOf<{ id: string }>(
    await api.post("/api/clients", { name: "Before the downgrade" }),
    201,
  );
  dataOf(await setPlan(tenant.agency.id, tiny));

  expectLimit(await api.post("/api/clients", { name: "Over" }), "storageMb", tiny);
  expectLimit(await api.post("/api/users", newUser()), "storageMb", tiny);
  expect(dataOf<{ id: string }>(await api.get(`/api/clients/${client.id}`)).id).toBe(client.id);
  expect((await api.get("/api/clients")).status).toBe(200);
  dataOf(await api.patch(`/api/clients/${client.id}`, { notes: "still editable" }));
  expect((await api.delete(`/api/clients/${client.id}`)).status).toBe(204);
  expect((await api.get("/api/usage")).body).toMatchObject({ plan: { code: tiny }, storageMb: { limit: 1 } });

  dataOf(await setPlan(tenant.agency.id, "starter"));
  dataOf(await api.post("/api/clients", { name: "Room again" }), 201);
});

it("measures an agency's storage at most once per TTL, not once per request", async () => {
  const tenant = await signupAgency(a.app, "size");
  const api = apiFor(a.app, tenant.token);
  const storage = async () => ((await api.get("/api/usage")).body!.storageMb as { used: number }).used;
  const measured = await storage();
  await asSuperuser(
    tenant.agencyDatabase,
    (sql) =>
      sql`create table padding as select md5(i::text) || md5(random()::text) as junk from generate_series(1, 200000) i`,
  );
  expect(await storage()).toBe(measured); // the cached measurement
  a.services.limits.forgetSize(tenant.agency.id);
  expect(await storage()).toBeGreaterThan(measured + 5);
});

describe("POST /api/admin/agencies/:id/plan", () => {
  it("leaves a deleted agency on the plan it ended with (409)", async () => {
    const tenant = await signupAgency(a.app, "plangone");
    await lifecycleActions.archive(a.services.lifecycle, tenant.agency.id, { actor: "test" });
    await lifecycleActions.delete(a.services.lifecycle, tenant.agency.id, { actor: "test" });
    const res = await setPlan(tenant.agency.id, "pro");
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict", error: "Agency is deleted" });
  });

  it("refuses an unknown agency (404), an unknown or inactive plan (400) and a viewer (403)", async () => {
    const tenant = await signupAgency(a.app, "planerr");
    expect((await setPlan(crypto.randomUUID(), "pro")).status).toBe(404);
    for (const plan of ["nope_plan", retired]) {
      const res = await setPlan(tenant.agency.id, plan);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "validation_failed", issues: [{ path: "plan" }] });
    }
    const viewerEmail = `planviewer.${tag}@ops.example.com`;
    await upsertOperator(a.services.control, {
      email: viewerEmail,
      fullName: "Viewer",
      role: "viewer",
      passwordHash: await hashPassword(PASSWORD),
    });
    try {
      const login = await call(a.app, "POST", "/api/admin/login", {
        body: { email: viewerEmail, password: PASSWORD },
      });
      expect((await setPlan(tenant.agency.id, "pro", login.body!.token as string)).status).toBe(403);
    } finally {
      await su`delete from users where email = ${viewerEmail}`;
    }
    expect(
      (await call(a.app, "POST", `/api/admin/agencies/${tenant.agency.id}/plan`, { body: { plan: "pro" } }))
        .status,
    )
      .toBe(401);
    const unchanged = await su`select subscription_plan from agencies where id = ${tenant.agency.id}`;
    expect(unchanged[0].subscriptionPlan).toBe("starter");
  });
});
