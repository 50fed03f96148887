// `deno task bench --profile [--quick] [--flood]`: a CPU profile per layer of the API under scenario
// 2's warm read load (wrk over the warm agencies, a random one per request), or with --flood under
// scenario 11's flood (wrk -c400 on one agency's token); then of the bare floor (floor-server.ts)
// under the same load, for comparison. Each server is a child process with --inspect; V8's sampling
// profiler runs over the Chrome DevTools protocol while wrk does; the samples are attributed to layers
// (profile-layers.ts) and, for the warm load, written to tests/bench/results/profile.md in µs of the
// main thread's CPU per request served.
import { stopPasswordWorkers } from "../../src/auth/password.ts";
import { createTokens } from "../../src/auth/tokens.ts";
import { freePort } from "../../src/platform/ports.ts";
import { type Sizes, targetsOf, warmPass } from "./context.ts";
import { type CpuSeconds, cpuSeconds, cpuSnapshot, mainThreadSeconds } from "./cpu.ts";
import { floorTargets, startFloor } from "./floor.ts";
import { attribute, type Attribution, type CpuProfile, OTHER } from "./profile-layers.ts";
import { renderTable, writeResult } from "./report.ts";
import { createSeeder } from "./seed.ts";
import {
  benchConfig,
  benchEnv,
  type BenchStack,
  bootBenchStack,
  type ChildApi,
  startChildApi,
} from "./stack.ts";
import { fmt } from "./util.ts";
import { runWrk, type WrkResult, type WrkTarget } from "./wrk.ts";

// Every 200 µs cost the API two thirds of its throughput on this machine; every 1 ms still gives
// thousands of samples in a full run's 15 s.
const SAMPLING_INTERVAL_US = 1000;
const WARMUP_SEC = 2;

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
  /** CPU-seconds from /proc over the load: the server's process (every thread), PgBouncer, PostgreSQL. */
  cpu?: CpuSeconds;
  /** CPU-seconds of the server's main (JavaScript) thread over the load, from /proc. */
  mainThread: number;
};

/** wrk on `server` (after WARMUP_SEC untimed) with the profiler attached through `inspectPort`. */
async function measure(
  stack: BenchStack,
  server: ChildApi,
  inspectPort: number,
  load: (url: string, targets: WrkTarget[], durationSec: number) => Promise<WrkResult>,
  targets: WrkTarget[],
  durationSec: number,
): Promise<Measured> {
  await load(server.url, targets, WARMUP_SEC); // JIT, caches, clients
  const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json`)).json();
  const session = await cdp(target.webSocketDebuggerUrl);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
  await session.send("Profiler.start");
  const before = cpuSnapshot(stack.dir, server.pid);
  const mainBefore = mainThreadSeconds(server.pid);
  const wrk = await load(server.url, targets, durationSec);
  const mainThread = mainThreadSeconds(server.pid) - mainBefore;
  const cpu = cpuSeconds(before, cpuSnapshot(stack.dir, server.pid));
  const { profile } = await session.send("Profiler.stop") as { profile: CpuProfile };
  session.close();
  return {
    wrk,
    served: Math.round(wrk.okRps * wrk.durationSec),
    attribution: attribute(profile),
    cpu,
    mainThread,
  };
}

/** A layer's CPU µs per request: its share of the busy samples (wall time: on a shared machine the
 * thread also waits for a core while it "runs" a function) × the main thread's CPU from /proc. */
const cpuPer = (m: Measured, us: number) =>
  m.attribution.busyUs ? (us / m.attribution.busyUs) * m.mainThread * 1e6 / m.served : NaN;

function render(api: Measured, floor: Measured, heading: Record<string, string>): string {
  // Every layer either server spent time in (both list every layer), the API's largest first.
  const floorSelf = new Map(floor.attribution.layers.map((l) => [l.layer, l.selfUs]));
  const layers = api.attribution.layers.filter((l) => l.selfUs || floorSelf.get(l.layer))
    .sort((a, b) => b.selfUs - a.selfUs);
  const proc = (name: string, m: Measured) => {
    const per = (s: number) => fmt((s * 1e6) / m.served, 1);
    return m.cpu
      ? `${name}: ${per(m.cpu.api)} the process (every thread), ${
        per(m.mainThread)
      } its main thread; PgBouncer ${per(m.cpu.pgbouncer)}, PostgreSQL ${per(m.cpu.postgres)}; ${
        fmt(m.wrk.okRps, 0)
      } 2xx/s with the profiler attached (${m.served} in all, p50 ${
        fmt(m.wrk.latencyMs.p50, 2)
      } ms), main thread idle ${
        fmt((m.attribution.idleUs / (m.attribution.idleUs + m.attribution.busyUs)) * 100, 0)
      }% of the profile, cores ${fmt(m.cpu.machineIdle * 100, 0)}% idle`
      : `${name}: no /proc figures`;
  };
  return [
    "# CPU profile of the API per layer, warm reads",
    "Written by `deno task bench --profile` (tests/bench/profile.ts; the layers: tests/bench/profile-layers.ts).",
    renderTable({ columns: ["run", "value"], rows: Object.entries(heading) }),
    renderTable({
      columns: [
        "layer",
        "API: self CPU µs / request",
        "API: self, % of busy",
        "API: inclusive CPU µs / request",
        "floor: self CPU µs / request",
        "API: top functions (self CPU µs / request)",
      ],
      rows: [
        ...layers
          .map((l) => [
            l.layer,
            fmt(cpuPer(api, l.selfUs), 1),
            `${fmt((l.selfUs / api.attribution.busyUs) * 100, 1)}%`,
            fmt(cpuPer(api, l.inclusiveUs), 1),
            fmt(cpuPer(floor, floorSelf.get(l.layer) ?? 0), 1),
            l.top.map((f) => `${f.name} (${fmt(cpuPer(api, f.us), 1)})`).join("; ") || "–",
          ]),
        [
          "**all: the busy main thread**",
          fmt(cpuPer(api, api.attribution.busyUs), 1),
          "100%",
          "–",
          fmt(cpuPer(floor, floor.attribution.busyUs), 1),
          "",
        ],
      ],
    }),
    [
      `- µs of CPU per request, from /proc over the profiled load. ${proc("API", api)}. ${
        proc("Floor", floor)
      }.`,
      `- A layer's CPU per request = its share of the main thread's busy samples × the thread's CPU (/proc) ÷ requests served. Samples: API ${api.attribution.samples}, floor ${floor.attribution.samples}, every ${SAMPLING_INTERVAL_US} µs. Sampled time alone is wall time, which on a shared machine includes waits for a core.`,
      "- Self time: the layer's own functions at the top of the stack; a built-in and Deno's own JavaScript (ext:, node:) count for the frame that called them, so postgres.js's socket writes through node:net (writeBuffer) are postgres.js's. Inclusive: the layer anywhere on the stack, so it holds what the layer calls (the route's holds c.json; an `await` ends a stack, the rest runs later from the microtask queue).",
      `- Layers by file (src/…) or package, and by function inside postgres.js (row decoding), src/platform/cursor.ts (keysetPage) and Hono's context (c.json). A src/ file no layer names is "${OTHER}": its top functions name it.`,
      `- The floor (tests/bench/floor-server.ts, scenario 2's) serves the same SELECT and body with \`Deno.serve\` and postgres.js only, one client of one connection per agency database: its column is what the stack itself costs per request.`,
      `- Profiling slows a server (the sampler interrupts the thread every ${SAMPLING_INTERVAL_US} µs, and the inspector is attached): compare layers with each other, and the throughput with scenario 2's, not this run's.`,
    ].join("\n"),
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
    const connections = flood ? sizes.floodConnections : sizes.connections;
    const load = (url: string, targets: WrkTarget[], durationSec: number) =>
      runWrk({ url, targets, choice: { kind: "uniform" }, connections, threads: sizes.threads, durationSec });
    const profiled = async (start: (flags: string[]) => Promise<ChildApi>, targets: WrkTarget[]) => {
      const inspectPort = freePort();
      const server = await start([`--inspect=127.0.0.1:${inspectPort}`]);
      try {
        return await measure(stack, server, inspectPort, load, targets, sizes.loadSec);
      } finally {
        await server.stop();
      }
    };
    const api = await profiled(async (flags) => {
      const child = await startChildApi(benchEnv(stack, overrides), stack.servers, flags);
      await warmPass(child.url, seeder.agencies);
      return child;
    }, targetsOf(agencies));
    log(`API profiled: ${fmt(api.wrk.okRps, 0)} 2xx/s`);
    const floor = await profiled(
      (flags) => startFloor(stack.servers, agencies, 1, flags),
      floorTargets(agencies),
    );
    log(`floor profiled: ${fmt(floor.wrk.okRps, 0)} 2xx/s`);
    const md = render(api, floor, {
      when: new Date().toISOString(),
      commit: await commit(),
      load: `${
        flood ? "flood: " : ""
      }wrk -t${sizes.threads} -c${connections} -d${sizes.loadSec}s, GET /api/projects?limit=20 over ${agencies.length} agenc${
        agencies.length === 1 ? "y" : "ies"
      }, uniform (after a warm pass and ${WARMUP_SEC} s untimed); then the floor under the same load`,
      API: `child process (tests/bench/api-child.ts, --inspect), the bench's configuration${
        Object.keys(overrides).length ? `, ${JSON.stringify(overrides)}` : ""
      }`,
      machine: `${navigator.hardwareConcurrency} cores, load average ${
        Deno.loadavg().map((x) => x.toFixed(2)).join(" / ")
      } at the end (shared with other work)`,
    });
    console.log("\n" + md);
    if (!flood) log(`wrote ${await writeResult("profile.md", md)}`);
    return api.served > 0 && floor.served > 0 ? 0 : 1;
  } finally {
    stopPasswordWorkers();
    await stack.stop();
  }
}
