// What every scenario gets: the sizes for this mode, the stack, the in-process API, the seeded
// agencies, and what scenarios share (the pgbench database, prepared once). Ceilings are not shared:
// each is measured next to the load it bounds.
import type { Config } from "../../src/config.ts";
import { cpuBetween, type CpuSeconds, cpuSeconds, cpuSnapshot } from "./cpu.ts";
import { type PoolDelta, poolDelta, poolSnapshot } from "./poolstats.ts";
import type { SeededAgency, Seeder } from "./seed.ts";
import type { BenchApi, BenchStack } from "./stack.ts";
import { mapLimit } from "../../src/platform/map-limit.ts";

export type Sizes = {
  /** Agencies in the small catalog the login scenario sets beside the full one. */
  small: number;
  /** Agencies for the warm reads and the writes. */
  warm: number;
  /** Agencies for the many-agency reads, login, memory and the baseline. */
  many: number;
  loadSec: number;
  connections: number;
  threads: number;
  provisioningSamples: number;
  ddlSamples: number;
  logins: number;
  /** `deno task dev`: cold starts, each followed by this many warm restarts on its DATA_DIR. */
  devColdStarts: number;
  devWarmRestarts: number;
  /** Scenario 3's scale curve: agency counts, each with Zipf, warm and uniform loads of `scaleSec`. */
  scalePoints: number[];
  scaleSec: number;
  /** Scenario 11: requests agency A keeps in flight, and each quiet-agency load's duration. */
  floodConnections: number;
  fairnessSec: number;
  /** Scenario 13: the agencies' database sizes (MB) and how many moves each gets. */
  moveSizesMb: number[];
  moves: number;
  /** Scenario 14: the restored agency's database size (MB), and the agencies beside it on its cluster. */
  pitrAgencyMb: number;
  pitrOtherAgencies: number;
  /** Scenario 15: agencies in the catalog (at least 90% cold), the live ones among them, real agencies
   * (~10 MB) sent cold whose dumps the other cold ones copy, and the cold ones a login wakes. */
  coldCatalog: number;
  coldLive: number;
  coldSources: number;
  coldWakes: number;
  /** Scenario 15's cost of live databases: live agency databases in the cluster at each point, and
   * the signups timed at each. */
  livePoints: number[];
  liveSignups: number;
};

export const SIZES: Record<"quick" | "full", Sizes> = {
  quick: {
    small: 10,
    warm: 20,
    many: 40,
    loadSec: 3,
    connections: 20,
    threads: 2,
    provisioningSamples: 3,
    ddlSamples: 2,
    logins: 15,
    devColdStarts: 1,
    devWarmRestarts: 1,
    scalePoints: [20, 40],
    scaleSec: 3,
    floodConnections: 400,
    fairnessSec: 3,
    moveSizesMb: [10, 50],
    moves: 3,
    pitrAgencyMb: 30,
    pitrOtherAgencies: 10,
    coldCatalog: 300,
    coldLive: 30,
    coldSources: 2,
    coldWakes: 6,
    livePoints: [60, 100],
    liveSignups: 3,
  },
  full: {
    small: 10,
    warm: 50,
    many: 1000,
    loadSec: 15,
    connections: 20,
    threads: 2,
    provisioningSamples: 10,
    ddlSamples: 5,
    logins: 30,
    devColdStarts: 2,
    devWarmRestarts: 2,
    scalePoints: [100, 300, 1000],
    scaleSec: 10,
    floodConnections: 400,
    fairnessSec: 10,
    moveSizesMb: [10, 200],
    moves: 5,
    pitrAgencyMb: 200,
    pitrOtherAgencies: 100,
    coldCatalog: 10_000,
    coldLive: 1000,
    coldSources: 5,
    coldWakes: 50,
    livePoints: [1000, 3000],
    liveSignups: 10,
  },
};

export type BenchContext = {
  quick: boolean;
  sizes: Sizes;
  stack: BenchStack;
  api: BenchApi;
  config: Config;
  /** API configuration overrides from --set (the memory scenario's child API gets them too). */
  overrides: Record<string, string>;
  seeder: Seeder;
  /** Seeds agencies until there are `total` (fast path: see main.ts). */
  ensureAgencies(total: number): Promise<void>;
  /** Runs bulk work whose speed is not measured (seeding, dropping) as ensureAgencies seeds: fsync off
   * on a local stack, then a checkpoint and fsync back on. */
  bulkWork(work: () => Promise<void>): Promise<void>;
  log(line: string): void;
  shared: {
    pgbenchPrepared?: Promise<void>;
    /** Scenario 2's warm reads (in-process API), for scenario 12's comparison in the same run. */
    warmOkRps?: number;
  };
};

/** The configuration a load ran with, for its row: the connection budget, the per-agency admission
 * cap, the API processes and each agency client's connections. */
export function configLabel(
  ctx: BenchContext,
  { config = ctx.config, workers = "1 (in-process)" }: { config?: Config; workers?: number | string } = {},
): string {
  return `PG_CONNECTION_BUDGET=${ctx.stack.budget.appBackends} AGENCY_CONCURRENCY=${config.AGENCY_CONCURRENCY} API_WORKERS=${workers}`;
}

/** The row label of a load that does not go through the API (pgbench, the baseline's server). */
export const stackLabel = (ctx: BenchContext) =>
  `PG_CONNECTION_BUDGET=${ctx.stack.budget.appBackends} (no API)`;

export const projectsPath = "/api/projects?limit=20";

export const targetsOf = (agencies: SeededAgency[], path = projectsPath) =>
  agencies.map((a) => ({ path, token: a.token }));

/** One GET per agency (warms the agency cache and the client registry); returns status counts. */
export async function warmPass(
  url: string,
  agencies: SeededAgency[],
  concurrency = 8,
  path = projectsPath,
): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  await mapLimit(agencies, concurrency, async (a) => {
    const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${a.token}` } });
    const body = await res.json().catch(() => undefined);
    if (res.status === 200 && (!Array.isArray(body?.data) || body.data.length !== 20)) {
      statuses["200-short-page"] = (statuses["200-short-page"] ?? 0) + 1;
    }
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  });
  return statuses;
}

export const statusText = (s: Record<string, number>) =>
  Object.entries(s).map(([k, v]) => `${k}×${v}`).join(", ") || "–";

/** Runs a load and records on its result the CPU split and the connection churn while it ran; the
 * API's CPU is this process's, or `apiRoot`'s process tree (a child server). */
export async function withCpu<T extends { cpu?: string; cpuSeconds?: CpuSeconds; pool?: PoolDelta }>(
  ctx: BenchContext,
  load: () => Promise<T>,
  apiRoot?: number,
): Promise<T> {
  const poolBefore = await poolSnapshot(ctx.stack);
  const before = cpuSnapshot(ctx.stack.dir, apiRoot);
  const result = await load();
  const after = cpuSnapshot(ctx.stack.dir, apiRoot);
  result.cpu = cpuBetween(before, after);
  result.cpuSeconds = cpuSeconds(before, after);
  await new Promise((r) => setTimeout(r, 1100)); // cumulative statistics flush at most once a second
  result.pool = poolDelta(poolBefore, await poolSnapshot(ctx.stack));
  return result;
}

export const churnText = (r: { pool?: PoolDelta }) =>
  r.pool ? `${r.pool.newSessions} / ${r.pool.waitMsPerXact.toFixed(2)} ms` : "–";

/** A note when a load opened many PostgreSQL sessions: the pooled working set did not fit the cap. */
export function churnNote(
  ctx: BenchContext,
  label: string,
  r: { pool?: PoolDelta },
  seconds: number,
): string[] {
  if (!r.pool || r.pool.newSessions < 20 * seconds) return [];
  return [
    `Connection churn (${label}): ${r.pool.newSessions} new PostgreSQL sessions in ${seconds} s (${
      Math.round(r.pool.newSessions / seconds)
    }/s), avg PgBouncer wait ${
      r.pool.waitMsPerXact.toFixed(2)
    } ms per transaction: the busy agencies' pools want more server connections than max_user_connections allows (each agency client may hold AGENCY_CONCURRENCY=${ctx.config.AGENCY_CONCURRENCY} connections, PgBouncer pools up to default_pool_size per database), so PgBouncer closes idle server connections of other databases and opens new backends (fork, SCRAM, catalog cache) on the request path.`,
  ];
}
