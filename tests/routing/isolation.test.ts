// The tenant boundary end to end: two agencies with rows of every resource never see each other's,
// a token is bound to its agency (header mismatch 403, other ids 404, unknown database 401 without a
// connection), suspension answers 423; and concurrent load across agencies through the real pooler.
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/resources/erp.ts";
import { superuser, testApp } from "../support/stack.ts";
import { createParents, createSample, type Parents, samples } from "../resources/samples.ts";
import {
  type Api,
  apiFor,
  call,
  dataOf,
  login,
  PASSWORD,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";

type Row = Record<string, unknown> & { id: string };
type Side = { tenant: Tenant; api: Api; parents: Parents; rows: Map<string, Row[]> };

const { app, services } = testApp({ TRUST_PROXY: "true" });
const su = superuser();

async function side(tag: string): Promise<Side> {
  const tenant = await signupAgency(app, tag);
  const api = apiFor(app, tenant.token);
  const parents = await createParents(api, tenant.user.id);
  const rows = new Map<string, Row[]>();
  for (const { path } of resources) rows.set(path, [await createSample(api, path, parents) as Row]);
  return { tenant, api, parents, rows };
}

let a: Side;
let b: Side;
beforeAll(async () => {
  [a, b] = await Promise.all([side("iso-a"), side("iso-b")]);
});

async function ids(api: Api, path: string): Promise<string[]> {
  const res = await api.get(`/api/${path}?limit=100`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { data: Row[] }).data.map((r) => r.id);
}

describe("two agencies", () => {
  it("each list every resource with only their own rows", async () => {
    for (const { path } of resources) {
      const [listedA, listedB] = await Promise.all([ids(a.api, path), ids(b.api, path)]);
      const mineA = a.rows.get(path)!.map((r) => r.id);
      const mineB = b.rows.get(path)!.map((r) => r.id);
      expect(listedA, path).toEqual(expect.arrayContaining(mineA));
      expect(listedB, path).toEqual(expect.arrayContaining(mineB));
      expect(listedA.filter((id) => listedB.includes(id)), path).toEqual([]);
    }
    // Same seed data, different databases: the parents differ too.
    expect(a.parents.clientId).not.toBe(b.parents.clientId);
    const [usersA, usersB] = await Promise.all([ids(a.api, "users"), ids(b.api, "users")]);
    expect(usersA).toEqual([a.tenant.user.id]);
    expect(usersB).toEqual([b.tenant.user.id]);
  });

  it("answer another agency's ids with 404 on GET, PATCH and DELETE, leaving them untouched", async () => {
    for (const { path } of resources) {
      const [row] = b.rows.get(path)!;
      const attempts = [
        await a.api.get(`/api/${path}/${row.id}`),
        await a.api.patch(`/api/${path}/${row.id}`, samples[path].patch),
        await a.api.delete(`/api/${path}/${row.id}`),
      ];
      for (const res of attempts) {
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(404);
        expect(res.body).toMatchObject({ code: "not_found" });
      }
      const still = dataOf<Row>(await b.api.get(`/api/${path}/${row.id}`));
      expect(still, path).toEqual(row);
    }
    expect((await a.api.get(`/api/users/${b.tenant.user.id}`)).status).toBe(404);
    expect((await a.api.patch(`/api/users/${b.tenant.user.id}`, { isActive: false })).status).toBe(404);
  });

  it("refuse a token whose X-Agency-Database names another agency with 403 agency_mismatch", async () => {
    const headers = { "X-Agency-Database": b.tenant.agencyDatabase };
    for (const path of ["/api/me", "/api/clients", `/api/clients/${b.parents.clientId}`, "/api/users"]) {
      const res = await a.api.get(path, headers);
      expect(res.status, path).toBe(403);
      expect(res.body).toEqual({ error: "Agency mismatch", code: "agency_mismatch" });
    }
    const write = await call(app, "POST", "/api/clients", {
      token: a.tenant.token,
      body: { name: "x" },
      headers,
    });
    expect(write.status).toBe(403);
    // The token's own database in the header is fine.
    const own = await a.api.get("/api/clients", { "X-Agency-Database": a.tenant.agencyDatabase });
    expect(own.status).toBe(200);
  });

  // The agency comes from the catalog by the token's agencyId; the database claim only has to agree with
  // X-Agency-Database when that header is sent (src/http/tenant/verify-token.ts: a restore may have
  // moved the database, so the catalog's name wins). A claim naming B's database therefore still serves
  // A, with A's rows only: 200, never B's data, and not 401.
  it("serves a token's own agency (200, its rows only) even when its database claim names another", async () => {
    // Signed with the real secret: only the agencyDatabase claim is forged.
    const forged = await services.tokens.signAgency({
      sub: a.tenant.user.id,
      agencyId: a.tenant.agency.id,
      agencyDatabase: b.tenant.agencyDatabase,
      role: "admin",
    });
    const ofB = [b.parents.clientId, ...b.rows.get("clients")!.map((r) => r.id)];
    const res = await call(app, "GET", "/api/clients?limit=100", { token: forged });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const listed = (res.body as { data: Row[] }).data.map((r) => r.id);
    expect(listed).toEqual(await ids(a.api, "clients")); // exactly what A's own token lists
    expect(listed).toEqual(expect.arrayContaining([a.parents.clientId, a.rows.get("clients")![0].id]));
    expect(listed.filter((id) => ofB.includes(id))).toEqual([]);

    const me = await call(app, "GET", "/api/me", { token: forged });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toEqual({
      user: expect.objectContaining({ id: a.tenant.user.id, email: a.tenant.email }),
      agency: a.tenant.agency,
    });
    expect(JSON.stringify(me.body)).not.toContain(b.tenant.agencyDatabase);
    // B's own row by id, with the forged token: A's database has no such row.
    const theirs = await call(app, "GET", `/api/clients/${b.parents.clientId}`, { token: forged });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ code: "not_found" });
  });
});

describe("a token for a database the catalog does not know", () => {
  it("is 401 without ever connecting to it", async () => {
    const ghost = "agency_ghost_deadbeef";
    const token = await services.tokens.signAgency({
      sub: crypto.randomUUID(),
      agencyId: crypto.randomUUID(),
      agencyDatabase: ghost,
      role: "admin",
    });
    const created = services.tenantClients.stats().created;
    for (const path of ["/api/me", "/api/projects", `/api/projects/${crypto.randomUUID()}`]) {
      const res = await call(app, "GET", path, { token });
      expect(res.status, path).toBe(401);
      expect(res.body).toMatchObject({ code: "unauthorized" });
    }
    const post = await call(app, "POST", "/api/clients", { token, body: { name: "x" } });
    expect(post.status).toBe(401);

    expect(services.tenantClients.stats().created).toBe(created); // no client made for it
    expect(await su`select 1 from pg_database where datname = ${ghost}`).toHaveLength(0);
    expect(await su`select 1 from pg_stat_activity where datname = ${ghost}`).toHaveLength(0);
  });
});

describe("agency status", () => {
  it("answers 423 agency_unavailable while suspended and 200 once active again", async () => {
    const c = await signupAgency(app, "iso-suspend");
    const api = apiFor(app, c.token);
    expect((await api.get("/api/me")).status).toBe(200);
    const setStatus = async (status: string) => {
      await su`update agencies set status = ${status} where id = ${c.agency.id}`;
      // The cache is keyed by agency id (or, in older code, by database name): drop both.
      services.agencies.invalidate(c.agency.id);
      services.agencies.invalidate(c.agencyDatabase);
    };
    try {
      await setStatus("suspended");
      for (const path of ["/api/me", "/api/clients"]) {
        const res = await api.get(path);
        expect(res.status, path).toBe(423);
        expect(res.body).toMatchObject({ code: "agency_unavailable" });
      }
      const loggingIn = await login(app, { email: c.email, password: PASSWORD });
      expect(loggingIn.status).toBe(423);
      expect(loggingIn.body).toMatchObject({ code: "agency_unavailable" });
    } finally {
      await setStatus("active");
    }
    expect((await api.get("/api/me")).status).toBe(200);
    expect((await login(app, { email: c.email, password: PASSWORD })).status).toBe(200);
  });
});

describe("through the real pooler", () => {
  const limited = testApp({ ADMISSION_CONCURRENCY: "4" });
  const crowded = testApp({ TENANT_CLIENTS_MAX: "2" });

  it("serves 3 agencies × 20 concurrent requests with an admission limit of 4", async () => {
    const c = await signupAgency(app, "iso-load");
    const tokens = [a.tenant.token, b.tenant.token, c.token];
    const before = limited.services.admission.stats();
    const replies = await Promise.all(
      tokens.flatMap((token) =>
        Array.from({ length: 20 }, () => call(limited.app, "GET", "/api/projects?limit=5", { token }))
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect((replies[0].body as { data: Row[] }).data.map((r) => r.id)).toContain(a.parents.projectId);
    expect((replies[59].body as { data: Row[] }).data).toEqual([]);

    const after = limited.services.admission.stats();
    expect(after.admitted - before.admitted).toBe(60);
    expect(after.rejected).toBe(before.rejected);
    expect(after.waited - before.waited).toBeGreaterThan(0); // some had to queue for a slot
    expect(after.active).toBe(0);
    expect(after.concurrency).toBe(4);
  });

  // A busy agency's requests run side by side, one per connection of its lane: a read never waits behind
  // another on one connection, and no query is pipelined behind another (PgBouncer 1.18 in transaction
  // mode wedges on a pipeline that mixes reads with a BEGIN: every request of the agency then hangs).
  it("runs a busy agency's reads and writes on up to AGENCY_CONCURRENCY connections, never pipelined", async () => {
    const busy = await signupAgency(app, "iso-busy");
    const { databaseName } = (await services.agencies.get(busy.agency.id))!;
    const backends = async () =>
      (await su`select count(*)::int as n from pg_stat_activity where datname = ${databaseName}`)[0].n;
    const peak = { backends: 0 };
    let loading = true;
    const sampling = (async () => {
      while (loading) {
        peak.backends = Math.max(peak.backends, await backends());
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const started = performance.now();
    const replies = await Promise.all(
      Array.from(
        { length: 60 },
        (_, i) =>
          i % 3 === 0
            ? call(limited.app, "POST", "/api/clients", {
              token: busy.token,
              body: samples.clients.make(a.parents).body,
            })
            : call(limited.app, "GET", "/api/clients?limit=5", { token: busy.token }),
      ),
    );
    loading = false;
    await sampling;
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(40).fill(200), ...Array(20).fill(201)]);
    expect(performance.now() - started).toBeLessThan(10_000); // a wedged connection holds them 30 s and more
    expect(peak.backends).toBeGreaterThan(1); // the lane's connections, not one
    expect(peak.backends).toBeLessThanOrEqual(4); // AGENCY_CONCURRENCY
  });

  // Clients are held per request: eviction by another agency's request never ends one in use.
  it("keeps serving when more agencies are active than TENANT_CLIENTS_MAX", async () => {
    const c = await signupAgency(app, "iso-crowd");
    const tokens = [a.tenant.token, b.tenant.token, c.token];
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const replies = await Promise.all(
        Array.from(
          { length: 30 },
          (_, i) => call(crowded.app, "GET", "/api/projects", { token: tokens[i % 3] }),
        ),
      );
      statuses.push(...replies.map((r) => r.status));
    }
    expect(crowded.services.tenantClients.stats().evictions).toBeGreaterThan(0);
    expect(statuses).toEqual(Array(90).fill(200));
  });
});
