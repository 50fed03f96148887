// A cluster's stanza, and one backup of it into the repository: full (the whole cluster), diff (what
// changed since the last full) or incr. pgBackRest logs in to the server (the stanza's socket and port)
// as the cluster's superuser, whose URL the catalog's row names.
import type { Cluster } from "../tenancy/cluster-directory.ts";
import {
  type BackupRepository,
  type BackupSet,
  type BackupType,
  pgbackrest,
  stanzaInfo,
} from "./pgbackrest.ts";

type Superuser = Pick<Cluster, "cluster" | "superuserUrl">;

/** Runs a pgBackRest command that logs in to the cluster's server, as its superuser. */
function asSuperuser(repo: BackupRepository, cluster: Superuser, args: string[], signal?: AbortSignal) {
  if (!cluster.superuserUrl) {
    throw new Error(`cluster ${cluster.cluster}: pgBackRest logs in as its superuser, whose URL is not set`);
  }
  const url = new URL(cluster.superuserUrl);
  return pgbackrest(
    repo,
    [`--stanza=${cluster.cluster}`, `--pg1-user=${decodeURIComponent(url.username)}`, ...args],
    { password: decodeURIComponent(url.password), signal },
  );
}

// pgBackRest's info status codes for a stanza it has no data of: missing stanza path, missing stanza data.
const NO_STANZA = [1, 3];

/** Creates the cluster's stanza unless it exists (pgBackRest reads the running server's system id). */
export async function ensureStanza(repo: BackupRepository, cluster: Superuser): Promise<void> {
  if (!NO_STANZA.includes((await stanzaInfo(repo, cluster.cluster)).status.code)) return;
  await asSuperuser(repo, cluster, ["stanza-create"]);
}

/** Takes the backup and returns its set as the repository lists it. */
export async function backupCluster(
  repo: BackupRepository,
  cluster: Superuser,
  type: BackupType,
  signal?: AbortSignal,
): Promise<BackupSet> {
  await asSuperuser(repo, cluster, [`--type=${type}`, "backup"], signal);
  const { backups } = await stanzaInfo(repo, cluster.cluster);
  return backups.at(-1)!;
}
