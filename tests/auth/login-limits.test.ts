// Login limits and what a login reveals, on the real stack: only failures count against an email (a
// busy user is never locked out, an attacker still is), a spray of distinct keys cannot reset a
// victim's count, a suspended agency is named only to someone who knows the password, and an
// operator who is removed or demoted loses access within the cache's few seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import { lifecycleActions } from "../../src/tenancy/lifecycle.ts";
import { createRateLimiter } from "../../src/platform/rate-limit.ts";
import { call, hex, login, signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";

const { app, services } = testApp({ TRUST_PROXY: "true" });
const su = superuser();

describe("the per-email limit", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await signupAgency(app, "limits");
  });

  it("never counts successful logins", async () => {
    for (let i = 0; i < 13; i++) {
      const ok = await login(app, { email: tenant.email, password: tenant.password });
      expect(ok.status, `login ${i + 1}: ${JSON.stringify(ok.body)}`).toBe(200);
    }
  });

  it("counts failures: after 10 wrong passwords even the right one gets 429 with Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      const bad = await login(app, { email: tenant.email, password: "Wrong-password-42" });
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ code: "invalid_credentials" });
    }
    const limited = await login(app, { email: tenant.email, password: tenant.password });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("the limiter under a spray of distinct keys", () => {
  it("evicts expired windows only, so a live count is never reset", () => {
    const limiter = createRateLimiter({ windowMs: 60_000, max: 2, maxKeys: 4 });
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) limiter.hit(`old-${i}`, t0 - 59_000); // their windows end at t0 + 1 s
    limiter.hit("victim", t0);
    limiter.hit("victim", t0);
    expect(() => limiter.check("victim", t0)).toThrow(/Too many attempts/);
    // The table is full; expired windows make room for new keys, the victim's live one stays.
    for (let i = 0; i < 3; i++) limiter.hit(`spray-${i}`, t0 + 1_000);
    expect(() => limiter.check("victim", t0 + 1_000)).toThrow(/Too many attempts/);
    // Every window live and the table full: a new key is refused, not let in by evicting one.
    expect(() => limiter.hit("spray-3", t0 + 1_000)).toThrow(/Too many attempts/);
    expect(() => limiter.check("victim", t0 + 1_000)).toThrow(/Too many attempts/);
    // Once the victim's window has passed, it may try again.
    expect(() => limiter.check("victim", t0 + 60_001)).not.toThrow();
  });
});

describe("a suspended agency", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await signupAgency(app, "suslogin");
    await lifecycleActions.suspend(services.lifecycle, tenant.agency.id, { actor: "test" });
  });

  it("answers a wrong password with 401, as for any account, and the right one with 423", async () => {
    const wrong = await login(app, { email: tenant.email, password: "Wrong-password-42" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: "invalid_credentials" });
    const unknown = await login(app, {
      email: `nobody.${hex(8)}@example.com`,
      password: "Wrong-password-42",
    });
    expect(unknown.body).toEqual(wrong.body);
    const right = await login(app, { email: tenant.email, password: tenant.password });
    expect(right.status).toBe(423);
    expect(right.body).toMatchObject({ code: "agency_unavailable" });
  });
});

describe("operators are checked on every request", () => {
  const email = `op.${hex(8)}@ops.example.com`;
  const password = "Operator-pass-42-long";
  let id = "";
  const adminLogin = () => call(app, "POST", "/api/admin/login", { body: { email, password } });
  const listAgencies = (token: string) => call(app, "GET", "/api/admin/agencies?limit=1", { token });
  /** Milliseconds until `check` holds, polled every 100 ms for up to 10 s. */
  const msUntil = async (check: () => Promise<boolean>) => {
    const since = performance.now();
    while (performance.now() - since < 10_000) {
      if (await check()) return performance.now() - since;
      await sleep(100);
    }
    return Infinity;
  };

  beforeAll(async () => {
    id = await upsertOperator(services.control, {
      email,
      fullName: "Removable Operator",
      role: "owner",
      passwordHash: await hashPassword(password),
    });
  });
  afterAll(() => su`delete from users where email = ${email}`);

  it("a demoted operator loses the actions, a deactivated one everything, within 6 s", async () => {
    const token = (await adminLogin()).body!.token as string;
    const target = await signupAgency(app, "opcheck");
    const suspend = () =>
      call(app, "POST", `/api/admin/agencies/${target.agency.id}/suspend`, { token, body: {} });
    expect((await listAgencies(token)).status).toBe(200);

    await su`update users set role = 'viewer' where id = ${id}`;
    expect(await msUntil(async () => (await suspend()).status === 403)).toBeLessThan(6000);
    expect((await listAgencies(token)).status).toBe(200); // a viewer still reads

    await su`update users set is_active = false where id = ${id}`;
    expect(await msUntil(async () => (await listAgencies(token)).status === 401)).toBeLessThan(6000);
    await su`delete from users where id = ${id}`;
    const gone = await listAgencies(token);
    expect(gone.status).toBe(401);
    expect(gone.body).toMatchObject({ code: "unauthorized" });
  });
});

describe("the client address behind TRUST_PROXY proxies", () => {
  const behindOne = testApp({ TRUST_PROXY: "1" });
  const behindTwo = testApp({ TRUST_PROXY: "2" });
  const attempt = (target: typeof behindOne, forwardedFor?: string) =>
    target.app.request("/api/auth/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(forwardedFor === undefined ? {} : { "X-Forwarded-For": forwardedFor }),
      },
      body: JSON.stringify({ email: `nobody.${hex(8)}@example.com`, password: "Wrong-password-42" }),
    });

  it("keys the per-client limit on our proxy's hop: rotating the leftmost hop does not escape it", async () => {
    const real = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 32; i++) statuses.push((await attempt(behindOne, `10.9.${i}.1, ${real}`)).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual([429, 429]);
    // A client with another address is not limited by that one.
    expect((await attempt(behindOne, `10.9.0.1, 198.51.100.251`)).status).toBe(401);
  });

  it("counts two trusted hops from the right", async () => {
    const real = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await attempt(behindTwo, `10.8.${i}.1, ${real}, 10.0.0.${i % 200}`)).status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
  });

  it("falls back to the socket address without the header or with fewer hops", async () => {
    // app.request has no socket: every such request shares the fallback key, so the limit shows it.
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await attempt(behindTwo, i % 2 ? undefined : `10.7.${i}.1`)).status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
  });
});
