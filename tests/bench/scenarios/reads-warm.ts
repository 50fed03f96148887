// Scenario 2 — routed reads over the warm set of agencies (one pass first): GET /api/projects?limit=20
// with a random agency per request, against `pgbench -S` through the same PgBouncer (one database).
import {
  type BenchContext,
  churnNote,
  churnText,
  configLabel,
  stackLabel,
  statusText,
  targetsOf,
  warmPass,
  withCpu,
} from "../context.ts";
import { CPU_COLUMN } from "../cpu.ts";

export const CHURN_COLUMN = "new PG sessions / avg PgBouncer wait per xact";
import { type PgbenchResult, preparePgbench, runPgbench } from "../pgbench.ts";
import { sampled, type ScenarioResult, type Table } from "../report.ts";
import { fmt } from "../util.ts";
import type { SeededAgency } from "../seed.ts";
import { errorCount, runWrk, type WrkOptions, type WrkResult } from "../wrk.ts";

export const ensurePgbench = (ctx: BenchContext) => ctx.shared.pgbenchPrepared ??= preparePgbench(ctx.stack);

/** A load's row: what ran, with which configuration (configLabel), and what it got. */
export function wrkRow(label: string, config: string, r: WrkResult, ceiling?: number): (string | number)[] {
  return [
    label,
    config,
    fmt(r.okRps, 0),
    fmt(r.latencyMs.p50, 2),
    fmt(r.latencyMs.p95, 2),
    fmt(r.latencyMs.p99, 2),
    r.requests,
    errorCount(r),
    statusText(r.statuses),
    ceiling ? fmt(r.okRps / ceiling, 2) : "–",
    r.cpu ?? "–",
    churnText(r),
  ];
}

export function pgbenchRow(label: string, config: string, r: PgbenchResult): (string | number)[] {
  return [
    label,
    config,
    fmt(r.tps, 0),
    fmt(r.latencyMs.p50, 2),
    fmt(r.latencyMs.p95, 2),
    fmt(r.latencyMs.p99, 2),
    r.transactions,
    r.failed,
    "–",
    "1.00",
    r.cpu ?? "–",
    churnText(r),
  ];
}

export const loadColumns = [
  "load",
  "configuration",
  "2xx/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "requests",
  "errors",
  "statuses",
  "ratio to ceiling",
  CPU_COLUMN,
  CHURN_COLUMN,
];

/** A read load (GET /api/projects?limit=20, a random agency per request) at the bench's concurrency
 * and duration (unless given), with its CPU split and connection churn. */
export const readLoad = (
  ctx: BenchContext,
  agencies: SeededAgency[],
  choice: WrkOptions["choice"] = { kind: "uniform" },
  url = ctx.api.url,
  durationSec = ctx.sizes.loadSec,
) =>
  withCpu(ctx, () =>
    runWrk({
      url,
      targets: targetsOf(agencies),
      choice,
      connections: ctx.sizes.connections,
      threads: ctx.sizes.threads,
      durationSec,
    }));

/** Reads over the warm agencies (one pass first). Scenario 3 runs it again right after its Zipf
 * load, so the ceiling it divides by is measured under the same conditions. */
export async function measureWarm(
  ctx: BenchContext,
): Promise<{ wrk: WrkResult; warmStatuses: Record<string, number> }> {
  const agencies = ctx.seeder.agencies.slice(0, ctx.sizes.warm);
  const warmStatuses = await warmPass(ctx.api.url, agencies);
  return { wrk: await readLoad(ctx, agencies), warmStatuses };
}

/** `pgbench -S` through PgBouncer at the bench's concurrency and duration, measured where it is used. */
export async function measurePgbenchPooled(ctx: BenchContext): Promise<PgbenchResult> {
  await ensurePgbench(ctx);
  return await withCpu(ctx, () =>
    runPgbench(ctx.stack, {
      via: "pooler",
      clients: ctx.sizes.connections,
      threads: ctx.sizes.threads,
      durationSec: ctx.sizes.loadSec,
      connectEach: false,
    }));
}

export async function readsWarm(ctx: BenchContext): Promise<ScenarioResult> {
  const { wrk, warmStatuses } = await measureWarm(ctx);
  ctx.shared.warmOkRps = wrk.okRps;
  ctx.log(`  API: ${fmt(wrk.okRps, 0)} 2xx/s`);
  const pg = await measurePgbenchPooled(ctx);
  ctx.log(`  pgbench -S (pooler): ${fmt(pg.tps, 0)} tps`);
  const ratio = wrk.okRps / pg.tps;
  const table: Table = {
    columns: loadColumns,
    rows: [
      wrkRow(
        `API GET /api/projects?limit=20, ${ctx.sizes.warm} agencies, uniform`,
        configLabel(ctx),
        wrk,
        pg.tps,
      ),
      pgbenchRow(`${pg.command}, 1 database`, stackLabel(ctx), pg),
    ],
  };
  const errors = errorCount(wrk);
  return {
    number: 2,
    id: "reads-warm",
    title: `Routed reads, ${ctx.sizes.warm} warm agencies`,
    status: "ok",
    tables: [table],
    checks: [
      sampled(
        "API ≥ 0.5 × pgbench -S through PgBouncer (run right after it)",
        Math.min(wrk.requests, pg.transactions),
        `${fmt(ratio, 2)}×`,
        () => ratio >= 0.5,
      ),
      sampled("no errors", wrk.requests, `${errors} in ${wrk.requests} requests`, () => errors === 0),
    ],
    notes: [
      `wrk -t${ctx.sizes.threads} -c${ctx.sizes.connections} -d${ctx.sizes.loadSec}s, then pgbench with the same clients and duration right after it; warm pass: ${
        statusText(warmStatuses)
      }.`,
      ...churnNote(ctx, "API", wrk, ctx.sizes.loadSec),
      "All processes (wrk, the API, PgBouncer, PostgreSQL, pgbench) share the same 2 cores; the CPU column is each side's use during the load in % of one core (the API is one JavaScript thread: near 100% means it is the bottleneck). New PG sessions = backends opened during the load (pg_stat_database.sessions); PgBouncer wait = SHOW STATS total_wait_time / total_xact_count.",
    ],
    data: { wrk, pgbench: pg },
  };
}
