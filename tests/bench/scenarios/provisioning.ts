// Scenario 1 — provisioning: (a) a ready spare renamed, (b) a direct template clone, (c) DDL replay
// (an empty database migrated by dbmate, as the seed design did). The database part is the
// 'create-database' step (afterStep hook); end to end is POST /api/agencies over HTTP.
import { dbmate, TENANT_MIGRATIONS } from "../../../src/platform/dbmate.ts";
import { dropDatabase } from "../../../src/tenancy/control-plane.ts";
import { provisionAgency, type ProvisioningDeps } from "../../../src/tenancy/provisioning/index.ts";
import { claimSpare, refillSpares } from "../../../src/tenancy/spares.ts";
import type { BenchContext } from "../context.ts";
import { sampled, type ScenarioResult } from "../report.ts";
import { fmt, freshAddress, hex, percentile } from "../util.ts";

type Sample = { dbMs?: number; totalMs: number; source?: string };

const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), n: xs.length });

export async function provisioning(ctx: BenchContext): Promise<ScenarioResult> {
  const { stack, api, sizes } = ctx;
  const cp = stack.controlPlane;
  const run = hex(6);
  let seq = 0;
  const input = () => {
    const i = seq++;
    return {
      name: `Prov ${run} ${i}`,
      domain: `prov-${run}-${i}.example.com`,
      subscriptionPlan: "starter",
      admin: {
        email: `prov.${run}.${i}@bench.example.com`,
        password: "Bench-horse-9-battery",
        fullName: `Prov ${i}`,
      },
    };
  };

  // The API's signups get the hook too (signupRoutes passes its hooks to provisionAgency), so the
  // HTTP signups report their database part as well.
  let lastDbMs: number | undefined;
  const hooks = {
    afterStep: (step: string, ms: number) => void (step === "create-database" && (lastDbMs = ms)),
  };
  api.services.provisioningHooks.afterStep = hooks.afterStep;
  const deps: ProvisioningDeps = { ...cp, hooks };

  const readySpares = async () => {
    const [{ count }] = await cp.control<{ count: number }[]>`
      select count(*)::int as count from spare_databases where ready`;
    return count;
  };
  const drainSpares = async () => {
    for (
      let name = await claimSpare(cp.control, cp.cluster, stack.templateVersion);
      name;
      name = await claimSpare(cp.control, cp.cluster, stack.templateVersion)
    ) {
      await dropDatabase(cp, name);
    }
  };

  async function direct(path: "spare" | "clone"): Promise<Sample> {
    if (path === "spare") await refillSpares(cp, 1);
    else await drainSpares();
    lastDbMs = undefined;
    const started = performance.now();
    const result = await provisionAgency(deps, input());
    return { totalMs: performance.now() - started, dbMs: lastDbMs, source: result.source };
  }

  async function http(path: "spare" | "clone"): Promise<Sample> {
    if (path === "spare") await refillSpares(cp, 1);
    else await drainSpares();
    const before = await readySpares();
    lastDbMs = undefined;
    const started = performance.now();
    const res = await fetch(`${api.url}/api/agencies`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
      body: JSON.stringify(input()),
    });
    const body = await res.text();
    const totalMs = performance.now() - started;
    if (res.status !== 201) throw new Error(`POST /api/agencies: ${res.status} ${body.slice(0, 300)}`);
    const after = await readySpares();
    return { totalMs, dbMs: lastDbMs, source: before > after ? "spare" : "clone" };
  }

  async function ddlReplay(): Promise<Sample> {
    const name = `bench_ddl_${hex(10)}`;
    const started = performance.now();
    await cp.control`create database ${cp.control(name)}`;
    try {
      await dbmate(stack.tools.dbmate, stack.adminUrl(name), TENANT_MIGRATIONS, "migrate");
      return { totalMs: performance.now() - started, dbMs: performance.now() - started };
    } finally {
      await dropDatabase(cp, name);
    }
  }

  // Round by round, every path once per round, so the ratios compare samples taken under the same
  // conditions rather than one path's run with another's seconds later.
  const paths: [string, () => Promise<Sample>, number][] = [
    ["spare-direct", () => direct("spare"), sizes.provisioningSamples],
    ["clone-direct", () => direct("clone"), sizes.provisioningSamples],
    ["spare-http", () => http("spare"), sizes.provisioningSamples],
    ["clone-http", () => http("clone"), sizes.provisioningSamples],
    ["ddl-replay", ddlReplay, sizes.ddlSamples],
  ];
  const samples: Record<string, Sample[]> = Object.fromEntries(paths.map(([key]) => [key, []]));
  const rounds = Math.max(...paths.map(([, , count]) => count));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [key, fn, count] of paths) if (round < count) samples[key].push(await fn());
    }
    ctx.log(`  ${paths.map(([key]) => `${key} ${samples[key].length}`).join(", ")} samples`);
  } finally {
    delete api.services.provisioningHooks.afterStep;
    await drainSpares().catch(() => {});
  }

  const db = (k: string) => stats(samples[k].map((s) => s.dbMs).filter((x): x is number => x !== undefined));
  const total = (k: string) => stats(samples[k].map((s) => s.totalMs));
  const sources = (k: string) => [...new Set(samples[k].map((s) => s.source ?? "?"))].join("/");
  const spareDb = db("spare-direct");
  const ddl = db("ddl-replay");
  const speedup = ddl.p50 / spareDb.p50;
  const row = (label: string, k: string, what: string) => {
    const d = db(k);
    const t = total(k);
    return [
      label,
      what,
      sources(k),
      d.n,
      fmt(d.p50),
      fmt(d.p95),
      fmt(t.p50),
      fmt(t.p95),
      fmt(ddl.p50 / d.p50, 1) + "×",
    ];
  };
  return {
    number: 1,
    id: "provisioning",
    title: "Provisioning",
    status: "ok",
    tables: [{
      columns: [
        "path",
        "how",
        "source",
        "n",
        "db part p50 ms",
        "db part p95 ms",
        "total p50 ms",
        "total p95 ms",
        "DDL replay / this (db part)",
      ],
      rows: [
        row("(a) spare rename", "spare-direct", "provisionAgency"),
        row("(b) template clone", "clone-direct", "provisionAgency"),
        row("(a) spare rename", "spare-http", "POST /api/agencies"),
        row("(b) template clone", "clone-http", "POST /api/agencies"),
        [
          "(c) DDL replay",
          "create + dbmate migrate + drop",
          "ddl",
          ddl.n,
          fmt(ddl.p50),
          fmt(ddl.p95),
          fmt(total("ddl-replay").p50),
          fmt(total("ddl-replay").p95),
          "1.0×",
        ],
      ],
    }],
    checks: [
      sampled(
        "spare rename db part p50 < 50 ms",
        spareDb.n,
        `${fmt(spareDb.p50)} ms`,
        () => spareDb.p50 < 50,
      ),
      sampled(
        "spare rename ≥ 20× faster than DDL replay (db part p50, interleaved)",
        Math.min(spareDb.n, ddl.n),
        `${fmt(speedup)}×`,
        () => speedup >= 20,
      ),
    ],
    notes: [
      "db part = the 'create-database' step (claim + ALTER DATABASE … RENAME, or CREATE DATABASE … TEMPLATE under the shared template lock); total = provisionAgency incl. its argon2 hash, or the HTTP round trip.",
      "The paths take turns, one sample each per round (a, b, a over HTTP, b over HTTP, c while c has samples left).",
      "Spares are refilled (untimed) before each (a) sample and drained before each (b) sample; the bench API runs with SPARE_DATABASES=0 so its own refiller never races the measurement.",
      "(c) is timed as create + `dbmate migrate` (process spawn included, as the seed did it); the drop is not timed.",
    ],
    data: samples,
  };
}
