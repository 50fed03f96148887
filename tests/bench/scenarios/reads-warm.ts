// Scenario 2 — routed reads over the warm set of agencies (one pass first): GET /api/projects?limit=20
// with a random agency per request, against the bare floor (Deno.serve + postgres.js, the same SELECT
// over the same agencies: floor.ts), and `pgbench -S` through the same PgBouncer (one database) as the
// database's ceiling; then one busy agency, the API against the floor.
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
import { compareWithApi, floorTargets, startFloor } from "../floor.ts";
import type { ChildApi } from "../stack.ts";

export const CHURN_COLUMN = "new PG sessions / avg PgBouncer wait per xact";
import { type PgbenchResult, preparePgbench, runPgbench } from "../pgbench.ts";
import { sampled, type ScenarioResult, type Table } from "../report.ts";
import { fmt } from "../util.ts";
import type { SeededAgency } from "../seed.ts";
import { errorCount, runWrk, type WrkOptions, type WrkResult, type WrkTarget } from "../wrk.ts";

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
 * and duration (unless given), with its CPU split and connection churn; `targets` and `apiRoot` for a
 * server other than the API in this process (the floor). */
export const readLoad = (
  ctx: BenchContext,
  agencies: SeededAgency[],
  choice: WrkOptions["choice"] = { kind: "uniform" },
  url = ctx.api.url,
  durationSec = ctx.sizes.loadSec,
  { targets = targetsOf(agencies), apiRoot }: { targets?: WrkTarget[]; apiRoot?: number } = {},
) =>
  withCpu(
    ctx,
    () =>
      runWrk({
        url,
        targets,
        choice,
        connections: ctx.sizes.connections,
        threads: ctx.sizes.threads,
        durationSec,
      }),
    apiRoot,
  );

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

/** CPU ms per 2xx of the server under a load (the bench process for the in-process API, else the
 * child's process tree), from the load's CPU-seconds. */
const cpuMsPer = (r: WrkResult) =>
  r.cpuSeconds ? (r.cpuSeconds.api * 1000) / Math.max(1, Math.round(r.okRps * r.durationSec)) : NaN;

/** The API's throughput against the floor's, at least `min` of it; beside the ratio, each server's
 * CPU per 2xx and how idle the cores were (near 0: both servers waited for a core, and the ratio of
 * their throughputs says less than their CPU per request). */
function againstFloor(target: string, api: WrkResult, floor: WrkResult, min: number) {
  const ratio = api.okRps / floor.okRps;
  const idle = (r: WrkResult) => `${fmt((r.cpuSeconds?.machineIdle ?? NaN) * 100, 0)}%`;
  return sampled(
    target,
    Math.min(api.requests, floor.requests),
    `${fmt(ratio, 2)}× (${fmt(api.okRps, 0)} / ${fmt(floor.okRps, 0)} 2xx/s; CPU per 2xx ${
      fmt(cpuMsPer(api), 3)
    } / ${fmt(cpuMsPer(floor), 3)} ms; cores idle ${idle(api)} / ${idle(floor)})`,
    () => ratio >= min,
  );
}

export async function readsWarm(ctx: BenchContext): Promise<ScenarioResult> {
  const agencies = ctx.seeder.agencies.slice(0, ctx.sizes.warm);
  const busy = agencies[0];
  const lane = ctx.config.AGENCY_CONCURRENCY;
  const { wrk, warmStatuses } = await measureWarm(ctx);
  ctx.shared.warmOkRps = wrk.okRps;
  ctx.log(`  API: ${fmt(wrk.okRps, 0)} 2xx/s`);
  const floorLoad = (floor: ChildApi, over: SeededAgency[]) =>
    readLoad(ctx, over, undefined, floor.url, undefined, { targets: floorTargets(over), apiRoot: floor.pid });
  // The floor with one connection per agency database, as #27 measured it (postgres.js pipelines on it)…
  const floor = await startFloor(ctx.stack.servers, agencies, 1);
  let compared, floorWarm, pg, apiBusy, floorBusy;
  try {
    compared = await compareWithApi(ctx.api.url, floor, agencies);
    floorWarm = await floorLoad(floor, agencies);
    ctx.log(`  floor: ${fmt(floorWarm.okRps, 0)} 2xx/s`);
    pg = await measurePgbenchPooled(ctx);
    ctx.log(`  pgbench -S (pooler): ${fmt(pg.tps, 0)} tps`);
    apiBusy = await readLoad(ctx, [busy]);
    floorBusy = await floorLoad(floor, [busy]);
    ctx.log(`  one agency: API ${fmt(apiBusy.okRps, 0)}, floor ${fmt(floorBusy.okRps, 0)} 2xx/s`);
  } finally {
    await floor.stop();
  }
  // …and with as many as an agency's lane admits (the API's client opens that many), on the busy agency.
  const laneFloor = await startFloor(ctx.stack.servers, [busy], lane);
  let floorLane;
  try {
    await compareWithApi(ctx.api.url, laneFloor, [busy]);
    floorLane = await floorLoad(laneFloor, [busy]);
    ctx.log(`  one agency, floor with ${lane} connections: ${fmt(floorLane.okRps, 0)} 2xx/s`);
  } finally {
    await laneFloor.stop();
  }

  const c = ctx.sizes.connections;
  const floorLabel = (n: number) =>
    `one postgres.js client per agency database, max ${n} connection${
      n === 1 ? " (postgres.js pipelines the concurrent queries on it)" : "s"
    }, through PgBouncer as the app role; 1 process`;
  const warmTable: Table = {
    title: `${agencies.length} warm agencies (ratio: the API's to the floor, the floor's to pgbench -S)`,
    columns: loadColumns,
    rows: [
      wrkRow(
        `API GET /api/projects?limit=20, ${agencies.length} agencies, uniform`,
        configLabel(ctx),
        wrk,
        floorWarm.okRps,
      ),
      wrkRow(
        `floor: Deno.serve + postgres.js, the same SELECT and body, no framework or auth, ${agencies.length} agencies, uniform`,
        floorLabel(1),
        floorWarm,
        pg.tps,
      ),
      pgbenchRow(`${pg.command}, 1 database`, stackLabel(ctx), pg),
    ],
  };
  const busyTable: Table = {
    title: `One busy agency, wrk -c${c} on its token (ratio: to the floor with one connection)`,
    columns: loadColumns,
    rows: [
      wrkRow(`API GET /api/projects?limit=20, one agency`, configLabel(ctx), apiBusy, floorBusy.okRps),
      wrkRow(`floor, one agency`, floorLabel(1), floorBusy, floorBusy.okRps),
      wrkRow(`floor, one agency`, `${floorLabel(lane)} (= AGENCY_CONCURRENCY)`, floorLane, floorBusy.okRps),
    ],
  };
  const apiErrors = errorCount(wrk) + errorCount(apiBusy);
  const floorLoads = [floorWarm, floorBusy, floorLane];
  const floorErrors = floorLoads.reduce((a, r) => a + errorCount(r), 0);
  const requests = (rs: WrkResult[]) => rs.reduce((a, r) => a + r.requests, 0);
  return {
    number: 2,
    id: "reads-warm",
    title: `Routed reads, ${ctx.sizes.warm} warm agencies, against the bare floor`,
    status: "ok",
    tables: [warmTable, busyTable],
    checks: [
      againstFloor(
        `API ≥ 0.5 × the bare floor over the same ${agencies.length} agencies (same run)`,
        wrk,
        floorWarm,
        0.5,
      ),
      againstFloor(
        `one busy agency (wrk -c${c}): API ≥ 0.4 × the floor with one connection`,
        apiBusy,
        floorBusy,
        0.4,
      ),
      sampled(
        "the floor answers what the API answers (status and body, byte for byte), every agency",
        agencies.length,
        `${agencies.length - compared.differing.length} of ${agencies.length} the same${
          compared.differing.length ? ` (differ: ${compared.differing.slice(0, 3).join(", ")})` : ""
        }`,
        () => compared.differing.length === 0,
      ),
      sampled(
        "no errors, API loads",
        requests([wrk, apiBusy]),
        `${apiErrors} in ${requests([wrk, apiBusy])} requests`,
        () => apiErrors === 0,
      ),
      sampled(
        "no errors, floor loads",
        requests(floorLoads),
        `${floorErrors} in ${requests(floorLoads)} requests`,
        () => floorErrors === 0,
      ),
    ],
    notes: [
      `wrk -t${ctx.sizes.threads} -c${c} -d${ctx.sizes.loadSec}s each, in this order: the API over the agencies, the floor over the same agencies, pgbench with the same clients and duration, the API on one agency, the floor on it with one connection, then with ${lane}; warm pass: API ${
        statusText(warmStatuses)
      }, floor ${statusText(compared.statuses)}.`,
      `The floor (tests/bench/floor-server.ts) is a child process: \`Deno.serve\` and a postgres.js client per agency database configured as the API's (src/platform/db.ts), GET /<database>/projects?limit=20 sending the API's list statement, built as the API builds it (its limit inlined: one round trip), and answering keysetPage's body. It is what this stack costs with nothing of ours in between.`,
      `CPU per 2xx (in the targets' measured figures): the API's is the bench's process, which hosts it; the floor's is its own process. When the cores are all busy (idle near 0, as with other work on the machine), each request also waits for wrk, PgBouncer and PostgreSQL to get a core: neither server's thread is saturated, and the ratio of their throughputs understates the gap in their CPU per request. The API is at ${
        fmt(wrk.okRps / pg.tps, 2)
      }× pgbench -S, the database's ceiling through the same PgBouncer.`,
      ...churnNote(ctx, "API", wrk, ctx.sizes.loadSec),
      "All processes (wrk, the API, the floor, PgBouncer, PostgreSQL, pgbench) share the same 2 cores; the CPU column is each side's use during the load in % of one core, the first figure being the API's (the bench's process) or the floor's process (near 100%: that JavaScript thread is the bottleneck). New PG sessions = backends opened during the load (pg_stat_database.sessions); PgBouncer wait = SHOW STATS total_wait_time / total_xact_count.",
    ],
    data: { wrk, floor: floorWarm, pgbench: pg, busy: { api: apiBusy, floor: floorBusy, floorLane } },
  };
}
