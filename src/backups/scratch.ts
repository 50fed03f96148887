// A cluster's backup restored into a scratch instance on a free port: what a point-in-time restore
// extracts one agency from, and what a restore drill checks. The whole cluster is restored, never with
// `--db-include`: with a time target on PostgreSQL 13+ the WAL of the databases left out makes recovery
// fail unless `ignore_invalid_pages` is on, and that setting would hide real corruption too. Slower,
// safe. pgBackRest's `--archive-mode=off` keeps the instance from ever pushing WAL into the production
// repository (it only reads it: restore_command); the instance and its files are removed afterwards.
import { ownedByServiceUser, serviceUserName } from "../platform/command.ts";
import { connect } from "../platform/db.ts";
import { type Cluster, startCluster, stopCluster } from "../platform/postgres-cluster.ts";
import { freePort } from "../platform/ports.ts";
import { type BackupRepository, pgbackrest, repositoryEnv } from "./pgbackrest.ts";
import { sleep } from "../platform/sleep.ts";

/** A running scratch instance: a URL for one of its databases as the live cluster's admin role. */
export type Scratch = { port: number; urlFor(database: string): string };

export type ScratchTimings = { restoreMs: number; replayMs: number };

export type ScratchOptions = {
  /** The live cluster's admin URL: its role and password are the restored cluster's too. */
  adminUrl: string;
  /** Recover to this instant (commits at it included); without one, to the end of the archive. */
  targetTime?: Date;
  pgBin: string;
  /** The live cluster's max_prepared_transactions and max_locks_per_transaction: prepared
   * transactions at the target are restored at the end of recovery. */
  settings: Record<string, string | number>;
  signal?: AbortSignal;
};

/** pgBackRest selects the backup set by parsing the target itself: `YYYY-MM-DD HH:MM:SS.mmm+00`. */
export const recoveryTime = (t: Date) => t.toISOString().replace("T", " ").replace("Z", "+00");

/** Restores the stanza's cluster into a scratch instance, starts it, runs `work` on it, then stops it
 * and removes its files. Recovery that cannot reach the target fails here, with the server's reason. */
export async function withScratchCluster<T>(
  repo: BackupRepository,
  stanza: string,
  options: ScratchOptions,
  work: (scratch: Scratch) => Promise<T>,
): Promise<{ result: T; timings: ScratchTimings }> {
  const base = `${repo.scratchDir}/${stanza}-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
  const server: Cluster = {
    dataDir: `${base}/pg`,
    runDir: `${base}/run`,
    port: freePort(),
    pgBin: options.pgBin,
    settings: {
      // Not a hot standby: the start returns once recovery has reached the target and promoted, and
      // no standby-only checks apply; a few sessions are all the extraction needs.
      hot_standby: "off",
      max_connections: 20,
      // A throwaway instance: nothing in it must survive a crash. Without fsync PostgreSQL also skips
      // flushing every restored file before recovery starts (measured: 44 s of a 186 s restore beside
      // 100 agencies, most of "WAL replay").
      fsync: "off",
      ...options.settings,
    },
    env: repositoryEnv(repo),
    peer: { role: "postgres", osUser: serviceUserName() },
    startTimeoutSeconds: 3600,
  };
  await ownedByServiceUser(repo.scratchDir);
  await ownedByServiceUser(server.dataDir);
  await ownedByServiceUser(server.runDir);
  try {
    const started = performance.now();
    const target = options.targetTime
      ? ["--type=time", `--target=${recoveryTime(options.targetTime)}`, "--target-action=promote"]
      : [];
    await pgbackrest(repo, [
      `--stanza=${stanza}`,
      `--pg1-path=${server.dataDir}`,
      // Here, whatever host the stanza's server is on (a repository host reaches it over TLS).
      "--reset-pg1-host",
      "--archive-mode=off",
      ...target,
      "restore",
    ], { signal: options.signal });
    const restored = performance.now();
    const urlFor = (database: string) => {
      const url = new URL(options.adminUrl);
      url.hostname = "127.0.0.1";
      url.port = String(server.port);
      url.pathname = `/${encodeURIComponent(database)}`;
      return url.toString();
    };
    try {
      await startCluster(server);
      await untilPromoted(
        urlFor(decodeURIComponent(new URL(options.adminUrl).pathname.slice(1))),
        options.signal,
      );
    } catch (error) {
      throw new Error(`the restored cluster did not recover: ${await serverErrors(server)}`, {
        cause: error,
      });
    }
    const timings = {
      restoreMs: Math.round(restored - started),
      replayMs: Math.round(performance.now() - restored),
    };
    return { result: await work({ port: server.port, urlFor }), timings };
  } finally {
    await stopCluster(server, true).catch(() => {});
    await Deno.remove(base, { recursive: true }).catch(() => {});
  }
}

/** Waits until the server has replayed to its target and promoted: it accepts sessions (pg_ctl's
 * wait can end earlier, at consistency) and is out of recovery. Throws if it stops on the way. */
async function untilPromoted(url: string, signal?: AbortSignal) {
  for (;;) {
    signal?.throwIfAborted();
    const sql = connect(url, { max: 1 });
    try {
      const [{ recovering }] = await sql<{ recovering: boolean }[]>`select pg_is_in_recovery() as recovering`;
      if (!recovering) return;
    } catch (error) {
      if ((error as { code?: string }).code !== "57P03") throw error; // 57P03: not accepting yet
    } finally {
      await sql.end({ timeout: 1 });
    }
    await sleep(200);
  }
}

/** The FATAL and ERROR lines of the scratch server's log (why recovery stopped). */
async function serverErrors(server: Cluster): Promise<string> {
  const log = await Deno.readTextFile(`${server.runDir}/postgres.log`).catch(() => "");
  const lines = log.split("\n").filter((l) => /\b(FATAL|ERROR|PANIC):/.test(l));
  return lines.slice(-3).join("; ") || "see its log";
}
