// Scenario 11, many flooders at once: N agencies each keeping K requests in flight from a wrk process
// of its own (5 × 450, 20 × 120), retrying every 429 and 503 at once (Retry-After ignored, as buggy
// integrations and scripts do), while agency B reads one request at a time (wrk -c1) from RAMP_SEC
// in, against the API in a process of its own (as the issue measured it, black-box). Then, for each
// flood shape and the one-flooder one, the floods against lanes held full in the bench's in-process
// API, so that every request is refused: the API's CPU per rejected request.
import { type BenchContext, statusText } from "../context.ts";
import { type CpuSeconds, cpuSeconds, cpuSnapshot } from "../cpu.ts";
import { readGauges } from "../metrics.ts";
import { type Check, sampled } from "../report.ts";
import type { SeededAgency } from "../seed.ts";
import { fmt, sleep } from "../util.ts";
import { runWrk, type WrkResult } from "../wrk.ts";

/** Seconds the floods run before B's load starts, so it meets them at full size. */
export const RAMP_SEC = 2;
/** The target for B's p95 under any of the floods. */
export const QUIET_P95_MS = 60;
export const MANY_FLOODS = [[5, 450], [20, 120]] as const;

/** What one flood did: B's reads, each flooder's, the API's CPU and admission's counters. */
export type FloodRun = {
  label: string;
  quiet: WrkResult;
  flood: WrkResult[];
  cpu?: CpuSeconds;
  admission: Record<string, number>;
};

/** The same flood against lanes held full: every request refused. */
export type RefusalRun = { label: string; refused: number; seconds: number; cpu?: CpuSeconds };

const count = (rs: WrkResult[], status: (s: string) => boolean) =>
  rs.reduce(
    (a, r) => a + Object.entries(r.statuses).filter(([s]) => status(s)).reduce((b, [, n]) => b + n, 0),
    0,
  );
export const okCount = (rs: WrkResult[]) => count(rs, (s) => s.startsWith("2"));
const refusedCount = (rs: WrkResult[]) => count(rs, (s) => s === "429" || s === "503");
const perSecond = (rs: WrkResult[], n: number) => n / Math.max(...rs.map((r) => r.durationSec));

/** Admission's and its backoff's counters as the API at `url` exports them (refused by mechanism,
 * refused early, held, ...). */
export async function admissionCounters(url: string): Promise<Record<string, number>> {
  const g = await readGauges(url);
  const refused = (mechanism: string) => g[`admission_refused_total{mechanism="${mechanism}"}`];
  return {
    agency_queue: refused("agency_queue"),
    fair_share: refused("fair_share"),
    pushed_out: refused("pushed_out"),
    waited: g.admission_waited_total,
    rejected: g.admission_rejected_total,
    timedOut: g.admission_timed_out_total,
    refusedEarly: g.admission_refused_early_total,
    heldTotal: g.admission_held_total,
    holdFull: g.admission_hold_full_total,
  };
}

/** The change of each counter between two readings. */
export const counterDelta = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v - (a[k] ?? 0)]));

/** Where the floods go: the API's URL, and its process (for its CPU) when not the bench's own. */
export type FloodTarget = { url: string; pid?: number };

const flood = (target: FloodTarget, agency: SeededAgency, connections: number, durationSec: number) =>
  runWrk({
    url: target.url,
    targets: [{ path: "/api/projects?limit=20", token: agency.token }],
    choice: { kind: "uniform" },
    connections,
    threads: 1,
    durationSec,
  });

/** `flooders` × `inFlight` from one wrk each, B's one-at-a-time reads RAMP_SEC in. */
export async function manyFlood(
  ctx: BenchContext,
  target: FloodTarget,
  quiet: SeededAgency,
  flooders: SeededAgency[],
  inFlight: number,
): Promise<FloodRun> {
  const seconds = ctx.sizes.fairnessSec;
  const before = await admissionCounters(target.url);
  const cpuBefore = cpuSnapshot(ctx.stack.dir, target.pid);
  const floods = flooders.map((a) => flood(target, a, inFlight, RAMP_SEC + seconds + 1));
  await sleep(RAMP_SEC * 1000);
  const reads = await flood(target, quiet, 1, seconds);
  const done = await Promise.all(floods);
  const cpu = cpuSeconds(cpuBefore, cpuSnapshot(ctx.stack.dir, target.pid));
  const label = `${flooders.length} agencies × ${inFlight} in flight`;
  ctx.log(
    `  ${label}: B p50 ${fmt(reads.latencyMs.p50, 2)} ms, p95 ${fmt(reads.latencyMs.p95, 2)} ms (${
      statusText(reads.statuses)
    }); floods ${fmt(perSecond(done, okCount(done)), 0)} 2xx/s, ${
      fmt(perSecond(done, refusedCount(done)), 0)
    } 429+503/s`,
  );
  const admission = counterDelta(before, await admissionCounters(target.url));
  return { label, quiet: reads, flood: done, cpu, admission };
}

/** The floods against lanes held full by work held open in this process: every request is refused
 * (early and held, but for one a Retry-After per agency that goes through the token check). */
export async function refusalsOnly(
  ctx: BenchContext,
  flooders: SeededAgency[],
  inFlight: number,
): Promise<RefusalRun> {
  const { admission } = ctx.api.services;
  const c = ctx.config;
  const share = Math.min(c.AGENCY_QUEUE, Math.floor(c.ADMISSION_QUEUE / flooders.length));
  let open!: () => void;
  let filling = true;
  const held = new Promise<void>((resolve) => (open = resolve));
  // Each filler takes its place again when its wait times out (ADMISSION_TIMEOUT_MS), before any
  // request from outside can: the retry is a microtask away, a request a socket read. One refused at
  // once (there were more than the queue holds) stops.
  const fill = async (agency: string) => {
    while (filling) {
      const started = performance.now();
      const failed = await admission.run(agency, () => held).then(() => false, () => true);
      if (failed && performance.now() - started < c.ADMISSION_TIMEOUT_MS / 2) return;
    }
  };
  const fillers = flooders.flatMap((a) =>
    Array.from({ length: c.AGENCY_CONCURRENCY + share }, () => fill(a.id))
  );
  // Measured from a second in (the connections set up), for `seconds`, by admission's own count of
  // the refusals: the bench process's CPU over them.
  const seconds = Math.max(3, Math.round(ctx.sizes.fairnessSec / 2));
  const refusals = () => Object.values(admission.stats().refused).reduce((a, b) => a + b, 0);
  try {
    const floods = Promise.all(flooders.map((a) => flood(ctx.api, a, inFlight, seconds + 2)));
    await sleep(1000);
    const [before, refusedBefore] = [cpuSnapshot(ctx.stack.dir), refusals()];
    await sleep(seconds * 1000);
    const [cpu, refused] = [cpuSeconds(before, cpuSnapshot(ctx.stack.dir)), refusals() - refusedBefore];
    const done = await floods;
    if (okCount(done)) throw new Error(`lanes held full, yet ${okCount(done)} requests were served`);
    return { label: `${flooders.length} × ${inFlight}, lanes held full`, refused, seconds, cpu };
  } finally {
    filling = false;
    open();
    await Promise.all(fillers);
  }
}

export const cpuPerRefusalMs = (r: RefusalRun) => r.cpu ? (r.cpu.api * 1000) / Math.max(1, r.refused) : NaN;

export const MANY_COLUMNS = [
  "load",
  "B's p50 ms",
  "B's p95 ms",
  "B's statuses",
  "flooders' 2xx/s",
  "flooders' 429+503/s",
  "API CPU, % of a core",
  "API CPU per rejected request, ms (same flood, lanes held full)",
  "held back (429s by mechanism; refused early; held; 503 timed out)",
];

export function manyRow(run: FloodRun, refusals: RefusalRun | undefined): (string | number)[] {
  const a = run.admission;
  return [
    run.label,
    fmt(run.quiet.latencyMs.p50, 2),
    fmt(run.quiet.latencyMs.p95, 2),
    statusText(run.quiet.statuses),
    fmt(perSecond(run.flood, okCount(run.flood)), 0),
    `${fmt(perSecond(run.flood, count(run.flood, (s) => s === "429")), 0)} + ${
      fmt(perSecond(run.flood, count(run.flood, (s) => s === "503")), 0)
    }`,
    run.cpu ? `${Math.round((run.cpu.api / run.cpu.seconds) * 100)}%` : "–",
    refusals
      ? `${fmt(cpuPerRefusalMs(refusals), 3)} (${refusals.refused} refused in ${refusals.seconds} s)`
      : "–",
    a.agency_queue === undefined
      ? "–"
      : `queue ${a.agency_queue}, share ${a.fair_share}, pushed out ${a.pushed_out}; early ${a.refusedEarly}; held ${a.heldTotal}; timed out ${a.timedOut}`,
  ];
}

/** B's figures under each many-flooder run, and what a refusal costs next to a served read. */
export function manyChecks(runs: FloodRun[], refusals: RefusalRun[], servedMs: number): Check[] {
  return [
    ...runs.flatMap((run) => {
      const ok = okCount([run.quiet]);
      const failures = run.quiet.requests - ok + run.quiet.errors.connect + run.quiet.errors.read +
        run.quiet.errors.write + run.quiet.errors.timeout;
      return [
        sampled(
          `B gets only 200s beside ${run.label}`,
          run.quiet.requests,
          `${failures} not 200 in ${run.quiet.requests} (${statusText(run.quiet.statuses)})`,
          () => failures === 0,
        ),
        sampled(
          `B's p95 ≤ ${QUIET_P95_MS} ms beside ${run.label}`,
          run.quiet.requests,
          `${fmt(run.quiet.latencyMs.p95, 2)} ms (p50 ${fmt(run.quiet.latencyMs.p50, 2)} ms)`,
          () => run.quiet.latencyMs.p95 <= QUIET_P95_MS,
        ),
        sampled(
          `every one of the ${run.flood.length} flooders gets 2xx (its share) beside ${run.label}`,
          run.flood.length,
          `least served flooder: ${Math.min(...run.flood.map((r) => okCount([r])))} 2xx`,
          () => run.flood.every((r) => okCount([r]) > 0),
        ),
      ];
    }),
    ...refusals.map((r) =>
      sampled(
        `a refused request costs the API ≤ 1/5 of a served read (${
          fmt(servedMs, 3)
        } ms under A's flood): ${r.label}`,
        r.refused,
        `${fmt(cpuPerRefusalMs(r), 3)} ms`,
        () => cpuPerRefusalMs(r) <= servedMs / 5,
      )
    ),
  ];
}
