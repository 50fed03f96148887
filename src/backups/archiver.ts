// A cluster's WAL archiver as the server reports it (pg_stat_archiver, the archive status directory),
// and closing the current segment so that everything up to now is in the repository.
import { unavailable } from "../platform/errors.ts";
import type { Cluster } from "../tenancy/cluster-directory.ts";
import { sleep } from "../platform/sleep.ts";

export type ArchiverStatus = {
  lastArchivedAt: Date | null;
  failedCount: number;
  lastFailedAt: Date | null;
  /** Finished segments waiting to be archived, and how long the oldest has waited. */
  waitingSegments: number;
  lagSeconds: number;
};

/** The archiver's state (the admin role may list the archive status directory: src/stack/index.ts). */
export async function archiverStatus(cluster: Pick<Cluster, "server">): Promise<ArchiverStatus> {
  const { server: sql } = cluster;
  const [status] = await sql<ArchiverStatus[]>`
    select a.last_archived_time as last_archived_at, a.failed_count::int as failed_count,
      a.last_failed_time as last_failed_at, w.segments::int as waiting_segments,
      coalesce(extract(epoch from now() - w.oldest), 0)::float8 as lag_seconds
    from pg_stat_archiver a,
      (select count(*) as segments, min(modification) as oldest from pg_ls_archive_statusdir()
       where name like '%.ready') w`;
  return status;
}

// How long the archiver gets to push the segment just closed.
const ARCHIVE_WAIT_MS = 60_000;

/** Closes the cluster's current WAL segment behind a fresh commit and waits until it is archived: a
 * recovery to any time up to now then finds all it needs, and the first commit past its target (where
 * it stops). */
export async function archiveCurrentWal(cluster: Pick<Cluster, "server" | "cluster">): Promise<void> {
  const { server: sql } = cluster;
  await sql`select txid_current()`;
  const [{ segment }] = await sql<{ segment: string }[]>`select pg_walfile_name(pg_switch_wal()) as segment`;
  const deadline = Date.now() + ARCHIVE_WAIT_MS;
  for (;;) {
    const [archiver] = await sql<{ lastArchivedWal: string | null; lastFailedWal: string | null }[]>`
      select last_archived_wal, last_failed_wal from pg_stat_archiver`;
    if (archiver.lastArchivedWal && archiver.lastArchivedWal >= segment) return;
    if (Date.now() > deadline) {
      throw unavailable(
        `Cluster ${cluster.cluster} has not archived WAL segment ${segment} within ${
          ARCHIVE_WAIT_MS / 1000
        } s ` +
          `(last archived ${archiver.lastArchivedWal ?? "none"}, last failed ${
            archiver.lastFailedWal ?? "none"
          })`,
        60,
      );
    }
    await sleep(100);
  }
}
