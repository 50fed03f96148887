// Scenario 15 — "10,000 agencies": a catalog of coldCatalog agencies, at least 90% cold, on one
// machine. Live agencies are seeded; a few real ones (~10 MB) go cold through the operator's action,
// and the rest of the cold ones are copies of their dumps, each its own file registered as the core
// registers a cold dump (tests/bench/cold-fleet.ts). Measured at that size: the disk per live and per
// cold agency, wakes by a login (503 agency_waking, then 200), login beside a 10-agency catalog, the
// console's agencies page, `stats`, `tenants:migrate` (cold agencies skipped). Then the cost of live
// databases in one cluster (tests/bench/live-databases.ts). Everything it creates is removed at the end.
import { mapLimit } from "../../../src/platform/map-limit.ts";
import { connect } from "../../../src/platform/db.ts";
import { agencyDatabaseSizes } from "../../../src/tenancy/control-plane.ts";
import { MB } from "../agency-load.ts";
import {
  type ColdCopy,
  coldSources,
  copyColdAgencies,
  removeColdCopies,
  restoreAlone,
  SOURCE_MB,
  type Wake,
  wakeByLogin,
} from "../cold-fleet.ts";
import type { BenchContext } from "../context.ts";
import { liveDatabaseCost, type LivePoint } from "../live-databases.ts";
import { type BenchOperator, benchOperator } from "../operator.ts";
import { type Check, sampled, type ScenarioResult, type Table } from "../report.ts";
import { createSeeder, type Seeder, USERS_PER_AGENCY } from "../seed.ts";
import { fmt, hex, median, outputWithin, percentile } from "../util.ts";
import { measureSideBySide, plan, startSmallCatalogApi } from "./login.ts";
import { cliEnv, type FleetMigration, migrateFleet } from "./tenants-migrate.ts";

const GB = 2 ** 30;
const WAKE_DEADLINE_MS = 60_000;
const STATS_CLI = new URL("../../../src/cli/stats.ts", import.meta.url).pathname;

const p50 = (xs: number[]) => percentile(xs, 50);
const p95 = (xs: number[]) => percentile(xs, 95);

async function timedPages(operator: BenchOperator, path: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const page = await operator.page(path);
    out.push(performance.now() - started);
    if (page.status !== 200) throw new Error(`GET ${path}: ${page.status}`);
  }
  return out;
}

/** A column of the `all` row of a CLI's closing summary table (NaN when it has none). */
function summaryFigure(out: string, column: string): number {
  const lines = out.split("\n");
  const header = lines.findLast((l) => /^cluster\s/.test(l))?.trim().split(/\s+/) ?? [];
  const all = lines.findLast((l) => /^all\s/.test(l))?.trim().split(/\s+/) ?? [];
  return header.includes(column) ? Number(all[header.indexOf(column)]) : NaN;
}

/** Bytes of each cold agency's latest dump file. */
async function coldDumpBytes(ctx: BenchContext): Promise<number[]> {
  const files = await ctx.stack.controlPlane.control<{ file: string }[]>`
    select distinct on (a.id) e.details->>'file' as file from agencies a
    join agency_events e on e.agency_id = a.id and e.event = 'agency.cold'
    where a.status = 'cold' order by a.id, e.id desc`;
  return await mapLimit(files, 16, async ({ file }) => (await Deno.stat(file)).size);
}

/** Every database, catalog row and dump file this run made: its seeder's agencies, and those whose
 * domain carries its tag (cold copies, signups). */
async function cleanUp(ctx: BenchContext, seeder: Seeder, tag: string, backupDir: string) {
  const { control } = ctx.stack.controlPlane;
  const ids = seeder.agencies.map((a) => a.id);
  const rows = await control<{ id: string; databaseName: string }[]>`
    select id, database_name from agencies
    where domain like ${`%-${tag}-%.example.com`} ${
    ids.length ? control`or id in ${control(ids)}` : control``
  }`;
  const names = rows.map((r) => r.databaseName);
  const live = names.length
    ? await control<{ datname: string }[]>`select datname from pg_database where datname in ${control(names)}`
    : [];
  await mapLimit(live, 8, ({ datname }) => control`drop database if exists ${control(datname)} with (force)`);
  for (let i = 0; i < rows.length; i += 1000) {
    await control`delete from agencies where id in ${control(rows.slice(i, i + 1000).map((r) => r.id))}`;
  }
  await mapLimit(
    rows,
    16,
    (r) => Deno.remove(`${backupDir}/cold/${r.id}`, { recursive: true }).catch(() => {}),
  );
  ctx.log(`  cleaned up ${rows.length} agencies (${live.length} databases)`);
}

export async function tenThousand(ctx: BenchContext): Promise<ScenarioResult> {
  const { stack, api, sizes } = ctx;
  const base = {
    number: 15,
    id: "ten-thousand",
    title: `${sizes.coldCatalog} agencies, mostly cold; the cost of many live databases`,
  };
  if (!stack.dir) {
    return {
      ...base,
      status: "skipped",
      tables: [],
      checks: [],
      notes: ["Local stack only: it restarts PostgreSQL and writes dumps beside the cluster."],
    };
  }
  const { control } = stack.controlPlane;
  const backupDir = api.services.lifecycle.backupDir;
  const tag = hex(6);
  const seeder = await createSeeder(stack, api.services.tokens, { concurrency: 2 });
  const count = async (where: "active" | "cold" | "all") => {
    const [{ n }] = await control<{ n: number }[]>`
      select count(*)::int as n from agencies ${
      where === "all" ? control`` : control`where status = ${where}`
    }`;
    return n;
  };
  let operator: BenchOperator | undefined;
  try {
    operator = await benchOperator(api.url, control);
    // Live agencies: fresh ones for the login comparison, then up to coldLive live in the catalog.
    const fresh = sizes.small + Math.ceil(sizes.logins / USERS_PER_AGENCY);
    const topUp = Math.max(fresh, sizes.coldLive - (await count("active")));
    const seedStarted = performance.now();
    await ctx.bulkWork(async () => void await seeder.growTo(sizes.coldSources + topUp));
    const seedMs = performance.now() - seedStarted;
    const freshAgencies = seeder.agencies.slice(sizes.coldSources, sizes.coldSources + fresh);

    ctx.log(`  ${sizes.coldSources} real agencies: fill to ~${SOURCE_MB} MB, then cold (operator action)`);
    const sourcesStarted = performance.now();
    const sources = await coldSources(stack, operator, seeder.agencies.slice(0, sizes.coldSources));
    const sourcesMs = performance.now() - sourcesStarted;
    // Up to coldCatalog agencies, and at least 9 cold per other agency (earlier scenarios' live ones count).
    const [all, cold] = [await count("all"), await count("cold")];
    const bulk = Math.max(0, sizes.coldCatalog - all, 9 * (all - cold) - cold);
    ctx.log(`  ${bulk} cold agencies copied from their dumps`);
    const copiesStarted = performance.now();
    let copies: ColdCopy[] = [];
    await ctx.bulkWork(async () => {
      copies = await copyColdAgencies(control, backupDir, sources, bulk, tag, (done) => {
        if (done % 2000 === 0) ctx.log(`    ${done}/${bulk}`);
      });
    });
    const copiesMs = performance.now() - copiesStarted;
    const census = { all: await count("all"), active: await count("active"), cold: await count("cold") };
    ctx.log(`  catalog: ${census.all} agencies, ${census.active} active, ${census.cold} cold`);

    // Login at this size beside a catalog of `small` agencies (scenario 5's method).
    const small = await startSmallCatalogApi(ctx, freshAgencies.slice(0, sizes.small));
    let logins;
    try {
      logins = await measureSideBySide([
        { api: small, logins: plan(freshAgencies.slice(0, sizes.small), sizes.logins) },
        {
          api: { url: api.url, catalog: api.services.catalog, agencies: census.all },
          logins: plan(freshAgencies.slice(sizes.small), sizes.logins),
        },
      ]);
    } finally {
      await small.close();
    }
    const [smallLogins, largeLogins] = logins;
    const loginRatio = p50(largeLogins.latencies) / p50(smallLogins.latencies);

    // The console's agencies page and `stats`, at this size.
    const pageSamples = ctx.quick ? 5 : 25;
    const first = await timedPages(operator, "/console/agencies", pageSamples);
    const next = (await operator.page("/console/agencies")).html.match(/href="([^"]+)" rel="next"/)?.[1]
      ?.replaceAll("&amp;", "&");
    const nextMs = next ? await timedPages(operator, next, pageSamples) : [];
    const query = `cold-${tag}-${Math.floor(bulk / 2)}`;
    const searchMs = await timedPages(operator, `/console/agencies?q=${query}`, pageSamples);
    const statsMs: number[] = [];
    let byStatus: { status: string; agencies: number }[] = [];
    let coldStats: { cold: number; dumpBytes: number } | undefined;
    for (let i = 0; i < pageSamples; i++) {
      const started = performance.now();
      const stats = await operator.admin("GET", "/stats") as {
        agencies: { byStatus: { status: string; agencies: number }[] };
        cold?: { cold: number; dumpBytes: number };
      };
      statsMs.push(performance.now() - started);
      byStatus = stats.agencies.byStatus;
      coldStats = stats.cold;
    }
    const cliStarted = performance.now();
    const cli = await outputWithin(
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", STATS_CLI],
        env: cliEnv(stack),
        stdout: "piped",
        stderr: "piped",
      }),
      120_000,
    );
    const cliMs = performance.now() - cliStarted;
    const cliOut = new TextDecoder().decode(cli.stdout);
    const cliCold = Number(cliOut.match(/^cold\s+(\d+)/m)?.[1] ?? NaN);
    const statsCold = byStatus.find((s) => s.status === "cold")?.agencies ?? 0;
    const statsColdApart = coldStats?.cold ?? NaN;
    const statsDumpBytes = coldStats?.dumpBytes ?? NaN;

    // Disk, before any wake: every live agency's database, every cold agency's dump.
    const liveNames = (await control<{ databaseName: string }[]>`
      select database_name from agencies where status = 'active'`).map((r) => r.databaseName);
    const liveBytes = (await agencyDatabaseSizes(stack.controlPlane, liveNames)).map((d) => d.bytes);
    const coldBytes = await coldDumpBytes(ctx);
    const [{ catalogBytes }] = await control<{ catalogBytes: number }[]>`
      select pg_database_size(current_database())::float8 as catalog_bytes`;

    // Wakes: a sample of the copies, spread over them, one at a time.
    const sample: ColdCopy[] = Array.from(
      { length: Math.min(sizes.coldWakes, copies.length) },
      (_, i) => copies[Math.floor((i * copies.length) / Math.min(sizes.coldWakes, copies.length))],
    );
    const wakes: WakeResult[] = [];
    for (const copy of sample) {
      const wake = await wakeByLogin(api.url, copy.email, WAKE_DEADLINE_MS);
      let whole = false;
      let databaseBytes = NaN;
      if (wake.token) {
        const res = await fetch(`${api.url}/api/projects?limit=20`, {
          headers: { Authorization: `Bearer ${wake.token}` },
        });
        const projects = (await res.json())?.data?.length;
        const sql = connect(stack.adminUrl(copy.databaseName), { max: 1 });
        try {
          const [{ fill, bytes }] = await sql<{ fill: number; bytes: number }[]>`
            select (select count(*)::int from clients where name like 'fill-%') as fill,
              pg_database_size(current_database())::float8 as bytes`;
          whole = res.status === 200 && projects === 20 && fill === copy.source.fillRows;
          databaseBytes = bytes;
        } finally {
          await sql.end({ timeout: 5 });
        }
      }
      const [event] = await control<{ ms: number }[]>`
        select (details->>'ms')::float8 as ms from agency_events
        where agency_id = ${copy.id} and event = 'agency.woken' order by id desc limit 1`;
      wakes.push({ ...wake, whole, databaseBytes, serverMs: event?.ms ?? NaN });
    }
    const woken = wakes.filter((w) =>
      w.first === 503 && w.code === "agency_waking" && w.retryAfter && w.token
    );
    const wakeMs = woken.map((w) => w.ms);
    const restoreMs = await restoreAlone(stack, sources[0].details.file, ctx.quick ? 2 : 5);
    ctx.log(
      `  wakes: ${woken.length}/${wakes.length}, p50 ${fmt(p50(wakeMs), 0)} ms, p95 ${
        fmt(p95(wakeMs), 0)
      } ms`,
    );

    // tenants:migrate over the live agencies, with the cold ones in the catalog.
    const coldBefore = await count("cold");
    const migration = await migrateFleet(ctx, (ctx.quick ? 120 : 1200) * 1000);
    const [{ touched }] = await control<{ touched: number }[]>`
      select count(*)::int as touched from agencies a
      where a.status = 'cold' and (a.schema_version = ${migration.version}
        or exists (select 1 from pg_database d where d.datname = a.database_name))`;

    // The cost of live databases in one cluster, with the disk the cold copies held given back.
    ctx.log(`  removed ${await removeColdCopies(control, backupDir, copies)} cold copies`);
    const emptyDatabaseBytes = median(liveBytes) || 12 * MB;
    const points = await liveDatabaseCost(ctx, seeder, tag, { emptyDatabaseBytes, reserveBytes: 8 * GB });

    return report(ctx, base, {
      census,
      seedMs,
      sourcesMs,
      copiesMs,
      bulk,
      sourceBytes: sources.map((s) => s.databaseBytes),
      liveBytes,
      coldBytes,
      catalogBytes,
      wakes,
      woken: wakeMs,
      restoreMs,
      logins: { small: smallLogins, large: largeLogins, ratio: loginRatio },
      console: { first, next: nextMs, search: searchMs, query },
      stats: { apiMs: statsMs, cliMs, cliExit: cli.code, statsCold, statsColdApart, statsDumpBytes, cliCold },
      migration,
      coldBefore,
      touched,
      cliColdCounted: summaryFigure(migration.out, "cold"),
      points,
    });
  } finally {
    await operator?.remove().catch(() => {});
    // Untimed; each DROP DATABASE waits for a checkpoint.
    await ctx.bulkWork(() => cleanUp(ctx, seeder, tag, backupDir)).catch((error) =>
      ctx.log(`  cleanup: ${error}`)
    );
  }
}

type WakeResult = Wake & { whole: boolean; databaseBytes: number; serverMs: number };

type Figures = {
  census: { all: number; active: number; cold: number };
  seedMs: number;
  sourcesMs: number;
  copiesMs: number;
  bulk: number;
  sourceBytes: number[];
  liveBytes: number[];
  coldBytes: number[];
  catalogBytes: number;
  wakes: WakeResult[];
  woken: number[];
  restoreMs: number[];
  logins: {
    small: { agencies: number; latencies: number[] };
    large: { agencies: number; latencies: number[] };
    ratio: number;
  };
  console: { first: number[]; next: number[]; search: number[]; query: string };
  stats: {
    apiMs: number[];
    cliMs: number;
    cliExit: number;
    /** Cold agencies: by status, in the stats' cold section, and by the CLI's status table. */
    statsCold: number;
    statsColdApart: number;
    statsDumpBytes: number;
    cliCold: number;
  };
  migration: FleetMigration;
  coldBefore: number;
  touched: number;
  /** The CLI summary's cold column (skipped, counted apart). */
  cliColdCounted: number;
  points: LivePoint[];
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mb = (bytes: number) => fmt(bytes / MB, 2);

function report(
  ctx: BenchContext,
  base: { number: number; id: string; title: string },
  f: Figures,
): ScenarioResult {
  const { sizes } = ctx;
  const coldShare = f.census.cold / f.census.all;
  const liveTotal = sum(f.liveBytes);
  const coldTotal = sum(f.coldBytes);
  const wakeOk = f.wakes.filter((w) =>
    w.first === 503 && w.code === "agency_waking" && w.retryAfter && w.token
  );
  const whole = f.wakes.filter((w) => w.whole).length;
  const m = f.migration;
  const tables: Table[] = [{
    title: "The catalog",
    columns: [
      "agencies",
      "active",
      "cold",
      "cold share",
      `real cold (+${SOURCE_MB} MB of data, operator action): database MB`,
      "cold copies",
      "seed live s",
      "send real cold s",
      "copies s",
    ],
    rows: [[
      f.census.all,
      f.census.active,
      f.census.cold,
      `${fmt(coldShare * 100, 1)}%`,
      `${f.sourceBytes.length} (${f.sourceBytes.map(mb).join(", ")} MB)`,
      f.bulk,
      fmt(f.seedMs / 1000, 1),
      fmt(f.sourcesMs / 1000, 1),
      fmt(f.copiesMs / 1000, 1),
    ]],
  }, {
    title: "Disk",
    columns: ["what", "n", "per agency p50 MB", "per agency mean MB", "total GB"],
    rows: [
      [
        "live: pg_database_size",
        f.liveBytes.length,
        mb(p50(f.liveBytes)),
        mb(liveTotal / f.liveBytes.length),
        fmt(liveTotal / GB, 2),
      ],
      [
        "cold: dump file",
        f.coldBytes.length,
        mb(p50(f.coldBytes)),
        mb(coldTotal / f.coldBytes.length),
        fmt(coldTotal / GB, 2),
      ],
      [
        "catalog database (rows, events, directory)",
        f.census.all,
        "–",
        mb(f.catalogBytes / f.census.all),
        fmt(f.catalogBytes / GB, 3),
      ],
      [
        "total",
        f.census.all,
        "–",
        mb((liveTotal + coldTotal + f.catalogBytes) / f.census.all),
        fmt((liveTotal + coldTotal + f.catalogBytes) / GB, 2),
      ],
    ],
  }, {
    title:
      `Wakes by a login (one at a time, logins retried every 100 ms until 200), agencies with ~${SOURCE_MB} MB of data`,
    columns: [
      "wakes",
      "first answer",
      "Retry-After s",
      "p50 ms",
      "p95 ms",
      "max ms",
      "wake in the API (agency.woken ms) p50 / p95",
      "restoreDatabase alone p50 ms",
      "logins per wake p50",
      "woken database MB p50",
      "data whole",
    ],
    rows: [[
      f.wakes.length,
      [...new Set(f.wakes.map((w) => `${w.first} ${w.code ?? ""}`.trim()))].join(", "),
      [...new Set(f.wakes.map((w) => w.retryAfter ?? "–"))].join(", "),
      fmt(p50(f.woken), 0),
      fmt(p95(f.woken), 0),
      fmt(Math.max(...f.woken), 0),
      `${fmt(p50(f.wakes.map((w) => w.serverMs)), 0)} / ${fmt(p95(f.wakes.map((w) => w.serverMs)), 0)}`,
      `${fmt(p50(f.restoreMs), 0)} (n=${f.restoreMs.length})`,
      fmt(p50(f.wakes.map((w) => w.attempts)), 0),
      mb(p50(f.wakes.map((w) => w.databaseBytes))),
      `${whole}/${f.wakes.length}`,
    ]],
  }, {
    title: "Login p50, sequential, alternating between the two catalogs (scenario 5's method)",
    columns: ["agencies in catalog", "logins", "p50 ms", "p95 ms"],
    rows: [f.logins.small, f.logins.large].map((
      s,
    ) => [s.agencies, s.latencies.length, fmt(p50(s.latencies)), fmt(p95(s.latencies))]),
  }, {
    title: `Console agencies page and stats at ${f.census.all} agencies`,
    columns: ["request", "n", "p50 ms", "p95 ms"],
    rows: [
      [
        "GET /console/agencies (first page)",
        f.console.first.length,
        fmt(p50(f.console.first)),
        fmt(p95(f.console.first)),
      ],
      ["next page (rel=next)", f.console.next.length, fmt(p50(f.console.next)), fmt(p95(f.console.next))],
      [
        `search ?q=${f.console.query}`,
        f.console.search.length,
        fmt(p50(f.console.search)),
        fmt(p95(f.console.search)),
      ],
      ["GET /api/admin/stats", f.stats.apiMs.length, fmt(p50(f.stats.apiMs)), fmt(p95(f.stats.apiMs))],
      [
        `deno run src/cli/stats.ts (exit ${f.stats.cliExit}, Deno start-up included)`,
        1,
        fmt(f.stats.cliMs, 0),
        "–",
      ],
    ],
  }, {
    title: `tenants:migrate over the live agencies, ${f.coldBefore} cold in the catalog`,
    columns: [
      "live agencies",
      "exit",
      "migrated",
      "failed",
      "cold counted by the CLI",
      "cold touched",
      "wall s",
      "s per 1,000",
    ],
    rows: [[
      m.agencies,
      m.code,
      m.ledger.migrated,
      m.ledger.failed,
      fmt(f.cliColdCounted, 0),
      f.touched,
      fmt(m.seconds, 1),
      fmt((m.seconds * 1000) / Math.max(1, m.agencies), 1),
    ]],
  }, {
    title: "The cost of live databases in one cluster",
    columns: [
      "target",
      "agency databases",
      "seeded s",
      "signup p50 ms",
      "signup p95 ms",
      "tenants:migrate s (agencies)",
      "pg_ctl restart ms",
      "until a query answers ms",
    ],
    rows: f.points.map((p) =>
      p.skipped ? [p.target, p.databases, `skipped: ${p.skipped}`, "–", "–", "–", "–", "–"] : [
        p.target,
        p.databases,
        fmt(p.seedMs / 1000, 1),
        fmt(p50(p.signupMs), 0),
        fmt(p95(p.signupMs), 0),
        p.migration
          ? `${
            fmt(p.migration.seconds, 1)
          } (${p.migration.ledger.migrated}/${p.migration.agencies}, exit ${p.migration.code})`
          : "–",
        fmt(p.restart?.restartMs, 0),
        fmt(p.restart?.firstQueryMs, 0),
      ]
    ),
  }];
  const measuredPoints = f.points.filter((p) => !p.skipped);
  const checks: Check[] = [
    sampled(
      "at least 90% of the catalog cold",
      f.census.all,
      `${f.census.cold}/${f.census.all} (${fmt(coldShare * 100, 1)}%)`,
      () => coldShare >= 0.9,
    ),
    sampled(
      "each sampled cold agency: first login 503 agency_waking with Retry-After, then 200 with its data whole",
      f.wakes.length,
      `${wakeOk.length}/${f.wakes.length} woken, ${whole} whole`,
      () => wakeOk.length === f.wakes.length && whole === f.wakes.length,
    ),
    sampled(
      `wake p95 ≤ 3 s (agency with ~${SOURCE_MB} MB of data, time to first 200)`,
      f.woken.length,
      `${fmt(p95(f.woken), 0)} ms`,
      () => p95(f.woken) <= 3000,
    ),
    sampled(
      `login p50 at ${f.logins.large.agencies} / at ${f.logins.small.agencies} agencies ≤ 1.2${
        sizes.coldCatalog >= 10_000 ? "" : " (not at 10,000)"
      }`,
      Math.min(f.logins.small.latencies.length, f.logins.large.latencies.length),
      `${fmt(f.logins.ratio, 2)}×`,
      () => f.logins.ratio <= 1.2,
    ),
    sampled(
      "tenants:migrate: every live agency migrated, exit 0, every cold agency counted apart and untouched",
      m.agencies,
      `${m.ledger.migrated}/${m.agencies}, exit ${m.code}, ${f.touched} cold touched, ${
        fmt(f.cliColdCounted, 0)
      }/${f.coldBefore} counted cold by the CLI`,
      () =>
        m.code === 0 && m.ledger.migrated === m.agencies && f.touched === 0 &&
        f.cliColdCounted === f.coldBefore,
    ),
    sampled(
      "stats counts cold agencies apart (API and CLI)",
      f.census.cold,
      `API by status ${f.stats.statsCold}, API cold section ${fmt(f.stats.statsColdApart, 0)} (dumps ${
        fmt(f.stats.statsDumpBytes / GB, 2)
      } GB), CLI ${fmt(f.stats.cliCold, 0)}, catalog ${f.census.cold}`,
      () =>
        f.stats.statsCold === f.census.cold && f.stats.statsColdApart === f.census.cold &&
        f.stats.cliCold === f.census.cold,
    ),
    sampled(
      `live-database points measured (${sizes.livePoints.join(", ")}): signups 201, tenants:migrate exit 0`,
      measuredPoints.length,
      measuredPoints.map((p) => `${p.databases}: ${p.migration?.ledger.migrated}/${p.migration?.agencies}`)
        .join("; "),
      () =>
        measuredPoints.length === sizes.livePoints.length &&
        measuredPoints.every((p) =>
          p.migration?.code === 0 && p.migration.ledger.migrated === p.migration.agencies
        ),
    ),
  ];
  return {
    ...base,
    title: `${f.census.all} agencies (${f.census.cold} cold); the cost of many live databases`,
    status: "ok",
    tables,
    checks,
    notes: [
      `Live agencies: seeded as the bench seeds (template clone, 3 users, 20 projects, 20 tasks). Real cold agencies: ${sizes.coldSources} seeded agencies whose clients table is filled (rows of ~1.5 kB) until pg_database_size has grown by ~${SOURCE_MB} MB over an empty agency's, sent cold by POST /api/admin/agencies/:id/cold (writes stopped, pg_dump, verified, database dropped).`,
      `Cold copies: each a catalog row (status cold, the source's plan and schema version), its own dump file BACKUP_DIR/cold/<id>/<database>-<stamp>.dump (a byte copy of a real cold dump, so its checksum is the source's), a manifest beside it, the agency.cold event with the details the wake reads (file, sha256, schemaVersion, manifest), and a directory row: a unique email mapped to the copied agency's admin user id. A woken copy therefore holds the source's data (its users, 20 projects, the ~${SOURCE_MB} MB of clients) and its login signs in as the source's admin user.`,
      `Wakes: ${f.wakes.length} copies spread over the catalog, one at a time; each login retried every 100 ms (a client honouring Retry-After would wait whole seconds), so the time is the wake's own. Checked after: GET /api/projects returns the 20 projects and the clients table has every fill row. "restoreDatabase alone": the wake's restore step (src/tenancy/control-plane.ts restoreDatabase: CREATE DATABASE, pg_restore, checks) of a real cold dump into a scratch database, for how much of a wake it is.`,
      "Disk is measured before the wakes: pg_database_size of each live agency's database, the size of each cold agency's latest dump file, and the catalog database (all agencies' rows, events and directory entries).",
      `tenants:migrate and the live-database points each apply one trivial migration past the template's version with the real CLI (scenario 7's method); "cold touched" counts cold agencies at the new version or with a database. The restart is pg_ctl restart -m fast of the bench's cluster after a CHECKPOINT (the in-process API and PgBouncer stay up and reconnect); "until a query answers" is from the restart's start to a new connection's first answer.`,
      "Everything the scenario created is removed at its end: databases, catalog rows (with their events and directory rows), dump files, the operator.",
    ],
    data: f,
  };
}
