// `deno task bench --profile [--quick] [--flood]`: a CPU profile of the API under scenario 2's warm
// read load (wrk over the warm agencies, a random one per request), or with --flood under scenario
// 11's flood (wrk -c400 on one agency's token). The API runs as a child process with --inspect; V8's
// sampling profiler runs over the Chrome DevTools protocol while wrk does; the samples are attributed
// to layers (profile-layers.ts) and, for the warm load, written to tests/bench/results/profile.md in
// µs of the API's main thread per request served.
import { stopPasswordWorkers } from "../../src/auth/password.ts";
import { createTokens } from "../../src/auth/tokens.ts";
import { freePort } from "../../src/platform/ports.ts";
import { type Sizes, targetsOf, warmPass } from "./context.ts";
import { cpuSeconds, cpuSnapshot, mainThreadSeconds } from "./cpu.ts";
import { attribute, type Attribution, type CpuProfile, OTHER } from "./profile-layers.ts";
import { renderTable, writeResult } from "./report.ts";
import { createSeeder } from "./seed.ts";
import { benchConfig, benchEnv, bootBenchStack, startChildApi } from "./stack.ts";
import { fmt } from "./util.ts";
import { runWrk, type WrkResult } from "./wrk.ts";

// Every 200 µs cost the API two thirds of its throughput on this machine; every 1 ms still gives
// thousands of samples in a full run's 15 s.
const SAMPLING_INTERVAL_US = 1000;

async function cdp(wsUrl: string) {
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? message.error);
  };
  return {
    send: (method: string, params: Record<string, unknown> = {}) =>
      // deno-lint-ignore no-explicit-any
      new Promise<any>((resolve) => {
        pending.set(++id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

type Measured = {
  wrk: WrkResult;
  served: number;
  attribution: Attribution;
  /** CPU-seconds from /proc over the load: the API's process (every thread), PgBouncer, PostgreSQL. */
  cpu?: { api: number; pgbouncer: number; postgres: number; seconds: number; machineIdle: number };
  /** CPU-seconds of the API's main (JavaScript) thread over the load, from /proc. */
  mainThread: number;
};

function render(m: Measured, heading: Record<string, string>): string {
  const per = (us: number) => fmt(us / m.served, 1);
  const pct = (us: number) => `${fmt((us / m.attribution.busyUs) * 100, 1)}%`;
  // Sampled time is wall time: on a shared machine the thread also waits for a core while it "runs"
  // a function. Each layer's share of the samples, times the thread's CPU from /proc, is its CPU.
  const cpuUs = m.mainThread * 1e6;
  const cpuPer = (us: number) => fmt((us / m.attribution.busyUs) * cpuUs / m.served, 1);
  const layers = [...m.attribution.layers].sort((a, b) => b.selfUs - a.selfUs);
  const perRequestMs = (s: number) => fmt((s * 1000 * 1000) / m.served, 1);
  return [
    "# CPU profile of the API per layer, warm reads",
    "Written by `deno task bench --profile` (tests/bench/profile.ts, layers: tests/bench/profile-layers.ts).",
    renderTable({ columns: ["run", "value"], rows: Object.entries(heading) }),
    renderTable({
      columns: [
        "layer",
        "self CPU µs / request",
        "self, % of busy",
        "inclusive CPU µs / request",
        "self sampled µs / request",
        "top functions (self CPU µs / request)",
      ],
      rows: [
        ...layers.map((l) => [
          l.layer,
          cpuPer(l.selfUs),
          pct(l.selfUs),
          cpuPer(l.inclusiveUs),
          per(l.selfUs),
          l.top.map((f) => `${f.name} (${cpuPer(f.us)})`).join("; ") || "–",
        ]),
        [
          "**all (the busy main thread)**",
          cpuPer(m.attribution.busyUs),
          "100%",
          "–",
          per(m.attribution.busyUs),
          "",
        ],
      ],
    }),
    [
      `- CPU µs per request = the layer's share of the busy samples × the main thread's CPU over the load (/proc: ${
        fmt(cpuUs / m.served, 1)
      } µs per request) ÷ requests served. Sampled µs = sampled time ÷ requests: wall time, which on a shared machine includes waits for a core.`,
      `- Requests served while profiling: ${m.served} 2xx (${
        fmt(m.wrk.okRps, 0)
      }/s with the profiler attached, p50 ${
        fmt(m.wrk.latencyMs.p50, 2)
      } ms); samples: ${m.attribution.samples} every ${SAMPLING_INTERVAL_US} µs; the main thread was idle ${
        fmt((m.attribution.idleUs / (m.attribution.idleUs + m.attribution.busyUs)) * 100, 0)
      }% of the profile.`,
      m.cpu
        ? `- From /proc over the same load, µs of CPU per request: the API's process ${
          perRequestMs(m.cpu.api)
        } (every thread: the main thread above plus Deno's I/O and V8's helper threads), PgBouncer ${
          perRequestMs(m.cpu.pgbouncer)
        }, PostgreSQL ${perRequestMs(m.cpu.postgres)}; the machine's cores were ${
          fmt(m.cpu.machineIdle * 100, 0)
        }% idle.`
        : "",
      "- Self time: the layer's own functions at the top of the stack (a built-in counts for its caller). Inclusive: the layer anywhere on the stack, so a layer's inclusive time holds what it calls (Hono's holds the whole synchronous chain; an `await` ends a stack, the rest runs later from the microtask queue).",
      `- Layers by file (src/…) or package, and by function inside postgres.js (row decoding), src/platform/cursor.ts (keysetPage) and Hono's context (c.json). A src/ file no layer names is "${OTHER}": its top functions name it.`,
      `- Profiling slows the API (the sampler interrupts the thread every ${SAMPLING_INTERVAL_US} µs, and the inspector is attached): compare layers with each other, and the throughput with scenario 2's, not this run's.`,
    ].filter(Boolean).join("\n"),
    "",
  ].join("\n\n");
}

async function commit(): Promise<string> {
  const git = (...args: string[]) =>
    new Deno.Command("git", { args, stdout: "piped", stderr: "null" }).output()
      .then((o) => new TextDecoder().decode(o.stdout).trim()).catch(() => "?");
  const [head, dirty] = await Promise.all([
    git("rev-parse", "--short", "HEAD"),
    git("status", "--porcelain", "src"),
  ]);
  return `${head}${dirty ? " (with uncommitted changes in src/)" : ""}`;
}

export async function profile(
  { sizes, flood, overrides, log }: {
    sizes: Sizes;
    flood: boolean;
    overrides: Record<string, string>;
    log: (line: string) => void;
  },
): Promise<number> {
  const stack = await bootBenchStack(log);
  try {
    const seeder = await createSeeder(stack, createTokens(benchConfig(stack)));
    await seeder.growTo(sizes.warm);
    const agencies = flood ? seeder.agencies.slice(0, 1) : seeder.agencies;
    const inspectPort = freePort();
    const child = await startChildApi(benchEnv(stack, overrides), stack.servers, [
      `--inspect=127.0.0.1:${inspectPort}`,
    ]);
    try {
      await warmPass(child.url, seeder.agencies);
      const connections = flood ? sizes.floodConnections : sizes.connections;
      const load = (durationSec: number) =>
        runWrk({
          url: child.url,
          targets: targetsOf(agencies),
          choice: { kind: "uniform" },
          connections,
          threads: sizes.threads,
          durationSec,
        });
      await load(2); // untimed: JIT, caches, clients
      const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json`)).json();
      const session = await cdp(target.webSocketDebuggerUrl);
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
      await session.send("Profiler.start");
      const before = cpuSnapshot(stack.dir, child.pid);
      const mainBefore = mainThreadSeconds(child.pid);
      const wrk = await load(sizes.loadSec);
      const mainThread = mainThreadSeconds(child.pid) - mainBefore;
      const cpu = cpuSeconds(before, cpuSnapshot(stack.dir, child.pid));
      const { profile } = await session.send("Profiler.stop") as { profile: CpuProfile };
      session.close();
      const served = Math.round(wrk.okRps * wrk.durationSec);
      const measured: Measured = { wrk, served, attribution: attribute(profile), cpu, mainThread };
      const md = render(measured, {
        when: new Date().toISOString(),
        commit: await commit(),
        load: `${
          flood ? "flood: " : ""
        }wrk -t${sizes.threads} -c${connections} -d${sizes.loadSec}s, GET /api/projects?limit=20 over ${agencies.length} agenc${
          agencies.length === 1 ? "y" : "ies"
        }, uniform (after a warm pass and 2 s untimed)`,
        API: `child process (tests/bench/api-child.ts, --inspect), bench configuration${
          Object.keys(overrides).length ? `, ${JSON.stringify(overrides)}` : ""
        }`,
        machine: `${navigator.hardwareConcurrency} cores, load average ${
          Deno.loadavg().map((x) => x.toFixed(2)).join(" / ")
        } at the end (shared with other work)`,
      });
      console.log("\n" + md);
      if (!flood) log(`wrote ${await writeResult("profile.md", md)}`);
      return served > 0 ? 0 : 1;
    } finally {
      await child.stop();
    }
  } finally {
    stopPasswordWorkers();
    await stack.stop();
  }
}
