// Each cluster's backups as operators see them (the console, `deno task stats`, GET /api/admin/stats)
// and as alerting reads them (/metrics): when the last good full, differential and verified backup
// ended, which kinds failed on their last attempt, how far back recovery reaches, and the WAL
// archiver's lag. From the catalog's record of runs and each server's own view: no pgBackRest call.
import { z } from "zod";
import type { Sql } from "../platform/db.ts";
import type { Cluster } from "../tenancy/cluster-directory.ts";
import { type ArchiverStatus, archiverStatus } from "./archiver.ts";
import { latestRuns } from "./runs.ts";

/** A cluster's backup status (in the contract: GET /api/admin/stats, times as ISO strings). */
export type BackupStatus = {
  lastFullAt: Date | null;
  lastDiffAt: Date | null;
  lastVerifiedAt: Date | null;
  /** The oldest instant a restore can reach, as the last backup run found it. */
  recoverableFrom: Date | null;
  /** The kinds whose last attempt failed: when, and why. */
  failing: { kind: string; at: Date; error: string }[];
  archive?: ArchiverStatus;
  /** Why the server's archiver could not be read. */
  error?: string;
};

const at = z.iso.datetime().nullable();
export const backupStatusSchema = z.strictObject({
  lastFullAt: at,
  lastDiffAt: at,
  lastVerifiedAt: at,
  recoverableFrom: at,
  failing: z.array(z.strictObject({ kind: z.string(), at: z.iso.datetime(), error: z.string() })),
  archive: z.strictObject({
    lastArchivedAt: at,
    failedCount: z.number().int(),
    lastFailedAt: at,
    waitingSegments: z.number().int(),
    lagSeconds: z.number(),
  }).optional(),
  error: z.string().optional(),
});

/** Every cluster's backup status, by cluster name. */
export async function backupStatus(control: Sql, clusters: Cluster[]): Promise<Map<string, BackupStatus>> {
  const runs = await latestRuns(control);
  const entries = await Promise.all(clusters.map(async (cluster): Promise<[string, BackupStatus]> => {
    // Its own runs, and the fleet's dumps (DUMP_EVERY), whose failure is every cluster's concern.
    const mine = runs.filter((r) => r.cluster === cluster.cluster || r.cluster === null);
    const success = (kind: string) => mine.find((r) => r.kind === kind)?.lastSuccessAt ?? null;
    const backups = mine.filter((r) => r.kind === "full" || r.kind === "diff" || r.kind === "incr")
      .filter((r) => r.lastSuccessAt)
      .sort((a, b) => b.lastSuccessAt!.getTime() - a.lastSuccessAt!.getTime());
    const from = backups[0]?.details.recoverableFrom;
    const status: BackupStatus = {
      lastFullAt: success("full"),
      lastDiffAt: success("diff"),
      lastVerifiedAt: success("verify"),
      recoverableFrom: typeof from === "string" ? new Date(from) : null,
      failing: mine.filter((r) => r.lastOk === false)
        .map((r) => ({ kind: r.kind, at: r.lastAttemptAt, error: r.lastError ?? "" })),
    };
    try {
      return [cluster.cluster, { ...status, archive: await archiverStatus(cluster) }];
    } catch (error) {
      return [cluster.cluster, { ...status, error: String((error as Error)?.message ?? error) }];
    }
  }));
  return new Map(entries);
}

const KINDS = ["full", "diff", "verify"] as const;

/** The status as Prometheus gauges, labelled by cluster (a catalog identifier) and kind. An absent
 * success is an age of +Inf: an alert on the age fires for a cluster never backed up. */
export function backupGauges(statuses: Map<string, BackupStatus>, now = new Date()): Record<string, number> {
  const gauges: Record<string, number> = {};
  const age = (t: Date | null) => t ? (now.getTime() - t.getTime()) / 1000 : Infinity;
  for (const [cluster, s] of statuses) {
    const last = { full: s.lastFullAt, diff: s.lastDiffAt, verify: s.lastVerifiedAt };
    for (const kind of KINDS) {
      const labels = `{cluster="${cluster}",kind="${kind}"}`;
      gauges[`backup_last_success_age_seconds${labels}`] = age(last[kind]);
      gauges[`backup_last_attempt_failed${labels}`] = s.failing.some((f) => f.kind === kind) ? 1 : 0;
    }
    gauges[`backup_last_attempt_failed{cluster="${cluster}",kind="dumps"}`] = s.failing.some((f) =>
        f.kind === "dumps"
      )
      ? 1
      : 0;
    if (s.recoverableFrom) {
      gauges[`backup_oldest_recoverable_timestamp_seconds{cluster="${cluster}"}`] =
        s.recoverableFrom.getTime() /
        1000;
    }
    if (s.archive) {
      gauges[`backup_archive_lag_seconds{cluster="${cluster}"}`] = s.archive.lagSeconds;
      gauges[`backup_archive_waiting_segments{cluster="${cluster}"}`] = s.archive.waitingSegments;
      gauges[`backup_archive_failures_total{cluster="${cluster}"}`] = s.archive.failedCount;
    }
  }
  return gauges;
}
