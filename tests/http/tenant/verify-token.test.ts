// verifyToken: an agency token, verified, for the database X-Agency-Database names; the client's origin.
import { describe, expect, it } from "vitest";
import { createTokens } from "../../../src/auth/tokens.ts";
import { verifyToken } from "../../../src/http/tenant/verify-token.ts";
import { call } from "../../support/fixtures.ts";
import { testConfig } from "../../support/stack.ts";
import { stepApp } from "./helpers.ts";

const tokens = createTokens(testConfig());
let served = 0;
const app = stepApp([verifyToken({ tokens, trustProxy: 1 })], (c) => {
  served++;
  return c.json({ claims: c.var.claims, origin: c.var.origin });
});
const claims = {
  sub: crypto.randomUUID(),
  agencyId: crypto.randomUUID(),
  agencyDatabase: "agency_verify_0123abcd",
  role: "manager" as const,
};

describe("verifyToken", () => {
  it("passes an agency token on: its claims, and where the request comes from", async () => {
    const token = await tokens.signAgency(claims);
    const res = await call(app, "GET", "/", {
      token,
      headers: { "X-Forwarded-For": "203.0.113.7", "User-Agent": "step-test" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body!.claims).toMatchObject({ ...claims, jti: expect.any(String), iat: expect.any(Number) });
    expect(res.body!.origin).toEqual({ ipAddress: "203.0.113.7", userAgent: "step-test" });
  });

  it("refuses no token, a forged one and an operator's with 401, before anything after it runs", async () => {
    const before = served;
    // Another signature: its first character changed (the last one may only carry padding bits).
    const [header, payload, signature] = (await tokens.signAgency(claims)).split(".");
    const forged = `${header}.${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    for (
      const token of [
        undefined,
        "not-a-jwt",
        forged,
        await tokens.signPlatform({ sub: claims.sub, role: "owner" }),
      ]
    ) {
      const res = await call(app, "GET", "/", { token });
      expect(res.status, JSON.stringify(res.body)).toBe(401);
      expect(res.body!.code).toBe("unauthorized");
    }
    expect(served).toBe(before);
  });

  it("refuses a token for another agency database than X-Agency-Database names (403)", async () => {
    const token = await tokens.signAgency(claims);
    const other = await call(app, "GET", "/", {
      token,
      headers: { "X-Agency-Database": "agency_other_0123abcd" },
    });
    expect(other.status).toBe(403);
    expect(other.body!.code).toBe("agency_mismatch");
    const own = await call(app, "GET", "/", {
      token,
      headers: { "X-Agency-Database": claims.agencyDatabase },
    });
    expect(own.status).toBe(200);
  });
});
