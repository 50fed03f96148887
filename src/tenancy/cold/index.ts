// Cold agencies on one API instance: its activity recorder, the wakes its requests start, the cold
// sweep and the outbox's delivery on timers (started by serveApi, stopped at shutdown after one last
// activity flush). src/tenancy/cold/sweep.ts, wake.ts and outbox.ts hold the work itself.
import type { Agency } from "../../catalog/agencies.ts";
import type { Sql } from "../../platform/db.ts";
import { type Activity, createActivity } from "../activity.ts";
import { createOutbox, type OutboxOptions } from "./outbox.ts";
import { sweepCold } from "./sweep.ts";
import type { LifecycleDeps } from "../lifecycle.ts";
import { agencyWaking, wakeAgency, WakeFailed } from "./wake.ts";
import { ApiError } from "../../platform/errors.ts";

export { agencyWaking } from "./wake.ts";

export type ColdOptions = {
  deps: LifecycleDeps;
  control: Sql;
  activityFlushMs: number;
  sweepMs: number;
  sweepBatch: number;
  /** How long the dump of an agency deleted for inactivity is kept. */
  keepDeletedDumpSeconds: number;
  outbox: Omit<OutboxOptions, "control">;
};

// After a wake attempt fails here, requests wait this long before starting another (each answered
// 503 agency_waking meanwhile): a broken dump is not restored again on every request.
const RETRY_FAILED_WAKE_MS = 30_000;

export function createColdAgencies(
  { deps, control, activityFlushMs, sweepMs, sweepBatch, keepDeletedDumpSeconds, outbox }: ColdOptions,
) {
  const activity: Activity = createActivity({ control, flushMs: activityFlushMs });
  const delivery = createOutbox({ control, ...outbox });
  const wakes = new Map<string, Promise<void>>();
  const notBefore = new Map<string, number>();
  let sweepTimer: ReturnType<typeof setInterval> | undefined;
  let sweeping: Promise<unknown> | undefined;

  /** Starts waking the agency here unless a wake of it already runs here (another instance's is
   * found by the lock), then refuses the request: 503 agency_waking with Retry-After. */
  function wake(agency: Agency): never {
    if (!wakes.has(agency.id) && (notBefore.get(agency.id) ?? 0) <= Date.now()) {
      const run = wakeAgency(deps, agency.id, { actor: "system:wake-on-use" }, { byUse: true })
        .then(() => void notBefore.delete(agency.id))
        .catch((error) => {
          // Not a failure: another instance holds the agency (its wake: 409 from the lock), or the cluster
          // has its share of wakes running. A later request tries again.
          if (!(error instanceof WakeFailed) && error instanceof ApiError) return;
          notBefore.set(agency.id, Date.now() + RETRY_FAILED_WAKE_MS);
          console.error(
            JSON.stringify({ wake: agency.id, error: String((error as Error)?.message ?? error) }),
          );
        })
        .finally(() => wakes.delete(agency.id));
      wakes.set(agency.id, run);
    }
    throw agencyWaking();
  }

  function wakeIfCold(agency: Agency | undefined) {
    if (agency?.status === "cold" || agency?.status === "waking") wake(agency);
  }

  const sweep = () => {
    sweeping ??= sweepCold(deps, sweepBatch, keepDeletedDumpSeconds)
      .then((result) => {
        if (result && Object.values(result).some((ids) => ids.length)) {
          console.log(JSON.stringify({ coldSweep: result }));
        }
      })
      .catch((error) => console.error(JSON.stringify({ coldSweep: String(error) })))
      .finally(() => (sweeping = undefined));
  };

  return {
    deps,
    activity,
    outbox: delivery,
    wake,
    /** A cold (or waking) agency is woken: throws 503 agency_waking. */
    wakeIfCold,
    /** The agency is being used now: noted, and woken if it is cold (throws 503). */
    use(agency: Agency | undefined) {
      if (!agency) return;
      activity.touch(agency.id);
      wakeIfCold(agency);
    },
    /** The instance's timers: activity, and the sweep and deliveries (one instance at a time). */
    start() {
      activity.start();
      delivery.start();
      sweepTimer ??= setInterval(sweep, sweepMs);
    },
    /** Every wake this instance started, settled. */
    idle: async () => void await Promise.all(wakes.values()),
    async stop() {
      if (sweepTimer) clearInterval(sweepTimer);
      sweepTimer = undefined;
      await Promise.all([activity.stop(), delivery.stop(), sweeping, ...wakes.values()]);
    },
  };
}

export type ColdAgencies = ReturnType<typeof createColdAgencies>;
