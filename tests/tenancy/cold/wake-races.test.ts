// Cold agencies under concurrency, on the real stack: 20 logins racing to a cold agency through two API
// instances (two apps on one catalog) start exactly one wake, and every one of them is served in the
// end; writes racing the cold sweep get 201, 423 or 503, and every write acknowledged is in the agency
// once it is woken.
import { afterAll, describe, expect, it } from "vitest";
import { sweepCold } from "../../../src/tenancy/cold/sweep.ts";
import { coldActions } from "../../../src/tenancy/cold/actions.ts";
import {
  apiFor,
  call,
  databaseExists,
  hex,
  login,
  signedInOperator,
  signupAgency,
  type Tenant,
} from "../../support/fixtures.ts";
import { superuser, testApp } from "../../support/stack.ts";
import { tableRows } from "../../ops/helpers.ts";
import { createColdPlan, until } from "./helpers.ts";
import { sleep } from "../../../src/platform/sleep.ts";

const backupDir = await Deno.makeTempDir({ prefix: "buildflow-cold-races-" });
afterAll(() => Deno.remove(backupDir, { recursive: true }));
const env = { TRUST_PROXY: "true", BACKUP_DIR: backupDir };
const a = testApp(env);
const b = testApp(env);
// An instance that has not heard of the change yet (no listener: its agency cache lives 30 s).
const deaf = testApp(env);
const su = superuser();
const PLAN = `cold_${hex(8)}`;
await createColdPlan(su, PLAN);
// As serveApi does: each instance hears the others' lifecycle changes.
await Promise.all([a, b].map(({ services }) => services.watchAgencyChanges()));

const statusOf = async (id: string) =>
  (await su<{ status: string }[]>`select status from agencies where id = ${id}`)[0].status;
const eventNames = async (id: string) =>
  (await su<{ event: string }[]>`select event from agency_events where agency_id = ${id} order by id`)
    .map((e) => e.event);

/** Logs in until served, honouring Retry-After; every answer before the 200 must be 503 agency_waking. */
async function loginUntilServed(app: typeof a.app, t: Tenant, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let refused = 0;
  for (;;) {
    const res = await login(app, { email: t.email, password: t.password });
    if (res.status === 200) return refused;
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.code).toBe("agency_waking");
    refused++;
    if (Date.now() > deadline) throw new Error(`not served within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after")) * 250));
  }
}

describe("racing logins", () => {
  it("20 concurrent logins through two instances start one wake, and all are served", async () => {
    const operator = await signedInOperator(a.app, a.services.control, "operator");
    try {
      const t = await signupAgency(a.app, "race");
      expect((await apiFor(a.app, t.token).post("/api/clients", { name: "kept" })).status).toBe(201);
      const cold = await call(b.app, "POST", `/api/admin/agencies/${t.agency.id}/cold`, {
        token: operator.token,
        body: {},
      });
      expect(cold.status, JSON.stringify(cold.body)).toBe(200);
      expect(cold.body!.data).toMatchObject({ status: "cold" });

      const refusals = await Promise.all(
        Array.from({ length: 20 }, (_, i) => loginUntilServed(i % 2 ? b.app : a.app, t)),
      );
      expect(refusals.every((n) => n >= 1)).toBe(true); // each met the cold agency first
      const names = await eventNames(t.agency.id);
      expect(names.filter((e) => e === "agency.waking")).toHaveLength(1);
      expect(names.filter((e) => e === "agency.woken")).toHaveLength(1);
      expect(names).not.toContain("agency.wake_failed");
      expect(await statusOf(t.agency.id)).toBe("active");
      expect((await tableRows(t.agencyDatabase, "clients")).map((r) => r.name)).toEqual(["kept"]);
    } finally {
      await su`delete from users where email = ${operator.email}`;
    }
  });
});

describe("writes around the sweep", () => {
  it("get 201, 423 or 503, and every acknowledged write is there once woken", async () => {
    const t = await signupAgency(a.app, "sweep");
    const api = apiFor(a.app, t.token);
    const apis = [api, apiFor(deaf.app, t.token)];
    const acknowledged: string[] = [];
    const refusals: number[] = [];
    let stop = false;
    // Writers through the instance that heard stop at their first refusal (past it, a request would wake
    // the agency); those through the deaf one keep writing until the sweep is done, as a client would.
    const writer = async (w: number) => {
      const deafOne = w % 2 === 1;
      for (let i = 0; !stop && i < 2000; i++) {
        const name = `w${w}-${i}`;
        const res = await apis[w % 2].post("/api/clients", { name });
        if (res.status === 201) acknowledged.push(name);
        else {
          refusals.push(res.status);
          if (!deafOne) return;
          await sleep(20);
        }
      }
    };
    const writers = Array.from({ length: 4 }, (_, w) => writer(w));
    await until(() => Promise.resolve(acknowledged.length >= 20), "writes before the sweep");
    await su`update subscription_plans set cold_after_seconds = 1, cold_warning_seconds = 0 where code = ${PLAN}`;
    // Due now, while they write: on the plan, warned and inactive long ago (this file's apps write no activity: their
    // timers are not started).
    await su`
      update agencies set subscription_plan = ${PLAN}, cold_warned_at = now() - interval '1 hour',
        last_active_at = now() - interval '1 hour', created_at = now() - interval '1 hour'
      where id = ${t.agency.id}`;

    // The sweep (this one, or another instance's that took its lock first) takes it cold.
    await until(async () => {
      await sweepCold(b.services.lifecycle, 3);
      return (await statusOf(t.agency.id)) === "cold";
    }, "swept cold");
    stop = true;
    await Promise.all(writers);
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    for (const status of refusals) expect([423, 503]).toContain(status);

    // Woken (a writer's 503 may have started it already), every acknowledged write is there.
    await Promise.all([a, deaf].map(({ services }) => services.cold.idle()));
    await su`update subscription_plans set cold_after_seconds = null where code = ${PLAN}`;
    if ((await statusOf(t.agency.id)) === "cold") {
      await until(
        async () => {
          const res = await api.get("/api/clients");
          return res.status === 200;
        },
        "woken by a read",
        60_000,
      );
    }
    await until(async () => (await statusOf(t.agency.id)) === "active", "active", 60_000);
    const names = new Set((await tableRows(t.agencyDatabase, "clients")).map((r) => r.name as string));
    expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
  });
});

describe("a wake that fails", () => {
  it("leaves the agency cold with its dump, says why, and a later wake succeeds", async () => {
    const t = await signupAgency(a.app, "broken");
    expect((await apiFor(a.app, t.token).post("/api/clients", { name: "kept" })).status).toBe(201);
    await coldActions.cold(a.services.lifecycle, t.agency.id, { actor: "test" });
    const [cold] = await su<{ details: { file: string } }[]>`
      select details from agency_events where agency_id = ${t.agency.id} and event = 'agency.cold'`;
    const { file } = cold.details;
    const whole = await Deno.readFile(file);
    await Deno.writeFile(file, new Uint8Array([1, 2, 3]), { append: true }); // no longer its manifest's

    const login1 = await login(a.app, { email: t.email, password: t.password });
    expect(login1).toMatchObject({ status: 503, body: { code: "agency_waking" } });
    await a.services.cold.idle();
    expect(await statusOf(t.agency.id)).toBe("cold");
    expect(await databaseExists(su, t.agencyDatabase)).toBe(false);
    const [failed] = await su<{ details: { error: string } }[]>`
      select details from agency_events where agency_id = ${t.agency.id} and event = 'agency.wake_failed'`;
    expect(failed.details.error).toMatch(/does not match its manifest/);
    await expect(coldActions.wake(a.services.lifecycle, t.agency.id, { actor: "test" })).rejects
      .toMatchObject({
        status: 409,
        message: expect.stringMatching(/stays cold with its dump/),
      });

    await Deno.writeFile(file, whole); // the dump as it was
    const woken = await coldActions.wake(a.services.lifecycle, t.agency.id, { actor: "test" });
    expect(woken.status).toBe("active");
    expect((await tableRows(t.agencyDatabase, "clients")).map((r) => r.name)).toEqual(["kept"]);
  });
});
