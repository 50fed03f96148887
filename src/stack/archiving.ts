// The local stack's continuous archiving (on by default in `deno task dev`): one pgBackRest repository
// under the stack's server directory (`backups/`, aes-256-cbc, zstd), one stanza per cluster, and each
// cluster started with archive_mode on, its archive_command pushing every finished WAL segment there
// and archive_timeout bounding how long a quiet segment waits.
import { chownToServiceUser, ownedByServiceUser } from "../platform/command.ts";
import {
  archiveCommand,
  type BackupRepository,
  repositoryConfig,
  repositoryEnv,
  stanzaInfo,
  type StanzaSettings,
} from "../backups/pgbackrest.ts";
import type { Cluster } from "../platform/postgres-cluster.ts";

export type LocalArchiving = {
  /** The pgbackrest binary (src/platform/tools.ts: findPgbackrest). */
  pgbackrest: string;
  archiveTimeoutSeconds: number;
};

/** The local repository's files under the stack's server directory. */
export function localRepository(serverDir: string, binary: string, cipherPass: string) {
  const stateDir = `${serverDir}/pgbackrest`;
  return {
    repoPath: `${serverDir}/backups`,
    stateDir,
    repository: {
      binary,
      configFile: `${stateDir}/pgbackrest.conf`,
      cipherPass,
      scratchDir: `${stateDir}/scratch`,
    } satisfies BackupRepository,
  };
}

/** Writes pgbackrest.conf for this start's clusters (their ports change between starts) and gives each
 * server its archive settings and the repository's passphrase in its environment. */
export async function configureArchiving(
  local: ReturnType<typeof localRepository>,
  clusters: { name: string; server: Cluster }[],
  archiveTimeoutSeconds: number,
): Promise<void> {
  const { repository, repoPath, stateDir } = local;
  for (const dir of [repoPath, stateDir, `${stateDir}/lock`, `${stateDir}/log`, `${stateDir}/spool`]) {
    await ownedByServiceUser(dir);
  }
  const stanzas: StanzaSettings[] = clusters.map(({ name, server }) => ({
    name,
    dataDir: server.dataDir,
    socketDir: server.runDir,
    port: server.port,
  }));
  await Deno.writeTextFile(repository.configFile, repositoryConfig(repoPath, stateDir, stanzas), {
    mode: 0o600,
  });
  await chownToServiceUser(repository.configFile);
  for (const { name, server } of clusters) {
    Object.assign(server.settings, {
      archive_mode: "on",
      archive_command: archiveCommand(repository, name),
      archive_timeout: archiveTimeoutSeconds,
    });
    server.env = { ...server.env, ...repositoryEnv(repository) };
  }
}

/** A data directory that is gone while the repository holds backups of it is a lost cluster, not a
 * new one: initdb would start a second history the archive cannot take. Refuses to go on. */
export async function refuseToReplaceBackedUpCluster(
  repository: BackupRepository,
  stanza: string,
  dataDir: string,
) {
  if (await Deno.stat(`${dataDir}/PG_VERSION`).then(() => true, () => false)) return;
  const info = await stanzaInfo(repository, stanza);
  if (info.backups.length === 0) return;
  throw new Error(
    `Cluster ${stanza} has no data directory (${dataDir}) but its repository holds ${info.backups.length} ` +
      `backup(s): recover it with \`deno task backups:recover --cluster ${stanza}\`, or start afresh with --fresh`,
  );
}
