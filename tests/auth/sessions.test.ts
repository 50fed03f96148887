// Sessions end when the user or an operator says so: logout revokes the presented token, logout-all and
// a password change every other one, an operator all of a user's; the old tokens answer 401 at once on
// the instance that ended them and within the user cache's few seconds on another. Tokens carry a jti,
// and one issued in the future is refused.
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import {
  asSuperuser,
  call,
  hex,
  login,
  loginToken,
  signupAgency,
  sleep,
  type Tenant,
} from "../support/fixtures.ts";
import { stack, superuser, testApp } from "../support/stack.ts";

const a = testApp({ TRUST_PROXY: "1" });
const b = testApp({ TRUST_PROXY: "1" });
const su = superuser();

const me = (app: typeof a.app, token: string) => call(app, "GET", "/api/me", { token });
const post = (app: typeof a.app, path: string, token: string, body?: unknown) =>
  call(app, "POST", path, { token, body });
/** Milliseconds until GET /api/me with `token` on `app` answers 401 (polled every 100 ms, up to 10 s). */
async function msUntilRefused(app: typeof a.app, token: string) {
  const since = performance.now();
  while (performance.now() - since < 10_000) {
    const res = await me(app, token);
    if (res.status === 401) {
      expect(res.body).toMatchObject({ code: "unauthorized" });
      return performance.now() - since;
    }
    expect(res.status).toBe(200);
    await sleep(100);
  }
  return Infinity;
}

let tenant: Tenant;
beforeAll(async () => {
  tenant = await signupAgency(a.app, "sess");
});

it("issues tokens with a jti, and refuses one issued in the future", async () => {
  const { jti, iat } = decodeJwt(tenant.token);
  expect(jti).toMatch(/^[0-9a-f-]{36}$/);
  expect(iat).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  const claims = decodeJwt(tenant.token);
  const forged = await new SignJWT({ ...claims, iat: Math.floor(Date.now() / 1000) + 3600 })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(stack().jwtSecret));
  const res = await me(a.app, forged);
  expect(res.status).toBe(401);
  expect((await me(a.app, tenant.token)).status).toBe(200);
});

it("logout revokes the presented token only, here at once and on another instance within 6 s", async () => {
  const [first, second] = [
    await loginToken(a.app, tenant.email, tenant.password),
    await loginToken(a.app, tenant.email, tenant.password),
  ];
  expect((await me(b.app, first)).status).toBe(200); // cached as valid on b
  const out = await post(a.app, "/api/auth/logout", first);
  expect(out.status).toBe(204);
  const here = await me(a.app, first);
  expect([here.status, here.body?.code]).toEqual([401, "unauthorized"]);
  expect(await msUntilRefused(b.app, first)).toBeLessThan(6000);
  expect((await me(a.app, second)).status).toBe(200);
  expect((await me(b.app, second)).status).toBe(200);
  expect((await post(a.app, "/api/auth/logout", first)).status).toBe(401); // already over
});

it("logout-all revokes every token of the user, and a new login works", async () => {
  const tokens = [
    await loginToken(a.app, tenant.email, tenant.password),
    await loginToken(a.app, tenant.email, tenant.password),
  ];
  for (const t of tokens) expect((await me(b.app, t)).status).toBe(200);
  expect((await post(a.app, "/api/auth/logout-all", tokens[0])).status).toBe(204);
  for (const t of tokens) expect((await me(a.app, t)).status).toBe(401);
  // Writes too, not only reads: nothing is created with a revoked token.
  for (const t of tokens) {
    const write = await call(a.app, "POST", "/api/clients", { token: t, body: { name: "after logout-all" } });
    expect(write.status).toBe(401);
  }
  for (const t of tokens) expect(await msUntilRefused(b.app, t)).toBeLessThan(6000);

  const fresh = await loginToken(a.app, tenant.email, tenant.password);
  expect((await me(a.app, fresh)).status).toBe(200);
  expect((await me(b.app, fresh)).status).toBe(200);
});

describe("changing the password", () => {
  const NEW = "Brand-new-horse-77";
  it("needs the current password, ends every other session and returns a new token", async () => {
    const user = await signupAgency(a.app, "pwd");
    const other = await loginToken(a.app, user.email, user.password);
    expect((await me(b.app, other)).status).toBe(200);

    const wrong = await post(a.app, "/api/me/password", user.token, {
      currentPassword: "Not-the-password-1",
      newPassword: NEW,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "validation_failed", issues: [{ path: "currentPassword" }] });
    const weak = await post(a.app, "/api/me/password", user.token, {
      currentPassword: user.password,
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    expect((await me(a.app, user.token)).status).toBe(200); // nothing changed

    const changed = await post(a.app, "/api/me/password", user.token, {
      currentPassword: user.password,
      newPassword: NEW,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const token = changed.body!.token as string;
    expect((await me(a.app, token)).status).toBe(200);
    for (const old of [user.token, other]) expect((await me(a.app, old)).status).toBe(401);
    expect(await msUntilRefused(b.app, other)).toBeLessThan(6000);
    expect((await me(b.app, token)).status).toBe(200);
    expect((await login(a.app, { email: user.email, password: user.password })).status).toBe(401);
    expect((await login(a.app, { email: user.email, password: NEW })).status).toBe(200);
  });
});

describe("an operator", () => {
  const email = `sessop.${hex(8)}@ops.example.com`;
  const password = "Operator-pass-42-long";
  let token = "";
  beforeAll(async () => {
    await upsertOperator(a.services.control, {
      email,
      fullName: "Session Operator",
      role: "operator",
      passwordHash: await hashPassword(password),
    });
    token = (await call(a.app, "POST", "/api/admin/login", { body: { email, password } })).body!
      .token as string;
  });
  afterAll(() => su`delete from users where email = ${email}`);

  it("ends every session of an agency user", async () => {
    const user = await signupAgency(a.app, "opsess");
    const path = `/api/admin/agencies/${user.agency.id}/users/${user.user.id}/revoke-sessions`;
    expect((await me(b.app, user.token)).status).toBe(200);
    expect((await post(a.app, path, user.token)).status).toBe(403); // not with an agency token
    const res = await post(a.app, path, token);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect((await me(a.app, user.token)).status).toBe(401);
    const write = await call(a.app, "POST", "/api/clients", { token: user.token, body: { name: "after" } });
    expect(write.status).toBe(401);
    expect(await msUntilRefused(b.app, user.token)).toBeLessThan(6000);
    // Like any write to the agency: in its audit log (the operator named) and in its events.
    const audit = await asSuperuser(
      user.agencyDatabase,
      (sql) => sql`select user_id, new_values from audit_log where action = 'revoke_sessions'`,
    );
    expect(audit).toEqual([{
      userId: null,
      newValues: expect.objectContaining({ by: expect.stringMatching(/^operator:/) }),
    }]);
    const events = await su`
      select details from agency_events where agency_id = ${user.agency.id} and event = 'user.sessions_revoked'`;
    expect(events).toEqual([{ details: { user: user.user.id } }]);
    const unknown = await post(
      a.app,
      `/api/admin/agencies/${user.agency.id}/users/${crypto.randomUUID()}/revoke-sessions`,
      token,
    );
    expect([unknown.status, unknown.body?.code]).toEqual([404, "not_found"]);
  });
});
