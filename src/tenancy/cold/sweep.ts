// The cold sweep, run by one instance at a time (an advisory lock it only tries): it cancels warnings
// that activity made moot, warns the agencies due to go cold within their plan's warning period, and
// takes a few due agencies cold, each under its lifecycle lock with the archive's own path (writes
// stopped as `cooling`, dumped, verified, dropped: src/tenancy/lifecycle.ts). An agency goes cold only
// after a warning has had its lead time, and only while it is still inactive when its lock is held.
import type { Agency } from "../../catalog/agencies.ts";
import { type Queryable, type Sql, transaction } from "../../platform/db.ts";
import { LockBusy, withAdvisoryLock } from "../control-plane.ts";
import { type Actor, exclusively, type LifecycleDeps, requireStatus, stowAgency } from "../lifecycle.ts";
import {
  agencyPayload,
  COLD_SWEEP,
  enqueueNotification,
  type NotifiedAgency,
  recordAndNotify,
} from "./outbox.ts";
import { deleteInactive, pruneDeletedDumps, sendDeletionWarnings } from "./deletion.ts";

const COLD_SWEEP_LOCK = 0x62666364; // "bfcd"

/** An inactive agency whose warning has had its lead time (or whose cold sweep was interrupted). */
const due = (sql: Queryable) =>
  sql`(a.status = 'cooling' or (a.status = 'active' and p.cold_after_seconds is not null
    and a.cold_warned_at <= now() - make_interval(secs => p.cold_warning_seconds)
    and coalesce(a.last_active_at, a.created_at) < now() - make_interval(secs => p.cold_after_seconds)))`;

/** Clears the warnings of agencies used since (or whose plan no longer goes cold). */
async function cancelWarnings(control: Sql): Promise<string[]> {
  return await transaction(control, async (tx) => {
    const rows = await tx<(NotifiedAgency & { lastActiveAt: Date | null })[]>`
      update agencies a set cold_warned_at = null from subscription_plans p
      where p.code = a.subscription_plan and a.cold_warned_at is not null
        and a.status = 'active' and (a.last_active_at > a.cold_warned_at or p.cold_after_seconds is null)
      returning a.id, a.name, a.domain, a.subscription_plan, a.last_active_at`;
    for (const a of rows) {
      await recordAndNotify(tx, a, "agency.cold_warning_cancelled", {
        lastActiveAt: a.lastActiveAt?.toISOString() ?? null,
      });
    }
    return rows.map((a) => a.id);
  });
}

/** Warns each active agency whose plan's period ends within its warning period: an event and a
 * notification, in one transaction with the mark that it was warned. */
async function sendWarnings(control: Sql): Promise<string[]> {
  return await transaction(control, async (tx) => {
    const rows = await tx<(NotifiedAgency & { lastActiveAt: Date; coldAt: Date })[]>`
      update agencies a set cold_warned_at = now() from subscription_plans p
      where p.code = a.subscription_plan and a.status = 'active' and a.cold_warned_at is null
        and p.cold_after_seconds is not null
        and coalesce(a.last_active_at, a.created_at)
          < now() - make_interval(secs => greatest(p.cold_after_seconds - p.cold_warning_seconds, 0))
      returning a.id, a.name, a.domain, a.subscription_plan,
        coalesce(a.last_active_at, a.created_at) as last_active_at,
        greatest(coalesce(a.last_active_at, a.created_at) + make_interval(secs => p.cold_after_seconds),
          now() + make_interval(secs => p.cold_warning_seconds)) as cold_at`;
    for (const a of rows) {
      await recordAndNotify(tx, a, "agency.cold_warning", {
        lastActiveAt: a.lastActiveAt.toISOString(),
        coldAt: a.coldAt.toISOString(),
      });
    }
    return rows.map((a) => a.id);
  });
}

/** Takes one agency cold: by the sweep only while it is still due under its lock; by an operator
 * (`force`) whatever its activity. The dump lands in BACKUP_DIR/cold/<agency id>/ with its manifest. */
export const sendCold = (deps: LifecycleDeps, id: string, actor: Actor, { force = false } = {}) =>
  exclusively(deps, id, async (agency, cluster, { signal }): Promise<Agency | undefined> => {
    if (!force) {
      const [still] = await deps.control`
        select 1 from agencies a join subscription_plans p on p.code = a.subscription_plan
        where a.id = ${agency.id} and ${due(deps.control)}`;
      if (!still) return undefined;
    }
    requireStatus(agency, ["active", "cooling"]);
    return await stowAgency(deps, agency, cluster, signal, actor, {
      via: "cooling",
      to: "cold",
      event: "agency.cold",
      failedEvent: "agency.cold_failed",
      dir: `${deps.backupDir}/cold`,
      hooks: {
        async after(tx, cold) {
          await tx`update agencies set cold_warned_at = null where id = ${cold.id}`;
          await enqueueNotification(tx, {
            agencyId: cold.id,
            event: "agency.cold",
            payload: agencyPayload(cold),
          });
        },
      },
    });
  });

export type ColdSweep = {
  cancelled: string[];
  warned: string[];
  cold: string[];
  failed: { id: string; error: string }[];
  /** Deletion after a long inactivity (plans with delete_after_seconds only). */
  deletionWarned: string[];
  deleted: string[];
  dumpsRemoved: string[];
};

/** One run of the sweep; null when another instance is running one. `keepDeletedDumpSeconds`: how long
 * the dump of an agency deleted for inactivity is kept. */
export async function sweepCold(
  deps: LifecycleDeps,
  batch: number,
  keepDeletedDumpSeconds = 90 * 86_400,
): Promise<ColdSweep | null> {
  try {
    return await withAdvisoryLock(deps.catalogUrl, COLD_SWEEP_LOCK, "try", async () => {
      const cancelled = await cancelWarnings(deps.control);
      const warned = await sendWarnings(deps.control);
      const candidates = await deps.control<{ id: string }[]>`
        select a.id from agencies a join subscription_plans p on p.code = a.subscription_plan
        where ${due(deps.control)}
        order by coalesce(a.last_active_at, a.created_at) limit ${batch}`;
      const result: ColdSweep = {
        cancelled,
        warned,
        cold: [],
        failed: [],
        deletionWarned: await sendDeletionWarnings(deps.control),
        deleted: await deleteInactive(deps, keepDeletedDumpSeconds, batch),
        dumpsRemoved: await pruneDeletedDumps(deps),
      };
      for (const { id } of candidates) {
        try {
          if (await sendCold(deps, id, COLD_SWEEP)) result.cold.push(id);
        } catch (error) {
          // Busy (another action holds it) or the dump failed (recorded, the agency serves on).
          result.failed.push({ id, error: String((error as Error)?.message ?? error).slice(0, 500) });
        }
      }
      return result;
    });
  } catch (error) {
    if (error instanceof LockBusy) return null;
    throw error;
  }
}
