// Scenario 8 — the seed's design as a baseline: a pool of 10 direct connections per agency
// (postgres.js defaults: max 10, prepared statements, no PgBouncer, app role straight to PostgreSQL)
// behind a minimal Deno.serve handler (JWT check + the same page query), under the same wrk load as
// the API, which runs it right before over the same agencies.
// It shows the throughput it reaches and whether its connections fit PostgreSQL's max_connections
// (the connection budget's, 1,043 by default) or fail with 53300 too_many_connections.
import postgres from "postgres";
import type { BenchContext } from "../context.ts";
import { configLabel, stackLabel, statusText, targetsOf, withCpu } from "../context.ts";
import type { ScenarioResult } from "../report.ts";
import type { SeededAgency } from "../seed.ts";
import { startConnectionSampler } from "../sampler.ts";
import { withSql } from "../stack.ts";
import { fmt } from "../util.ts";
import { runWrk } from "../wrk.ts";
import { readLoad } from "./reads-warm.ts";

async function runBaseline(ctx: BenchContext, agencies: SeededAgency[]) {
  const { stack, sizes } = ctx;
  // PgBouncer's idle server connections from earlier loads would hold PostgreSQL slots: free them,
  // so the baseline gets every slot the server has.
  await withSql(stack.observerUrl, (sql) =>
    sql`select pg_terminate_backend(pid) from pg_stat_activity
        where usename = ${stack.appRole} and pid <> pg_backend_pid()`);
  const [{ others }] = await withSql(
    stack.observerUrl,
    (sql) =>
      sql<
        { others: number }[]
      >`select count(*)::int as others from pg_stat_activity where backend_type = 'client backend'`,
  );

  const tokens = ctx.api.services.tokens;
  const pools = new Map<string, postgres.Sql>();
  const errors: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let firstErrorAt: number | undefined;
  let okBeforeFirstError = 0;
  let t0 = performance.now();
  const timeline: { second: number; ok: number; errors: number }[] = [];

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    try {
      const claims = await tokens.verifyAgency(
        req.headers.get("authorization")?.replace(/^Bearer /, "") ?? "",
      );
      let sql = pools.get(claims.agencyDatabase);
      if (!sql) {
        sql = postgres(stack.appDirectUrl(claims.agencyDatabase), { max: 10, onnotice: () => {} });
        pools.set(claims.agencyDatabase, sql);
      }
      const rows = await sql`select * from projects order by created_at desc limit 20`;
      ok++;
      return Response.json({ data: rows });
    } catch (error) {
      const code = String((error as { code?: string }).code ?? (error as Error).name ?? "error");
      errors[code] = (errors[code] ?? 0) + 1;
      failed++;
      if (firstErrorAt === undefined) {
        firstErrorAt = performance.now() - t0;
        okBeforeFirstError = ok;
      }
      return Response.json({ error: String((error as Error).message), code }, { status: 500 });
    }
  });
  const sampler = await startConnectionSampler(stack.observerUrl, stack.appRole);
  let last = { ok: 0, failed: 0 };
  const ticker = setInterval(() => {
    timeline.push({ second: timeline.length + 1, ok: ok - last.ok, errors: failed - last.failed });
    last = { ok, failed };
  }, 1000);
  t0 = performance.now();
  let connections: Awaited<ReturnType<typeof sampler.stop>> | undefined;
  try {
    const wrk = await withCpu(ctx, () =>
      runWrk({
        url: `http://127.0.0.1:${server.addr.port}`,
        targets: targetsOf(agencies, "/projects"),
        choice: { kind: "uniform" },
        connections: sizes.connections,
        threads: sizes.threads,
        durationSec: sizes.loadSec,
      }));
    clearInterval(ticker);
    connections = await sampler.stop();
    return {
      wrk,
      connections,
      errors,
      ok,
      failed,
      firstErrorAt,
      okBeforeFirstError,
      timeline,
      pools: pools.size,
      others,
    };
  } finally {
    clearInterval(ticker);
    if (!connections) await sampler.stop().catch(() => {});
    await server.shutdown();
    await Promise.all([...pools.values()].map((sql) => sql.end({ timeout: 1 }).catch(() => {})));
  }
}

export async function baseline(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes } = ctx;
  const sets = [...new Set([sizes.warm, sizes.many])];
  const [{ maxConnections, reserved }] = await withSql(
    ctx.stack.observerUrl,
    (sql) =>
      sql<{ maxConnections: number; reserved: number }[]>`
      select current_setting('max_connections')::int as max_connections,
        current_setting('superuser_reserved_connections')::int as reserved`,
  );
  const runs = [];
  for (const count of sets) {
    const agencies = ctx.seeder.agencies.slice(0, count);
    // The API's figure for the same agencies, right before the baseline's: same load, same moment.
    const api = await readLoad(ctx, agencies);
    const run = await runBaseline(ctx, agencies);
    ctx.log(
      `  over ${count}: API ${fmt(api.okRps, 0)} 2xx/s; baseline ${fmt(run.wrk.okRps, 0)} 2xx/s, errors ${
        JSON.stringify(run.errors)
      }, peak ${run.connections.peakApp}`,
    );
    runs.push({ count, api, ...run });
  }
  return {
    number: 8,
    id: "baseline",
    title: "Seed design baseline: 10 direct connections per agency",
    status: "ok",
    tables: [{
      columns: [
        "agencies",
        "configuration (baseline / API column)",
        "2xx/s",
        "p50 ms",
        "p99 ms",
        "errors (by code)",
        "first failure at",
        "2xx before first failure",
        "2xx/s before first failure",
        "peak app-role backends",
        "pools opened",
        "API 2xx/s (same agencies, run just before)",
        "baseline / API",
        "CPU (bench+server / PgBouncer / PostgreSQL)",
        "new PG sessions",
      ],
      rows: runs.map((r) => [
        r.count,
        `${stackLabel(ctx)}, 10 direct per agency / ${configLabel(ctx)}`,
        fmt(r.wrk.okRps, 0),
        fmt(r.wrk.latencyMs.p50, 2),
        fmt(r.wrk.latencyMs.p99, 2),
        r.failed ? Object.entries(r.errors).map(([k, v]) => `${k}×${v}`).join(", ") : "0",
        r.firstErrorAt === undefined ? "never" : `${fmt(r.firstErrorAt / 1000, 2)} s`,
        r.firstErrorAt === undefined ? r.ok : r.okBeforeFirstError,
        r.firstErrorAt === undefined
          ? fmt(r.wrk.okRps, 0)
          : fmt(r.okBeforeFirstError / (r.firstErrorAt / 1000), 0),
        r.connections.peakApp,
        r.pools,
        fmt(r.api.okRps, 0),
        fmt(r.wrk.okRps / r.api.okRps, 2),
        r.wrk.cpu ?? "–",
        r.wrk.pool?.newSessions ?? "–",
      ]),
    }],
    checks: [],
    notes: [
      `No target: this is what the multi-tenant design replaces. The handler verifies the same JWT and runs \`select * from projects order by created_at desc limit 20\` on a per-agency postgres.js pool (max 10, prepare on, opened on demand, never closed while the run lasts) straight to PostgreSQL (max_connections ${maxConnections} from the connection budget, ${reserved} reserved for superusers, the bench's own sessions beside).`,
      `What it shows: ${
        runs.map((r) =>
          `at ${r.count} agencies ${r.pools} pools opened ${r.connections.peakApp} backends at peak (of ${
            maxConnections - reserved
          } non-superuser slots) and ${
            r.firstErrorAt === undefined
              ? "no connection was refused"
              : `the first 53300 came after ${fmt(r.firstErrorAt / 1000, 2)} s (${r.failed} failed requests)`
          }, at ${fmt(r.wrk.okRps / r.api.okRps, 2)}× the API's 2xx/s`
        ).join("; ")
      }. Ten connections per agency fit only while agencies × connections in use stays under max_connections; the API keeps one per agency behind PgBouncer's cap instead, whatever the agency count.`,
      `The API column is the same wrk load (uniform, GET /api/projects?limit=20) on the bench API, run right before each baseline run (statuses: ${
        runs.map((r) => `${r.count}: ${statusText(r.api.statuses)}`).join("; ")
      }); baseline / API divides the two 2xx rates.`,
      `Before each run, PgBouncer's idle server connections were terminated so the baseline had every free slot (other client backends at start: ${
        runs.map((r) => r.others).join(" / ")
      }).`,
      `Per-second 2xx/errors: ${
        runs.map((r) => `${r.count} agencies: ${r.timeline.map((t) => `${t.ok}/${t.errors}`).join(" ")}`)
          .join("; ")
      }.`,
    ],
    data: runs.map(({ others: _others, ...run }) => run),
  };
}
