// Scenario 14's figures beside the restore: the WAL archive's lag while a load runs (sampled as
// /metrics reads it: src/backups/archiver.ts), and a full backup's throughput next to a plain
// pg_basebackup of the same cluster (its ceiling: no compression, no encryption, no manifest).
import { archiverStatus } from "../../src/backups/archiver.ts";
import { backupCluster } from "../../src/backups/cluster-backup.ts";
import type { BackupRepository } from "../../src/backups/pgbackrest.ts";
import { ownedByServiceUser, run } from "../../src/platform/command.ts";
import type { Sql } from "../../src/platform/db.ts";
import { sleep } from "./util.ts";

const LAG_SAMPLE_MS = 500;
/** Hang guard for the sampler: 20 minutes of samples. */
const MAX_LAG_SAMPLES = 2400;
/** Hang guard for one backup. */
const BACKUP_DEADLINE_MS = 20 * 60_000;

export type ArchiveLag = {
  load: string;
  seconds: number;
  /** What the load did, in its own unit (rows, requests). */
  throughput: string;
  walBytes: number;
  archived: number;
  failed: number;
  /** Per sample: the oldest finished segment's wait (backup_archive_lag_seconds), the segments
   * waiting, and the time since the last segment was archived. */
  lagSeconds: number[];
  waitingSegments: number[];
  sinceArchivedSeconds: number[];
};

type WalMark = { lsn: string; archived: number; failed: number };

const walMark = async (sql: Sql) =>
  (await sql<WalMark[]>`
    select pg_current_wal_lsn()::text as lsn, archived_count::int as archived, failed_count::int as failed
    from pg_stat_archiver`)[0];

/** Runs `load` while sampling the cluster's archiver every 500 ms (as the admin role, like /metrics);
 * `describe` names what the load did. */
export async function archiveLagDuring<T>(
  cluster: { server: Sql },
  label: string,
  load: () => Promise<T>,
  describe: (value: T, seconds: number) => string,
): Promise<{ value: T; lag: ArchiveLag }> {
  const before = await walMark(cluster.server);
  const lag: ArchiveLag = {
    load: label,
    seconds: NaN,
    throughput: "",
    walBytes: NaN,
    archived: NaN,
    failed: NaN,
    lagSeconds: [],
    waitingSegments: [],
    sinceArchivedSeconds: [],
  };
  let stopped = false;
  const sampler = (async () => {
    for (let i = 0; !stopped && i < MAX_LAG_SAMPLES; i++) {
      const status = await archiverStatus(cluster).catch(() => undefined);
      if (status) {
        lag.lagSeconds.push(status.lagSeconds);
        lag.waitingSegments.push(status.waitingSegments);
        if (status.lastArchivedAt) {
          lag.sinceArchivedSeconds.push((Date.now() - status.lastArchivedAt.getTime()) / 1000);
        }
      }
      await sleep(LAG_SAMPLE_MS);
    }
  })();
  const started = performance.now();
  let value: T;
  try {
    value = await load();
  } finally {
    stopped = true;
    await sampler;
  }
  lag.seconds = (performance.now() - started) / 1000;
  lag.throughput = describe(value, lag.seconds);
  const [after] = await cluster.server<{ walBytes: number; archived: number; failed: number }[]>`
    select pg_wal_lsn_diff(pg_current_wal_lsn(), ${before.lsn}::pg_lsn)::float8 as wal_bytes,
      archived_count::int as archived, failed_count::int as failed
    from pg_stat_archiver`;
  lag.walBytes = after.walBytes;
  lag.archived = after.archived - before.archived;
  lag.failed = after.failed - before.failed;
  return { value, lag };
}

export type BackupRun = {
  tool: string;
  command: string;
  ms: number;
  /** What the tool read (the data directory as it copied it) and what it wrote. */
  copiedBytes: number;
  writtenBytes: number;
  error?: string;
};

/** The ceiling: `pg_basebackup -X fetch -c fast` of the cluster into a plain directory (as the
 * service user, like pgBackRest), removed again. */
export async function timeBaseBackup(superuserUrl: string, pgBin: string, dir: string): Promise<BackupRun> {
  const target = `${dir}/basebackup`;
  const url = new URL(superuserUrl);
  const command = "pg_basebackup -D <dir> -X fetch -c fast (plain format, no compression)";
  const started = performance.now();
  try {
    await ownedByServiceUser(target);
    await run([
      `${pgBin}/pg_basebackup`,
      ...["-h", "127.0.0.1", "-p", url.port, "-U", decodeURIComponent(url.username)],
      ...["-D", target, "-X", "fetch", "-c", "fast"],
    ], {
      asServiceUser: true,
      env: { PGPASSWORD: decodeURIComponent(url.password) },
      signal: AbortSignal.timeout(BACKUP_DEADLINE_MS),
    });
    const ms = performance.now() - started;
    const bytes = Number((await run(["du", "-sb", target])).split("\t")[0]);
    return { tool: "pg_basebackup", command, ms, copiedBytes: bytes, writtenBytes: bytes };
  } catch (error) {
    return {
      tool: "pg_basebackup",
      command,
      ms: NaN,
      copiedBytes: NaN,
      writtenBytes: NaN,
      error: String(error),
    };
  } finally {
    await Deno.remove(target, { recursive: true }).catch(() => {});
  }
}

/** A full backup into the repository by the project's own function (backupCluster). */
export async function timeFullBackup(
  repo: BackupRepository,
  cluster: { cluster: string; superuserUrl: string },
): Promise<BackupRun> {
  const command = 'backupCluster(…, "full"): pgbackrest --type=full backup (zstd, aes-256-cbc)';
  const started = performance.now();
  try {
    const set = await backupCluster(repo, cluster, "full", AbortSignal.timeout(BACKUP_DEADLINE_MS));
    const ms = performance.now() - started;
    return { tool: "pgBackRest", command, ms, copiedBytes: set.bytes, writtenBytes: set.repoBytes };
  } catch (error) {
    return {
      tool: "pgBackRest",
      command,
      ms: NaN,
      copiedBytes: NaN,
      writtenBytes: NaN,
      error: String(error),
    };
  }
}

/** The size the throughputs are given over (every database of the cluster), and its databases' files
 * (pgBackRest copies, compresses and encrypts file by file). */
export async function clusterSize(sql: Sql, dataDir: string) {
  const [{ bytes, databases }] = await sql<{ bytes: number; databases: number }[]>`
    select sum(pg_database_size(datname))::float8 as bytes, count(*)::int as databases from pg_database`;
  const files = (await run(["find", `${dataDir}/base`, "-type", "f"])).split("\n").filter(Boolean).length;
  return { bytes, databases, files };
}
