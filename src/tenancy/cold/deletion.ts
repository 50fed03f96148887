// Deleting agencies after a long inactivity: off unless a plan sets `delete_after_seconds`. Only a cold
// agency is deleted, only after a warning has had its lead time (the plan's `cold_warning_seconds`), and
// its last dump is kept for DELETED_DUMP_KEEP after that (`keepDumpUntil` in its `agency.deleted` event),
// then removed by a later sweep. A wake in between cancels the warning. Runs inside the cold sweep.
import { recordEvent } from "../../catalog/agencies.ts";
import { type Sql, transaction } from "../../platform/db.ts";
import { exclusively, type LifecycleDeps, move, requireStatus } from "../lifecycle.ts";
import { COLD_SWEEP, enqueueNotification, type NotifiedAgency, recordAndNotify } from "./outbox.ts";

type Row = NotifiedAgency & { lastActiveAt: Date };

/** Warns each cold agency whose plan deletes it within its warning period. */
export async function sendDeletionWarnings(control: Sql): Promise<string[]> {
  return await transaction(control, async (tx) => {
    const rows = await tx<(Row & { deleteAt: Date })[]>`
      update agencies a set deletion_warned_at = now() from subscription_plans p
      where p.code = a.subscription_plan and a.status = 'cold' and a.deletion_warned_at is null
        and p.delete_after_seconds is not null
        and coalesce(a.last_active_at, a.created_at)
          < now() - make_interval(secs => greatest(p.delete_after_seconds - p.cold_warning_seconds, 0))
      returning a.id, a.name, a.domain, a.subscription_plan,
        coalesce(a.last_active_at, a.created_at) as last_active_at,
        greatest(coalesce(a.last_active_at, a.created_at) + make_interval(secs => p.delete_after_seconds),
          now() + make_interval(secs => p.cold_warning_seconds)) as delete_at`;
    for (const a of rows) {
      await recordAndNotify(tx, a, "agency.deletion_warning", {
        lastActiveAt: a.lastActiveAt.toISOString(),
        deleteAt: a.deleteAt.toISOString(),
      });
    }
    return rows.map((a) => a.id);
  });
}

/** Deletes the cold agencies whose warning has had its lead time, keeping each one's last dump for
 * `keepDumpSeconds`. */
export async function deleteInactive(deps: LifecycleDeps, keepDumpSeconds: number, batch: number) {
  const due = await deps.control<{ id: string }[]>`
    select a.id from agencies a join subscription_plans p on p.code = a.subscription_plan
    where a.status = 'cold' and p.delete_after_seconds is not null
      and a.deletion_warned_at <= now() - make_interval(secs => p.cold_warning_seconds)
      and coalesce(a.last_active_at, a.created_at) < now() - make_interval(secs => p.delete_after_seconds)
    order by a.deletion_warned_at limit ${batch}`;
  const deleted: string[] = [];
  for (const { id } of due) {
    await exclusively(deps, id, async (agency) => {
      requireStatus(agency, ["cold"]); // a wake got there first: nothing to delete
      const keepDumpUntil = new Date(Date.now() + keepDumpSeconds * 1000).toISOString();
      await move(deps, agency, ["cold"], "deleted", "agency.deleted", COLD_SWEEP, {
        reason: "inactive",
        keepDumpUntil,
      }, {
        async after(tx, gone) {
          await tx`delete from user_directory where agency_id = ${gone.id}`;
          await enqueueNotification(tx, {
            agencyId: gone.id,
            event: "agency.deleted",
            payload: { agency: { id: gone.id, name: gone.name, domain: gone.domain }, keepDumpUntil },
          });
        },
      });
      deleted.push(id);
    }).catch((error) => console.error(JSON.stringify({ deleteInactive: id, error: String(error) })));
  }
  return deleted;
}

/** Removes the dumps of agencies deleted for inactivity once they are past their keep date: the
 * directory of their cold dumps (named by the agency's id, where their latest `agency.cold` put it). */
export async function pruneDeletedDumps(deps: LifecycleDeps): Promise<string[]> {
  const due = await deps.control<{ agencyId: string; file: string | null }[]>`
    select e.agency_id, (
      select c.details ->> 'file' from agency_events c
      where c.agency_id = e.agency_id and c.event = 'agency.cold' order by c.id desc limit 1
    ) as file
    from agency_events e join agencies a on a.id = e.agency_id
    where a.status = 'deleted' and e.event = 'agency.deleted' and e.details ->> 'reason' = 'inactive'
      and (e.details ->> 'keepDumpUntil')::timestamptz < now()
      and not exists (
        select 1 from agency_events r where r.agency_id = e.agency_id and r.event = 'agency.dump_removed')`;
  for (const { agencyId, file } of due) {
    const dir = file?.slice(0, file.lastIndexOf("/"));
    if (dir?.endsWith(`/${agencyId}`)) {
      await Deno.remove(dir, { recursive: true }).catch((error) => {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      });
    }
    await recordEvent(deps.control, agencyId, "agency.dump_removed", {}, COLD_SWEEP.actor, { dir });
  }
  return due.map((r) => r.agencyId);
}
