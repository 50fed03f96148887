// Scenario 13 — moving an agency between clusters online (src/tenancy/mover): on a dedicated local
// stack of two clusters (the bench's own stack has one), an agency of about 10 MB and one of about
// 200 MB (quick: 10 and 50 MB) are moved back and forth (local ⇄ local-2) several times each by
// moveAgency, the mover the admin route and `agencies:move` run, while light writers POST clients
// through an in-process API. Reported per size: the copy time and the write freeze (p50, max), the
// freeze's parts, what the writers saw (201 / 503, the longest gap between acknowledged writes) and
// whether any acknowledged write was lost; beside them, as the copy's ceiling, one offline
// pg_dump | pg_restore of the same database to the other cluster (what an offline move would freeze
// writes for).
import { createApp, createServices, type Services } from "../../../src/app.ts";
import { findAgency } from "../../../src/catalog/agencies.ts";
import { prepareServers } from "../../../src/cli/context.ts";
import { loadConfig } from "../../../src/config.ts";
import { connect } from "../../../src/platform/db.ts";
import { dumpDatabase, restoreDump } from "../../../src/platform/pg-dump.ts";
import { bootLocalStack, type LocalStack } from "../../../src/stack/index.ts";
import { databaseUrlFor } from "../../../src/tenancy/control-plane.ts";
import { moveAgency, moverDeps } from "../../../src/tenancy/mover/index.ts";
import {
  type Attempt,
  databaseBytes,
  fillTo,
  MB,
  startWriters,
  statusesOf,
  WRITER_PAUSE_MS,
  WRITERS,
} from "../agency-load.ts";
import type { BenchContext } from "../context.ts";
import { type Check, sampled, type ScenarioResult, type Table } from "../report.ts";
import { benchEnv } from "../stack.ts";
import { fmt, freshAddress, hex, median, sleep } from "../util.ts";

/** The issue's target: the write freeze's p50 per size. */
export const FREEZE_TARGET_MS = 1000;
const PASSWORD = "Correct-horse-9-battery";
/** A size whose moves fail this many times in a row is given up (the rest still run). */
const MAX_FAILED_IN_A_ROW = 2;

type MoveSample = {
  size: string;
  n: number;
  from: string;
  to: string;
  startedAt: number;
  endedAt: number;
  wallMs: number;
  copyMs?: number;
  catchUpMs?: number;
  freezeMs?: number;
  /** The freeze's parts, from the steps' start times: announce (API 503) + 200 ms for every
   * instance to hear it + the EXCLUSIVE fence on the source; the catch-up and sequences; the rest
   * (snapshot, catalog switch). */
  fenceMs?: number;
  catchUpStepMs?: number;
  switchMs?: number;
  verifyMs?: number;
  totalMs?: number;
  tables?: number;
  verified?: boolean | null;
  rows?: number;
  error?: string;
  /** Autovacuum workers on the source's database as the freeze began (their queries). */
  autovacuumAtFreeze?: string;
  /** Longest interval without an acknowledged write around this move (writers' view of the freeze). */
  writeGapMs?: number;
};

type SizeResult = {
  label: string;
  targetMb: number;
  bytes: number;
  fillRows: number;
  fillMs: number;
  offline?: { dumpMs: number; restoreMs: number; dumpBytes: number; error?: string };
  moves: MoveSample[];
  writes: { statuses: Record<string, number>; acknowledged: number; lost: number; checked: boolean };
};

/** The longest interval between acknowledged writes (their completions) around [from, to]. */
function writeGap(attempts: Attempt[], from: number, to: number): number | undefined {
  const acks = attempts.filter((a) => a.status === 201).map((a) => a.endedAt).sort((a, b) => a - b);
  const before = acks.filter((t) => t < from).at(-1);
  const after = acks.find((t) => t > to);
  if (before === undefined || after === undefined) return undefined;
  const points = [before, ...acks.filter((t) => t >= from && t <= to), after];
  let gap = 0;
  for (let i = 1; i < points.length; i++) gap = Math.max(gap, points[i] - points[i - 1]);
  return gap;
}

/** The copy's ceiling: pg_dump -Fc of the agency database, pg_restore into a scratch database on
 * the other cluster, dropped again. */
async function offlineCopy(
  fromUrl: string,
  toUrl: string,
  database: string,
  pgBin: string,
  dir: string,
) {
  const file = `${dir}/offline-${database}.dump`;
  const scratch = `bench_offline_${hex(8)}`;
  const target = connect(toUrl, { max: 1, applicationName: "buildflow-bench" });
  try {
    const dumpStarted = performance.now();
    const dump = await dumpDatabase(databaseUrlFor(fromUrl, database), pgBin, file);
    const dumpMs = performance.now() - dumpStarted;
    const restoreStarted = performance.now();
    await target`create database ${target(scratch)} template template0`;
    await restoreDump(databaseUrlFor(toUrl, scratch), pgBin, file);
    const restoreMs = performance.now() - restoreStarted;
    return { dumpMs, restoreMs, dumpBytes: dump.bytes };
  } finally {
    await target`drop database if exists ${target(scratch)} with (force)`.catch(() => {});
    await target.end({ timeout: 5 });
    await Deno.remove(file).catch(() => {});
  }
}

async function measureSize(
  ctx: BenchContext,
  local: LocalStack,
  services: Services,
  app: ReturnType<typeof createApp>,
  dir: string,
  targetMb: number,
  moves: number,
): Promise<SizeResult> {
  const label = `~${targetMb} MB`;
  const email = `admin.${hex(10)}@example.com`;
  const res = await app.request("/api/agencies", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({
      name: `Move bench ${targetMb} MB`,
      domain: `move-${hex(6)}-${targetMb}.example.com`,
      admin: { email, password: PASSWORD, fullName: "Move Bench" },
    }),
  });
  const signup = await res.json();
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(signup)}`);
  const agencyId: string = signup.agency.id;
  const database: string = signup.agencyDatabase;
  const superuserOf = (cluster: string) => {
    const c = local.clusters.find((x) => x.name === cluster);
    if (!c) throw new Error(`no local cluster ${cluster}`);
    return c.superuserUrl;
  };
  const otherThan = (cluster: string) => local.clusters.find((x) => x.name !== cluster)!.name;

  // Fill as the superuser on the agency's cluster.
  let cluster = signup.agency.cluster as string;
  const fillStarted = performance.now();
  const filler = connect(databaseUrlFor(superuserOf(cluster), database), { max: 1 });
  let bytes: number;
  let fillRows: number;
  try {
    fillRows = await fillTo(filler, targetMb * MB);
    await filler`checkpoint`;
    bytes = await databaseBytes(filler);
  } finally {
    await filler.end({ timeout: 5 });
  }
  const fillMs = performance.now() - fillStarted;
  ctx.log(
    `  ${label}: agency ${database} on ${cluster}, ${fmt(bytes / MB, 1)} MB (${fillRows} rows in ${
      fmt(fillMs / 1000, 1)
    } s)`,
  );

  const offline = await offlineCopy(
    superuserOf(cluster),
    superuserOf(otherThan(cluster)),
    database,
    ctx.stack.tools.pgBin,
    dir,
  ).catch((error) => ({ dumpMs: NaN, restoreMs: NaN, dumpBytes: NaN, error: String(error) }));
  ctx.log(
    `  ${label}: offline pg_dump ${fmt(offline.dumpMs, 0)} ms + pg_restore ${fmt(offline.restoreMs, 0)} ms`,
  );

  const writers = startWriters(app, signup.token, `mv-${targetMb}-${hex(4)}`);
  const samples: MoveSample[] = [];
  let failedInARow = 0;
  try {
    await sleep(500); // the writers warm up (first connection to the agency) before the first move
    for (let n = 1; n <= moves && failedInARow < MAX_FAILED_IN_A_ROW; n++) {
      const to = otherThan(cluster);
      const steps: Record<string, number> = {};
      // What runs on the source's database as the freeze begins: an autovacuum there holds a lock
      // the fence's EXCLUSIVE locks wait for until PostgreSQL cancels it (after deadlock_timeout).
      const observer = connect(databaseUrlFor(superuserOf(cluster), database), { max: 1 });
      let autovacuum: string | undefined;
      const deps = moverDeps(services.lifecycle, services.config, {
        beforeStep: async (step) => {
          if (step === "freeze") {
            const workers = await observer<{ query: string }[]>`
              select query from pg_stat_activity
              where datname = current_database() and backend_type = 'autovacuum worker'`.catch(() => []);
            autovacuum = workers.map((w) => w.query.replace(/^autovacuum:\s*/, "")).join("; ") || undefined;
          }
          steps[step] = performance.now(); // after the look: the freeze's parts exclude it
        },
      });
      const startedAt = performance.now();
      const sample: MoveSample = {
        size: label,
        n,
        from: cluster,
        to,
        startedAt,
        endedAt: NaN,
        wallMs: NaN,
      };
      try {
        const result = await moveAgency(deps, agencyId, to, { actor: "bench" });
        const t = result.timings;
        Object.assign(sample, {
          copyMs: t.copyMs,
          catchUpMs: t.catchUpMs,
          freezeMs: t.freezeMs,
          verifyMs: t.verifyMs,
          totalMs: t.totalMs,
          tables: t.tables,
          verified: result.verification.verified,
          rows: result.verification.rows,
          fenceMs: steps["catch-up"] - steps["freeze"],
          catchUpStepMs: steps["switch"] - steps["catch-up"],
          switchMs: t.freezeMs - (steps["switch"] - steps["freeze"]),
        });
        cluster = result.to;
        failedInARow = 0;
      } catch (error) {
        sample.error = String((error as Error)?.message ?? error).slice(0, 400);
        failedInARow++;
        const agency = await findAgency(services.control, { id: agencyId });
        cluster = agency?.cluster ?? cluster;
      } finally {
        await observer.end({ timeout: 5 });
      }
      sample.autovacuumAtFreeze = autovacuum;
      sample.endedAt = performance.now();
      sample.wallMs = sample.endedAt - startedAt;
      samples.push(sample);
      ctx.log(
        `  ${label} move ${n} ${sample.from} → ${sample.to}: ${
          sample.error
            ? `FAILED: ${sample.error}`
            : `copy ${sample.copyMs} ms, freeze ${sample.freezeMs} ms (fence ${
              fmt(sample.fenceMs, 0)
            }, catch-up ${fmt(sample.catchUpStepMs, 0)}, switch ${
              fmt(sample.switchMs, 0)
            }), total ${sample.totalMs} ms, verified ${sample.verified}`
        }${
          sample.autovacuumAtFreeze
            ? `; autovacuum on the source at the freeze: ${sample.autovacuumAtFreeze}`
            : ""
        }`,
      );
      await sleep(500); // writes resume on the target before the next move starts
    }
  } finally {
    await writers.stop();
  }
  for (const s of samples) s.writeGapMs = writeGap(writers.attempts, s.startedAt, s.endedAt);

  // Every acknowledged write must be on the cluster the agency ended on.
  const acknowledged = writers.attempts.filter((a) => a.status === 201).map((a) => a.name);
  let lost = 0;
  let checked = false;
  const final = await findAgency(services.control, { id: agencyId });
  if (final) {
    const reader = connect(databaseUrlFor(superuserOf(final.cluster), database), { max: 1 });
    try {
      const stored = new Set(
        (await reader<{ name: string }[]>`select name from clients where name not like 'fill-%'`).map((r) =>
          r.name
        ),
      );
      lost = acknowledged.filter((name) => !stored.has(name)).length;
      checked = true;
    } finally {
      await reader.end({ timeout: 5 });
    }
  }
  return {
    label,
    targetMb,
    bytes,
    fillRows,
    fillMs,
    offline,
    moves: samples,
    writes: { statuses: statusesOf(writers.attempts), acknowledged: acknowledged.length, lost, checked },
  };
}

const ok = (s: SizeResult) => s.moves.filter((m) => !m.error);
const values = (xs: MoveSample[], key: keyof MoveSample) =>
  xs.map((m) => m[key]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
const p50max = (xs: number[]) => `${fmt(median(xs), 0)} / ${fmt(Math.max(...xs), 0)}`;

function freezeCheck(s: SizeResult): Check {
  const freezes = values(ok(s), "freezeMs");
  const p50 = median(freezes);
  const over = p50 - FREEZE_TARGET_MS;
  return sampled(
    `write freeze p50 < ${FREEZE_TARGET_MS / 1000} s, agency ${s.label} (${fmt(s.bytes / MB, 0)} MB)`,
    freezes.length,
    `${fmt(p50, 0)} ms (max ${fmt(Math.max(...freezes), 0)} ms, n=${freezes.length}; ${
      fmt(p50 / FREEZE_TARGET_MS, 2)
    }× the target${over >= 0 ? `, over by ${fmt(over, 0)} ms` : ""})`,
    () => p50 < FREEZE_TARGET_MS,
  );
}

export async function moves(ctx: BenchContext): Promise<ScenarioResult> {
  const base = {
    number: 13,
    id: "moves",
    title: "Moving an agency between clusters online: copy time and write freeze",
  };
  if (ctx.stack.external) {
    return {
      ...base,
      status: "skipped",
      tables: [],
      checks: [],
      notes: ["Needs a local stack of two clusters (not booted on configured servers)."],
    };
  }
  const { sizes } = ctx;
  const dir = await Deno.makeTempDir({ prefix: "buildflow-bench-moves-" });
  await Deno.chmod(dir, 0o755); // the postgres system user must reach its data directories
  let local: LocalStack | undefined;
  let services: Services | undefined;
  const results: SizeResult[] = [];
  const cancelledAutovacuums: Record<string, number> = {};
  try {
    ctx.log(`  booting a 2-cluster stack in ${dir}`);
    local = await bootLocalStack(dir, ctx.stack.tools, { clusters: 2, budget: 100 });
    await prepareServers(local.servers, ctx.stack.tools.dbmate, local.clusters);
    const config = loadConfig({
      ...benchEnv(ctx.stack, ctx.overrides),
      JWT_SECRET: local.jwtSecret,
      BACKUP_DIR: `${dir}/backups`,
      PG_BINDIR: ctx.stack.tools.pgBin,
    });
    services = createServices(config, local.servers);
    const app = createApp(services);
    for (const mb of sizes.moveSizesMb) {
      results.push(await measureSize(ctx, local, services, app, dir, mb, sizes.moves));
    }
    // PostgreSQL logs each autovacuum it cancels for a conflicting lock request (the fence's).
    for (const c of local.clusters) {
      const text = await Deno.readTextFile(`${c.server.runDir}/postgres.log`).catch(() => "");
      cancelledAutovacuums[c.name] = [...text.matchAll(/canceling autovacuum task/g)].length;
    }
  } finally {
    await services?.close().catch((error) => ctx.log(`  services close: ${error}`));
    await local?.stop().catch((error) => ctx.log(`  2-cluster stack stop: ${error}`));
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }

  const all = results.flatMap((s) => s.moves);
  const failed = all.filter((m) => m.error);
  const moveRows = all.map((m) => [
    m.size,
    m.n,
    `${m.from} → ${m.to}`,
    m.error ? "FAILED" : fmt(m.copyMs, 0),
    fmt(m.freezeMs, 0),
    fmt(m.fenceMs, 0),
    fmt(m.catchUpStepMs, 0),
    fmt(m.switchMs, 0),
    fmt(m.verifyMs, 0),
    fmt(m.totalMs ?? m.wallMs, 0),
    m.error
      ? m.error.slice(0, 200)
      : m.verified === true
      ? `yes (${m.rows} rows, ${m.tables} tables)`
      : String(m.verified),
    fmt(m.writeGapMs, 0),
    m.autovacuumAtFreeze ?? "–",
  ]);
  const summary: Table = {
    title: "Per size (p50 / max over the moves that completed)",
    columns: [
      "agency",
      "database MB",
      "moves ok / run",
      "copy ms",
      "freeze ms",
      "fence ms (announce + 200 ms + lock)",
      "catch-up ms",
      "switch ms",
      "verify ms",
      "total ms",
      "longest gap between acknowledged writes ms",
      "offline pg_dump + pg_restore ms (copy ceiling)",
      "writers' statuses",
      "acknowledged writes lost",
    ],
    rows: results.map((s) => {
      const good = ok(s);
      return [
        s.label,
        fmt(s.bytes / MB, 1),
        `${good.length} / ${s.moves.length}`,
        p50max(values(good, "copyMs")),
        p50max(values(good, "freezeMs")),
        p50max(values(good, "fenceMs")),
        p50max(values(good, "catchUpStepMs")),
        p50max(values(good, "switchMs")),
        p50max(values(good, "verifyMs")),
        p50max(values(good, "totalMs")),
        p50max(values(good, "writeGapMs")),
        s.offline?.error
          ? `failed: ${s.offline.error.slice(0, 120)}`
          : `${fmt((s.offline?.dumpMs ?? NaN) + (s.offline?.restoreMs ?? NaN), 0)} (${
            fmt(s.offline?.dumpMs, 0)
          } + ${fmt(s.offline?.restoreMs, 0)})`,
        Object.entries(s.writes.statuses).map(([k, v]) => `${k}×${v}`).join(", ") || "–",
        s.writes.checked ? `${s.writes.lost} of ${s.writes.acknowledged}` : "not checked",
      ];
    }),
  };
  const checks: Check[] = [
    ...results.map(freezeCheck),
    sampled(
      "every move completes and verifies (row counts and checksums equal on both sides)",
      all.length,
      `${all.filter((m) => m.verified === true).length} of ${all.length} verified${
        failed.length ? `, ${failed.length} failed` : ""
      }`,
      () => all.every((m) => m.verified === true),
    ),
    sampled(
      "no acknowledged write lost; writers get only 201 or 503 during the moves",
      results.reduce((n, s) => n + s.writes.acknowledged, 0),
      results.map((s) =>
        `${s.label}: ${s.writes.lost} of ${s.writes.acknowledged} lost, other statuses ${
          Object.entries(s.writes.statuses).filter(([k]) => k !== "201" && k !== "503").map(([k, v]) =>
            `${k}×${v}`
          ).join(", ") || "none"
        }`
      ).join("; "),
      () =>
        results.every((s) =>
          s.writes.checked && s.writes.lost === 0 &&
          Object.keys(s.writes.statuses).every((k) => k === "201" || k === "503")
        ),
    ),
  ];
  return {
    ...base,
    status: "ok",
    tables: [summary, {
      title: "Each move",
      columns: [
        "agency",
        "#",
        "from → to",
        "copy ms",
        "freeze ms",
        "fence ms",
        "catch-up ms",
        "switch ms",
        "verify ms",
        "total ms",
        "verified",
        "write gap ms",
        "autovacuum on the source at the freeze",
      ],
      rows: moveRows,
    }],
    checks,
    notes: [
      `A dedicated local stack of two PostgreSQL clusters (local, local-2; PG_CONNECTION_BUDGET=100 each) beside the bench's own, an in-process API on it (createServices + createApp, the bench configuration). One agency per size signed up through POST /api/agencies, then filled as the superuser with clients rows of ~1.5 kB (INSERT … SELECT FROM generate_series, then VACUUM ANALYZE, CHECKPOINT) until pg_database_size reached the size; each is then moved ${sizes.moves} times back and forth by moveAgency (the mover of agencies:move and POST /api/admin/agencies/:id/move), 0.5 s apart.`,
      "copy = the mover's copyMs: from the move's start through the target's schema (pg_dump --schema-only | pg_restore), the publication and the subscription's initial copy of every table (logical replication, the source serving meanwhile). freeze = the mover's freezeMs: from the freeze step (writes answered 503 by the API) to the catalog switch's commit (writes go to the target). Its parts: fence = announcing the freeze, 200 ms for every API instance to hear it, then the EXCLUSIVE locks on the source (a prepared transaction); catch-up = a sentinel row applied on the target, then the sequences; switch = the snapshot for the verification and the catalog transaction. verify and the source's release run after the switch, outside the freeze.",
      `Writers: ${WRITERS} loops POSTing /api/clients through the same in-process API with the agency's token (${WRITER_PAUSE_MS} ms pause after a 201, 50 ms after anything else) for the whole series of moves; every acknowledged (201) client is looked for on the cluster the agency ended on. The write gap is the longest interval between acknowledged writes around one move: the freeze as a client sees it.`,
      `Autovacuum tasks PostgreSQL cancelled (server logs, "canceling autovacuum task"): ${
        Object.entries(cancelledAutovacuums).map(([c, n]) => `${c} ${n}`).join(", ") || "not read"
      }. An autovacuum of a source table when the freeze begins holds a SHARE UPDATE EXCLUSIVE lock the fence's EXCLUSIVE lock waits for, until PostgreSQL cancels the autovacuum after deadlock_timeout (1 s): that move's freeze grows by about 1 s (column 'autovacuum on the source at the freeze'). A freshly copied table (the previous move's target) is the likely one.`,
      "Copy ceiling: one offline pg_dump -Fc of the same database and pg_restore into a scratch database on the other cluster (the superuser, direct), timed once per size before the moves: what an offline move would keep writes frozen for. The freeze target has no ceiling to compare with beyond it: nothing moves an agency with less than a catch-up and a catalog commit.",
    ],
    data: results,
  };
}
