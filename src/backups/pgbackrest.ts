// pgBackRest (2.45, Debian 12's), the one tool behind the clusters' continuous archiving, backups and
// point-in-time restores: its configuration file (one repository, one stanza per cluster) and its
// commands. They run as the service user, who owns the data directories and the repository, with the
// repository's passphrase in the environment (PGBACKREST_REPO1_CIPHER_PASS), never in a file.
import { dirname } from "node:path";
import type { Config } from "../config.ts";
import { run } from "../platform/command.ts";
import { findPgbackrest } from "../platform/tools.ts";

/** What every pgBackRest command needs: the binary, the configuration, the repository's secret. */
export type BackupRepository = {
  binary: string;
  /** pgbackrest.conf: the repository and one stanza per cluster (the cluster's catalog name). */
  configFile: string;
  /** The repository's aes-256-cbc passphrase. */
  cipherPass: string;
  /** Where point-in-time restores and drills unpack a cluster (the service user's). */
  scratchDir: string;
};

/** The repository the configuration names (BACKUP_CONFIG_FILE and its passphrase), if any. */
export function configuredRepository(
  config: Pick<Config, "BACKUP_CONFIG_FILE" | "BACKUP_CIPHER_PASS" | "BACKUP_SCRATCH_DIR" | "PGBACKREST_BIN">,
): BackupRepository | undefined {
  const { BACKUP_CONFIG_FILE: configFile, BACKUP_CIPHER_PASS: cipherPass } = config;
  if (!configFile || !cipherPass) return undefined;
  const scratchDir = config.BACKUP_SCRATCH_DIR ?? `${dirname(configFile)}/scratch`;
  return { binary: findPgbackrest(config), configFile, cipherPass, scratchDir };
}

/** One cluster as its stanza names it: the data directory, and the socket and port to reach it. */
export type StanzaSettings = { name: string; dataDir: string; socketDir: string; port: number };

// Paths and names go into pgbackrest.conf and into archive_command as they are.
const PLAIN = /^[\w./-]+$/;
const plain = (value: string, what: string) => {
  if (!PLAIN.test(value)) throw new Error(`${what} ${JSON.stringify(value)}: only letters, digits, _ . / -`);
  return value;
};

/** pgbackrest.conf for a repository directory (with its lock, log and spool directories beside it)
 * and the clusters' stanzas. Retention is not pgBackRest's (its time-based retention counts whole
 * days): src/backups/retention.ts expires backup sets by their age, then the WAL before them. */
export function repositoryConfig(repoPath: string, stateDir: string, stanzas: StanzaSettings[]): string {
  const global = {
    "repo1-path": repoPath,
    "repo1-cipher-type": "aes-256-cbc",
    // pgBackRest's own expiry keeps everything; ours picks what goes (its maximum, so no warning).
    "repo1-retention-full": "9999999",
    "compress-type": "zst",
    "lock-path": `${stateDir}/lock`,
    "log-path": `${stateDir}/log`,
    "spool-path": `${stateDir}/spool`,
    "log-level-console": "warn",
    "log-level-file": "info",
    // A backup starts with an immediate checkpoint, not the next scheduled one.
    "start-fast": "y",
  };
  const lines = ["# Written by src/backups/pgbackrest.ts.", "[global]"];
  for (const [key, value] of Object.entries(global)) lines.push(`${key}=${plain(value, key)}`);
  for (const s of stanzas) {
    lines.push(
      "",
      `[${plain(s.name, "stanza")}]`,
      `pg1-path=${plain(s.dataDir, "pg1-path")}`,
      `pg1-socket-path=${plain(s.socketDir, "pg1-socket-path")}`,
      `pg1-port=${s.port}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** The server's archive_command: every finished WAL segment pushed to the stanza's repository. */
export const archiveCommand = (repo: BackupRepository, stanza: string) =>
  `${plain(repo.binary, "pgbackrest")} --config=${plain(repo.configFile, "config")} ` +
  `--stanza=${plain(stanza, "stanza")} archive-push %p`;

/** The environment a server needs for its archive_command (and a restored one for its restore_command). */
export const repositoryEnv = (repo: BackupRepository) => ({ PGBACKREST_REPO1_CIPHER_PASS: repo.cipherPass });

/** Runs one pgBackRest command as the service user; `password` is the superuser's, for the commands
 * that log in to the server (backup, check, stanza-create). */
export function pgbackrest(
  repo: BackupRepository,
  args: string[],
  { password, signal }: { password?: string; signal?: AbortSignal } = {},
): Promise<string> {
  return run([repo.binary, `--config=${repo.configFile}`, ...args], {
    asServiceUser: true,
    env: { ...repositoryEnv(repo), ...(password ? { PGPASSWORD: password } : {}) },
    signal,
  });
}

export type BackupType = "full" | "diff" | "incr";

export type BackupSet = {
  label: string;
  type: BackupType;
  startedAt: Date;
  stoppedAt: Date;
  /** The cluster's size, and what the set added to the repository (compressed, encrypted). */
  bytes: number;
  repoBytes: number;
  /** The full backup a diff or incr depends on (its label). */
  prior: string | null;
};

export type StanzaInfo = {
  backups: BackupSet[];
  /** The WAL the repository holds for the current database, first and last segment. */
  archive: { min: string; max: string } | null;
  /** pgBackRest's own status: 0 ok, else its code and message (e.g. "missing stanza path"). */
  status: { code: number; message: string };
};

type RawInfo = {
  archive: { database: { id: number }; min: string | null; max: string | null }[];
  backup: {
    label: string;
    type: BackupType;
    prior: string | null;
    timestamp: { start: number; stop: number };
    info: { size: number; repository: { delta: number } };
    database: { id: number };
  }[];
  db: { id: number }[];
  status: { code: number; message: string };
};

/** `pgbackrest info` of one stanza, oldest backup first. */
export async function stanzaInfo(repo: BackupRepository, stanza: string): Promise<StanzaInfo> {
  const [raw] = JSON.parse(
    await pgbackrest(repo, [`--stanza=${stanza}`, "--output=json", "info"]),
  ) as RawInfo[];
  const current = Math.max(0, ...raw.db.map((d) => d.id));
  const archive = raw.archive.find((a) => a.database.id === current && a.min && a.max);
  return {
    backups: raw.backup.map((b) => ({
      label: b.label,
      type: b.type,
      startedAt: new Date(b.timestamp.start * 1000),
      stoppedAt: new Date(b.timestamp.stop * 1000),
      bytes: b.info.size,
      repoBytes: b.info.repository.delta,
      prior: b.prior,
    })).sort((a, b) => a.stoppedAt.getTime() - b.stoppedAt.getTime()),
    archive: archive ? { min: archive.min!, max: archive.max! } : null,
    status: raw.status,
  };
}
