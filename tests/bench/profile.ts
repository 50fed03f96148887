// `deno run -A tests/bench/profile.ts [seconds] [agencies] [flood]`: a CPU profile of the API under
// the warm read load (scenario 2's wrk load), or with `flood` under scenario 11's flood (wrk -c400 on
// one agency's token, 429s retried at once): the API as a child process with --inspect, V8's sampling
// profiler over the Chrome DevTools protocol, then the functions with the most self time. A profile
// hint for src/, not part of `deno task bench`.
import { stopPasswordWorkers } from "../../src/auth/password.ts";
import { createTokens } from "../../src/auth/tokens.ts";
import { targetsOf, warmPass } from "./context.ts";
import { createSeeder } from "./seed.ts";
import { benchConfig, benchEnv, bootBenchStack, startChildApi } from "./stack.ts";
import { freePort } from "../../src/platform/ports.ts";
import { fmt } from "./util.ts";
import { runWrk } from "./wrk.ts";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

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

function topSelf(profile: Profile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^.*\/(node_modules\/\.deno\/|work\/main\/)/, "").replace(/^file:\/\//, "");
    const key = `${functionName || "(anonymous)"} ${where ? `${where}:${lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  // Self time per package / area as well.
  const byArea = new Map<string, number>();
  for (const [key, us] of byFunction) {
    const area = key.match(
      /(hono@[\d.]+|postgres@[\d.]+|jose@[\d.]+|zod@[\d.]+|src\/[a-z-]+\/|ext:[a-z_]+|\(program\)|\(garbage collector\)|\(idle\))/,
    )?.[1] ??
      "other";
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const pct = (us: number) => `${fmt((us / total) * 100, 1)}%`;
  console.log("\nSelf time by area:");
  for (const [k, v] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(v).padStart(6)}  ${k}`);
  console.log(`\nTop ${top} functions by self time:`);
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${pct(v).padStart(6)}  ${k}`);
  }
}

const seconds = Number(Deno.args[0] ?? 8);
const count = Number(Deno.args[1] ?? 20);
const flood = Deno.args[2] === "flood";
const stack = await bootBenchStack(console.log);
try {
  const seeder = await createSeeder(stack, createTokens(benchConfig(stack)));
  await seeder.growTo(count);
  const inspectPort = freePort();
  const child = await startChildApi(benchEnv(stack), stack.servers, [`--inspect=127.0.0.1:${inspectPort}`]);
  try {
    await warmPass(child.url, seeder.agencies);
    const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json`)).json();
    const session = await cdp(target.webSocketDebuggerUrl);
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 200 });
    await session.send("Profiler.start");
    const wrk = await runWrk({
      url: child.url,
      targets: targetsOf(flood ? seeder.agencies.slice(0, 1) : seeder.agencies),
      choice: { kind: "uniform" },
      connections: flood ? 400 : 20,
      threads: 2,
      durationSec: seconds,
    });
    const { profile } = await session.send("Profiler.stop");
    session.close();
    console.log(
      `\nwrk: ${fmt(wrk.okRps, 0)} 2xx/s, ${fmt(wrk.rps, 0)} responses/s (${
        JSON.stringify(wrk.statuses)
      }), p50 ${fmt(wrk.latencyMs.p50, 2)} ms (profiler attached)`,
    );
    topSelf(profile);
  } finally {
    await child.stop();
  }
} finally {
  stopPasswordWorkers();
  await stack.stop();
}
