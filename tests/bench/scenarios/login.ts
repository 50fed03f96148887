// Scenario 5 — login p50 with a catalog of 10 agencies and with the full one (1,000), side by side:
// a second API serves a catalog database holding 10 of the seeded agencies, and sequential logins
// alternate between the two APIs, so both sizes see the same machine load at the same moment (other
// processes, the shared argon2 worker pool, PgBouncer). Each login is a distinct user (per-email
// limit) from its own X-Forwarded-For.
import { createApp, createServices } from "../../../src/app.ts";
import { migrateCatalog } from "../../../src/catalog/migrate.ts";
import type { Sql } from "../../../src/platform/db.ts";
import { dropDatabase, restrictConnect } from "../../../src/tenancy/control-plane.ts";
import type { BenchContext } from "../context.ts";
import { sampled, type ScenarioResult } from "../report.ts";
import type { SeededAgency } from "../seed.ts";
import { BENCH_PASSWORD } from "../seed.ts";
import { fmt, freshAddress, hex, percentile } from "../util.ts";

const SMALL_CATALOG = "buildflow_bench_catalog_small";

export type LoginApi = { url: string; catalog: Sql; agencies: number };

export type Measurement = {
  agencies: number;
  directoryRows: number;
  latencies: number[];
  /** Each agency's first login (its client, pool and backend are cold) and the later ones. */
  cold: number[];
  warm: number[];
  lookupMs: number[];
};

/** One login; its latency, or an error when the status is not `expected`. */
async function login(url: string, email: string, password = BENCH_PASSWORD, expected = 200): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== expected) throw new Error(`login ${email}: ${res.status} ${body.slice(0, 200)}`);
  return ms;
}

/** Failed logins on one API, alternating: an email no agency has, and a known email (its agency
 * already served) with a wrong password. Both must cost the same, or the timing tells which emails exist. */
async function failedLogins(url: string, knownEmails: string[]) {
  const unknown: number[] = [];
  const wrongPassword: number[] = [];
  const [first, ...rest] = knownEmails;
  await login(url, first, `${BENCH_PASSWORD}-wrong`, 401); // warm-up: password workers, decoy hash
  for (const [i, email] of rest.entries()) {
    const probes = [
      () =>
        login(url, `nobody.${i}.${hex(6)}@bench.example.com`, BENCH_PASSWORD, 401).then((ms) =>
          unknown.push(ms)
        ),
      () => login(url, email, `${BENCH_PASSWORD}-wrong`, 401).then((ms) => wrongPassword.push(ms)),
    ];
    for (const probe of i % 2 ? probes.reverse() : probes) await probe();
  }
  return { unknown, wrongPassword };
}

/** A catalog database with only `agencies` (their rows and directory entries copied from the main
 * catalog), served by its own in-process API. Not serveApi: its start-up sweep would take every
 * agency database this catalog does not list for an orphan. */
export async function startSmallCatalogApi(
  ctx: BenchContext,
  agencies: SeededAgency[],
): Promise<LoginApi & { close(): Promise<void> }> {
  const { stack } = ctx;
  const cp = stack.controlPlane;
  const main = cp.control;
  await dropDatabase(cp, SMALL_CATALOG);
  await main`create database ${main(SMALL_CATALOG)}`;
  await restrictConnect(cp, SMALL_CATALOG);
  await migrateCatalog(stack.tools.dbmate, stack.adminUrl(SMALL_CATALOG), stack.appRole);
  const ids = agencies.map((a) => a.id);
  const rows = await main`
    select id, name, domain, database_name, subscription_plan, status, schema_version
    from agencies where id in ${main(ids)}`;
  const directory = await main`
    select email, agency_id, user_id from user_directory where agency_id in ${main(ids)}`;
  const services = createServices(ctx.config, {
    databaseUrl: stack.adminUrl(SMALL_CATALOG),
    poolerUrl: stack.appPooledUrl(SMALL_CATALOG),
  });
  const { control } = services;
  try {
    await control`insert into agencies ${control(rows)}`;
    await control`insert into user_directory ${control(directory)}`;
  } catch (error) {
    await services.close();
    await dropDatabase(cp, SMALL_CATALOG);
    throw error;
  }
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    createApp(services).fetch,
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    catalog: services.catalog,
    agencies: agencies.length,
    async close() {
      await server.shutdown();
      await services.close();
      await dropDatabase(cp, SMALL_CATALOG);
    },
  };
}

type Login = { email: string; first: boolean };

/** ceil(count / users per agency) agencies spread evenly over `agencies`, every user of each, round
 * by round (each agency's first login, then the second, ...): every email logs in once. */
export function plan(agencies: SeededAgency[], count: number): Login[] {
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

/** The login's directory lookup alone (the query login-routes.ts runs, on that API's catalog client
 * through PgBouncer): how the directory scales, without argon2 or the agency round trip. */
async function lookupCost(catalog: Sql, emails: string[]): Promise<number[]> {
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

const emptyMeasurement = (agencies: number): Measurement => ({
  agencies,
  directoryRows: 0,
  latencies: [],
  cold: [],
  warm: [],
  lookupMs: [],
});

/** Two warm-up logins of each side's first user (decoy hash, password workers, catalog client), then
 * the two plans in pairs, alternating which side goes first. */
export async function measureSideBySide(sides: { api: LoginApi; logins: Login[] }[]): Promise<Measurement[]> {
  for (const { api, logins } of sides) {
    await login(api.url, logins[0].email);
    await login(api.url, logins[0].email);
  }
  const out = sides.map(({ api }) => emptyMeasurement(api.agencies));
  const pairs = Math.max(...sides.map((s) => s.logins.length));
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
    for (const side of order) {
      const entry = sides[side].logins[i];
      if (!entry) continue;
      const ms = await login(sides[side].api.url, entry.email);
      out[side].latencies.push(ms);
      (entry.first && i > 0 ? out[side].cold : out[side].warm).push(ms); // the first agency was warmed up
    }
  }
  for (const [side, { api, logins }] of sides.entries()) {
    const [{ count }] = await api.catalog<
      { count: number }[]
    >`select count(*)::int as count from user_directory`;
    out[side].directoryRows = count;
    out[side].lookupMs = await lookupCost(api.catalog, logins.map((l) => l.email));
  }
  return out;
}

export async function loginScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, api } = ctx;
  // Agencies no API has served yet, so each side's first login of an agency is cold the same way.
  const untouched = ctx.seeder.agencies.slice(sizes.warm, sizes.many);
  const smallAgencies = untouched.slice(0, sizes.small);
  const largePool = untouched.slice(sizes.small);
  const small = await startSmallCatalogApi(ctx, smallAgencies);
  const largeLogins = plan(largePool, sizes.logins);
  let measured: Measurement[];
  try {
    const [{ count: catalogAgencies }] = await api.services.catalog<{ count: number }[]>`
      select count(*)::int as count from agencies`;
    measured = await measureSideBySide([
      { api: small, logins: plan(smallAgencies, sizes.logins) },
      {
        api: { url: api.url, catalog: api.services.catalog, agencies: catalogAgencies },
        logins: largeLogins,
      },
    ]);
  } finally {
    await small.close();
  }
  const failed = await failedLogins(api.url, largeLogins.map((l) => l.email));
  const failedRatio = percentile(failed.wrongPassword, 50) / percentile(failed.unknown, 50);
  const [smallM, largeM] = measured;
  const p = (xs: number[], q: number) => percentile(xs, q);
  const ratio = p(largeM.latencies, 50) / p(smallM.latencies, 50);
  const fullScale = sizes.many >= 1000;
  const failedRow = (xs: number[]) => [xs.length, fmt(p(xs, 50)), fmt(p(xs, 95)), fmt(Math.max(...xs))];
  const row = (m: Measurement) => [
    m.agencies,
    m.directoryRows,
    m.latencies.length,
    fmt(p(m.latencies, 50)),
    fmt(p(m.latencies, 95)),
    fmt(Math.max(...m.latencies)),
    `${fmt(p(m.cold, 50))} (n=${m.cold.length})`,
    `${fmt(p(m.warm, 50))} (n=${m.warm.length})`,
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
        "directory lookup alone p50 ms",
      ],
      rows: [row(smallM), row(largeM)],
    }, {
      title: `Failed logins (401), ${largeM.agencies} agencies, alternating`,
      columns: ["attempt", "n", "p50 ms", "p95 ms", "max ms"],
      rows: [
        ["unknown email", ...failedRow(failed.unknown)],
        ["known email, wrong password", ...failedRow(failed.wrongPassword)],
      ],
    }],
    checks: [
      sampled(
        `login p50 at ${largeM.agencies} / at ${smallM.agencies} agencies ≤ 1.2${
          fullScale ? "" : " (not at 1,000)"
        }`,
        Math.min(smallM.latencies.length, largeM.latencies.length),
        `${fmt(ratio, 2)}×`,
        () => fullScale ? ratio <= 1.2 : null,
      ),
      sampled(
        "401 p50: wrong password / unknown email within 0.8–1.25",
        Math.min(failed.unknown.length, failed.wrongPassword.length),
        `${fmt(failedRatio, 2)}×`,
        () => failedRatio >= 0.8 && failedRatio <= 1.25,
      ),
    ],
    notes: [
      `Two APIs side by side: the bench API on the main catalog, and a second in-process API (same configuration) on a catalog database holding only ${smallM.agencies} seeded agencies (rows and directory entries copied from the main one). Sequential logins alternate between them, in pairs whose order flips each time, so both see the same machine load; argon2id verification (the bulk of a login) is included on both sides.`,
      `Each side logs in every user of ${
        Math.ceil(sizes.logins / (ctx.seeder.agencies[0]?.users.length ?? 1))
      } agencies no API had served yet, round by round (the small side's from its catalog, the other's spread over the rest), each login with its own X-Forwarded-For (TRUST_PROXY=true); two warm-up logins of each side's first user first.`,
      "An agency's first login is cold: a new postgres.js client, and usually a new PostgreSQL backend for that database (PgBouncer evicts another database's idle server connection once the cap is reached).",
      "The directory lookup column runs the login's user_directory query alone (each API's catalog client, through PgBouncer) for the same users: the part that depends on the directory size.",
      "Failed logins: the bench API's users from the table above (their agencies now served) with a wrong password, alternating with emails no agency has; an unknown email verifies a decoy argon2id hash, so both cost one verification.",
    ],
    data: { small: smallM, large: largeM, failed },
  };
}
