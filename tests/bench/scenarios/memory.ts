// Scenario 6 — the API's resident memory with one live client per agency: the API as a child process
// (tests/bench/api-child.ts), every agency touched once, then /proc/<pid>/status VmRSS. The figure
// counts only when the clients are confirmed live at that moment: the registry's own count (GET
// /metrics) and PgBouncer's client connections from that process (SHOW CLIENTS) both equal N.
// Then PostgreSQL's side: the private memory of every app-role backend (pg-memory.ts), with the count,
// after those queries: the connection budget's cost at (or near) its full size.
import { type BenchContext, configLabel, statusText, warmPass } from "../context.ts";
import { appBackendMemory } from "../pg-memory.ts";
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
    const pg = stack.external ? undefined : await appBackendMemory(stack.observerUrl, stack.appRole);
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
    const budget = stack.budget;
    const perBackendMb = pg && pg.read ? mb(pg.privateKb) / pg.read : NaN;
    const pgMemoryCheck: Check = !pg || pg.listed === 0
      ? {
        target:
          "PostgreSQL private memory read for the app-role backends (smaps_rollup of ≥ 99% of those listed)",
        measured: pg ? "no app-role backends listed" : "configured servers: not on this machine",
        pass: NO_DATA,
      }
      : {
        target:
          "PostgreSQL private memory read for the app-role backends (smaps_rollup of ≥ 99% of those listed)",
        measured: `${pg.read}/${pg.listed} backends read: ${fmt(mb(pg.privateKb), 0)} MB private, ${
          fmt(perBackendMb, 2)
        } MB per backend`,
        pass: pg.read >= 0.99 * pg.listed,
      };
    const config = configLabel(ctx, { workers: "1 (child process)" });
    return {
      number: 6,
      id: "memory",
      title: `API resident memory, ${n} live agency clients`,
      status: "ok",
      tables: [{
        columns: ["moment", "configuration", "VmRSS MB", "VmHWM MB", "threads"],
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
        ].map(([moment, ...rest], i, all) => [
          moment,
          i === all.length - 1 ? configLabel(ctx) : config,
          ...rest,
        ]),
      }, {
        title: "PostgreSQL: app-role backends after the touch pass (/proc/<pid>/smaps_rollup)",
        columns: [
          "configuration",
          "app-role backends (listed / read)",
          `of the budget (${budget.appBackends}; PgBouncer cap ${budget.maxUserConnections})`,
          "private MB (Private_Clean + Private_Dirty), all",
          "private MB per backend (mean / max)",
          "PSS MB, all",
          "RSS MB, all (counts shared buffers in each)",
          `private MB × budget (${budget.appBackends})`,
        ],
        rows: pg
          ? [[
            configLabel(ctx),
            `${pg.listed} / ${pg.read}`,
            `${fmt((pg.listed / budget.appBackends) * 100, 0)}%`,
            fmt(mb(pg.privateKb), 0),
            `${fmt(perBackendMb, 2)} / ${fmt(mb(pg.maxPrivateKb), 2)}`,
            fmt(mb(pg.pssKb), 0),
            fmt(mb(pg.rssKb), 0),
            fmt(perBackendMb * budget.appBackends, 0),
          ]]
          : [],
      }],
      checks: [liveness, rss, pgMemoryCheck],
      notes: [
        `The API runs as its own process (\`deno run -A tests/bench/api-child.ts\`, the same composition as src/main.ts) with TENANT_CLIENTS_MAX=${registryMax}; touch pass (${TOUCH_CONCURRENCY} at a time) took ${
          fmt(touchMs / 1000, 1)
        } s, statuses: ${statusText(statuses)}.`,
        `PostgreSQL's figure is read right after the touch pass, while each backend still holds the catalog and plan caches of the agency queries it served (the users lookup and the projects page; the scenarios before it served the same queries): every app-role backend pg_stat_activity lists, the bench API's and the child's alike. Private = the backend's own pages; shared buffers are shared and not counted (PSS divides them among the processes that touched them).`,
        "Each touched agency holds a postgres.js client with one connection to PgBouncer until it has been idle 20 s or is evicted; PgBouncer's count is SHOW CLIENTS rows for the agencies' databases whose client port belongs to the child process (/proc/<pid>/fd and /proc/<pid>/net/tcp), so the bench API's own clients are not counted.",
      ],
      data: { idle, touched, settled, inProcessRss: inProcess.rss, live, touchMs, postgres: pg },
    };
  } finally {
    await child.stop();
  }
}
