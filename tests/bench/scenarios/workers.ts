// Scenario 12 — API workers: the warm read load (scenario 2's: 50 agencies, uniform) against the API
// as `deno run -A src/main.ts` with API_WORKERS=1 (serveApi in that process) and API_WORKERS=2
// (`deno serve --parallel`, two isolates on one port), both started first, each warmed by a short
// untimed load (SO_REUSEPORT spreads connections, so every isolate gets its share), then measured back
// to back with the CPU of the API's whole process tree, PgBouncer and PostgreSQL per request.
import { type BenchContext, configLabel, targetsOf } from "../context.ts";
import { type CpuSeconds, cpuSeconds, cpuSnapshot } from "../cpu.ts";
import { type Check, sampled, type ScenarioResult } from "../report.ts";
import { ERROR_COLUMNS, errorRow, responseErrors } from "../responses.ts";
import { benchEnv, type ChildApi, startChildApi } from "../stack.ts";
import { fmt, sleep } from "../util.ts";
import { runWrk, type WrkResult } from "../wrk.ts";

const MAIN = new URL("../../../src/main.ts", import.meta.url).pathname;
/** The old full run's scenario 2 (in-process API, one worker): a figure from another run, for the
 * README's comparison only; the checks compare figures of this run. */
const OLD_WARM_RPS = 2200;
const WARMUP_SEC = 2;
/** The target for the API's own CPU per warm read, the API process tree's CPU over the 2xx it served. */
const CPU_PER_READ_MS = 0.15;

async function ready(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    await res?.body?.cancel();
    if (res?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`child API at ${url} not ready within ${timeoutMs} ms`);
}

type Run = { workers: number; wrk: WrkResult; cpu?: CpuSeconds; child: ChildApi };

export async function workers(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.warm);
  const counts = [1, 2];
  const load = (url: string, durationSec: number) =>
    runWrk({
      url,
      targets: targetsOf(agencies),
      choice: { kind: "uniform" },
      connections: sizes.connections,
      threads: sizes.threads,
      durationSec,
    });
  const children: ChildApi[] = [];
  try {
    for (const n of counts) {
      const child = await startChildApi(
        benchEnv(stack, { ...ctx.overrides, API_WORKERS: String(n) }),
        stack.servers,
        [],
        MAIN,
      );
      children.push(child);
      await ready(child.url);
    }
    for (const child of children) await load(child.url, WARMUP_SEC); // untimed: caches, clients, isolates
    const runs: Run[] = [];
    for (const [i, n] of counts.entries()) {
      const child = children[i];
      const before = cpuSnapshot(stack.dir, child.pid);
      const wrk = await load(child.url, sizes.loadSec);
      const cpu = cpuSeconds(before, cpuSnapshot(stack.dir, child.pid));
      runs.push({ workers: n, wrk, cpu, child });
      ctx.log(
        `  API_WORKERS=${n}: ${fmt(wrk.okRps, 0)} 2xx/s, API CPU ${
          fmt(cpu ? cpu.api / cpu.seconds * 100 : NaN, 0)
        }%`,
      );
    }

    const [one, two] = runs;
    const okOf = (r: WrkResult) => Math.round(r.okRps * r.durationSec);
    const msPer = (r: Run, side: keyof Omit<CpuSeconds, "seconds">) =>
      r.cpu ? (r.cpu[side] * 1000) / Math.max(1, okOf(r.wrk)) : NaN;
    const pct = (r: Run, side: keyof Omit<CpuSeconds, "seconds">) =>
      r.cpu ? `${Math.round((r.cpu[side] / r.cpu.seconds) * 100)}%` : "–";
    const ratio = two.wrk.okRps / one.wrk.okRps;
    const inProcess = ctx.shared.warmOkRps;
    const checks: Check[] = [
      sampled(
        "warm reads with API_WORKERS=2 ≥ 1.5 × API_WORKERS=1 (the old single-worker figure, measured right before it)",
        Math.min(okOf(one.wrk), okOf(two.wrk)),
        `${fmt(ratio, 2)}× (${fmt(two.wrk.okRps, 0)} / ${fmt(one.wrk.okRps, 0)} 2xx/s)`,
        () => ratio >= 1.5,
      ),
      sampled(
        "warm reads with API_WORKERS=2 ≥ 1.5 × scenario 2's in-process figure (this run)",
        inProcess === undefined ? 0 : okOf(two.wrk),
        inProcess === undefined
          ? "scenario 2 did not run"
          : `${fmt(two.wrk.okRps / inProcess, 2)}× (${fmt(two.wrk.okRps, 0)} / ${fmt(inProcess, 0)} 2xx/s)`,
        () => two.wrk.okRps / inProcess! >= 1.5,
      ),
      sampled(
        `API CPU per warm read ≤ ${CPU_PER_READ_MS} ms with API_WORKERS=1 (the API's process tree: the CPU ms column)`,
        runs.every((r) => r.cpu && okOf(r.wrk) > 0) ? okOf(one.wrk) : 0,
        runs.map((r) => `${fmt(msPer(r, "api"), 3)} ms with API_WORKERS=${r.workers}`).join(", "),
        () => msPer(one, "api") <= CPU_PER_READ_MS,
      ),
      ...runs.map((r) =>
        sampled(
          `API_WORKERS=${r.workers}: no errors`,
          r.wrk.requests,
          `${r.wrk.requests - okOf(r.wrk)} non-2xx, ${
            responseErrors(r.wrk).socket
          } socket in ${r.wrk.requests}`,
          () => r.wrk.requests === okOf(r.wrk) && responseErrors(r.wrk).socket === 0,
        )
      ),
    ];
    return {
      number: 12,
      id: "workers",
      title: `API workers: warm reads over ${agencies.length} agencies with 1 and 2 workers`,
      status: "ok",
      tables: [
        {
          columns: [
            "load",
            "configuration",
            "2xx/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "requests",
            "ratio to API_WORKERS=1",
            "CPU, % of a core (API tree / PgBouncer / PostgreSQL; idle = share of all cores' time idle)",
            "CPU ms per 2xx: API / PgBouncer / PostgreSQL / all three",
          ],
          rows: runs.map((r) => [
            `deno run -A src/main.ts, API_WORKERS=${r.workers}, wrk -c${sizes.connections} uniform`,
            configLabel(ctx, { workers: r.workers }),
            fmt(r.wrk.okRps, 0),
            fmt(r.wrk.latencyMs.p50, 2),
            fmt(r.wrk.latencyMs.p95, 2),
            fmt(r.wrk.latencyMs.p99, 2),
            r.wrk.requests,
            fmt(r.wrk.okRps / one.wrk.okRps, 2),
            `${pct(r, "api")} / ${pct(r, "pgbouncer")} / ${pct(r, "postgres")}; idle ${
              r.cpu ? Math.round(r.cpu.machineIdle * 100) : "–"
            }%`,
            [
              msPer(r, "api"),
              msPer(r, "pgbouncer"),
              msPer(r, "postgres"),
              msPer(r, "api") + msPer(r, "pgbouncer") +
              msPer(r, "postgres"),
            ].map((x) => fmt(x, 3)).join(" / "),
          ]),
        },
        {
          title: "Errors",
          columns: ERROR_COLUMNS,
          rows: runs.map((r) => errorRow(`API_WORKERS=${r.workers}`, responseErrors(r.wrk))),
        },
      ],
      checks,
      notes: [
        `Both child APIs start first (${
          counts.map((n) => `API_WORKERS=${n}`).join(", ")
        }; SPARE_DATABASES=0, LOG_REQUESTS=false as the bench API), each gets ${WARMUP_SEC} s of the same load untimed, then ${sizes.loadSec} s each, back to back, wrk -t${sizes.threads} -c${sizes.connections}. The API's CPU is its whole process tree (src/main.ts and, with 2 workers, the \`deno serve --parallel\` process below it) from /proc; PgBouncer and PostgreSQL as in the other scenarios.`,
        `For comparison: scenario 2 in this run measured ${
          inProcess === undefined ? "nothing (not run)" : `${fmt(inProcess, 0)} 2xx/s`
        } with the API in the bench's own process; the old full run measured ~${OLD_WARM_RPS} 2xx/s there (another run: ${
          fmt(two.wrk.okRps / OLD_WARM_RPS, 2)
        }× with 2 workers, for orientation only). Everything (wrk, the API, PgBouncer, PostgreSQL) shares the machine's ${navigator.hardwareConcurrency} cores: a second worker can only use what the others leave.`,
      ],
      data: { runs: runs.map(({ child: _c, ...r }) => r), inProcess },
    };
  } finally {
    for (const child of children) await child.stop();
  }
}
