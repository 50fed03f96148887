// Scenario 6 — the API's resident memory with one live client per agency: the API as a child process
// (tests/bench/api-child.ts), every agency touched once, then /proc/<pid>/status VmRSS. The figure
// counts only when the clients are confirmed live at that moment: the registry's own count (GET
// /metrics) and PgBouncer's client connections from that process (SHOW CLIENTS) both equal N.
import { type BenchContext, statusText, warmPass } from "../context.ts";
import { tryReadGauges } from "../metrics.ts";
import { pgbouncerClientsOf } from "../poolstats.ts";
import { type Check, NO_DATA, type ScenarioResult } from "../report.ts";
import { benchEnv, startChildApi } from "../stack.ts";
import { fmt, sleep } from "../util.ts";

export const RSS_TARGET_MB = 250;
/** postgres.js closes an agency client's connection after 20 s idle (src/tenancy/tenant-clients.ts):
 * the touch pass must finish well within that for all N to be live at once. */
const TOUCH_CONCURRENCY = 16;

export async function memory(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.many);
  const n = agencies.length;
  const databases = new Set(agencies.map((a) => a.databaseName));
  const registryMax = Math.max(1000, n);
  const child = await startChildApi(
    benchEnv(stack, { ...ctx.overrides, TENANT_CLIENTS_MAX: String(registryMax) }),
    stack.servers,
  );
  try {
    await fetch(`${child.url}/healthz`).then((r) => r.body?.cancel());
    await sleep(500);
    const idle = await child.status();
    const touchStarted = performance.now();
    const statuses = await warmPass(child.url, agencies, TOUCH_CONCURRENCY);
    const touchMs = performance.now() - touchStarted;
    const touched = await child.status();
    // Read after the RSS: with no request in between, no client can open, so N live now means N
    // live when the RSS was read.
    const live = {
      registry: (await tryReadGauges(child.url))?.tenant_clients_live,
      pgbouncer: await pgbouncerClientsOf(stack, child.pid, databases),
    };
    await sleep(2000);
    const settled = await child.status();
    const mb = (kb: number) => kb / 1024;
    const fullScale = n >= 1000;
    const inProcess = Deno.memoryUsage();
    ctx.log(
      `  child API RSS: idle ${fmt(mb(idle.vmRssKb))} MB, after ${n} agencies ${
        fmt(mb(touched.vmRssKb))
      } MB; live: registry ${live.registry}, PgBouncer ${live.pgbouncer}; touch pass ${
        fmt(touchMs / 1000, 1)
      } s`,
    );

    const liveText = `registry ${live.registry ?? "unread"}/${n}, PgBouncer ${
      live.pgbouncer ?? "unread"
    }/${n}`;
    const confirmed = live.registry === n && live.pgbouncer === n;
    const unread = n === 0 || live.registry === undefined || live.pgbouncer === undefined;
    const liveness: Check = {
      target:
        `all ${n} agency clients live when the RSS is read (GET /metrics tenant_clients_live; PgBouncer SHOW CLIENTS from the API's process)`,
      measured: n === 0 ? "no agencies" : liveText,
      pass: unread ? NO_DATA : confirmed,
    };
    const rssTarget = `API RSS < ${RSS_TARGET_MB} MB with 1,000 live agency clients${
      fullScale ? "" : ` (at ${n})`
    }`;
    const rss: Check = confirmed
      ? {
        target: rssTarget,
        measured: `${fmt(mb(touched.vmRssKb))} MB`,
        pass: fullScale ? mb(touched.vmRssKb) < RSS_TARGET_MB : null,
      }
      : { target: rssTarget, measured: `withheld: ${liveText} live`, pass: unread ? NO_DATA : false };
    return {
      number: 6,
      id: "memory",
      title: `API resident memory, ${n} live agency clients`,
      status: "ok",
      tables: [{
        columns: ["moment", "VmRSS MB", "VmHWM MB", "threads"],
        rows: [
          ["child API started, idle", fmt(mb(idle.vmRssKb)), fmt(mb(idle.vmHwmKb)), idle.threads],
          [
            `after one GET per agency (${n}; ${liveText} live)`,
            fmt(mb(touched.vmRssKb)),
            fmt(mb(touched.vmHwmKb)),
            touched.threads,
          ],
          ["2 s later", fmt(mb(settled.vmRssKb)), fmt(mb(settled.vmHwmKb)), settled.threads],
          ["(bench process, API in-process + bench, for reference)", fmt(inProcess.rss / 2 ** 20), "–", "–"],
        ],
      }],
      checks: [liveness, rss],
      notes: [
        `The API runs as its own process (\`deno run -A tests/bench/api-child.ts\`, the same composition as src/main.ts) with TENANT_CLIENTS_MAX=${registryMax}; touch pass (${TOUCH_CONCURRENCY} at a time) took ${
          fmt(touchMs / 1000, 1)
        } s, statuses: ${statusText(statuses)}.`,
        "Each touched agency holds a postgres.js client with one connection to PgBouncer until it has been idle 20 s or is evicted; PgBouncer's count is SHOW CLIENTS rows for the agencies' databases whose client port belongs to the child process (/proc/<pid>/fd and /proc/<pid>/net/tcp), so the bench API's own clients are not counted.",
      ],
      data: { idle, touched, settled, inProcessRss: inProcess.rss, live, touchMs },
    };
  } finally {
    await child.stop();
  }
}
