// The backup schedule, run without anyone remembering it: in `deno task dev` (an in-process timer), in
// compose's scheduler service and anywhere else (`deno task backups:schedule`); Kubernetes CronJobs run
// `deno task backups:run` instead. At each tick, for each cluster: a full backup when there is none or
// the newest is older than BACKUP_FULL_EVERY, else a differential when the newest backup is older than
// BACKUP_DIFF_EVERY (each followed by the expiry of what falls out of BACKUP_RETENTION), and a restore
// drill when the last good one is older than BACKUP_VERIFY_EVERY; then, fleet-wide, the agencies' logical
// dumps when DUMP_EVERY is set and the last good set is older (then their calendar retention). A failed
// run is recorded and tried again after its own period (at most 15 minutes). One scheduler acts at a
// time (a catalog lock).
import type { Config } from "../config.ts";
import type { Sql } from "../platform/db.ts";
import type { Cluster, ClusterDirectory } from "../tenancy/cluster-directory.ts";
import { LockBusy, withAdvisoryLock } from "../tenancy/control-plane.ts";
import { backupCluster, ensureStanza } from "./cluster-backup.ts";
import { type BackupRepository, type BackupSet, stanzaInfo } from "./pgbackrest.ts";
import { dumpAgencies, type DumpKeep, dumpSetDir, pruneDumpSets } from "./dumps.ts";
import { expireBackups } from "./retention.ts";
import { latestRuns, recordRun, type RunKind, type RunSummary } from "./runs.ts";
import { verifyCluster } from "./verify.ts";

export type BackupSchedule = {
  fullEverySeconds: number;
  diffEverySeconds: number;
  verifyEverySeconds: number;
  retentionSeconds: number;
  /** Fleet dumps: how often (null: never), where, and how many kept. */
  dumps: { everySeconds: number | null; dir: string; keep: DumpKeep };
};

export const scheduleFrom = (config: Config): BackupSchedule => ({
  fullEverySeconds: config.BACKUP_FULL_EVERY,
  diffEverySeconds: config.BACKUP_DIFF_EVERY,
  verifyEverySeconds: config.BACKUP_VERIFY_EVERY,
  retentionSeconds: config.BACKUP_RETENTION,
  dumps: {
    everySeconds: config.DUMP_EVERY ?? null,
    dir: config.BACKUP_DIR,
    keep: {
      daily: config.DUMP_KEEP_DAILY,
      weekly: config.DUMP_KEEP_WEEKLY,
      monthly: config.DUMP_KEEP_MONTHLY,
    },
  },
});

const RETRY_AT_MOST_SECONDS = 900;
// Agencies a scheduled drill checks per cluster.
const DRILL_SAMPLE = 3;

type RunState = Pick<RunSummary, "kind" | "lastSuccessAt" | "lastAttemptAt" | "lastOk">;

/** The clock and the recorded runs, as the schedule's decisions read them. */
function scheduleView(now: Date, runs: RunState[]) {
  const age = (at: Date | null | undefined) => at ? (now.getTime() - at.getTime()) / 1000 : Infinity;
  // A kind whose last attempt failed waits its period (at most 15 minutes) before the next try.
  const resting = (kind: RunKind, period: number) => {
    const run = runs.find((r) => r.kind === kind);
    return run?.lastOk === false && age(run.lastAttemptAt) < Math.min(period, RETRY_AT_MOST_SECONDS);
  };
  const lastSuccess = (kind: RunKind) => runs.find((r) => r.kind === kind)?.lastSuccessAt;
  return { age, resting, lastSuccess };
}

/** What is due on one cluster at `now`, given its backups (oldest first) and its recorded runs. Pure. */
export function dueWork(
  now: Date,
  backups: BackupSet[],
  runs: RunState[],
  schedule: BackupSchedule,
): { backup?: "full" | "diff"; verify: boolean } {
  const { age, resting, lastSuccess } = scheduleView(now, runs);
  const newestFull = backups.findLast((b) => b.type === "full");
  const newest = backups.at(-1);
  let backup: "full" | "diff" | undefined;
  if (age(newestFull?.stoppedAt) >= schedule.fullEverySeconds) {
    if (!resting("full", schedule.fullEverySeconds)) backup = "full";
  } else if (
    age(newest?.stoppedAt) >= schedule.diffEverySeconds && !resting("diff", schedule.diffEverySeconds)
  ) {
    backup = "diff";
  }
  const verify = Boolean(newestFull) && age(lastSuccess("verify")) >= schedule.verifyEverySeconds &&
    !resting("verify", schedule.verifyEverySeconds);
  return { backup, verify };
}

/** Whether the fleet's dumps are due at `now`, given the fleet-wide runs. Pure. */
export function dumpsDue(now: Date, runs: RunState[], everySeconds: number | null): boolean {
  if (everySeconds === null) return false;
  const { age, resting, lastSuccess } = scheduleView(now, runs);
  return !resting("dumps", everySeconds) && age(lastSuccess("dumps")) >= everySeconds;
}

export type SchedulerDeps = {
  control: Sql;
  catalogUrl: string;
  clusters: ClusterDirectory;
  repo: BackupRepository;
  pgBin: string;
  schedule: BackupSchedule;
  log?: (line: Record<string, unknown>) => void;
  /** Ends the run in progress (its pgBackRest process killed; recorded as failed). */
  signal?: AbortSignal;
};

// Held (in the catalog) by the scheduler acting now.
const SCHEDULE_LOCK = 0x62666273; // "bfbs"

/** One tick: what is due on every cluster, done; returns the clusters where a run failed (recorded,
 * and logged). Another scheduler acting: nothing. */
export async function runDueBackups(deps: SchedulerDeps, now = new Date()): Promise<string[]> {
  const failed: string[] = [];
  await withAdvisoryLock(deps.catalogUrl, SCHEDULE_LOCK, "try", async () => {
    const runs = await latestRuns(deps.control);
    for (const cluster of await deps.clusters.all()) {
      if (deps.signal?.aborted) return;
      await runDueOn(deps, cluster, runs.filter((r) => r.cluster === cluster.cluster), now).catch((error) => {
        failed.push(cluster.cluster);
        deps.log?.({ backup: cluster.cluster, error: String(error?.message ?? error) });
      });
    }
    if (deps.signal?.aborted) return;
    if (dumpsDue(now, runs.filter((r) => r.cluster === null), deps.schedule.dumps.everySeconds)) {
      await takeDumps(deps).catch((error) => {
        failed.push("dumps");
        deps.log?.({ dumps: String(error?.message ?? error) });
      });
    }
  }).catch((error) => {
    if (!(error instanceof LockBusy)) throw error;
  });
  return failed;
}

async function runDueOn(deps: SchedulerDeps, cluster: Cluster, runs: RunSummary[], now: Date) {
  const { repo, control, schedule } = deps;
  await ensureStanza(repo, cluster); // a cluster added since (or a first start in compose, Kubernetes)
  const info = await stanzaInfo(repo, cluster.cluster);
  const due = dueWork(now, info.backups, runs, schedule);
  if (due.backup) await takeBackup(deps, cluster, due.backup);
  if (due.verify) {
    await recordRun(
      control,
      cluster.cluster,
      "verify",
      () =>
        verifyCluster(repo, cluster, {
          control,
          pgBin: deps.pgBin,
          sample: DRILL_SAMPLE,
          signal: deps.signal,
        }),
      deps.signal,
    );
  }
}

/** A recorded backup of `type`, then the expiry of what falls out of retention. */
export function takeBackup(
  deps: Omit<SchedulerDeps, "catalogUrl" | "clusters" | "pgBin">,
  cluster: Cluster,
  type: "full" | "diff",
) {
  return recordRun(deps.control, cluster.cluster, type, async () => {
    const started = performance.now();
    const set = await backupCluster(deps.repo, cluster, type, deps.signal);
    const expired = await expireBackups(deps.repo, cluster.cluster, deps.schedule.retentionSeconds);
    const { backups } = await stanzaInfo(deps.repo, cluster.cluster);
    deps.log?.({ backup: cluster.cluster, type, label: set.label, expired });
    return {
      label: set.label,
      bytes: set.bytes,
      repoBytes: set.repoBytes,
      seconds: Math.round(performance.now() - started) / 1000,
      expired,
      recoverableFrom: backups[0]?.stoppedAt.toISOString() ?? null,
    };
  }, deps.signal);
}

/** A recorded fleet dump set (failed when any agency's dump failed), then the calendar's retention. */
export function takeDumps(deps: Omit<SchedulerDeps, "repo">) {
  const { dir, keep } = deps.schedule.dumps;
  return recordRun(deps.control, null, "dumps", async () => {
    const started = performance.now();
    const set = await dumpAgencies(deps, dumpSetDir(dir), undefined, undefined, deps.signal);
    const failed = set.entries.filter((e) => e.error);
    if (failed.length) {
      throw new Error(
        `${failed.length} dumps failed in ${set.dir}: ${failed[0].database}: ${failed[0].error}`,
      );
    }
    const removed = await pruneDumpSets(dir, keep);
    const dumped = set.entries.filter((e) => !e.cold); // cold dumps are listed, not taken
    deps.log?.({ dumps: set.dir, agencies: dumped.length - 1, removed });
    return {
      dir: set.dir,
      agencies: dumped.length - 1,
      cold: set.entries.length - dumped.length,
      bytes: dumped.reduce((n, e) => n + (e.bytes ?? 0), 0),
      seconds: Math.round(performance.now() - started) / 1000,
      removed,
    };
  }, deps.signal);
}

/** Ticks every `everyMs` (the first at once) until stopped; `stop` ends a run in progress (its
 * process killed) and waits for it to be recorded. */
export function startScheduler(deps: Omit<SchedulerDeps, "signal">, everyMs: number) {
  const stopping = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runDueBackups({ ...deps, signal: stopping.signal })
      .then(() => {})
      .catch((error) => deps.log?.({ backupSchedule: String(error?.message ?? error) }))
      .finally(() => {
        if (!stopping.signal.aborted) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return {
    async stop() {
      stopping.abort(new Error("the backup scheduler stopped"));
      clearTimeout(timer);
      await running;
    },
  };
}

/** How often the schedule looks at the clusters: a tenth of its shortest period, 1 s to 1 min. */
export const tickMs = (s: BackupSchedule) =>
  Math.min(
    60_000,
    Math.max(1000, Math.min(s.fullEverySeconds, s.diffEverySeconds, s.verifyEverySeconds) * 100),
  );
