// Deleting agencies after a long inactivity, on the real stack: off by default (no seeded plan sets
// it); on a plan that sets it, a cold agency is warned first (event and notification), deleted only once
// the warning has had its lead time (its logins gone, its last dump kept), and its dump removed past the
// keep date; a wake after the warning cancels it.
import { afterAll, describe, expect, it } from "vitest";
import { coldActions } from "../../../src/tenancy/cold/actions.ts";
import { sweepCold } from "../../../src/tenancy/cold/sweep.ts";
import { hex, login, signupAgency } from "../../support/fixtures.ts";
import { superuser, testApp } from "../../support/stack.ts";
import { createColdPlan, until } from "./helpers.ts";

const backupDir = await Deno.makeTempDir({ prefix: "buildflow-cold-deletion-" });
const { app, services } = testApp({ TRUST_PROXY: "true", BACKUP_DIR: backupDir });
const su = superuser();
const PLAN = `cold_${hex(8)}`;
await createColdPlan(su, PLAN);
afterAll(() => Deno.remove(backupDir, { recursive: true }).catch(() => {}));

const actor = { actor: "test" };
const agencyRow = async (id: string) =>
  (await su<{ status: string; deletionWarnedAt: Date | null }[]>`
    select status, deletion_warned_at from agencies where id = ${id}`)[0];
const eventsOf = async (id: string) =>
  await su<{ event: string; details: Record<string, unknown> }[]>`
    select event, details from agency_events where agency_id = ${id} order by id`;
/** Sweeps until `done` holds (another instance's sweep may hold the lock, or do the work first). */
const sweepUntil = (done: () => Promise<boolean>, what: string) =>
  until(async () => {
    await sweepCold(services.lifecycle, 3, 3600);
    return await done();
  }, what);

describe("deletion after a long inactivity", () => {
  it("is off by default", async () => {
    const plans = await su`select code from subscription_plans where delete_after_seconds is not null`;
    expect(plans.map((p) => p.code).filter((c) => c !== PLAN)).toEqual([]);
  });

  /** A cold agency on the plan, inactive for an hour, warned by a sweep: warned as soon as it is cold and
   * inactive, deleted only an hour after the warning. */
  async function warnedColdAgency() {
    await su`
      update subscription_plans set delete_after_seconds = 2, cold_warning_seconds = 3600 where code = ${PLAN}`;
    const t = await signupAgency(app, "del");
    await su`update agencies set subscription_plan = ${PLAN} where id = ${t.agency.id}`;
    await coldActions.cold(services.lifecycle, t.agency.id, actor);
    await su`update agencies set last_active_at = now() - interval '1 hour' where id = ${t.agency.id}`;
    await sweepUntil(async () => (await agencyRow(t.agency.id)).deletionWarnedAt !== null, "warned");
    return t;
  }

  it("warns a cold agency, deletes it after the warning's lead time, keeps its dump, then removes it", async () => {
    const t = await warnedColdAgency();
    const warning = (await eventsOf(t.agency.id)).find((e) => e.event === "agency.deletion_warning");
    expect(warning?.details).toMatchObject({ deleteAt: expect.any(String) });
    const [notified] = await su`
      select 1 from lifecycle_outbox where agency_id = ${t.agency.id} and event = 'agency.deletion_warning'`;
    expect(notified).toBeDefined();
    await sweepCold(services.lifecycle, 3, 3600);
    expect((await agencyRow(t.agency.id)).status).toBe("cold"); // the warning's hour has not passed

    await su`update agencies set deletion_warned_at = now() - interval '2 hours' where id = ${t.agency.id}`;
    await sweepUntil(async () => (await agencyRow(t.agency.id)).status === "deleted", "deleted");
    expect(await su`select 1 from user_directory where agency_id = ${t.agency.id}`).toHaveLength(0);
    expect((await login(app, { email: t.email, password: t.password })).status).toBe(401);
    const cold = (await eventsOf(t.agency.id)).findLast((e) => e.event === "agency.cold")!;
    const file = cold.details.file as string;
    expect((await Deno.stat(file)).isFile).toBe(true); // kept
    const deleted = (await eventsOf(t.agency.id)).find((e) => e.event === "agency.deleted")!;
    expect(deleted.details).toMatchObject({ reason: "inactive", keepDumpUntil: expect.any(String) });

    // Past its keep date, the dump goes.
    await su`
      update agency_events set details = details || '{"keepDumpUntil": "2000-01-01T00:00:00Z"}'
      where agency_id = ${t.agency.id} and event = 'agency.deleted'`;
    await sweepUntil(
      async () => (await eventsOf(t.agency.id)).some((e) => e.event === "agency.dump_removed"),
      "dump removed",
    );
    await expect(Deno.stat(file)).rejects.toThrow(Deno.errors.NotFound);
  });

  it("is cancelled by a wake after the warning", async () => {
    const t = await warnedColdAgency();
    await coldActions.wake(services.lifecycle, t.agency.id, actor);
    expect(await agencyRow(t.agency.id)).toMatchObject({ status: "active", deletionWarnedAt: null });
    await su`update agencies set subscription_plan = 'starter' where id = ${t.agency.id}`;
  });
});
