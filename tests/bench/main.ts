// `deno task bench [--quick] [--only a,b]`: boots a fresh local stack (or uses DATABASE_URL/POOLER_URL),
// serves the API in-process, seeds agencies, runs the scenarios, writes tests/bench/results/latest.md
// and latest.json, prints the tables, and stops everything. `deno task bench --profile [--quick]
// [--flood]` runs the API's CPU profile per layer instead (profile.ts).
import { parseArgs } from "node:util";
import { stopPasswordWorkers } from "../../src/auth/password.ts";
import { TUNING_INI } from "../../src/stack/pgbouncer.ts";
import { type BenchContext, SIZES } from "./context.ts";
import { dropPgbench } from "./pgbench.ts";
import {
  renderScenario,
  renderSummary,
  type Report,
  type ScenarioResult,
  unmet,
  unmetLine,
  writeReport,
} from "./report.ts";
import { admission } from "./scenarios/admission.ts";
import { baseline } from "./scenarios/baseline.ts";
import { devStartup } from "./scenarios/dev.ts";
import { fairness } from "./scenarios/fairness.ts";
import { workers } from "./scenarios/workers.ts";
import { loginScenario } from "./scenarios/login.ts";
import { memory } from "./scenarios/memory.ts";
import { moves } from "./scenarios/moves.ts";
import { pitr } from "./scenarios/pitr.ts";
import { provisioning } from "./scenarios/provisioning.ts";
import { readsMany } from "./scenarios/reads-many.ts";
import { readsWarm } from "./scenarios/reads-warm.ts";
import { tenantsMigrate } from "./scenarios/tenants-migrate.ts";
import { tenThousand } from "./scenarios/ten-thousand.ts";
import { writes } from "./scenarios/writes.ts";
import { createSeeder } from "./seed.ts";
import { profile } from "./profile.ts";
import { serveApi } from "../../src/main.ts";
import { benchConfig, type BenchStack, bootBenchStack, withSql } from "./stack.ts";
import { fmt, median, percentile } from "./util.ts";

const SCENARIOS = [
  [1, "provisioning"],
  [2, "reads-warm"],
  [3, "reads-many"],
  [4, "writes"],
  [5, "login"],
  [6, "memory"],
  [7, "tenants-migrate"],
  [8, "baseline"],
  [9, "admission"],
  [10, "dev"],
  [11, "fairness"],
  [12, "workers"],
  [13, "moves"],
  [14, "pitr"],
  [15, "ten-thousand"],
] as const;
type ScenarioId = (typeof SCENARIOS)[number][1];

const { values: args } = parseArgs({
  args: Deno.args,
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    /** API configuration overrides for experiments: --set AGENCY_CONCURRENCY=8 (repeatable). */
    set: { type: "string", multiple: true },
    /** The API's CPU profile per layer under the warm reads (profile.ts), no scenario. */
    profile: { type: "boolean", default: false },
    /** With --profile: under scenario 11's flood instead (printed, not written). */
    flood: { type: "boolean", default: false },
  },
});
const overrides: Record<string, string> = Object.fromEntries(
  (args.set ?? []).map((kv) => {
    const at = kv.indexOf("=");
    if (at < 1) throw new Error(`--set: expected KEY=VALUE, got ${kv}`);
    return [kv.slice(0, at), kv.slice(at + 1)];
  }),
);
const mode = args.quick ? "quick" : "full";
const sizes = SIZES[mode];
const selected = new Set<ScenarioId>(
  args.only
    ? args.only.split(",").map((s) => {
      const key = s.trim();
      const found = SCENARIOS.find(([n, id]) => String(n) === key || id === key);
      if (!found) {
        throw new Error(
          `--only: unknown scenario ${key}; one of ${SCENARIOS.map(([n, id]) => `${n}|${id}`).join(", ")}`,
        );
      }
      return found[1];
    })
    : SCENARIOS.map(([, id]) => id),
);

const t0 = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);

async function commandVersion(argv: string[]): Promise<string> {
  try {
    const out = await new Deno.Command(argv[0], { args: argv.slice(1), stdout: "piped", stderr: "piped" })
      .output();
    return (new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr)).split("\n")[0]
      .trim();
  } catch (error) {
    return `unavailable (${error})`;
  }
}

async function machine(): Promise<Record<string, string | number>> {
  const meminfo = await Deno.readTextFile("/proc/meminfo").catch(() => "");
  const cpuinfo = await Deno.readTextFile("/proc/cpuinfo").catch(() => "");
  const memKb = Number(meminfo.match(/MemTotal:\s+(\d+)/)?.[1]);
  return {
    cores: navigator.hardwareConcurrency,
    "cpu model": cpuinfo.match(/model name\s*:\s*(.+)/)?.[1] ?? "?",
    memory: `${fmt(memKb / 2 ** 20, 1)} GiB`,
    kernel: Deno.osRelease(),
    "load average at start (1/5/15 min)": Deno.loadavg().map((x) => x.toFixed(2)).join(" / "),
  };
}

async function versions(stack: BenchStack): Promise<Record<string, string>> {
  const [{ version }] = await withSql(
    stack.servers.databaseUrl,
    (sql) => sql<{ version: string }[]>`select version()`,
  );
  return {
    PostgreSQL: version,
    PgBouncer: await commandVersion([stack.tools.pgbouncer, "--version"]),
    pgbench: await commandVersion([`${stack.tools.pgBin}/pgbench`, "--version"]),
    wrk: await commandVersion(["wrk", "-v"]),
    Deno: `${Deno.version.deno} (V8 ${Deno.version.v8}, TypeScript ${Deno.version.typescript})`,
    dbmate: await commandVersion([stack.tools.dbmate, "--version"]),
  };
}

async function configuration(ctx: BenchContext): Promise<Record<string, string | number>> {
  const ini = await Deno.readTextFile(TUNING_INI);
  const setting = (key: string) => ini.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, "m"))?.[1]?.trim() ?? "?";
  const [{ maxConnections, sharedBuffers, fsync }] = await withSql(
    ctx.stack.observerUrl,
    (sql) =>
      sql<{ maxConnections: string; sharedBuffers: string; fsync: string }[]>`
      select current_setting('max_connections') as max_connections,
        current_setting('shared_buffers') as shared_buffers, current_setting('fsync') as fsync`,
  );
  // The app role's own settings (ALTER ROLE … SET), which PgBouncer's server connections carry.
  const roleSettings = await withSql(
    ctx.stack.observerUrl,
    (sql) =>
      sql<{ setting: string }[]>`
      select unnest(s.setconfig) as setting from pg_db_role_setting s
      join pg_roles r on r.oid = s.setrole where r.rolname = ${ctx.stack.appRole} and s.setdatabase = 0`,
  );
  const roleSetting = (name: string) =>
    roleSettings.find((r) => r.setting.startsWith(`${name}=`))?.setting.slice(name.length + 1) ??
      "server default";
  const statementTimeout = roleSetting("statement_timeout");
  const idleTimeout = roleSetting("idle_in_transaction_session_timeout");
  const c = ctx.config;
  return {
    "stack": ctx.stack.external ? "configured servers" : "fresh local stack (temp dir)",
    "PostgreSQL max_connections / shared_buffers / fsync":
      `${maxConnections} / ${sharedBuffers} / ${fsync} (fsync is off only while seeding)`,
    "PgBouncer pool_mode": setting("pool_mode"),
    "PG_CONNECTION_BUDGET (app-role backends; PgBouncer max_user_connections = this - 1, for one backend still exiting)":
      `${ctx.stack.budget.appBackends} (max_user_connections ${ctx.stack.budget.maxUserConnections}${
        ctx.stack.external ? ", as configured: the servers are assumed to follow it" : ""
      })`,
    "PgBouncer default_pool_size / reserve_pool_size / min_pool_size": `${setting("default_pool_size")} / ${
      setting("reserve_pool_size")
    } / ${setting("min_pool_size")}`,
    "PgBouncer server_idle_timeout / query_wait_timeout": `${setting("server_idle_timeout")} s / ${
      setting("query_wait_timeout")
    } s`,
    "TENANT_CLIENTS_MAX (registry) / connections per agency client (AGENCY_CONCURRENCY)":
      `${c.TENANT_CLIENTS_MAX} / ${c.AGENCY_CONCURRENCY}`,
    "ADMISSION_CONCURRENCY / QUEUE / TIMEOUT_MS":
      `${c.ADMISSION_CONCURRENCY} / ${c.ADMISSION_QUEUE} / ${c.ADMISSION_TIMEOUT_MS}`,
    "AGENCY_CONCURRENCY / AGENCY_QUEUE (per agency: slots / waiters, then 429)":
      `${c.AGENCY_CONCURRENCY} / ${c.AGENCY_QUEUE}`,
    "app role statement_timeout / idle_in_transaction_session_timeout":
      `${statementTimeout} / ${idleTimeout}`,
    "configuration column":
      "each load's row names its PG_CONNECTION_BUDGET, AGENCY_CONCURRENCY and API_WORKERS (API processes; 1 (in-process) = the bench API in this process)",
    "AGENCY_CACHE_TTL_MS / MAX": `${c.AGENCY_CACHE_TTL_MS} / ${c.AGENCY_CACHE_MAX}`,
    "SPARE_DATABASES (bench API)": c.SPARE_DATABASES,
    "API":
      "in-process (createServices + createApp + Deno.serve on 127.0.0.1), LOG_REQUESTS=false, TRUST_PROXY=true",
    "load":
      `wrk -t${sizes.threads} -c${sizes.connections} -d${sizes.loadSec}s; pgbench -c${sizes.connections} -j${sizes.threads} -T${sizes.loadSec} -M simple`,
    "agencies (small / warm / many)": `${sizes.small} / ${sizes.warm} / ${sizes.many}`,
    "scenario 3 scale points / seconds per load": `${sizes.scalePoints.join(", ")} / ${sizes.scaleSec} s`,
    "scenario 11 flood / seconds per quiet load": `wrk -c${sizes.floodConnections} / ${sizes.fairnessSec} s`,
    "scenario 13 agency sizes / moves per size": `${
      sizes.moveSizesMb.map((mb) => `~${mb} MB`).join(", ")
    } / ${sizes.moves}`,
    "scenario 14 restored agency / other agencies on its cluster":
      `~${sizes.pitrAgencyMb} MB / ${sizes.pitrOtherAgencies}`,
    "scenario 15 catalog / live / real cold sources / wakes; live-database points / signups each":
      `${sizes.coldCatalog} / ${sizes.coldLive} / ${sizes.coldSources} / ${sizes.coldWakes}; ${
        sizes.livePoints.join(", ")
      } / ${sizes.liveSignups}`,
  };
}

/** Seeding is bulk work whose speed is not measured: on a local stack fsync is off while it runs,
 * then a checkpoint and fsync back on, so every measurement runs with the stack's defaults. */
async function withFastSeeding(stack: BenchStack, work: () => Promise<void>): Promise<void> {
  if (stack.external) return await work();
  const set = (on: boolean) =>
    withSql(stack.observerUrl, async (sql) => {
      if (on) await sql`alter system reset fsync`;
      else await sql`alter system set fsync = off`;
      await sql`select pg_reload_conf()`;
    });
  await set(false);
  try {
    await work();
  } finally {
    await withSql(stack.observerUrl, (sql) => sql`checkpoint`).catch(() => {});
    await set(true);
    // The seeded files sit dirty in the page cache; write them back now, untimed, rather than under
    // the next measurement (a login's commit would wait behind gigabytes of writeback).
    const started = performance.now();
    await new Deno.Command("sync", { stdout: "null", stderr: "null" }).output().catch(() => {});
    writebackMs += performance.now() - started;
  }
}

let writebackMs = 0;

/** On configured servers, the agencies this run created are dropped again (databases, then rows). */
async function dropBenchAgencies(stack: BenchStack, since: string): Promise<void> {
  const { control } = stack.controlPlane;
  const rows = await control<{ id: string; databaseName: string }[]>`
    select id, database_name from agencies
    where domain ~ '^(bench|prov)-[0-9a-f]{6}-[0-9]+\\.example\\.com$' and created_at >= ${since}::timestamptz`;
  for (const row of rows) {
    await control`drop database if exists ${control(row.databaseName)} with (force)`;
    await control`delete from agencies where id = ${row.id}`;
  }
  log(`dropped ${rows.length} bench agencies`);
}

async function main(): Promise<number> {
  const report: Report = {
    mode,
    startedAt: new Date().toISOString(),
    machine: await machine(),
    versions: {},
    configuration: {},
    seed: {},
    scenarios: [],
  };
  log(
    `bench (${mode}): ${[...selected].join(", ")}${
      Object.keys(overrides).length ? `; API overrides ${JSON.stringify(overrides)}` : ""
    }`,
  );
  const stack = await bootBenchStack(log);
  log(`stack ready in ${fmt(stack.bootMs / 1000, 1)} s (template ${stack.templateVersion})`);
  let api: Awaited<ReturnType<typeof serveApi>> | undefined;
  try {
    const config = benchConfig(stack, overrides);
    api = await serveApi(config, stack.servers);
    log(`API on ${api.url}`);
    const seeder = await createSeeder(stack, api.services.tokens, { concurrency: 2 });
    const ctx: BenchContext = {
      quick: mode === "quick",
      sizes,
      stack,
      api,
      config,
      overrides,
      seeder,
      log,
      shared: {},
      bulkWork: (work) => withFastSeeding(stack, work),
      async ensureAgencies(total) {
        if (seeder.agencies.length >= total) return;
        log(`seeding agencies ${seeder.agencies.length} → ${total}`);
        await withFastSeeding(stack, async () => {
          await seeder.growTo(total, (done, of) => log(`  seeded ${done}/${of}`));
        });
      },
    };
    report.versions = await versions(stack);
    report.configuration = await configuration(ctx);

    const run = async (id: ScenarioId, fn: () => Promise<ScenarioResult>) => {
      if (!selected.has(id)) return;
      const number = SCENARIOS.find(([, s]) => s === id)![0];
      log(`scenario ${number}: ${id}`);
      const started = performance.now();
      let result: ScenarioResult;
      try {
        result = await fn();
      } catch (error) {
        console.error(error);
        result = {
          number,
          id,
          title: id,
          status: "failed",
          tables: [],
          checks: [],
          notes: [],
          error: String((error as Error)?.stack ?? error),
        };
      }
      result.ms = performance.now() - started;
      report.scenarios.push(result);
      log(`scenario ${number} done in ${fmt(result.ms / 1000, 1)} s`);
    };

    const needsMany = ["reads-many", "login", "memory", "baseline"].some((id) =>
      selected.has(id as ScenarioId)
    );
    const needsWarm = needsMany ||
      ["reads-warm", "writes", "admission", "fairness", "workers"].some((id) =>
        selected.has(id as ScenarioId)
      );
    // First, while the bench's stack is idle and nothing is seeded yet: they boot stacks of their own.
    await run("dev", () => devStartup(ctx));
    await run("moves", () => moves(ctx));
    await run("pitr", () => pitr(ctx));
    await run("provisioning", () => provisioning(ctx));
    if (needsWarm) await ctx.ensureAgencies(sizes.warm);
    await run("reads-warm", () => readsWarm(ctx));
    await run("writes", () => writes(ctx));
    await run("admission", () => admission(ctx));
    await run("fairness", () => fairness(ctx));
    await run("workers", () => workers(ctx));
    if (needsMany) await ctx.ensureAgencies(sizes.many);
    await run("login", () => loginScenario(ctx));
    await run("reads-many", () => readsMany(ctx));
    await run("memory", () => memory(ctx));
    await run("baseline", () => baseline(ctx));
    // It moves the template (and every agency) to a new schema version.
    await run("tenants-migrate", () => tenantsMigrate(ctx));
    // After every other: it restarts the bench's PostgreSQL and grows the catalog and the cluster.
    await run("ten-thousand", () => tenThousand(ctx));

    report.scenarios.sort((a, b) => a.number - b.number);
    report.seed = {
      method:
        "cloneTemplate + catalog row + CONNECT grant + 3 users (one precomputed argon2 hash) + 20 projects + 20 tasks + directory rows, 2 in parallel, fsync off while seeding",
      agencies: seeder.agencies.length,
      "seed time": `${fmt(seeder.seedMs / 1000, 1)} s (${
        fmt(seeder.seedMs / Math.max(1, seeder.agencies.length), 0)
      } ms per agency)`,
      "writeback after seeding (sync, untimed)": `${fmt(writebackMs / 1000, 1)} s`,
      "clone (CREATE DATABASE … TEMPLATE) p50 / p95 while seeding": `${fmt(median(seeder.cloneMs), 0)} / ${
        fmt(percentile(seeder.cloneMs, 95), 0)
      } ms`,
    };
  } finally {
    log("stopping");
    await api?.shutdown().catch((error) => log(`API shutdown: ${error}`));
    log("API stopped");
    stopPasswordWorkers();
    if (stack.external) {
      await dropPgbench(stack).catch(() => {});
      await dropBenchAgencies(stack, report.startedAt).catch((error) => log(`cleanup: ${error}`));
    } else {
      // A throwaway cluster: its shutdown checkpoint need not fsync what the scenarios wrote.
      await withSql(stack.observerUrl, async (sql) => {
        await sql`alter system set fsync = off`;
        await sql`select pg_reload_conf()`;
      }).catch(() => {});
    }
    log("stopping PostgreSQL and PgBouncer, removing the temp dir");
    await stack.stop().catch((error) => log(`stack stop: ${error}`));
    log("stopped");
  }
  report.finishedAt = new Date().toISOString();
  report.totalSeconds = (performance.now() - t0) / 1000;
  report.machine["load average at end (1/5/15 min)"] = Deno.loadavg().map((x) => x.toFixed(2)).join(" / ");
  const { md, json } = await writeReport(report);
  console.log("\n" + report.scenarios.map(renderScenario).join("\n\n"));
  console.log("\n## Summary\n\n" + renderSummary(report) + "\n\n" + unmetLine(report));
  console.log(`\nWrote ${md} and ${json} (${fmt(report.totalSeconds, 0)} s).`);
  // A check the load gave nothing to judge is a bench that did not measure what it names: it fails
  // the run like a crashed scenario. A MISS is a measured result and is listed, not an error.
  const { noData, failed } = unmet(report);
  return failed.length || noData.length ? 1 : 0;
}

Deno.exit(
  args.profile ? await profile({ sizes, flood: args.flood, overrides, log }) : await main(),
);
