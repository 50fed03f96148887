// Point-in-time restore of one agency: the backup of the cluster its database lived on at the target
// time is restored into a scratch instance (./scratch.ts), that one database is dumped out of it, and
// the agency is swapped onto it (src/tenancy/restore.ts: freeze, fence, switch, announce; the state it
// replaces archived, so the restore can be undone). The other agencies on the cluster are not touched.
import type { Agency } from "../catalog/agencies.ts";
import type { Sql } from "../platform/db.ts";
import { badRequest, conflict, unavailable } from "../platform/errors.ts";
import { dumpDatabase } from "../platform/pg-dump.ts";
import { type Actor, exclusively, type LifecycleDeps, requireStatus } from "../tenancy/lifecycle.ts";
import { swapInDump, type SwapResult } from "../tenancy/restore.ts";
import { type BackupRepository, stanzaInfo } from "./pgbackrest.ts";
import { type ScratchTimings, withScratchCluster } from "./scratch.ts";
import { archiveCurrentWal } from "./archiver.ts";

export type PointInTimeDeps = LifecycleDeps & { backups?: BackupRepository };

export type PointInTimeResult = SwapResult & {
  targetTime: string;
  /** Where the time went: the scratch restore, WAL replay, extracting the database, the swap. */
  timings: ScratchTimings & { extractMs: number; swapMs: number; freezeMs: number };
};

/** How far back a cluster can be recovered: from the end of its oldest backup (pgBackRest records it
 * in whole seconds: the next one) to now (the archive is closed up to now before a restore); null
 * without a backup. */
export async function recoverableWindow(repo: BackupRepository, stanza: string) {
  const { backups, archive } = await stanzaInfo(repo, stanza);
  if (!backups.length || !archive) return null;
  return { from: new Date(backups[0].stoppedAt.getTime() + 1000), to: new Date() };
}

/** Restores the agency `id` to `targetTime` (commits at it included). */
export function restoreAgencyToTime(deps: PointInTimeDeps, id: string, targetTime: Date, actor: Actor) {
  const repo = deps.backups;
  if (!repo) {
    throw conflict("No backup repository is configured (BACKUP_CONFIG_FILE)");
  }
  const pgBin = deps.pgBin;
  if (!pgBin) throw unavailable("The PostgreSQL server tools are not found (PG_BINDIR)", 60);
  return exclusively(deps, id, async (agency, cluster, lock) => {
    requireStatus(agency, ["active", "suspended"]);
    const outside = (why: string) =>
      badRequest(`The target time is ${why}`, [{ path: "targetTime", message: why }]);
    if (targetTime < agency.createdAt) {
      throw outside(`before the agency existed (${agency.createdAt.toISOString()})`);
    }
    const at = await whereAt(deps.control, agency, targetTime);
    const source = at.cluster === cluster.cluster ? cluster : await deps.clusters.get(at.cluster);
    const window = await recoverableWindow(repo, source.cluster);
    if (!window || targetTime < window.from || targetTime > window.to) {
      throw outside(
        window
          ? `outside the recoverable window of cluster ${source.cluster}: ${window.from.toISOString()} to ${window.to.toISOString()}`
          : `not recoverable: cluster ${source.cluster} has no backup yet`,
      );
    }
    await archiveCurrentWal(source);
    const file = `${deps.backupDir}/point-in-time/${agency.id}/${at.database}-${
      targetTime.toISOString().replace(/[-:.]/g, "")
    }.dump`;
    let extractMs = 0;
    const { timings } = await withScratchCluster(repo, source.cluster, {
      adminUrl: source.databaseUrl,
      targetTime,
      pgBin,
      settings: await preparedTransactionSettings(source.server),
      signal: lock.signal,
    }, async (scratch) => {
      const started = performance.now();
      await dumpDatabase(scratch.urlFor(at.database), pgBin, file, lock.signal).catch((error) => {
        if (/does not exist/.test(String(error?.message))) {
          throw conflict(`The agency had no database at ${targetTime.toISOString()}`);
        }
        throw error;
      });
      extractMs = Math.round(performance.now() - started);
    });
    const swapStarted = performance.now();
    // The extract is only the way in: once restored (or not), a copy of the agency's data less on disk.
    const swapped = await swapInDump(deps, agency, cluster, lock, file, {
      ...actor,
      details: { targetTime: targetTime.toISOString(), sourceCluster: source.cluster },
    }).finally(() => Deno.remove(file).catch(() => {}));
    const swapMs = Math.round(performance.now() - swapStarted);
    return {
      ...swapped,
      targetTime: targetTime.toISOString(),
      timings: { ...timings, extractMs, swapMs, freezeMs: swapped.freezeMs },
    };
  });
}

/** The cluster and database name the agency had at `time`: its moves and restores since, undone. */
async function whereAt(control: Sql, agency: Agency, time: Date) {
  const since = await control<{ event: string; details: { from?: string } }[]>`
    select event, details from agency_events
    where agency_id = ${agency.id} and created_at > ${time} and event in ('agency.moved', 'agency.restored')
    order by id desc`;
  let at = { cluster: agency.cluster, database: agency.databaseName };
  for (const { event, details } of since) {
    if (!details.from) continue;
    at = event === "agency.moved" ? { ...at, cluster: details.from } : { ...at, database: details.from };
  }
  return at;
}

/** What a restored cluster needs at least as much of as its source had (prepared transactions). */
export async function preparedTransactionSettings(sql: Sql) {
  const rows = await sql<{ name: string; setting: string }[]>`
    select name, setting from pg_settings where name in ('max_prepared_transactions', 'max_locks_per_transaction')`;
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}
