// gateAgency: the token's agency from the catalog (through the agency cache), refused when it cannot
// serve the request now: gone, not serving, behind the schema this code needs, or frozen for a write.
import { beforeAll, describe, expect, it } from "vitest";
import type { VerifiedAgencyClaims } from "../../../src/auth/tokens.ts";
import { findAgency } from "../../../src/catalog/agencies.ts";
import { gateAgency } from "../../../src/http/tenant/gate-agency.ts";
import { createAgencyCache } from "../../../src/tenancy/agency-cache.ts";
import { call, signupAgency, type Tenant } from "../../support/fixtures.ts";
import { testApp } from "../../support/stack.ts";
import { given, stepApp } from "./helpers.ts";

const { app: api, services } = testApp({ TRUST_PROXY: "true" });
const agencies = createAgencyCache({
  load: (id) => findAgency(services.catalog, { id }),
  ttlMs: 60_000,
  max: 100,
});
let tenant: Tenant;
let version: string;
beforeAll(async () => {
  tenant = await signupAgency(api, "gate");
  version = (await findAgency(services.catalog, { id: tenant.agency.id }))!.schemaVersion!;
});

const gated = (requiredSchemaVersion = version) =>
  stepApp(
    [
      given(() => ({ claims: { agencyId: tenant.agency.id } as VerifiedAgencyClaims })),
      gateAgency({ agencies, cold: services.cold, requiredSchemaVersion }),
    ],
    (c) => c.json({ agency: c.var.agency.id, database: c.var.agency.databaseName }),
  );

/** Changes the agency in the catalog, and has the cache read it again. */
async function change(set: { status?: string; frozen?: boolean }) {
  const { control } = services;
  if (set.status) await control`update agencies set status = ${set.status} where id = ${tenant.agency.id}`;
  if (set.frozen !== undefined) {
    await control`update agencies set frozen_until = ${
      set.frozen ? control`now() + interval '30 seconds'` : null
    } where id = ${tenant.agency.id}`;
  }
  agencies.invalidate(tenant.agency.id);
}

describe("gateAgency", () => {
  it("hands the token's agency on, as the catalog has it, to reads and writes", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const res = await call(gated(), method, "/");
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ agency: tenant.agency.id, database: tenant.agencyDatabase });
    }
  });

  it("refuses a frozen agency's writes (503, Retry-After 1) and lets its reads through", async () => {
    await change({ frozen: true });
    try {
      expect((await call(gated(), "GET", "/")).status).toBe(200);
      for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
        const res = await call(gated(), method, "/");
        expect(res.status, method).toBe(503);
        expect(res.headers.get("retry-after")).toBe("1");
      }
    } finally {
      await change({ frozen: false });
    }
    expect((await call(gated(), "POST", "/")).status).toBe(200);
  });

  it("refuses every request while the agency's database is behind the schema this code needs (503)", async () => {
    const res = await call(gated(String(BigInt(version) + 1n)), "GET", "/");
    expect(res.status).toBe(503);
    expect(res.body!.error).toMatch(/being upgraded/);
  });

  it("refuses a suspended agency (423), then a deleted one as if its token were invalid (401)", async () => {
    await change({ status: "suspended" });
    const suspended = await call(gated(), "GET", "/");
    expect(suspended.status).toBe(423);
    expect(suspended.body!.code).toBe("agency_unavailable");
    await change({ status: "deleted" });
    const deleted = await call(gated(), "GET", "/");
    expect(deleted.status).toBe(401);
    expect(deleted.body!.error).toBe("Agency no longer exists");
  });
});
