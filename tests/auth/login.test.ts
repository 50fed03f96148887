// POST /api/auth/login and the bearer tokens it hands out: the same 401 for every bad credential,
// deactivated users kept out, users of several agencies choosing one, per-email rate limiting, and
// every kind of bad token refused on a tenant route.
import { decodeJwt, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/stack.ts";
import {
  agencyDatabaseOf,
  apiFor,
  call,
  dataOf,
  freshAddress,
  hex,
  issuePaths,
  login,
  loginToken,
  PASSWORD,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";

const { app, services } = testApp({ TRUST_PROXY: "true" });
const INVALID = { error: "Invalid email or password", code: "invalid_credentials" };

let a: Tenant;
beforeAll(async () => {
  a = await signupAgency(app, "login");
});

describe("POST /api/auth/login", () => {
  it("logs the signup's admin in, whatever the email's case", async () => {
    const res = await login(app, { email: `  ${a.email.toUpperCase()} `, password: PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["agency", "agencyDatabase", "token", "user"]);
    expect(res.body.agencyDatabase).toBe(a.agencyDatabase);
    expect(res.body.user).toEqual({
      id: a.user.id,
      email: a.email,
      fullName: a.user.fullName,
      role: "admin",
    });
    expect(res.body.agency).toEqual(a.agency);

    const claims = decodeJwt(res.body.token);
    expect(claims).toMatchObject({
      sub: a.user.id,
      agencyId: a.agency.id,
      agencyDatabase: a.agencyDatabase,
      role: "admin",
      iss: services.config.JWT_ISSUER,
      aud: services.config.JWT_AUDIENCE,
    });
    expect(claims.exp! - claims.iat!).toBe(services.config.JWT_TTL_SECONDS);

    const me = await apiFor(app, res.body.token).get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: a.user.id, email: a.email }, agency: { id: a.agency.id } });
    expect((me.body as { user: { lastLoginAt: string | null } }).user.lastLoginAt).not.toBeNull();
  });

  it("answers an unknown email and a wrong password with the same 401", async () => {
    const unknown = await login(app, { email: `nobody.${hex(10)}@example.com`, password: PASSWORD });
    const wrong = await login(app, { email: a.email, password: `${PASSWORD}x` });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(INVALID);
    expect(wrong.body).toEqual(INVALID);
  });

  it("validates its body", async () => {
    const res = await login(app, { email: "x", password: "", agencyDatabase: "postgres", extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["email", "password", "agencyDatabase"]),
    );
  });

  it("keeps a deactivated user out", async () => {
    const admin = apiFor(app, a.token);
    const email = `leaver.${hex(10)}@example.com`;
    const user = dataOf<{ id: string }>(
      await admin.post("/api/users", { email, password: PASSWORD, fullName: "Soon Gone" }),
      201,
    );
    await loginToken(app, email, PASSWORD);

    const patched = dataOf(await admin.patch(`/api/users/${user.id}`, { isActive: false }));
    expect(patched).toMatchObject({ id: user.id, isActive: false });
    const res = await login(app, { email, password: PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(INVALID);

    dataOf(await admin.patch(`/api/users/${user.id}`, { isActive: true }));
    await loginToken(app, email, PASSWORD);
  });

  it("makes a user of two agencies choose one with agencyDatabase", async () => {
    const b = await signupAgency(app, "login-b");
    const otherPassword = "Another-9-password";
    const inB = dataOf<{ id: string }>(
      await apiFor(app, b.token).post("/api/users", {
        email: a.email.toUpperCase(),
        password: otherPassword,
        fullName: "Same Person",
        role: "manager",
      }),
      201,
    );

    const ambiguous = await login(app, { email: a.email, password: PASSWORD });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.code).toBe("validation_failed");
    expect(issuePaths(ambiguous)).toEqual(["agencyDatabase"]);
    expect(JSON.stringify(ambiguous.body)).toContain(b.agencyDatabase);

    const intoB = await login(app, {
      email: a.email,
      password: otherPassword,
      agencyDatabase: b.agencyDatabase,
    });
    expect(intoB.status, JSON.stringify(intoB.body)).toBe(200);
    expect(intoB.body.agencyDatabase).toBe(b.agencyDatabase);
    expect(agencyDatabaseOf(intoB.body.token)).toBe(b.agencyDatabase);
    expect(intoB.body.user).toMatchObject({ id: inB.id, role: "manager" });
    const meB = await apiFor(app, intoB.body.token).get("/api/me");
    expect(meB.body).toMatchObject({ user: { id: inB.id }, agency: { id: b.agency.id } });

    const intoA = await login(app, { email: a.email, password: PASSWORD, agencyDatabase: a.agencyDatabase });
    expect(intoA.status).toBe(200);
    expect(agencyDatabaseOf(intoA.body.token)).toBe(a.agencyDatabase);
    expect(intoA.body.user).toMatchObject({ id: a.user.id, role: "admin" });

    // Each agency's password is its own; an agency the user is not in is an unknown login.
    const crossed = await login(app, {
      email: a.email,
      password: PASSWORD,
      agencyDatabase: b.agencyDatabase,
    });
    expect(crossed.status).toBe(401);
    expect(crossed.body).toEqual(INVALID);
    const stranger = await login(app, {
      email: a.email,
      password: PASSWORD,
      agencyDatabase: `agency_nowhere_${hex(8)}`,
    });
    expect(stranger.status).toBe(401);
    expect(stranger.body).toEqual(INVALID);
  });

  it("limits attempts per email: the 11th within the window is 429 with Retry-After", async () => {
    const email = `throwaway.${hex(10)}@example.com`;
    for (let i = 0; i < 10; i++) {
      // Another case and another address each time: the limit is on the email itself.
      const res = await login(app, { email: i % 2 ? email.toUpperCase() : email, password: PASSWORD });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await login(app, { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "rate_limited" });
    expect(typeof limited.body.error).toBe("string");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("limits attempts per client address: the 31st within a minute is 429", async () => {
    const address = freshAddress();
    for (let i = 0; i < 30; i++) {
      const res = await login(app, { email: `spray.${hex(10)}@example.com`, password: PASSWORD }, address);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await login(app, { email: `spray.${hex(10)}@example.com`, password: PASSWORD }, address);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not affected.
    const elsewhere = await login(app, {
      email: a.email,
      password: PASSWORD,
      agencyDatabase: a.agencyDatabase,
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe("bearer tokens on a tenant route", () => {
  const encoder = new TextEncoder();
  const base64url = (value: unknown) =>
    btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");

  /** A token like the API's own, with one thing changed. */
  function craft(
    options: { secret?: string; audience?: string; issuer?: string; exp?: number; alg?: string } = {},
    claims: Record<string, unknown> = {},
  ) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ agencyId: a.agency.id, agencyDatabase: a.agencyDatabase, role: "admin", ...claims })
      .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
      .setSubject(a.user.id)
      .setIssuer(options.issuer ?? services.config.JWT_ISSUER)
      .setAudience(options.audience ?? services.config.JWT_AUDIENCE)
      .setIssuedAt(options.exp !== undefined ? options.exp - 3600 : now)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(encoder.encode(options.secret ?? services.config.JWT_SECRET!));
  }

  const me = (authorization?: string) =>
    call(app, "GET", "/api/me", { headers: authorization ? { Authorization: authorization } : {} });

  async function expectRefused(authorization: string | undefined, what: string) {
    const res = await me(authorization);
    expect(res.status, what).toBe(401);
    expect(res.body, what).toMatchObject({ code: "unauthorized" });
    expect(JSON.stringify(res.body), what).not.toContain(a.user.id);
  }

  it("accepts a hand-made token signed like the API's (the control for the cases below)", async () => {
    expect((await me(`Bearer ${await craft()}`)).status).toBe(200);
  });

  it("refuses a token signed with another secret", async () => {
    await expectRefused(
      `Bearer ${await craft({ secret: "another-secret-that-is-long-enough-0123" })}`,
      "secret",
    );
  });

  it("refuses alg none", async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: a.user.id,
      agencyId: a.agency.id,
      agencyDatabase: a.agencyDatabase,
      role: "admin",
      iss: services.config.JWT_ISSUER,
      aud: services.config.JWT_AUDIENCE,
      iat: now,
      exp: now + 600,
    };
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.`;
    await expectRefused(`Bearer ${unsigned}`, "alg none");
    // The control: the very same payload under a real HS256 signature is accepted by the API, so the
    // refusal above is the algorithm's alone.
    const signed = await new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(encoder.encode(services.config.JWT_SECRET!));
    expect(decodeJwt(signed)).toEqual(payload);
    const accepted = await me(`Bearer ${signed}`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toEqual({
      user: expect.objectContaining({ id: a.user.id, email: a.email, role: "admin" }),
      agency: a.agency,
    });
  });

  it("refuses another algorithm than HS256 with the right secret", async () => {
    await expectRefused(`Bearer ${await craft({ alg: "HS512" })}`, "HS512");
  });

  it("refuses a wrong audience or issuer", async () => {
    await expectRefused(`Bearer ${await craft({ audience: "other" })}`, "audience");
    await expectRefused(`Bearer ${await craft({ issuer: "someone-else" })}`, "issuer");
  });

  it("refuses an expired token", async () => {
    const res = await me(`Bearer ${await craft({ exp: Math.floor(Date.now() / 1000) - 60 })}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "Token expired", code: "unauthorized" });
  });

  // Verified tokens are cached by their text (src/auth/tokens.ts): a hit must still honour exp, and a
  // token one character away from a cached one must be verified in full.
  it("refuses an accepted token once it expires", async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await craft({ exp });
    expect((await me(`Bearer ${token}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    const res = await me(`Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "Token expired", code: "unauthorized" });
  });

  it("refuses an accepted token with its signature altered", async () => {
    const token = await craft();
    expect((await me(`Bearer ${token}`)).status).toBe(200);
    const last = token.at(-2) === "A" ? "B" : "A"; // the last character holds only padding bits
    await expectRefused(`Bearer ${token.slice(0, -2)}${last}${token.at(-1)}`, "altered signature");
  });

  it("refuses a token without the agency claims", async () => {
    await expectRefused(`Bearer ${await craft({}, { agencyId: undefined })}`, "no agencyId");
    await expectRefused(`Bearer ${await craft({}, { role: 7 })}`, "role not a string");
  });

  it("refuses a missing or malformed Authorization header", async () => {
    await expectRefused(undefined, "missing");
    await expectRefused("Bearer", "no token");
    await expectRefused(`Basic ${btoa("admin:secret")}`, "basic");
    await expectRefused("Bearer not.a.jwt", "garbage");
    await expectRefused(`Bearer ${a.token.slice(0, -2)}xx`, "tampered signature");
  });

  it("refuses a platform operator's token", async () => {
    const platform = await services.tokens.signPlatform({ sub: crypto.randomUUID(), role: "owner" });
    await expectRefused(`Bearer ${platform}`, "platform token");
  });
});
