// Fairness when many agencies flood at once, black-box: the API in a process of its own on the test
// stack, with the shipped admission settings; floods from wrk, one process per flooding agency, each
// keeping its requests in flight and sending the next at once after every answer, 429s and 503s
// included (Retry-After ignored, as buggy integrations and scripts do); a quiet agency's reads, one at
// a time, timed by wrk -c1 in a process of its own too (the test's event loop only waits). In both
// cases, 5 agencies × 450 in flight and 20 × 120, the quiet agency gets only 200s (its p95, logged
// here, is held to 60 ms by the bench), the flooders get their share of 200s, and /metrics says what
// held them back.
import { beforeAll, expect, it } from "vitest";
import { mapLimit } from "../../src/platform/map-limit.ts";
import { runWrk, type WrkResult } from "../bench/wrk.ts";
import { spawnApi } from "../support/api-process.ts";
import { METRICS_TOKEN, signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";

/** Seconds the floods run before the quiet agency's reads start, and how long those run. */
const RAMP_SEC = 2;
const QUIET_SEC = 4;
const PATH = "/api/projects?limit=20";

const { app } = testApp({ TRUST_PROXY: "true" }); // signs the agencies up
const api = spawnApi({ METRICS_TOKEN });
let quiet: Tenant;
let flooders: Tenant[];
/** The quiet agency's reads with no flood: how busy the machine is, for the figures logged. */
let alone: WrkResult;

beforeAll(async () => {
  await api.ready();
  const agencies = await mapLimit(Array.from({ length: 21 }), 4, () => signupAgency(app, "flood"));
  [quiet, ...flooders] = agencies;
  // One read each: the API's agency cache and client registry are warm when the floods start.
  await mapLimit(agencies, 4, async (a) => {
    const res = await fetch(`${api.base}${PATH}`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
  alone = await load(quiet, 1, 2);
}, 120_000);

const load = (agency: Tenant, connections: number, durationSec: number) =>
  runWrk({
    url: api.base,
    targets: [{ path: PATH, token: agency.token }],
    choice: { kind: "uniform" },
    connections,
    threads: 1,
    durationSec,
  });

const count = (r: WrkResult, status: (s: number) => boolean) =>
  Object.entries(r.statuses).filter(([s]) => status(Number(s))).reduce((a, [, n]) => a + n, 0);

async function metrics(): Promise<Record<string, number>> {
  const text =
    await (await fetch(`${api.base}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } }))
      .text();
  return Object.fromEntries(
    [...text.matchAll(/^buildflow_(admission_\S+) (\S+)$/gm)].map(([, name, value]) => [name, Number(value)]),
  );
}

for (const [floods, inFlight] of [[5, 450], [20, 120]] as const) {
  it(`a quiet agency gets only 200s beside ${floods} agencies × ${inFlight} in flight`, async () => {
    const before = await metrics();
    const flooding = flooders.slice(0, floods).map((a) => load(a, inFlight, RAMP_SEC + QUIET_SEC + 1));
    await sleep(RAMP_SEC * 1000);
    const reads = await load(quiet, 1, QUIET_SEC);
    const flood = await Promise.all(flooding);
    const after = await metrics();
    const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    const refused = flood.reduce((a, r) => a + count(r, (s) => s === 429 || s === 503), 0);
    console.log(JSON.stringify({
      floods,
      inFlight,
      aloneMs: alone.latencyMs,
      quiet: { requests: reads.requests, statuses: reads.statuses, latencyMs: reads.latencyMs },
      flood: {
        okPerSec: Math.round(flood.reduce((a, r) => a + r.okRps, 0)),
        refusedPerSec: Math.round(refused / flood[0].durationSec),
      },
      admission: Object.fromEntries(
        Object.keys(after).filter((k) => k.endsWith("_total")).map((k) => [k, delta(k)]),
      ),
    }));

    expect(reads.statuses).toEqual({ "200": reads.requests });
    expect(reads.errors).toMatchObject({ connect: 0, read: 0, write: 0, timeout: 0 });
    expect(reads.requests).toBeGreaterThanOrEqual(QUIET_SEC); // served all along, one a second at least
    // Its p95 target (≤ 60 ms) is the bench's (`deno task bench --only fairness`, side by side with the
    // quiet agency alone), not a timed assertion here: other work on the machine moves it.
    // Every flooder was served its share and held back past it: by its share of the global queue
    // (each of them holds more than queue / flooders), refused early and held (Retry-After ignored).
    for (const r of flood) expect(count(r, (s) => s >= 200 && s < 300)).toBeGreaterThan(0);
    expect(count(flood[0], (s) => s === 429)).toBeGreaterThan(0);
    expect(delta('admission_refused_total{mechanism="fair_share"}')).toBeGreaterThan(0);
    expect(delta("admission_refused_early_total")).toBeGreaterThan(0);
    expect(delta("admission_held_total")).toBeGreaterThan(0);
  });
}
