// Scenario 5 — login p50 with the user directory holding few vs many agencies' users: sequential
// POST /api/auth/login, each a distinct user (per-email limit), each from its own X-Forwarded-For.
import type { BenchContext, LoginMeasurement } from "../context.ts";
import type { ScenarioResult } from "../report.ts";
import { hashPassword, verifyPassword } from "../../../src/auth/password.ts";
import type { SeededAgency } from "../seed.ts";
import { BENCH_PASSWORD } from "../seed.ts";
import { fmt, freshAddress, percentile } from "../util.ts";

async function login(url: string, email: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${body.slice(0, 200)}`);
  return ms;
}

async function directoryRows(ctx: BenchContext): Promise<number> {
  const [{ count }] = await ctx.stack.controlPlane.control<{ count: number }[]>`
    select count(*)::int as count from user_directory`;
  return count;
}

type Login = { email: string; first: boolean };

/** The same access pattern for both halves: ceil(count / users per agency) agencies spread evenly over
 * `agencies`, every user of each, round by round (each agency's first login, then the second, ...).
 * Every email logs in once (per-email limit), and so does every agency's first user. */
function plan(agencies: SeededAgency[], count: number): Login[] {
  const perAgency = agencies[0]?.users.length ?? 1;
  const k = Math.min(agencies.length, Math.ceil(count / perAgency));
  const chosen = Array.from({ length: k }, (_, i) => agencies[Math.floor((i * agencies.length) / k)]);
  const logins: Login[] = [];
  for (let round = 0; round < perAgency && logins.length < count; round++) {
    for (const agency of chosen) {
      if (logins.length < count && agency.users[round]) {
        logins.push({ email: agency.users[round].email, first: round === 0 });
      }
    }
  }
  return logins;
}

let benchHash: Promise<string> | undefined;

/** argon2id verifications alone, in this process's worker pool: how busy the CPU is right now. */
async function verifyCost(samples = 10): Promise<number[]> {
  const hash = await (benchHash ??= hashPassword(BENCH_PASSWORD));
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await verifyPassword(BENCH_PASSWORD, hash);
    out.push(performance.now() - started);
  }
  return out;
}

/** The login's directory lookup alone (the query login-routes.ts runs, on the API's catalog client
 * through PgBouncer), for `emails`: how the directory scales, without argon2 or the agency round trip. */
async function lookupCost(ctx: BenchContext, emails: string[]): Promise<number[]> {
  const catalog = ctx.api.services.catalog;
  const out: number[] = [];
  for (const email of emails) {
    const started = performance.now();
    await catalog`
      select d.user_id, d.agency_id, a.database_name, a.status from user_directory d join agencies a on a.id = d.agency_id
      where d.email = ${email} and a.status in ('active', 'suspended')
      order by d.created_at`;
    out.push(performance.now() - started);
  }
  return out;
}

/** Two warm-up logins (decoy hash, password workers, catalog client), then the plan, sequentially. */
async function measure(ctx: BenchContext, agencies: SeededAgency[]): Promise<LoginMeasurement> {
  const logins = plan(agencies, ctx.sizes.logins);
  await login(ctx.api.url, logins[0].email);
  await login(ctx.api.url, logins[0].email);
  const latencies: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (const [i, { email, first }] of logins.entries()) {
    const ms = await login(ctx.api.url, email);
    latencies.push(ms);
    (first && i > 0 ? cold : warm).push(ms); // the first agency was warmed up
  }
  return {
    agencies: ctx.seeder.agencies.length,
    directoryRows: await directoryRows(ctx),
    latencies,
    cold,
    warm,
    verifyMs: await verifyCost(),
    lookupMs: await lookupCost(ctx, logins.map((l) => l.email)),
  };
}

/** The first half: while the directory holds only the first `small` agencies (called by main.ts). */
export async function loginSmall(ctx: BenchContext): Promise<void> {
  ctx.shared.loginSmall = await measure(ctx, ctx.seeder.agencies.slice(0, ctx.sizes.small));
}

export async function loginScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const small = ctx.shared.loginSmall;
  if (!small) throw new Error("the small-directory half did not run");
  // Agencies seeded after the first half: distinct emails, fresh rate-limit windows, same pattern.
  const large = await measure(ctx, ctx.seeder.agencies.slice(ctx.sizes.small, ctx.sizes.many));
  const p = (xs: number[], q: number) => percentile(xs, q);
  const ratio = p(large.latencies, 50) / p(small.latencies, 50);
  const fullScale = ctx.sizes.many >= 1000;
  const row = (m: LoginMeasurement) => [
    m.agencies,
    m.directoryRows,
    m.latencies.length,
    fmt(p(m.latencies, 50)),
    fmt(p(m.latencies, 95)),
    fmt(Math.max(...m.latencies)),
    `${fmt(p(m.cold, 50))} (n=${m.cold.length})`,
    `${fmt(p(m.warm, 50))} (n=${m.warm.length})`,
    fmt(p(m.verifyMs, 50)),
    fmt(p(m.lookupMs, 50), 2),
  ];
  return {
    number: 5,
    id: "login",
    title: "Login",
    status: "ok",
    tables: [{
      columns: [
        "agencies in catalog",
        "user_directory rows",
        "logins",
        "p50 ms",
        "p95 ms",
        "max ms",
        "agency's first login p50 ms",
        "later logins p50 ms",
        "argon2 verify alone p50 ms",
        "directory lookup alone p50 ms",
      ],
      rows: [row(small), row(large)],
    }],
    checks: [{
      target: `login p50 at ${large.agencies} / at ${small.agencies} agencies ≤ 1.2${
        fullScale ? "" : " (not at 1,000)"
      }`,
      measured: `${fmt(ratio, 2)}×`,
      pass: fullScale ? ratio <= 1.2 : null,
    }],
    notes: [
      `Sequential logins of distinct users, the same pattern in both halves: ${
        Math.ceil(ctx.sizes.logins / (ctx.seeder.agencies[0]?.users.length ?? 1))
      } agencies spread over the catalog (the first ${ctx.sizes.small}, then those seeded after), each agency's users round by round, each login with its own X-Forwarded-For (TRUST_PROXY=true); two warm-up logins of the first user first.`,
      "An agency's first login is cold: a new postgres.js client, and usually a new PostgreSQL backend for that database (PgBouncer evicts another database's idle server connection once the cap is reached).",
      "The directory lookup column runs the login's user_directory query alone (catalog client, through PgBouncer) for the same users: the part that depends on the directory size.",
      "The verify column times 10 argon2id verifications alone right after each half (same worker pool): when it moves with the login p50, CPU contention explains the difference.",
    ],
    data: { small, large },
  };
}
