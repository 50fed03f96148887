// checkAccess: the token's user as the agency's database has them now (read on the primary, briefly
// cached): active, the token not revoked, and their current role in the claims instead of the token's;
// forgotten after a request that changed their access.
import { beforeAll, describe, expect, it } from "vitest";
import { type AgencyUser, revokeToken } from "../../../src/auth/agency-users.ts";
import { type Agency, findAgency } from "../../../src/catalog/agencies.ts";
import { checkAccess } from "../../../src/http/tenant/check-access.ts";
import type { Sql } from "../../../src/platform/db.ts";
import { createLoadingCache } from "../../../src/platform/loading-cache.ts";
import { call, signupAgency, type Tenant } from "../../support/fixtures.ts";
import { testApp } from "../../support/stack.ts";
import { given, stepApp } from "./helpers.ts";

const { app: api, services } = testApp({ TRUST_PROXY: "true" });
let tenant: Tenant;
let agency: Agency;
beforeAll(async () => {
  tenant = await signupAgency(api, "access");
  agency = (await findAgency(services.catalog, { id: tenant.agency.id }))!;
});

const inAgency = (work: (sql: Sql) => Promise<unknown>) => services.tenantClients.use(agency, work);
const admin = () => tenant.user.id;

/** The step behind verifyToken's claims for `token`; a handler that sets `accessChanged` when asked. */
function checked(users = createLoadingCache<AgencyUser>({ ttlMs: 60_000, max: 100 })) {
  return stepApp(
    [
      given(async (c) => ({ agency, claims: await services.tokens.verifyAgency(c.req.header("x-token")!) })),
      checkAccess({ users, clients: services.tenantClients }),
    ],
    (c) => {
      if (c.req.header("x-changes-access")) c.set("accessChanged", admin());
      return c.json({ role: c.var.claims.role });
    },
  );
}
const as = (token: string, headers: Record<string, string> = {}) => ({
  headers: { "x-token": token, ...headers },
});

describe("checkAccess", () => {
  it("passes an active user on with the role they have now, not the token's", async () => {
    const app = checked();
    expect((await call(app, "GET", "/", as(tenant.token))).body).toEqual({ role: "admin" });
    await inAgency((sql) => sql`update user_roles set role = 'accountant' where user_id = ${admin()}`);
    try {
      // A new cache: the role as the database has it now.
      expect((await call(checked(), "GET", "/", as(tenant.token))).body).toEqual({ role: "accountant" });
    } finally {
      await inAgency((sql) => sql`update user_roles set role = 'admin' where user_id = ${admin()}`);
    }
  });

  it("refuses a revoked token, and every token of a deactivated user (401)", async () => {
    const signed = () =>
      services.tokens.signAgency({
        sub: admin(),
        agencyId: agency.id,
        agencyDatabase: agency.databaseName,
        role: "admin",
      });
    const revoked = await signed();
    const { jti, exp } = await services.tokens.verifyAgency(revoked);
    await inAgency((sql) => revokeToken(sql, admin(), jti!, exp));
    const refused = await call(checked(), "GET", "/", as(revoked));
    expect(refused.status).toBe(401);
    expect(refused.body!.error).toBe("Session ended");
    expect((await call(checked(), "GET", "/", as(await signed()))).status).toBe(200);

    await inAgency((sql) => sql`update users set is_active = false where id = ${admin()}`);
    try {
      const inactive = await call(checked(), "GET", "/", as(await signed()));
      expect(inactive.status).toBe(401);
      expect(inactive.body!.error).toBe("User is deactivated");
    } finally {
      await inAgency((sql) => sql`update users set is_active = true where id = ${admin()}`);
    }
  });

  it("keeps what it read for the cache's TTL, and forgets it once a request changed the user's access", async () => {
    const app = checked();
    expect((await call(app, "GET", "/", as(tenant.token))).status).toBe(200);
    await inAgency((sql) => sql`update users set is_active = false where id = ${admin()}`);
    try {
      expect((await call(app, "GET", "/", as(tenant.token))).status).toBe(200); // cached
      // The request that changed the user's access is served; the next one reads the user again.
      expect((await call(app, "POST", "/", as(tenant.token, { "x-changes-access": "yes" }))).status).toBe(
        200,
      );
      expect((await call(app, "GET", "/", as(tenant.token))).status).toBe(401);
    } finally {
      await inAgency((sql) => sql`update users set is_active = true where id = ${admin()}`);
    }
  });
});
