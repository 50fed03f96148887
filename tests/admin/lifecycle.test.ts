// The platform admin API end to end on the real stack: operator login and the platform boundary,
// an agency's lifecycle driven over HTTP (suspend, resume, archive, restore, delete) and what tenants
// see at each step, the events, the fleet stats, and the Prometheus metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import {
  call,
  databaseExists,
  dataOf,
  hex,
  login,
  METRICS_TOKEN,
  scrape,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";
import { tableRows } from "../ops/helpers.ts";

const backupDir = await Deno.makeTempDir({ prefix: "buildflow-admin-backups-" });
const { app, services } = testApp({ TRUST_PROXY: "true", BACKUP_DIR: backupDir, METRICS_TOKEN });
const su = superuser();
const OPERATOR_PASSWORD = "Operator-pass-42-long";
const tag = hex(8);
const owner = { email: `owner.${tag}@ops.example.com`, id: "", token: "" };
const viewer = { email: `viewer.${tag}@ops.example.com`, id: "", token: "" };

type Row = Record<string, unknown> & { id: string };

const adminLogin = (email: string, password: string) =>
  call(app, "POST", "/api/admin/login", { body: { email, password } });
const admin = (method: string, path: string, token = owner.token, body?: unknown) =>
  call(app, method, path, { token, body: body ?? (method === "POST" ? {} : undefined) });
const action = (id: string, name: string, token = owner.token, body?: unknown) =>
  admin("POST", `/api/admin/agencies/${id}/${name}`, token, body);
const tenantGet = (t: Tenant, path = "/api/clients") => call(app, "GET", path, { token: t.token });
const tenantLogin = (t: Tenant) => login(app, { email: t.email, password: t.password });

beforeAll(async () => {
  for (const [who, role] of [[owner, "owner"], [viewer, "viewer"]] as const) {
    who.id = await upsertOperator(services.control, {
      email: who.email,
      fullName: `Operator ${role} ${tag}`,
      role,
      passwordHash: await hashPassword(OPERATOR_PASSWORD),
    });
  }
});

afterAll(async () => {
  await su`delete from users where email in ${su([owner.email, viewer.email])}`;
  await Deno.remove(backupDir, { recursive: true }).catch(() => {});
});

describe("operator login and the platform boundary", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    // Two, so a one-row page always has a next page.
    [tenant] = await Promise.all([signupAgency(app, "adm"), signupAgency(app, "adm")]);
  });

  it("logs an operator in and refuses a wrong password", async () => {
    const ok = await adminLogin(owner.email.toUpperCase(), OPERATOR_PASSWORD);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ user: { id: owner.id, email: owner.email, role: "owner" } });
    owner.token = ok.body!.token as string;
    expect(owner.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    viewer.token = (await adminLogin(viewer.email, OPERATOR_PASSWORD)).body!.token as string;

    for (
      const [email, password] of [[owner.email, "Wrong-pass-42-long"], [`nobody.${tag}@x.com`, "whatever"]]
    ) {
      const bad = await adminLogin(email, password);
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ code: "invalid_credentials" });
      expect(bad.body!.token).toBeUndefined();
    }
    const [{ lastLoginAt }] = await su<{ lastLoginAt: Date | null }[]>`
      select last_login_at from users where id = ${owner.id}`;
    expect(lastLoginAt).toBeInstanceOf(Date);
  });

  it("answers 401 without a token and 403 to an agency's token", async () => {
    for (
      const path of ["/api/admin/agencies", `/api/admin/agencies/${tenant.agency.id}`, "/api/admin/stats"]
    ) {
      expect((await call(app, "GET", path)).status).toBe(401);
      const agencyToken = await call(app, "GET", path, { token: tenant.token });
      expect(agencyToken.status).toBe(403);
      expect(agencyToken.body).toMatchObject({ code: "forbidden" });
      expect((await call(app, "GET", path, { token: `${owner.token}x` })).status).toBe(401);
    }
    const suspend = await call(app, "POST", `/api/admin/agencies/${tenant.agency.id}/suspend`, {
      token: tenant.token,
      body: {},
    });
    expect(suspend.status).toBe(403);
    // And an operator's token is no agency token.
    expect((await tenantGet({ ...tenant, token: owner.token })).status).toBe(401);
    expect((await tenantGet(tenant)).status).toBe(200);
  });

  it("lets a viewer read but not act", async () => {
    const list = await admin("GET", "/api/admin/agencies?limit=100", viewer.token);
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body!.data)).toBe(true);
    const one = await admin("GET", `/api/admin/agencies/${tenant.agency.id}`, viewer.token);
    expect(dataOf(one)).toMatchObject({ id: tenant.agency.id, status: "active" });
    for (const name of ["suspend", "archive", "delete"]) {
      const refused = await action(tenant.agency.id, name, viewer.token);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: "forbidden" });
    }
    expect((await tenantGet(tenant)).status).toBe(200);
    const [{ status }] = await su<
      { status: string }[]
    >`select status from agencies where id = ${tenant.agency.id}`;
    expect(status).toBe("active");
  });

  it("pages the agency list with a cursor and filters by status", async () => {
    const first = await admin("GET", "/api/admin/agencies?limit=1");
    const page = first.body as { data: Row[]; nextCursor: string | null };
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).toBe(page.data[0].id);
    const second = (await admin("GET", `/api/admin/agencies?limit=1&cursor=${page.nextCursor}`)).body as {
      data: Row[];
    };
    expect(second.data[0].id > page.data[0].id).toBe(true);
    const active = (await admin("GET", "/api/admin/agencies?status=active&limit=100")).body as {
      data: Row[];
    };
    expect(active.data.every((a) => a.status === "active")).toBe(true);
    expect((await admin("GET", "/api/admin/agencies?status=bogus")).status).toBe(400);
    expect((await admin("GET", "/api/admin/agencies/not-a-uuid")).status).toBe(400);
    expect((await admin("GET", `/api/admin/agencies/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe("an agency's lifecycle over the admin API", () => {
  let tenant: Tenant;
  let client: Row;
  let clientRow: Record<string, unknown>;
  const id = () => tenant.agency.id;
  const db = () => tenant.agencyDatabase;

  beforeAll(async () => {
    tenant = await signupAgency(app, "life");
    client = dataOf<Row>(
      await call(app, "POST", "/api/clients", {
        token: tenant.token,
        body: { name: "Lifecycle Client", email: "lc@example.com", paymentTermsDays: 15, city: "Chennai" },
      }),
      201,
    );
    [clientRow] = await tableRows(db(), "clients");
  });

  it("suspend → 423 for requests and logins; resume → 200", async () => {
    expect(dataOf(await action(id(), "suspend"))).toMatchObject({ id: id(), status: "suspended" });
    const blocked = await tenantGet(tenant);
    expect(blocked.status).toBe(423);
    expect(blocked.body).toMatchObject({ code: "agency_unavailable" });
    const login = await tenantLogin(tenant);
    expect(login.status).toBe(423);
    expect(login.body).toMatchObject({ code: "agency_unavailable" });
    // Suspending twice is a conflict, not a second event.
    expect((await action(id(), "suspend")).status).toBe(409);

    expect(dataOf(await action(id(), "resume"))).toMatchObject({ status: "active" });
    expect(dataOf(await tenantGet(tenant, `/api/clients/${client.id}`))).toEqual(client);
    expect((await tenantLogin(tenant)).status).toBe(200);
  });

  it("archive drops the database after a backup; restore brings the same rows back", async () => {
    expect((await action(id(), "restore")).status).toBe(409); // not archived yet
    expect(dataOf(await action(id(), "archive"))).toMatchObject({ status: "archived" });
    expect(await databaseExists(su, db())).toBe(false);
    const blocked = await tenantGet(tenant);
    expect(blocked.status).toBe(423);
    expect(blocked.body).toMatchObject({ code: "agency_unavailable" });
    const [event] = await su<{ actor: string; details: { file: string; bytes: number; sha256: string } }[]>`
      select actor, details from agency_events where agency_id = ${id()} and event = 'agency.archived'`;
    expect(event.actor).toBe(`operator:${owner.id}`);
    expect(event.details.file.startsWith(`${backupDir}/archives/${id()}/`)).toBe(true);
    expect((await Deno.stat(event.details.file)).size).toBe(event.details.bytes);
    expect(event.details.sha256).toMatch(/^[0-9a-f]{64}$/);

    expect(dataOf(await action(id(), "restore"))).toMatchObject({ status: "active", databaseName: db() });
    expect(await databaseExists(su, db())).toBe(true);
    expect(await tableRows(db(), "clients")).toEqual([clientRow]);
    expect(dataOf(await tenantGet(tenant, `/api/clients/${client.id}`))).toEqual(client);
    const [{ schemaVersion }] = await su<{ schemaVersion: string }[]>`
      select schema_version from agencies where id = ${id()}`;
    expect(schemaVersion).toMatch(/^\d+$/);
  });

  it("delete refuses an active agency without force; after archive it deletes for good", async () => {
    const refused = await action(id(), "delete");
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "conflict" });
    expect((await tenantGet(tenant)).status).toBe(200);

    dataOf(await action(id(), "archive"));
    expect(dataOf(await action(id(), "delete"))).toMatchObject({ status: "deleted" });
    expect(await databaseExists(su, db())).toBe(false);
    expect(await su`select 1 from user_directory where agency_id = ${id()}`).toHaveLength(0);
    const [{ status }] = await su<{ status: string }[]>`select status from agencies where id = ${id()}`;
    expect(status).toBe("deleted");
    const login = await tenantLogin(tenant);
    expect(login.status).toBe(401);
    expect(login.body).toMatchObject({ code: "invalid_credentials" });
    expect((await tenantGet(tenant)).status).toBe(401);
    for (const name of ["resume", "archive", "restore", "delete"]) {
      expect((await action(id(), name)).status).toBe(409);
    }

    // The domain is free again.
    const again = await signupAgency(app, "life", tenant.domain);
    expect(again.agency.domain).toBe(tenant.domain);
    expect(again.agency.id).not.toBe(id());
    expect((await tenantGet(again)).status).toBe(200);
  });

  it("shows the agency's events, newest first", async () => {
    const res = await admin("GET", `/api/admin/agencies/${id()}`);
    expect(dataOf(res)).toMatchObject({ id: id(), status: "deleted", databaseName: db() });
    const events = (res.body as {
      events: { event: string; actor: string; fromStatus: string; toStatus: string }[];
    }).events;
    expect(events.map((e) => e.event)).toEqual([
      "agency.deleted",
      "agency.archived",
      "agency.archiving",
      "agency.unarchived",
      "agency.archived",
      "agency.archiving",
      "agency.resumed",
      "agency.suspended",
      "agency.created",
    ]);
    // Each event names the status the agency really left, not the set it was allowed to leave.
    expect(events.slice(0, 3).map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ["archived", "deleted"],
      ["archiving", "archived"],
      ["active", "archiving"],
    ]);
    expect(events.slice(0, -1).every((e) => e.actor === `operator:${owner.id}`)).toBe(true);
    expect(events[0].toStatus).toBe("deleted");
  });
});

describe("stats and metrics", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await signupAgency(app, "stats");
  });

  it("GET /api/admin/stats reports the fleet, the databases, the connections, the pooler and the API", async () => {
    const res = await admin("GET", "/api/admin/stats", viewer.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stats = res.body as {
      agencies: { byStatus: { status: string; agencies: number }[]; bySchemaVersion: unknown[] };
      databases: { count: number; totalBytes: number; largest: { database: string; bytes: number }[] };
      connections: { database: string; role: string; connections: number }[];
      pooler: { pools: number; serverConnections: Record<string, number>; totals: Record<string, number> };
      api: { registry: { live: number; max: number }; admission: unknown; agencyCache: unknown };
    };
    const active = stats.agencies.byStatus.find((s) => s.status === "active");
    expect(active?.agencies).toBeGreaterThanOrEqual(1);
    expect(stats.agencies.byStatus.some((s) => s.status === "deleted")).toBe(true); // ours, above
    expect(stats.databases.largest.length).toBeGreaterThan(0);
    for (const d of stats.databases.largest) {
      expect(d.database).toMatch(/^agency_/);
      expect(d.bytes).toBeGreaterThan(0);
    }
    expect(stats.databases.count).toBeGreaterThanOrEqual(stats.databases.largest.length);
    expect(stats.connections.length).toBeGreaterThan(0);
    expect(stats.connections[0]).toMatchObject({ connections: expect.any(Number) });
    expect(stats.pooler.pools).toBeGreaterThan(0);
    expect(stats.pooler.serverConnections).toMatchObject({ active: expect.any(Number) });
    expect(stats.api.registry).toMatchObject({ live: expect.any(Number), max: expect.any(Number) });
    expect(stats.api.registry.live).toBeGreaterThan(0); // this app has served tenant requests
  });

  it("GET /metrics counts requests by route pattern, never by id, with the registry gauges", async () => {
    const metric = async (pattern: RegExp) => {
      const text = await (await scrape(app)).text();
      return { text, value: Number(text.match(pattern)?.[1] ?? 0) };
    };
    const listLine =
      /^buildflow_http_requests_total\{method="GET",route="\/api\/clients",status="200"\} (\d+)$/m;
    const byIdLine =
      /^buildflow_http_requests_total\{method="GET",route="\/api\/clients\/:id",status="404"\} (\d+)$/m;
    const before = await metric(listLine);
    const beforeById = await metric(byIdLine);
    expect((await tenantGet(tenant)).status).toBe(200);
    expect((await tenantGet(tenant)).status).toBe(200);
    const missing = crypto.randomUUID();
    expect((await tenantGet(tenant, `/api/clients/${missing}`)).status).toBe(404);

    const res = await scrape(app);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(Number(text.match(listLine)?.[1])).toBe(before.value + 2);
    expect(Number(text.match(byIdLine)?.[1])).toBe(beforeById.value + 1);
    expect(text).not.toContain(missing);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toContain(tenant.agencyDatabase);
    expect(text).toMatch(
      /^buildflow_http_request_duration_seconds_count\{method="GET",route="\/api\/clients"\} \d+$/m,
    );
    const live = text.match(/^buildflow_tenant_clients_live (\d+)$/m);
    expect(live, text).not.toBeNull();
    expect(Number(live![1])).toBeGreaterThan(0);
    expect(text).toMatch(/^# TYPE buildflow_tenant_clients_live gauge$/m);
  });

  it("GET /metrics labels a method outside the fixed set as OTHER, never by what the client sent", async () => {
    const methods = Array.from({ length: 5 }, () => `X${hex(8).toUpperCase()}`);
    for (const method of methods) {
      expect((await app.request("/api/clients", { method })).status).toBeGreaterThanOrEqual(400);
    }
    const text = await (await scrape(app)).text();
    for (const method of methods) expect(text).not.toContain(method);
    const other = text.match(/^buildflow_http_requests_total\{method="OTHER",[^}]*\} (\d+)$/gm) ?? [];
    const counted = other.reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
    expect(counted).toBe(methods.length);
    const labelled = new Set([...text.matchAll(/method="([^"]+)"/g)].map((m) => m[1]));
    expect(
      [...labelled].filter((m) =>
        !["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER"].includes(m)
      ),
    )
      .toEqual([]);
  });
});
