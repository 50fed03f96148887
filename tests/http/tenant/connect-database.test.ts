// connectDatabase: the handler's client for the chosen database (c.var.sql); a replica's own failure is
// thrown on (for retryOnPrimary), every other error answered where it happened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agency, findAgency } from "../../../src/catalog/agencies.ts";
import { connectDatabase } from "../../../src/http/tenant/connect-database.ts";
import { createTenantClients } from "../../../src/tenancy/tenant-clients.ts";
import type { TenantDatabase } from "../../../src/tenancy/tenant-clients.ts";
import { call, signupAgency, type Tenant } from "../../support/fixtures.ts";
import { stack, testApp } from "../../support/stack.ts";
import { given, stepApp } from "./helpers.ts";

const { app: api, services } = testApp({ TRUST_PROXY: "true" });
// A "replica" of the cluster that is its primary's PgBouncer: a real server to fail on.
const clients = createTenantClients({
  poolerUrl: () => Promise.resolve(stack().servers.poolerUrl),
  max: 4,
  connectionsPerClient: 1,
});
afterAll(() => clients.closeAll());
/** A database the cluster does not hold: what a replica the database has not reached yet answers. */
const missing = { cluster: "local", databaseName: "agency_gone_0123abcd" };
let tenant: Tenant;
let agency: Agency;
beforeAll(async () => {
  tenant = await signupAgency(api, "connect");
  agency = (await findAgency(services.catalog, { id: tenant.agency.id }))!;
});

/** The step on `database`; errors it throws on are shown as `thrown` (where retryOnPrimary sits). */
const connected = (database: () => TenantDatabase) =>
  stepApp(
    [
      async (c, next) => {
        try {
          await next();
        } catch (error) {
          c.res = Response.json({ thrown: (error as { code?: string }).code ?? String(error) });
        }
      },
      given(() => ({ database: database() })),
      connectDatabase({ clients }),
    ],
    async (c) => {
      const query = c.req.query("q");
      if (query === "divide") await c.var.sql`select 1 / 0`;
      const [{ db }] = await c.var.sql`select current_database() as db`;
      return c.json({ db });
    },
  );

describe("connectDatabase", () => {
  it("hands the handler a client of the chosen database", async () => {
    const res = await call(connected(() => agency), "GET", "/");
    expect(res.body).toEqual({ db: tenant.agencyDatabase });
    expect((await call(connected(() => ({ ...agency, replica: "r1" })), "GET", "/")).body)
      .toEqual({ db: tenant.agencyDatabase });
  });

  it("throws a replica's own failure on (one not holding the database yet), and answers the query's own errors", async () => {
    const failed = await call(connected(() => ({ ...missing, replica: "r1" })), "GET", "/");
    expect(failed.body?.thrown, JSON.stringify(failed.body)).toMatch(/^(08|3D000)/);
    const divided = await call(connected(() => ({ ...agency, replica: "r1" })), "GET", "/?q=divide");
    expect(divided.status).toBe(400);
    expect(divided.body!.thrown).toBeUndefined();
  });

  it("answers any failure on the primary itself: there is nowhere else to go", async () => {
    const failed = await call(connected(() => missing), "GET", "/");
    expect(failed.body!.thrown).toBeUndefined();
    expect(failed.status).toBe(503);
  });
});
