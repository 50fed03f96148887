// /api/users: admins add users (who can then log in, and appear in the catalog's directory), list
// them with a cursor and change their role, name and active flag; other roles are refused, admins
// cannot lock themselves out, duplicates and bad bodies are 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { superuser, testApp } from "../support/stack.ts";
import {
  type Api,
  apiFor,
  asSuperuser,
  dataOf,
  hex,
  issuePaths,
  login,
  loginToken,
  PASSWORD,
  signedInOperator,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";

type User = {
  id: string;
  email: string;
  fullName: string;
  role: string;
  isActive: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

const { app, services } = testApp({ TRUST_PROXY: "true" });
const su = superuser();

let tenant: Tenant;
let admin: Api;
let operatorEmail = "";
beforeAll(async () => {
  const operator = await signedInOperator(app, services.control);
  operatorEmail = operator.email;
  // More users than starter's five: a plan only an operator gives.
  tenant = await signupAgency(app, "users", undefined, { plan: "pro", token: operator.token });
  admin = apiFor(app, tenant.token);
});
afterAll(() => su`delete from users where email = ${operatorEmail}`);

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `user.${hex(10)}@example.com`,
  password: PASSWORD,
  fullName: `User ${hex(6)}`,
  ...overrides,
});

async function addUser(overrides: Record<string, unknown> = {}) {
  const body = newUser(overrides);
  return { body, user: dataOf<User>(await admin.post("/api/users", body), 201) };
}

describe("POST /api/users", () => {
  it("adds a user who can then log in, with a directory row in the catalog", async () => {
    const body = newUser({ email: `New.${hex(10)}@Example.com`, role: "accountant" });
    const res = await admin.post("/api/users", body);
    const user = dataOf<User>(res, 201);
    expect(user).toMatchObject({
      email: body.email.toLowerCase(),
      fullName: body.fullName,
      role: "accountant",
      isActive: true,
      lastLoginAt: null,
    });
    expect(Object.keys(user).sort()).toEqual(
      ["createdAt", "email", "fullName", "id", "isActive", "lastLoginAt", "role"],
    );
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);

    const directory = await su<{ agencyId: string; userId: string }[]>`
      select agency_id, user_id from user_directory where email = ${user.email}`;
    expect(directory).toEqual([{ agencyId: tenant.agency.id, userId: user.id }]);

    const loggedIn = await login(app, { email: body.email, password: PASSWORD });
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.user).toEqual({
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: "accountant",
    });
    expect(dataOf<User>(await admin.get(`/api/users/${user.id}`)).lastLoginAt).not.toBeNull();
  });

  it("defaults the role to employee", async () => {
    const { user } = await addUser();
    expect(user.role).toBe("employee");
  });

  it("answers a duplicate email in the agency with 409 and keeps one user", async () => {
    const { body, user } = await addUser();
    const again = await admin.post("/api/users", {
      ...body,
      email: body.email.toUpperCase(),
      fullName: "Twin",
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "conflict" });

    const directory = await su`select 1 from user_directory where email = ${user.email}`;
    expect(directory).toHaveLength(1);
    const rows = await asSuperuser(
      tenant.agencyDatabase,
      (sql) => sql`select id from users where lower(email) = ${user.email}`,
    );
    expect(rows.map((r) => r.id)).toEqual([user.id]);
  });

  it("answers invalid bodies with 400 naming each field", async () => {
    const bad = await admin.post("/api/users", {
      email: "not-an-email",
      password: "short",
      fullName: " ",
      role: "overlord",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "validation_failed" });
    expect([...new Set(issuePaths(bad))].sort()).toEqual(["email", "fullName", "password", "role"]);

    const lettersOnly = await admin.post("/api/users", newUser({ password: "onlyletterspassword" }));
    expect(issuePaths(lettersOnly)).toEqual(["password"]);
    const missing = await admin.post("/api/users", { email: `x.${hex(6)}@example.com` });
    expect(issuePaths(missing).sort()).toEqual(["fullName", "password"]);
    const extra = await admin.post("/api/users", newUser({ isAdmin: true }));
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body)).toContain("isAdmin");
    const notJson = await app.request("/api/users", {
      method: "POST",
      headers: { Authorization: `Bearer ${tenant.token}`, "Content-Type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
  });
});

describe("GET /api/users", () => {
  it("lists every user once across cursor pages", async () => {
    for (let i = 0; i < 3; i++) await addUser();
    const all = (await admin.get("/api/users?limit=100")).body as { data: User[]; nextCursor: string | null };
    expect(all.nextCursor).toBeNull();
    expect(all.data.length).toBeGreaterThanOrEqual(4);
    expect(all.data.map((u) => u.id)).toContain(tenant.user.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/users?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      const page = res.body as { data: User[]; nextCursor: string | null };
      expect(res.status).toBe(200);
      expect(page.data).toHaveLength(1);
      seen.push(page.data[0].id);
      cursor = page.nextCursor;
    } while (cursor && seen.length <= all.data.length);
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.data.map((u) => u.id));

    expect((await admin.get("/api/users?limit=101")).status).toBe(400);
    expect((await admin.get("/api/users?cursor=nope")).status).toBe(400);
  });
});

describe("PATCH /api/users/:id", () => {
  it("changes role, full name and active flag", async () => {
    const { user } = await addUser();
    const renamed = dataOf<User>(
      await admin.patch(`/api/users/${user.id}`, { fullName: "  Renamed Person " }),
    );
    expect(renamed).toMatchObject({ id: user.id, fullName: "Renamed Person", role: "employee" });
    const promoted = dataOf<User>(await admin.patch(`/api/users/${user.id}`, { role: "manager" }));
    expect(promoted.role).toBe("manager");
    const off = dataOf<User>(await admin.patch(`/api/users/${user.id}`, { isActive: false }));
    expect(off.isActive).toBe(false);
    const all = dataOf<User>(
      await admin.patch(`/api/users/${user.id}`, { isActive: true, role: "admin", fullName: "Co Admin" }),
    );
    expect(all).toMatchObject({ isActive: true, role: "admin", fullName: "Co Admin" });
    expect(dataOf<User>(await admin.get(`/api/users/${user.id}`))).toEqual(all);
  });

  it("applies deactivation and demotion to tokens already issued, not only to new logins", async () => {
    const { body, user } = await addUser({ role: "admin" });
    const theirs = apiFor(app, await loginToken(app, body.email, body.password, tenant.agencyDatabase));
    expect((await theirs.get("/api/users")).status).toBe(200);
    dataOf<User>(await admin.patch(`/api/users/${user.id}`, { role: "employee" }));
    const refused = await theirs.post("/api/users", newUser());
    expect(refused.status).toBe(403); // the old token still says admin; the database says employee
    dataOf<User>(await admin.patch(`/api/users/${user.id}`, { isActive: false }));
    const gone = await theirs.get("/api/projects");
    expect(gone.status).toBe(401);
    expect(gone.body?.code).toBe("unauthorized");
  });

  it("refuses to let an admin deactivate or demote themself", async () => {
    for (const patch of [{ isActive: false }, { role: "manager" }, { role: "employee", fullName: "Me" }]) {
      const res = await admin.patch(`/api/users/${tenant.user.id}`, patch);
      expect(res.status, JSON.stringify(patch)).toBe(409);
      expect(res.body).toMatchObject({ code: "conflict" });
    }
    const me = dataOf<User>(await admin.get(`/api/users/${tenant.user.id}`));
    expect(me).toMatchObject({ role: "admin", isActive: true });
    // Harmless changes to oneself are fine.
    expect(dataOf<User>(await admin.patch(`/api/users/${tenant.user.id}`, { role: "admin" })).role).toBe(
      "admin",
    );
  });

  it("answers bad patches with 400 and unknown users with 404", async () => {
    const { user } = await addUser();
    expect((await admin.patch(`/api/users/${user.id}`, {})).status).toBe(400);
    const badRole = await admin.patch(`/api/users/${user.id}`, { role: "root" });
    expect(issuePaths(badRole)).toEqual(["role"]);
    const badFlag = await admin.patch(`/api/users/${user.id}`, { isActive: "no" });
    expect(issuePaths(badFlag)).toEqual(["isActive"]);
    expect((await admin.patch(`/api/users/${user.id}`, { email: "x@example.com" })).status).toBe(400);
    expect(issuePaths(await admin.patch("/api/users/not-a-uuid", { role: "manager" }))).toEqual(["id"]);
    const missing = await admin.patch(`/api/users/${crypto.randomUUID()}`, { role: "manager" });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "not_found" });
    expect((await admin.get(`/api/users/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe("roles", () => {
  it("refuses an employee's user management and deletes with 403 forbidden", async () => {
    const { body } = await addUser({ role: "employee" });
    const employee = apiFor(app, await loginToken(app, body.email, body.password));

    const create = await employee.post("/api/users", newUser());
    expect(create.status).toBe(403);
    expect(create.body).toMatchObject({ code: "forbidden" });
    const patch = await employee.patch(`/api/users/${tenant.user.id}`, { isActive: false });
    expect(patch.status).toBe(403);

    // Employees read and write rows, but only admins delete them.
    expect((await employee.get("/api/users")).status).toBe(200);
    const client = dataOf<{ id: string }>(
      await employee.post("/api/clients", { name: "Employee's client" }),
      201,
    );
    const project = dataOf<{ id: string }>(
      await admin.post("/api/projects", { name: "Admin's project" }),
      201,
    );
    for (const path of [`/api/clients/${client.id}`, `/api/projects/${project.id}`]) {
      const res = await employee.delete(path);
      expect(res.status, path).toBe(403);
      expect(res.body).toMatchObject({ code: "forbidden" });
      expect((await admin.get(path)).status, path).toBe(200);
    }
    expect((await admin.delete(`/api/clients/${client.id}`)).status).toBe(204);
  });

  it("refuses a manager's user management too", async () => {
    const { body } = await addUser({ role: "manager" });
    const manager = apiFor(app, await loginToken(app, body.email, body.password));
    expect((await manager.post("/api/users", newUser())).status).toBe(403);
  });
});
