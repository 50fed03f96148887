// `deno task backups:<list|run|verify|schedule|recover>`: the clusters' backups (pgBackRest) from the
// command line; every backup and drill is recorded in the catalog (backup_runs).
//   backups:list                                    each cluster's backups and recoverable window
//   backups:run [--cluster NAME] [--type full|diff] one backup now, then expiry (what a CronJob runs)
//   backups:verify [--cluster NAME] [--sample N]    pgBackRest's verify and a restore drill
//   backups:schedule [--once]                       the schedule, until stopped (compose's scheduler);
//                                                   --once: what is due now, then exit (a CronJob)
//   backups:recover --cluster NAME [--to-time ISO]  a lost cluster back from its repository (stopped)
import { parseArgs } from "node:util";
import { type BackupRepository, stanzaInfo } from "../backups/pgbackrest.ts";
import { recoverCluster, stanzaDataDir } from "../backups/recover.ts";
import { recordRun } from "../backups/runs.ts";
import { ensureStanza } from "../backups/cluster-backup.ts";
import { runDueBackups, scheduleFrom, startScheduler, takeBackup, tickMs } from "../backups/schedule.ts";
import { verifyCluster } from "../backups/verify.ts";
import { postgresBinDir } from "../platform/tools.ts";
import { type CliContext, withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";
import { parseTime } from "./time.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cluster: { type: "string" },
    type: { type: "string", default: "full" },
    sample: { type: "string", default: "3" },
    "to-time": { type: "string" },
    once: { type: "boolean", default: false },
  },
});
const [command] = positionals;

const log = (line: Record<string, unknown>) => console.log(JSON.stringify({ at: new Date(), ...line }));

await exitOnError(() =>
  withCliContext(async (ctx) => {
    const repo = await ctx.backups();
    if (!repo) {
      throw new Error(
        "No backup repository: set BACKUP_CONFIG_FILE and BACKUP_CIPHER_PASS, or start the local stack",
      );
    }
    if (command === "recover") return await recover(repo);
    const clusters = values.cluster ? [await ctx.clusters.get(values.cluster)] : await ctx.clusters.all();
    const schedule = scheduleFrom(ctx.config);
    const pgBin = () => {
      const found = postgresBinDir(ctx.config.PG_BINDIR);
      if (!found) throw new Error("The PostgreSQL server tools are not found (set PG_BINDIR)");
      return found;
    };
    if (command === "list") {
      for (const cluster of clusters) {
        const { backups, archive, status } = await stanzaInfo(repo, cluster.cluster);
        console.log(
          `\n${cluster.cluster}: ${status.message}; WAL ${
            archive ? `${archive.min} to ${archive.max}` : "none"
          }`,
        );
        if (backups.length) {
          console.log(`recoverable from ${backups[0].stoppedAt.toISOString()} to now`);
          console.log(table(backups.map((b) => ({ ...b, mib: (b.bytes / 2 ** 20).toFixed(1) }))));
        }
      }
    } else if (command === "run") {
      if (values.type !== "full" && values.type !== "diff") throw new Error("--type is full or diff");
      for (const cluster of clusters) {
        await ensureStanza(repo, cluster);
        log({
          cluster: cluster.cluster,
          ...await takeBackup({ control: ctx.control, repo, schedule }, cluster, values.type),
        });
      }
    } else if (command === "verify") {
      const sample = Number(values.sample);
      if (!Number.isInteger(sample) || sample < 0) throw new Error("--sample is a number of agencies");
      for (const cluster of clusters) {
        const report = await recordRun(ctx.control, cluster.cluster, "verify", () =>
          verifyCluster(repo, cluster, { control: ctx.control, pgBin: pgBin(), sample }));
        console.log(
          `${cluster.cluster}: verified; restored to ${report.restoredTo} in ${
            report.restoreMs + report.replayMs
          } ms`,
        );
        if (report.agencies.length) {
          console.log(table(report.agencies));
        }
      }
    } else if (command === "schedule") {
      await runSchedule(ctx, repo, pgBin());
    } else {
      throw new Error("usage: backups <list|run|verify|schedule|recover> [--cluster NAME] …");
    }
  })
);

async function recover(repo: BackupRepository) {
  if (!values.cluster) throw new Error("Pass --cluster NAME (the stanza to recover)");
  const dataDir = await stanzaDataDir(repo, values.cluster);
  const targetTime = values["to-time"] ? parseTime(values["to-time"]) : undefined;
  await recoverCluster(repo, values.cluster, dataDir, { targetTime });
  console.log(
    `restored cluster ${values.cluster} into ${dataDir}; it replays the archive ${
      targetTime ? `to ${targetTime.toISOString()}` : "to its end"
    } when it starts (deno task dev)`,
  );
}

/** The schedule until SIGINT or SIGTERM; with --once, one tick. */
async function runSchedule(ctx: CliContext, repo: BackupRepository, pgBin: string) {
  const schedule = scheduleFrom(ctx.config);
  const deps = {
    control: ctx.control,
    catalogUrl: ctx.servers.databaseUrl,
    clusters: ctx.clusters,
    repo,
    pgBin,
    schedule,
    log,
  };
  if (values.once) {
    const failed = await runDueBackups(deps);
    if (failed.length) throw new Error(`backups failed on ${failed.join(", ")} (recorded in backup_runs)`);
    return;
  }
  const scheduler = startScheduler(deps, tickMs(schedule));
  log({ schedule });
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) Deno.addSignalListener(signal, () => resolve());
  });
  await scheduler.stop();
}
