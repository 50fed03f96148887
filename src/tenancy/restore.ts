// Restoring a live agency's data: from a backup file (`deno task restore`), from a point in time
// (src/backups/point-in-time.ts makes the file), and undoing either. All go through one swap: the new
// database is restored and checked while the agency keeps serving; then its writes are frozen on every
// API instance, the old database is fenced, the catalog points at the new one and the freeze is lifted
// (a fraction of a second); then the old database's final state is dumped as an archive (what an undo
// restores) and dropped. A write meets the swap as 503, never as an acknowledgement that is then lost.
import { type Agency, announceAgencyChange, recordEvent } from "../catalog/agencies.ts";
import { transaction } from "../platform/db.ts";
import { conflict } from "../platform/errors.ts";
import type { Cluster } from "./cluster-directory.ts";
import {
  dropDatabase,
  fenceDatabase,
  type HeldLock,
  LockLost,
  restoreDatabase,
  restrictConnect,
  withAdvisoryLock,
} from "./control-plane.ts";
import { agencyDatabaseName, slugify } from "./database-name.ts";
import {
  type Actor,
  dropAgencyDatabase,
  dumpVerified,
  exclusively,
  type LifecycleDeps,
  loadAgency,
  requireStatus,
  stamp,
} from "./lifecycle.ts";
import { SWEEP_LOCK } from "./sweeper.ts";
import { changeOf, HEARD_MS, setWriteFreeze } from "./write-freeze.ts";
import { sleep } from "../platform/sleep.ts";

export type SwapResult = {
  agency: Agency;
  /** The database the agency now uses, and the one it left. */
  database: string;
  previous: string;
  /** The left database's final state (undo restores it); null when it was already gone. */
  previousArchive: string | null;
  /** How long the agency's writes were refused. */
  freezeMs: number;
};

/** Swaps the agency (read under its lock, `lock`) onto a new database restored from `file`, recording
 * `agency.restored` with `details`. */
export async function swapInDump(
  deps: LifecycleDeps,
  agency: Agency,
  cluster: Cluster,
  lock: HeldLock,
  file: string,
  { actor, details = {} }: Actor & { details?: Record<string, unknown> },
): Promise<SwapResult> {
  requireStatus(agency, ["active", "suspended"]);
  const previous = agency.databaseName;
  // A new name: the slug shortened so the restore stamp always survives the 63-byte limit.
  const slug = slugify(agency.domain ?? agency.name).slice(0, 28);
  const database = agencyDatabaseName(agency.id, `${slug} r${stamp().toLowerCase()}`);
  const archive = `${deps.backupDir}/archives/${agency.id}/${previous}-${stamp()}.dump`;
  // Until the catalog points at it, the new database is claimed by no row (and afterwards the old one
  // is not): hold off the sweeper throughout.
  return await withAdvisoryLock(cluster.databaseUrl, SWEEP_LOCK, "shared", async ({ signal }) => {
    const version = await restoreDatabase(cluster, deps.pgBin, file, database, signal);
    const [present] = await cluster.server`select 1 from pg_database where datname = ${previous}`;
    const frozenAt = performance.now();
    try {
      await setWriteFreeze(deps.control, agency, true, deps.onChange);
      await sleep(HEARD_MS); // every instance refuses the writes before the database does
      if (present) await fenceDatabase(cluster, previous);
      await transaction(deps.control, async (tx) => {
        // Only while this process holds the agency's lock (an action that took over would not expect it).
        const [held] = await tx`
          select 1 from pg_locks where pid = ${lock.pid} and locktype = 'advisory' and granted
            and database = (select oid from pg_database where datname = current_database())`;
        if (!held || signal.aborted) {
          throw new LockLost(`the restore of ${agency.id} lost its locks before the swap`);
        }
        await tx`
          update agencies set database_name = ${database}, schema_version = ${version}, frozen_until = null
          where id = ${agency.id}`;
        await recordEvent(tx, agency.id, "agency.restored", {}, actor, {
          ...details,
          file,
          from: previous,
          to: database,
          previousArchive: present ? archive : null,
        });
        await announceAgencyChange(tx, changeOf(agency)); // the old database: what instances must forget
      });
    } catch (error) {
      // Not swapped: the old database serves again, the new one goes.
      if (present) await restrictConnect(cluster, previous).catch(() => {});
      await setWriteFreeze(deps.control, agency, false, deps.onChange).catch(() => {});
      await dropDatabase(cluster, database).catch(() => {});
      throw error;
    }
    const freezeMs = Math.round(performance.now() - frozenAt);
    deps.onChange?.(changeOf(agency));
    if (present) await archiveAndDrop(deps, cluster, previous, archive, signal);
    const swapped = await loadAgency(deps, agency.id);
    return { agency: swapped, database, previous, previousArchive: present ? archive : null, freezeMs };
  });
}

/** The fenced old database's final state written and read back, then the database dropped. */
async function archiveAndDrop(
  deps: LifecycleDeps,
  cluster: Cluster,
  database: string,
  file: string,
  signal: AbortSignal,
) {
  await cluster.poolerAdmin?.disconnect(database);
  await dumpVerified(deps, cluster, database, file, signal);
  await dropAgencyDatabase(cluster, database);
}

/** Restores a backup file into a new database, checks it, then swaps the agency onto it (the state it
 * replaces archived). With `asNew`, restores next to the live one for inspection only. */
export async function restoreAgencyFromBackup(
  deps: LifecycleDeps,
  id: string,
  file: string,
  options: Actor & { asNew?: boolean },
) {
  const agency = await loadAgency(deps, id);
  if (options.asNew) {
    const name = `inspect_${stamp().toLowerCase()}_${agency.databaseName}`.slice(0, 63);
    await restoreDatabase(await deps.clusters.get(agency.cluster), deps.pgBin, file, name);
    return { agency, database: name };
  }
  return await exclusively(
    deps,
    agency.id,
    (agency, cluster, lock) => swapInDump(deps, agency, cluster, lock, file, { actor: options.actor }),
  );
}

/** Undoes the agency's latest restore: the state it replaced (its archive) swapped back in. */
export const undoLastRestore = (deps: LifecycleDeps, id: string, actor: Actor) =>
  exclusively(deps, id, async (agency, cluster, lock) => {
    const [last] = await deps.control<{ id: number; details: { previousArchive?: string | null } }[]>`
      select id, details from agency_events where agency_id = ${agency.id} and event = 'agency.restored'
      order by id desc limit 1`;
    const file = last?.details.previousArchive;
    if (!file) {
      throw conflict("No restore of this agency to undo (or its state was not archived)");
    }
    return await swapInDump(deps, agency, cluster, lock, file, { ...actor, details: { undoes: last.id } });
  });
