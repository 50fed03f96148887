// Scenario 10 — `deno task dev` start-up: a cold start (a fresh DATA_DIR: initdb, PgBouncer,
// catalog migrations, tenant template, API) and warm restarts on the same DATA_DIR, each timed from
// spawn to GET /readyz 200 on the URL it announced, and the stop on SIGINT. tests/cli/dev.test.ts
// checks what dev does; how long it takes is measured here, not asserted there.
import type { BenchContext } from "../context.ts";
import { type Check, sampled, type ScenarioResult } from "../report.ts";
import { fmt, median, sleep } from "../util.ts";
import { type DenoChild, spawnDev } from "../../support/dev-process.ts";

/** The warm restart's target (a restart during development should not break the flow). */
export const WARM_TARGET_MS = 10_000;
/** Hang guards: a start or stop slower than this is a failure, not a figure. */
const READY_DEADLINE_MS = 120_000;
const STOP_DEADLINE_MS = 30_000;

/** Milliseconds from `started` until the announced API (127.0.0.1 only) answers GET /readyz 200. */
async function untilReady(dev: DenoChild, started: number): Promise<number> {
  let last = "nothing yet";
  while (performance.now() - started < READY_DEADLINE_MS) {
    if (dev.exited) throw new Error(`dev exited (${(await dev.status).code}) before ready:\n${dev.output()}`);
    const announced = dev.output().match(/API\s+(http:\/\/\S+)/)?.[1];
    if (announced) {
      if (new URL(announced).hostname !== "127.0.0.1") throw new Error(`dev announced ${announced}`);
      const res = await fetch(`${announced}/readyz`, { signal: AbortSignal.timeout(2000) }).catch((e) => e);
      if (res instanceof Response) {
        await res.body?.cancel();
        if (res.status === 200) return performance.now() - started;
        last = `readyz ${res.status}`;
      } else last = String(res);
    }
    await sleep(25);
  }
  throw new Error(`not ready within ${READY_DEADLINE_MS} ms (${last}); output:\n${dev.output()}`);
}

/** SIGINT, as Ctrl-C; the milliseconds until dev exited with 0. */
async function stop(dev: DenoChild): Promise<number> {
  const started = performance.now();
  dev.child.kill("SIGINT");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`dev still running ${STOP_DEADLINE_MS} ms after SIGINT`)),
      STOP_DEADLINE_MS,
    );
  });
  try {
    const status = await Promise.race([dev.status, late]);
    if (status.code !== 0) throw new Error(`dev exited ${status.code} on SIGINT:\n${dev.output()}`);
    return performance.now() - started;
  } finally {
    clearTimeout(timer);
  }
}

/** Whatever happened: the dev process, then its stack's daemons by their pid files (only while their
 * command line still names this data directory, so a reused pid is never hit). */
async function cleanUp(dev: DenoChild | undefined, dataDir: string): Promise<void> {
  if (dev && !dev.exited) {
    dev.child.kill("SIGKILL");
    await dev.status;
  }
  const daemons: [string, Deno.Signal][] = [["pg/postmaster.pid", "SIGQUIT"], [
    "pgbouncer/pgbouncer.pid",
    "SIGTERM",
  ]];
  for (const [file, signal] of daemons) {
    const pid = Number((await Deno.readTextFile(`${dataDir}/${file}`).catch(() => "")).split("\n")[0]);
    const cmd = pid > 0 ? await Deno.readTextFile(`/proc/${pid}/cmdline`).catch(() => "") : "";
    if (cmd.includes(dataDir)) {
      try {
        Deno.kill(pid, signal);
      } catch { /* gone */ }
    }
  }
}

type Start = { kind: "cold" | "warm"; readyMs: number; stopMs: number };

export async function devStartup(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes } = ctx;
  const runs: Start[] = [];
  for (let cold = 0; cold < sizes.devColdStarts; cold++) {
    const dataDir = await Deno.makeTempDir({ prefix: "buildflow-bench-dev-" });
    await Deno.chmod(dataDir, 0o755); // the postgres system user must enter it
    let dev: DenoChild | undefined;
    try {
      for (let i = 0; i <= sizes.devWarmRestarts; i++) {
        const kind = i === 0 ? "cold" : "warm";
        const started = performance.now();
        dev = spawnDev(dataDir, { env: { HOST: "127.0.0.1" } }); // loopback, like every server the bench starts
        const readyMs = await untilReady(dev, started);
        const stopMs = await stop(dev);
        runs.push({ kind, readyMs, stopMs });
        ctx.log(`  ${kind}: ready in ${fmt(readyMs, 0)} ms, stopped in ${fmt(stopMs, 0)} ms`);
      }
    } finally {
      await cleanUp(dev, dataDir);
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    }
  }
  const of = (kind: Start["kind"], key: "readyMs" | "stopMs") =>
    runs.filter((r) => r.kind === kind).map((r) => r[key]);
  const row = (kind: Start["kind"], label: string) => {
    const ready = of(kind, "readyMs");
    return [
      label,
      ready.length,
      fmt(median(ready), 0),
      fmt(Math.max(...ready), 0),
      fmt(median(of(kind, "stopMs")), 0),
    ];
  };
  const warm = of("warm", "readyMs");
  const warmCheck: Check = sampled(
    `warm restart ready (spawn → /readyz 200) p50 < ${WARM_TARGET_MS / 1000} s`,
    warm.length,
    `${fmt(median(warm), 0)} ms (max ${fmt(Math.max(...warm), 0)} ms, n=${warm.length})`,
    () => median(warm) < WARM_TARGET_MS,
  );
  return {
    number: 10,
    id: "dev",
    title: "deno task dev: cold start and warm restart",
    status: "ok",
    tables: [{
      columns: ["start", "n", "ready p50 ms", "ready max ms", "stop on SIGINT p50 ms"],
      rows: [
        row("cold", "cold start (fresh DATA_DIR: initdb, PgBouncer, migrations, template, API)"),
        row("warm", "warm restart (same DATA_DIR: cluster and template exist)"),
      ],
    }],
    checks: [warmCheck],
    notes: [
      "Timed from spawning `deno run -A src/cli/dev.ts` (DATA_DIR a fresh temp dir, PORT=0, HOST=127.0.0.1) to GET /readyz answering 200 on the URL it printed (polled every 25 ms), then SIGINT until it exited 0. Each cold start gets its own DATA_DIR; the warm restarts follow it on the same one.",
      `The cold start has no target and no ceiling (initdb and the first migrations dominate; no faster path does the same work): it is reported for information. The warm restart's ${
        WARM_TARGET_MS / 1000
      } s is a target, not a ceiling: nothing faster does the same work to compare with. Both run while the bench's own stack sits idle.`,
    ],
    data: runs,
  };
}
