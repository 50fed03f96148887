// The agency's audit trail: logins and failed logins with the client address and user agent, user
// management with only the changed fields and never the password, and GET /api/audit-log for admins
// with filters and a keyset cursor.
import { beforeAll, describe, expect, it } from "vitest";
import {
  apiFor,
  call,
  dataOf,
  freshAddress,
  hex,
  login,
  PASSWORD,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";

const { app } = testApp({ TRUST_PROXY: "true" });
type Audit = {
  id: string;
  actor: string | null;
  action: string;
  table: string;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
};

let tenant: Tenant;
beforeAll(async () => {
  tenant = await signupAgency(app, "audit");
});

async function auditLog(query = "", token = tenant.token) {
  const res = await call(app, "GET", `/api/audit-log?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { data: Audit[]; nextCursor: string | null };
}

describe("logins", () => {
  it("records a login and a failed login with the client address and user agent", async () => {
    const address = freshAddress();
    const ok = await app.request("/api/auth/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Forwarded-For": address,
        "User-Agent": "audit-test/1",
      },
      body: JSON.stringify({ email: tenant.email, password: PASSWORD }),
    });
    expect(ok.status).toBe(200);
    const failed = await login(app, { email: tenant.email, password: `${PASSWORD}x` }, address);
    expect(failed.status).toBe(401);

    const { data } = await auditLog(`recordId=${tenant.user.id}&table=users`);
    const [failure, success] = data;
    expect(failure).toMatchObject({
      action: "login_failed",
      actor: null,
      recordId: tenant.user.id,
      ipAddress: address,
      after: { email: tenant.email, reason: "wrong_password" },
    });
    expect(success).toMatchObject({
      action: "login",
      actor: tenant.user.id,
      ipAddress: address,
      userAgent: "audit-test/1",
    });
  });

  it("records nothing for an email no agency knows", async () => {
    const before = (await auditLog("action=login_failed&limit=100")).data.length;
    expect((await login(app, { email: `nobody.${hex(8)}@example.com`, password: PASSWORD })).status).toBe(
      401,
    );
    expect((await auditLog("action=login_failed&limit=100")).data.length).toBe(before);
  });
});

describe("user management", () => {
  it("records a new user without the password, and a change with only what changed", async () => {
    const api = apiFor(app, tenant.token);
    const email = `audited.${hex(8)}@example.com`;
    const user = dataOf<{ id: string }>(
      await api.post("/api/users", { email, password: PASSWORD, fullName: "Audited One", role: "employee" }),
      201,
    );
    dataOf(await api.patch(`/api/users/${user.id}`, { role: "manager", fullName: "Audited One" }));
    dataOf(await api.patch(`/api/users/${user.id}`, { isActive: false }));

    const { data } = await auditLog(`recordId=${user.id}`);
    expect(data.map((r) => r.action)).toEqual(["update", "update", "create"]);
    const [deactivate, promote, create] = data;
    expect(create).toMatchObject({ actor: tenant.user.id, table: "users", before: null });
    expect(create.after).toMatchObject({ id: user.id, email, fullName: "Audited One", role: "employee" });
    expect(JSON.stringify(create)).not.toMatch(/password|argon/i);
    expect(promote).toMatchObject({ before: { role: "employee" }, after: { role: "manager" } });
    expect(deactivate).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
  });
});

describe("GET /api/audit-log", () => {
  it("filters by table, record and actor, and pages with a cursor", async () => {
    const api = apiFor(app, tenant.token);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(dataOf<{ id: string }>(await api.post("/api/clients", { name: `Audited ${i}` }), 201).id);
    }
    const clients = (await auditLog("table=clients&limit=100")).data;
    expect(clients.every((r) => r.table === "clients")).toBe(true);
    expect(clients.map((r) => r.recordId)).toEqual([...ids].reverse());
    expect((await auditLog(`recordId=${ids[2]}`)).data.map((r) => r.recordId)).toEqual([ids[2]]);
    const mine = (await auditLog(`actor=${tenant.user.id}&limit=100`)).data;
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.every((r) => r.actor === tenant.user.id)).toBe(true);
    expect((await auditLog(`actor=${crypto.randomUUID()}`)).data).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Audit[]; nextCursor: string | null } = await auditLog(
        `table=clients&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(clients.map((r) => r.id));

    for (const query of ["cursor=garbage", "recordId=nope", "actor=1", "limit=0", "other=1"]) {
      expect((await call(app, "GET", `/api/audit-log?${query}`, { token: tenant.token })).status, query).toBe(
        400,
      );
    }
  });

  it("is for admins only", async () => {
    const api = apiFor(app, tenant.token);
    const email = `employee.${hex(8)}@example.com`;
    dataOf(await api.post("/api/users", { email, password: PASSWORD, fullName: "Employee" }), 201);
    const token = (await login(app, { email, password: PASSWORD })).body.token as string;
    const res = await call(app, "GET", "/api/audit-log", { token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "forbidden" });
  });
});
