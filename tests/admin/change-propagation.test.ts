// Lifecycle changes reach every API instance at once (catalog LISTEN/NOTIFY), whether made by another
// instance or by the CLI, well before the agency cache's TTL; and two lifecycle actions on one agency
// never run together (409, never a 500).
import { afterAll, beforeAll, expect, it } from "vitest";
import { lifecycleActions } from "../../src/tenancy/lifecycle.ts";
import { call, signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";
import { runCli } from "../ops/helpers.ts";

const backupDir = await Deno.makeTempDir({ prefix: "buildflow-propagation-" });
afterAll(() => Deno.remove(backupDir, { recursive: true }));
// A long TTL on both: what the test sees can only come from the announcement.
const a = testApp({ TRUST_PROXY: "true", BACKUP_DIR: backupDir, AGENCY_CACHE_TTL_MS: "600000" });
const b = testApp({ TRUST_PROXY: "true", BACKUP_DIR: backupDir, AGENCY_CACHE_TTL_MS: "600000" });

beforeAll(() => b.services.watchAgencyChanges());

/** Milliseconds until GET /api/clients on `app` answers `status` (polled every 20 ms, up to 5 s). */
async function msUntil(app: typeof b.app, tenant: Tenant, status: number, since: number) {
  while (performance.now() - since < 5000) {
    if ((await call(app, "GET", "/api/clients", { token: tenant.token })).status === status) {
      return performance.now() - since;
    }
    await sleep(20);
  }
  return Infinity;
}

it("a suspend on instance A gives 423 on instance B within 1 s, and a resume 200", async () => {
  const tenant = await signupAgency(a.app, "prop");
  expect((await call(b.app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200); // cached

  let since = performance.now();
  await lifecycleActions.suspend(a.services.lifecycle, tenant.agency.id, { actor: "test" });
  expect(await msUntil(b.app, tenant, 423, since)).toBeLessThan(1000);

  since = performance.now();
  await lifecycleActions.resume(a.services.lifecycle, tenant.agency.id, { actor: "test" });
  expect(await msUntil(b.app, tenant, 200, since)).toBeLessThan(1000);
});

it("a suspend from the CLI gives 423 on instance B within 1 s of the command's end", async () => {
  const tenant = await signupAgency(a.app, "propcli");
  expect((await call(b.app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200);
  const { code, stderr } = await runCli("agencies.ts", ["suspend", tenant.agency.id]);
  expect(code, stderr).toBe(0);
  expect(await msUntil(b.app, tenant, 423, performance.now())).toBeLessThan(1000);
});

it("runs one lifecycle action per agency at a time: the other gets 409", async () => {
  const tenant = await signupAgency(a.app, "propcc");
  const id = tenant.agency.id;
  const twice = (action: "archive" | "restore") =>
    Promise.allSettled([
      lifecycleActions[action](a.services.lifecycle, id, { actor: "test" }),
      lifecycleActions[action](b.services.lifecycle, id, { actor: "test" }),
    ]);
  const outcome = (results: PromiseSettledResult<unknown>[]) =>
    results.map((r) => r.status === "fulfilled" ? 200 : (r.reason as { status?: number }).status).sort();

  expect(outcome(await twice("archive"))).toEqual([200, 409]);
  // Two restores would both create the same database (42P04): one restores, the other gets 409.
  expect(outcome(await twice("restore"))).toEqual([200, 409]);
  expect((await call(b.app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200);
});
