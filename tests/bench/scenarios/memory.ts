// Scenario 6 — the API's resident memory with one live client per agency: the API as a child process
// (tests/bench/api-child.ts), every agency touched once, then /proc/<pid>/status VmRSS.
import { type BenchContext, statusText, warmPass } from "../context.ts";
import type { ScenarioResult } from "../report.ts";
import { benchEnv, startChildApi } from "../stack.ts";
import { fmt, sleep } from "../util.ts";

export const RSS_TARGET_MB = 250;

export async function memory(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.many);
  const registryMax = Math.max(1000, agencies.length);
  const child = await startChildApi(
    benchEnv(stack, { ...ctx.overrides, TENANT_CLIENTS_MAX: String(registryMax) }),
    stack.servers,
  );
  try {
    await fetch(`${child.url}/healthz`).then((r) => r.body?.cancel());
    await sleep(500);
    const idle = await child.status();
    const statuses = await warmPass(child.url, agencies, 8);
    const touched = await child.status();
    await sleep(2000);
    const settled = await child.status();
    const mb = (kb: number) => kb / 1024;
    const fullScale = agencies.length >= 1000;
    const inProcess = Deno.memoryUsage();
    ctx.log(
      `  child API RSS: idle ${fmt(mb(idle.vmRssKb))} MB, after ${agencies.length} agencies ${
        fmt(mb(touched.vmRssKb))
      } MB`,
    );
    return {
      number: 6,
      id: "memory",
      title: `API resident memory, ${agencies.length} live agency clients`,
      status: "ok",
      tables: [{
        columns: ["moment", "VmRSS MB", "VmHWM MB", "threads"],
        rows: [
          ["child API started, idle", fmt(mb(idle.vmRssKb)), fmt(mb(idle.vmHwmKb)), idle.threads],
          [
            `after one GET per agency (${agencies.length})`,
            fmt(mb(touched.vmRssKb)),
            fmt(mb(touched.vmHwmKb)),
            touched.threads,
          ],
          ["2 s later", fmt(mb(settled.vmRssKb)), fmt(mb(settled.vmHwmKb)), settled.threads],
          ["(bench process, API in-process + bench, for reference)", fmt(inProcess.rss / 2 ** 20), "–", "–"],
        ],
      }],
      checks: [{
        target: `API RSS < ${RSS_TARGET_MB} MB with 1,000 live agency clients${
          fullScale ? "" : ` (at ${agencies.length})`
        }`,
        measured: `${fmt(mb(touched.vmRssKb))} MB`,
        pass: fullScale ? mb(touched.vmRssKb) < RSS_TARGET_MB : null,
      }],
      notes: [
        `The API runs as its own process (\`deno run -A tests/bench/api-child.ts\`, the same composition as src/main.ts) with TENANT_CLIENTS_MAX=${registryMax}; touch statuses: ${
          statusText(statuses)
        }.`,
        "Each touched agency holds a postgres.js client with an open connection to PgBouncer (idle timeout 20 s) until evicted.",
      ],
      data: { idle, touched, settled, inProcessRss: inProcess.rss },
    };
  } finally {
    await child.stop();
  }
}
