// One backup of one cluster into the repository: full (the whole cluster), diff (what changed since the
// last full) or incr. pgBackRest logs in to the server (socket, the stanza's settings) as the cluster's
// superuser, whose URL the catalog's row names.
import type { Cluster } from "../tenancy/cluster-directory.ts";
import {
  type BackupRepository,
  type BackupSet,
  type BackupType,
  pgbackrest,
  stanzaInfo,
} from "./pgbackrest.ts";

/** Takes the backup and returns its set as the repository lists it. */
export async function backupCluster(
  repo: BackupRepository,
  cluster: Pick<Cluster, "cluster" | "superuserUrl">,
  type: BackupType,
  signal?: AbortSignal,
): Promise<BackupSet> {
  if (!cluster.superuserUrl) {
    throw new Error(`cluster ${cluster.cluster}: a backup logs in as its superuser, whose URL is not set`);
  }
  const url = new URL(cluster.superuserUrl);
  await pgbackrest(repo, [
    `--stanza=${cluster.cluster}`,
    `--pg1-user=${decodeURIComponent(url.username)}`,
    `--type=${type}`,
    "backup",
  ], { password: decodeURIComponent(url.password), signal });
  const { backups } = await stanzaInfo(repo, cluster.cluster);
  return backups.at(-1)!;
}
