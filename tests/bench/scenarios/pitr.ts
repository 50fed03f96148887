// Scenario 14 — point-in-time restore of one agency (src/backups/point-in-time.ts): on a dedicated
// local stack that archives to its own pgBackRest repository, an agency of about 200 MB (quick: 30)
// beside 100 others (quick: 10) is restored to a time T picked while light writers run on it and on
// another agency. Reported: the restore's time split (the scratch restore, WAL replay, extraction, the
// swap with its write freeze), whether the agency then holds exactly the rows committed at T, what the
// writers saw; the WAL archive's lag while the agency is filled and under scenario 4's write load; and
// a full backup's throughput next to a plain pg_basebackup of the same cluster (the ceiling).
import { type PointInTimeResult, restoreAgencyToTime } from "../../../src/backups/point-in-time.ts";
import { prepareServers } from "../../../src/cli/context.ts";
import { loadConfig } from "../../../src/config.ts";
import { type RunningApi, serveApi } from "../../../src/main.ts";
import { run } from "../../../src/platform/command.ts";
import type { Sql } from "../../../src/platform/db.ts";
import { bootLocalStack, type LocalStack } from "../../../src/stack/index.ts";
import { findPgbackrest } from "../../../src/platform/tools.ts";
import { databaseUrlFor } from "../../../src/tenancy/control-plane.ts";
import { templateVersion } from "../../../src/tenancy/template.ts";
import {
  type Attempt,
  databaseBytes,
  fillTo,
  MB,
  type Requester,
  startWriters,
  statusesOf,
  WRITER_PAUSE_MS,
  WRITERS,
} from "../agency-load.ts";
import {
  type ArchiveLag,
  archiveLagDuring,
  type BackupRun,
  clusterSize,
  timeBaseBackup,
  timeFullBackup,
} from "../backup-figures.ts";
import { type BenchContext, statusText, warmPass } from "../context.ts";
import { type Check, sampled, type ScenarioResult, type Table } from "../report.ts";
import { createSeeder } from "../seed.ts";
import { benchEnv, withSql } from "../stack.ts";
import { fmt, freshAddress, hex, median, sleep } from "../util.ts";
import { taskWrites } from "./writes.ts";

const PASSWORD = "Correct-horse-9-battery";
/** The local stack's default (ARCHIVE_TIMEOUT), as in tests/backups/point-in-time.test.ts. */
const ARCHIVE_TIMEOUT_SECONDS = 60;
/** The check this scenario adds: a full backup at least this fraction of pg_basebackup's MB/s. */
const BACKUP_FLOOR = 0.5;

type Restore = {
  agencyBytes: number;
  otherAgencies: number;
  clusterBytes: number;
  /** WAL from just before the full backup to T: what recovery replays, at least. */
  walToTBytes: number;
  wallMs: number;
  timings?: PointInTimeResult["timings"];
  error?: string;
  rows: {
    beforeT: number;
    afterT: number;
    unknownCommitTime: number;
    missing: string[];
    resurrected: string[];
    unexplained: string[];
    lostAfterRestore: string[];
    fill: { live: number; restored: number };
  };
  writers: {
    agency: Record<string, number>;
    other: Record<string, number>;
    otherLost: number;
    acknowledged: number;
  };
};

type Result = {
  restore: Restore;
  lags: ArchiveLag[];
  backups: BackupRun[];
  /** The cluster the backups copied: its databases, their size and their files. */
  cluster: { bytes: number; databases: number; files: number };
};

/** The served API over HTTP, as the writers call it. */
const overHttp = (url: string): Requester => ({ request: (path, init) => fetch(`${url}${path}`, init) });

const clientRows = (sql: Sql) =>
  sql<{ name: string }[]>`select name from clients where name not like 'fill-%'`.then((rows) =>
    new Set(rows.map((r) => r.name))
  );
const fillRows = async (sql: Sql) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from clients where name like 'fill-%'`)[0].n;

async function measure(ctx: BenchContext, local: LocalStack, api: RunningApi, dir: string): Promise<Result> {
  const { sizes } = ctx;
  const http = overHttp(api.url);
  const res = await fetch(`${api.url}/api/agencies`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({
      name: `Restore bench ${sizes.pitrAgencyMb} MB`,
      domain: `pitr-${hex(6)}.example.com`,
      admin: { email: `admin.${hex(10)}@example.com`, password: PASSWORD, fullName: "Restore Bench" },
    }),
  });
  const signup = await res.json();
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(signup)}`);
  const agency = { id: signup.agency.id as string, token: signup.token as string };
  const cluster = await api.services.clusters.get("local");
  const superuserOn = (database: string) => databaseUrlFor(local.superuserUrl, database);

  // The others: template clones with their catalog rows, users and projects (the bench's seeder).
  const seeder = await createSeeder(
    {
      controlPlane: cluster,
      templateVersion: (await templateVersion(cluster))!,
      adminUrl: (database) => databaseUrlFor(cluster.databaseUrl, database),
    },
    api.services.tokens,
    { concurrency: 2 },
  );
  await seeder.growTo(
    sizes.pitrOtherAgencies,
    (done, of) => ctx.log(`  seeded ${done}/${of} other agencies`),
  );

  const lags: ArchiveLag[] = [];
  const fill = await archiveLagDuring(
    cluster,
    `bulk fill of the agency to ~${sizes.pitrAgencyMb} MB (INSERT … SELECT, 40,000 rows a statement)`,
    () =>
      withSql(superuserOn(signup.agencyDatabase), async (sql) => {
        const rows = await fillTo(sql, sizes.pitrAgencyMb * MB);
        await sql`checkpoint`;
        return { rows, bytes: await databaseBytes(sql) };
      }),
    (v, s) => `${fmt(v.rows / s, 0)} rows/s`,
  );
  lags.push(fill.lag);
  ctx.log(`  agency filled: ${fmt(fill.value.bytes / MB, 1)} MB (${fill.value.rows} rows)`);
  // The fill's pages on disk before either backup reads them (untimed).
  await run(["sync"]);

  // Backup throughput, the ceiling first; the full backup is also the one the restore starts from.
  const size = await clusterSize(cluster.server, local.cluster.dataDir);
  const ceiling = await timeBaseBackup(local.superuserUrl, ctx.stack.tools.pgBin, dir);
  const [lsnBeforeBackup] = await cluster.server<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  const full = await timeFullBackup(local.backups!, { cluster: "local", superuserUrl: local.superuserUrl });
  const backups = [ceiling, full];
  for (const b of backups) {
    ctx.log(
      `  ${b.tool}: ${b.error ?? `${fmt(b.ms, 0)} ms, ${fmt(size.bytes / MB / (b.ms / 1000), 1)} MB/s`}`,
    );
  }
  if (full.error) throw new Error(`the full backup failed: ${full.error}`);

  // Archive lag under scenario 4's load: POST /api/tasks over the other agencies.
  const writes = await archiveLagDuring(
    cluster,
    `API POST /api/tasks over the ${sizes.pitrOtherAgencies} other agencies (wrk -c${sizes.connections}, scenario 4's load)`,
    async () => {
      // Each agency's first request (its client, caches) before the load, as scenario 4's agencies are warm.
      await warmPass(api.url, seeder.agencies);
      return await taskWrites(api.url, seeder.agencies, sizes);
    },
    (w) => `${fmt(w.okRps, 0)} 2xx/s (${statusText(w.statuses)})`,
  );
  lags.push(writes.lag);
  ctx.log(`  write load: ${writes.lag.throughput}`);

  const restore = await restoreUnderWriters(ctx, api, http, {
    ...agency,
    database: signup.agencyDatabase as string,
    other: seeder.agencies[0],
    superuserOn,
    lsnBeforeBackup: lsnBeforeBackup.lsn,
  });
  return {
    restore: {
      agencyBytes: fill.value.bytes,
      clusterBytes: size.bytes,
      otherAgencies: sizes.pitrOtherAgencies,
      ...restore,
    },
    lags,
    backups,
    cluster: size,
  };
}

/** Picks T while writers run on the agency and on another, restores the agency to T by the project's
 * function, and compares its rows with what was committed at T (the server's commit timestamps). */
async function restoreUnderWriters(
  ctx: BenchContext,
  api: RunningApi,
  http: Requester,
  a: {
    id: string;
    token: string;
    database: string;
    other: { id: string; token: string; databaseName: string };
    superuserOn: (database: string) => string;
    lsnBeforeBackup: string;
  },
): Promise<Omit<Restore, "agencyBytes" | "clusterBytes" | "otherAgencies">> {
  const deps = { ...api.services.lifecycle, backups: api.services.backups };
  const onA = startWriters(http, a.token, `pitr-a-${hex(4)}`);
  const onB = startWriters(http, a.other.token, `pitr-b-${hex(4)}`);
  let restored: PointInTimeResult | undefined;
  let error: string | undefined;
  let committed: { name: string; beforeT: boolean | null }[] = [];
  let liveFill = NaN;
  let walToTBytes = NaN;
  let startedAt = NaN;
  let endedAt = NaN;
  try {
    await sleep(1500);
    const [at] = await api.services.control<{ t: Date; walBytes: number }[]>`
      select clock_timestamp() as t,
        pg_wal_lsn_diff(pg_current_wal_lsn(), ${a.lsnBeforeBackup}::pg_lsn)::float8 as wal_bytes`;
    walToTBytes = at.walBytes;
    await sleep(1500);
    // Every row the agency has now, and whether its transaction committed at or before T.
    await withSql(a.superuserOn(a.database), async (sql) => {
      committed = await sql<{ name: string; beforeT: boolean | null }[]>`
        select name, pg_xact_commit_timestamp(xmin) <= ${at.t} as before_t
        from clients where name not like 'fill-%'`;
      liveFill = await fillRows(sql);
    });
    ctx.log(`  T = ${at.t.toISOString()}; restoring`);
    startedAt = performance.now();
    try {
      restored = await restoreAgencyToTime(deps, a.id, at.t, { actor: "bench" });
    } catch (e) {
      error = String((e as Error)?.message ?? e).slice(0, 400);
    }
    endedAt = performance.now();
    await sleep(1000); // writes land on the restored database
  } finally {
    await Promise.all([onA.stop(), onB.stop()]);
  }
  ctx.log(`  restore: ${error ?? JSON.stringify(restored!.timings)}`);

  const acked = (attempts: Attempt[]) => attempts.filter((x) => x.status === 201);
  const beforeT = new Set(committed.filter((r) => r.beforeT === true).map((r) => r.name));
  const afterT = committed.filter((r) => r.beforeT === false).map((r) => r.name);
  let present = new Set<string>();
  let restoredFill = NaN;
  if (restored) {
    await withSql(a.superuserOn(restored.database), async (sql) => {
      present = await clientRows(sql);
      restoredFill = await fillRows(sql);
    });
  }
  // Rows not committed at T are there only if written to the restored database: acknowledged once the
  // swap had begun (before it, writes went to the database the swap replaced).
  const swapStartedAt = endedAt - (restored?.timings.swapMs ?? 0);
  const ackedA = new Map(acked(onA.attempts).map((x) => [x.name, x]));
  const bRows = await withSql(a.superuserOn(a.other.databaseName), clientRows);
  return {
    walToTBytes,
    wallMs: endedAt - startedAt,
    timings: restored?.timings,
    error,
    rows: {
      beforeT: beforeT.size,
      afterT: afterT.length,
      unknownCommitTime: committed.filter((r) => r.beforeT === null).length,
      missing: [...beforeT].filter((n) => !present.has(n)),
      resurrected: afterT.filter((n) => present.has(n)),
      unexplained: [...present].filter((n) =>
        !beforeT.has(n) && !((ackedA.get(n)?.endedAt ?? 0) > swapStartedAt)
      ),
      lostAfterRestore: acked(onA.attempts).filter((x) => x.startedAt > endedAt && !present.has(x.name))
        .map((x) => x.name),
      fill: { live: liveFill, restored: restoredFill },
    },
    writers: {
      agency: statusesOf(onA.attempts),
      other: statusesOf(onB.attempts),
      otherLost: acked(onB.attempts).filter((x) => !bRows.has(x.name)).length,
      acknowledged: acked(onB.attempts).length,
    },
  };
}

/** A scratch instance a failed run left running (withScratchCluster stops its own): stopped at once. */
async function stopScratchLeftovers(scratchDir: string | undefined, pgBin: string) {
  if (!scratchDir) return;
  const entries = await Array.fromAsync(Deno.readDir(scratchDir)).catch(() => []);
  for (const entry of entries) {
    const dataDir = `${scratchDir}/${entry.name}/pg`;
    if (!(await Deno.stat(`${dataDir}/postmaster.pid`).then(() => true, () => false))) continue;
    await run([`${pgBin}/pg_ctl`, "-D", dataDir, "-m", "immediate", "-w", "stop"], { asServiceUser: true })
      .catch(() => {});
  }
}

export async function pitr(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes } = ctx;
  const base = {
    number: 14,
    id: "pitr",
    title:
      `Point-in-time restore of a ~${sizes.pitrAgencyMb} MB agency beside ${sizes.pitrOtherAgencies} others; archive lag; backup throughput`,
  };
  const skipped = (why: string): ScenarioResult => ({
    ...base,
    status: "skipped",
    tables: [],
    checks: [],
    notes: [why],
  });
  if (ctx.stack.external) {
    return skipped("Needs a local stack that archives (not booted on configured servers).");
  }
  let pgbackrest: string;
  try {
    pgbackrest = findPgbackrest(ctx.config);
  } catch (error) {
    return skipped(`pgBackRest is not installed: ${error}`);
  }
  const dir = await Deno.makeTempDir({ prefix: "buildflow-bench-pitr-" });
  await Deno.chmod(dir, 0o755); // the postgres system user must reach its data directories
  let local: LocalStack | undefined;
  let api: RunningApi | undefined;
  let result: Result;
  try {
    ctx.log(`  booting an archiving stack in ${dir}`);
    local = await bootLocalStack(dir, ctx.stack.tools, {
      budget: 100,
      archiving: { pgbackrest, archiveTimeoutSeconds: ARCHIVE_TIMEOUT_SECONDS },
    });
    await prepareServers(local.servers, ctx.stack.tools.dbmate, local.clusters);
    const repo = local.backups!;
    api = await serveApi(
      loadConfig({
        ...benchEnv(ctx.stack, ctx.overrides),
        JWT_SECRET: local.jwtSecret,
        BACKUP_DIR: `${dir}/dumps`,
        PG_BINDIR: ctx.stack.tools.pgBin,
        BACKUP_CONFIG_FILE: repo.configFile,
        BACKUP_CIPHER_PASS: repo.cipherPass,
        BACKUP_SCRATCH_DIR: repo.scratchDir,
        PGBACKREST_BIN: pgbackrest,
      }),
      local.servers,
    );
    result = await measure(ctx, local, api, dir);
  } finally {
    await api?.shutdown().catch((error) => ctx.log(`  API shutdown: ${error}`));
    await stopScratchLeftovers(local?.backups?.scratchDir, ctx.stack.tools.pgBin);
    await local?.stop().catch((error) => ctx.log(`  archiving stack stop: ${error}`));
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
  return report(base, result);
}

function report(base: Pick<ScenarioResult, "number" | "id" | "title">, r: Result): ScenarioResult {
  const { restore: x, lags, backups } = r;
  const t = x.timings;
  const parts = t ? t.restoreMs + t.replayMs + t.extractMs + t.swapMs : NaN;
  const share = (ms: number | undefined) => (ms === undefined ? "–" : `${fmt((100 * ms) / x.wallMs, 0)}%`);
  const split: Table = {
    title: `The restore to T, ~${fmt(x.agencyBytes / MB, 0)} MB agency, cluster of ${
      fmt(x.clusterBytes / MB, 0)
    } MB (${x.otherAgencies} other agencies), ${
      fmt(x.walToTBytes / MB, 0)
    } MB of WAL from the full backup's start to T (LSN distance)${x.error ? ` — FAILED: ${x.error}` : ""}`,
    columns: ["part", "ms", "share of the restore"],
    rows: [
      [
        "scratch restore (pgbackrest restore of the whole cluster into a scratch instance)",
        fmt(t?.restoreMs, 0),
        share(t?.restoreMs),
      ],
      ["WAL replay (scratch instance started → promoted at T)", fmt(t?.replayMs, 0), share(t?.replayMs)],
      [
        "extraction (pg_dump -Fc of the agency's database from the scratch instance)",
        fmt(t?.extractMs, 0),
        share(t?.extractMs),
      ],
      [
        "swap (pg_restore into a new database, freeze, fence, switch; old database archived and dropped)",
        fmt(t?.swapMs, 0),
        share(t?.swapMs),
      ],
      ["  of which the write freeze", fmt(t?.freezeMs, 0), share(t?.freezeMs)],
      [
        "the rest: before, the window check and the current WAL segment switched and archived; after the extraction, the scratch instance stopped and its files removed",
        fmt(x.wallMs - parts, 0),
        share(x.wallMs - parts),
      ],
      ["total (restoreAgencyToTime)", fmt(x.wallMs, 0), "100%"],
    ],
  };
  const rows = x.rows;
  const exact = !x.error && rows.beforeT > 0 && rows.afterT > 0 && rows.unknownCommitTime === 0 &&
    rows.missing.length === 0 && rows.resurrected.length === 0 && rows.unexplained.length === 0 &&
    rows.lostAfterRestore.length === 0 && rows.fill.live === rows.fill.restored;
  const rowText =
    `${rows.beforeT} written rows committed ≤ T (+ ${rows.fill.live} fill rows): ${rows.missing.length} missing, fill ${rows.fill.restored}/${rows.fill.live}; ${rows.afterT} committed after T: ${rows.resurrected.length} present; ${rows.unexplained.length} other rows not written after the swap; ${rows.lostAfterRestore.length} acknowledged after the restore lost${
      rows.unknownCommitTime ? `; ${rows.unknownCommitTime} rows without a commit time` : ""
    }`;
  const writers: Table = {
    title:
      `Writers during the restore (${WRITERS} loops each, POST /api/clients, ${WRITER_PAUSE_MS} ms after a 201, 50 ms after anything else)`,
    columns: ["agency", "statuses", "result"],
    rows: [
      ["the restored agency", statusText(x.writers.agency), rowText],
      [
        "another agency on the cluster",
        statusText(x.writers.other),
        `${x.writers.otherLost} of ${x.writers.acknowledged} acknowledged rows lost`,
      ],
    ],
  };
  const p50max = (xs: number[]) => `${fmt(median(xs), 1)} / ${fmt(xs.length ? Math.max(...xs) : NaN, 1)}`;
  const lagTable: Table = {
    title:
      `WAL archive lag (archive_timeout ${ARCHIVE_TIMEOUT_SECONDS} s), sampled every 0.5 s as /metrics reads it`,
    columns: [
      "load",
      "s",
      "throughput",
      "WAL written MB",
      "segments archived (failed)",
      "backup_archive_lag_seconds p50 / max",
      "segments waiting p50 / max",
      "since the last archived segment s p50 / max",
    ],
    rows: lags.map((l) => [
      l.load,
      fmt(l.seconds, 1),
      l.throughput,
      fmt(l.walBytes / MB, 0),
      `${l.archived} (${l.failed})`,
      p50max(l.lagSeconds),
      p50max(l.waitingSegments),
      p50max(l.sinceArchivedSeconds),
    ]),
  };
  const mbps = (b: BackupRun) => r.cluster.bytes / MB / (b.ms / 1000);
  const [ceiling, full] = backups;
  const backupTable: Table = {
    title: `Backup throughput, the same cluster (${
      fmt(r.cluster.bytes / MB, 0)
    } MB in its databases, ${r.cluster.files} files in its ${r.cluster.databases} databases), one after the other`,
    columns: ["tool", "command", "s", "MB/s (database size)", "copied MB", "written MB", "vs pg_basebackup"],
    rows: backups.map((b) => [
      b.tool,
      b.error ? `${b.command}: FAILED ${b.error.slice(0, 200)}` : b.command,
      fmt(b.ms / 1000, 1),
      fmt(mbps(b), 1),
      fmt(b.copiedBytes / MB, 0),
      fmt(b.writtenBytes / MB, 0),
      `${fmt(mbps(b) / mbps(ceiling), 2)}×`,
    ]),
  };
  const checks: Check[] = [
    sampled(
      "the restored agency holds exactly the rows committed at T (and what was written to it after the swap)",
      rows.beforeT + rows.afterT,
      x.error ? `restore failed: ${x.error}` : rowText,
      () => exact,
    ),
    sampled(
      "the restored agency's writers get only 201, 423 or 503",
      Object.values(x.writers.agency).reduce((a, b) => a + b, 0),
      statusText(x.writers.agency),
      () => Object.keys(x.writers.agency).every((s) => ["201", "423", "503"].includes(s)),
    ),
    sampled(
      "another agency's writer gets only 2xx and keeps every acknowledged row",
      x.writers.acknowledged,
      `${statusText(x.writers.other)}; ${x.writers.otherLost} lost`,
      () => Object.keys(x.writers.other).every((s) => s.startsWith("2")) && x.writers.otherLost === 0,
    ),
    sampled(
      `a full backup reaches at least ${BACKUP_FLOOR}× pg_basebackup's MB/s (same cluster, same run)`,
      Number.isFinite(mbps(full) / mbps(ceiling)) ? 1 : 0,
      `${fmt(mbps(full), 1)} vs ${fmt(mbps(ceiling), 1)} MB/s (${fmt(mbps(full) / mbps(ceiling), 2)}×)`,
      () => mbps(full) >= BACKUP_FLOOR * mbps(ceiling),
    ),
  ];
  return {
    ...base,
    status: "ok",
    tables: [split, writers, lagTable, backupTable],
    checks,
    notes: [
      `A dedicated local stack of one cluster archiving to its own pgBackRest repository (LOCAL_ARCHIVING's setup: archive_mode on, archive_command = pgbackrest archive-push, archive_timeout ${ARCHIVE_TIMEOUT_SECONDS} s; zstd, aes-256-cbc; PG_CONNECTION_BUDGET=100) beside the bench's own, and the API served on it in this process (serveApi: createServices + createApp + Deno.serve, the bench configuration plus the repository). The agency was signed up through POST /api/agencies and filled as the superuser with clients rows of ~1.5 kB (scenario 13's fill); the ${x.otherAgencies} others were seeded like the bench's agencies (template clones with users, projects and tasks).`,
      "Order: the fill (archive lag sampled), pg_basebackup then the full backup (backupCluster, the restore's base), scenario 4's write load over the other agencies (archive lag sampled), then the writers, T (the catalog server's clock_timestamp(), 1.5 s into the writes), 1.5 s more writes, and restoreAgencyToTime (what POST /api/admin/agencies/:id/restore and agencies:restore run), whose timings give the split. No target for the whole restore is set: the figures are reported.",
      "The split: scratch restore = pgbackrest restore (--type=time, --archive-mode=off, the whole cluster: never --db-include, see the README); WAL replay = from starting the scratch instance until it is out of recovery at T (it fetches the archived WAL with restore_command); extraction = pg_dump of the one database; swap = pg_restore into a new database while the agency serves, then the write freeze (announce, 200 ms for every instance to hear it, fence, catalog switch), then the old database's final state dumped, read back and dropped (what an undo restores). WAL replay includes the instance's start: on a restored data directory PostgreSQL first syncs every file (recovery_init_sync_method=fsync, the default), so this part too follows the file count. 'The rest' is what the timings leave out: the window check and closing the current WAL segment, waited for until archived, before; stopping the scratch instance and removing its files after the extraction. The WAL from the full backup's start to T is an LSN distance: each segment switch (the backups' stops, archive_timeout) counts the rest of its 16 MB segment.",
      "The rows: every writer row is classified by pg_xact_commit_timestamp(xmin) <= T in the live database just before the restore (track_commit_timestamp is on); the restored database must hold all rows committed at or before T, none committed after, and nothing else but rows acknowledged after the swap began; every write acknowledged after the restore returned must be there. Fill rows (all before the backup) are compared by count.",
      "Archive lag: backup_archive_lag_seconds (src/backups/archiver.ts archiverStatus: how long the oldest finished WAL segment has waited for archive-push; 0 when none waits), sampled with the API's own admin connection. A segment is finished when full (16 MB) or after archive_timeout: 'since the last archived segment' shows the second bound (the writes a lost server could take are at most archive_timeout old, plus the lag).",
      `Backup throughput: megabytes of the cluster's databases (sum of pg_database_size) per second of each command, run back to back after a checkpoint and sync. pg_basebackup is the ceiling: a plain copy (-X fetch, -c fast, its output synced) without compression or encryption; pgBackRest 2.45 runs with its defaults (process-max 1: one zstd + aes-256-cbc stream, start-fast) and waits for the backup's last WAL segment to be archived. The check (≥ ${BACKUP_FLOOR}× pg_basebackup) is this scenario's own, not the issue's. Both pgBackRest figures (the backup and the scratch restore) follow the data directory's file count more than its bytes: every database is hundreds of files (the table's title: ${
        fmt(r.cluster.files / r.cluster.databases, 0)
      } on average), most of them a few kB, each opened, compressed, encrypted and written on its own.`,
    ],
    data: r,
  };
}
