// Scenario 15's cost of many live databases in one cluster: at each point, the cluster's live agency
// databases topped up by seeding, then signups over HTTP (a template clone each: the bench API keeps no
// spares), `tenants:migrate` over them, and a restart of the bench's PostgreSQL (pg_ctl restart, fast
// shutdown; then the time until a new connection is answered).
import { connect } from "../../src/platform/db.ts";
import { run } from "../../src/platform/command.ts";
import type { BenchContext } from "./context.ts";
import { type FleetMigration, migrateFleet } from "./scenarios/tenants-migrate.ts";
import type { Seeder } from "./seed.ts";
import { BENCH_PASSWORD } from "./seed.ts";
import { freshAddress, sleep } from "./util.ts";

export type LivePoint = {
  target: number;
  /** Agency databases in the cluster when measured. */
  databases: number;
  seedMs: number;
  signupMs: number[];
  migration?: FleetMigration;
  restart?: { restartMs: number; firstQueryMs: number; databases: number };
  skipped?: string;
};

/** Agency databases in the bench's cluster. */
export async function agencyDatabases(ctx: BenchContext): Promise<number> {
  const [{ count }] = await ctx.stack.controlPlane.control<{ count: number }[]>`
    select count(*)::int as count from pg_database where datname like 'agency\\_%'`;
  return count;
}

/** Free bytes on the file system of `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const out = await run(["df", "-B1", "--output=avail", dir]);
  return Number(out.trim().split("\n").at(-1));
}

/** One signup through POST /api/agencies; its latency. */
async function signup(url: string, tag: string, i: number): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/agencies`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({
      name: `Live ${tag} ${i}`,
      domain: `live-${tag}-${i}.example.com`,
      subscriptionPlan: "starter",
      admin: { email: `live.${tag}.${i}@bench.example.com`, password: BENCH_PASSWORD, fullName: `Live ${i}` },
    }),
  });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`POST /api/agencies: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

/** Restarts the bench's (local) PostgreSQL; how long pg_ctl took, then until a new connection answers. */
async function restartPostgres(ctx: BenchContext): Promise<{ restartMs: number; firstQueryMs: number }> {
  const dir = ctx.stack.dir!;
  const superuser = connect(ctx.stack.observerUrl, { max: 1 });
  await superuser`checkpoint`.finally(() => superuser.end({ timeout: 5 })); // the shutdown one then writes little
  const started = performance.now();
  await run([
    `${ctx.stack.tools.pgBin}/pg_ctl`,
    ...["-D", `${dir}/pg`, "-l", `${dir}/run/postgres.log`, "-m", "fast", "-w", "-t", "300", "restart"],
  ], { asServiceUser: true });
  const restartMs = performance.now() - started;
  const deadline = performance.now() + 120_000;
  for (let attempt = 0; attempt < 1200; attempt++) {
    const sql = connect(ctx.stack.observerUrl, { max: 1 });
    try {
      await sql`select 1`;
      return { restartMs, firstQueryMs: performance.now() - started };
    } catch (error) {
      if (performance.now() > deadline) throw error;
    } finally {
      await sql.end({ timeout: 1 }).catch(() => {});
    }
    await sleep(50);
  }
  throw new Error("PostgreSQL did not answer after its restart");
}

/** The points in order: each tops the cluster up to `target` agency databases (when the disk holds
 * them, keeping `reserveBytes` free), then measures. */
export async function liveDatabaseCost(
  ctx: BenchContext,
  seeder: Seeder,
  tag: string,
  { emptyDatabaseBytes, reserveBytes }: { emptyDatabaseBytes: number; reserveBytes: number },
): Promise<LivePoint[]> {
  const points: LivePoint[] = [];
  let signups = 0;
  for (const target of ctx.sizes.livePoints) {
    const have = await agencyDatabases(ctx);
    const need = Math.max(0, target - have - ctx.sizes.liveSignups);
    const free = await freeBytes(ctx.stack.dir ?? Deno.cwd());
    const point: LivePoint = { target, databases: have, seedMs: 0, signupMs: [] };
    points.push(point);
    if (need * emptyDatabaseBytes * 1.1 > free - reserveBytes) {
      point.skipped = `needs ~${Math.round((need * emptyDatabaseBytes) / 2 ** 30)} GiB, ${
        Math.round(free / 2 ** 30)
      } GiB free`;
      ctx.log(`  ${target} live databases: skipped (${point.skipped})`);
      continue;
    }
    ctx.log(`  ${target} live databases: seeding ${need} (have ${have})`);
    const started = performance.now();
    await ctx.bulkWork(async () => {
      await seeder.growTo(seeder.agencies.length + need, (done, of) => {
        if (done % 500 === 0) ctx.log(`    seeded ${done}/${of}`);
      });
    });
    point.seedMs = performance.now() - started;
    for (let i = 0; i < ctx.sizes.liveSignups; i++) {
      point.signupMs.push(await signup(ctx.api.url, tag, signups++));
    }
    point.databases = await agencyDatabases(ctx);
    point.migration = await migrateFleet(ctx, (ctx.quick ? 120 : 1800) * 1000);
    if (ctx.stack.dir) {
      point.restart = { ...(await restartPostgres(ctx)), databases: point.databases };
      ctx.log(`  restart at ${point.databases} databases: ${Math.round(point.restart.firstQueryMs)} ms`);
    }
  }
  return points;
}
