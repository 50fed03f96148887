// The admission backoff through the app: an agency past its lane (filled here by work held open in the
// app's own admission) gets its first 429 at once, through the token check; a request of it before
// the Retry-After is refused before its token is checked and its 429 held until then; no more than
// ADMISSION_HOLD_MAX are held at once; a token forged to name an agency is refused only when that
// agency's own request would be, and changes nothing for it; /metrics and the admin stats say which
// mechanism held the agency back.
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import { createTokens } from "../../src/auth/tokens.ts";
import {
  call,
  hex,
  METRICS_TOKEN,
  type Reply,
  scrape,
  signupAgency,
  sleep,
  type Tenant,
} from "../support/fixtures.ts";
import { superuser, testApp, testConfig } from "../support/stack.ts";

const HOLD_MAX = 2;
const { app, services } = testApp({
  AGENCY_CONCURRENCY: "1",
  AGENCY_QUEUE: "1",
  ADMISSION_HOLD_MAX: String(HOLD_MAX),
  METRICS_TOKEN,
});
const su = superuser();
let busy: Tenant;
let other: Tenant;
const operator = { email: `backoff.${hex(8)}@ops.example.com`, password: "Operator-pass-42-long" };

beforeAll(async () => {
  [busy, other] = await Promise.all([signupAgency(app, "backoff"), signupAgency(app, "backoff")]);
  await upsertOperator(services.control, {
    email: operator.email,
    fullName: "Gate viewer",
    role: "viewer",
    passwordHash: await hashPassword(operator.password),
  });
});
afterAll(async () => {
  await su`delete from users where email = ${operator.email}`;
});

/** Fills `agency`'s lane (its one slot and its one place in the queue) until the returned release. */
function fillLane(agency: string): () => Promise<void> {
  let open!: () => void;
  const held = new Promise<void>((resolve) => (open = resolve));
  const work = [services.admission.run(agency, () => held), services.admission.run(agency, () => held)];
  return async () => {
    open();
    await Promise.all(work);
  };
}

const get = (token: string) => call(app, "GET", "/api/projects", { token });
async function timed(request: Promise<Reply>): Promise<Reply & { ms: number }> {
  const started = performance.now();
  const reply = await request;
  return { ...reply, ms: performance.now() - started };
}
const backoff = () => services.admissionBackoff.stats();
const refused = () => services.admission.stats().refused;

function expectRefusal(reply: Reply) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(429);
  expect(reply.body).toMatchObject({ code: "rate_limited", error: expect.any(String) });
  expect(reply.headers.get("retry-after")).toBe("1");
}

it("answers an agency's first 429 at once and holds those that come before its Retry-After", async () => {
  const release = fillLane(busy.agency.id);
  try {
    const [early0, queue0] = [backoff().refusedEarly, refused().agency_queue];
    const first = await timed(get(busy.token));
    expectRefusal(first);
    expect(first.ms).toBeLessThan(500);
    expect(backoff()).toMatchObject({ refusedEarly: early0, agenciesHeldBack: 1 }); // through the token check

    const [again, otherAgency] = await Promise.all([timed(get(busy.token)), timed(get(other.token))]);
    expectRefusal(again);
    expect(again.ms).toBeGreaterThan(500); // held until the Retry-After the client ignored
    expect(otherAgency.status).toBe(200); // another agency is not held back
    expect(otherAgency.ms).toBeLessThan(500);
    expect(backoff().refusedEarly).toBe(early0 + 1);
    expect(refused().agency_queue).toBe(queue0 + 2);
  } finally {
    await release();
  }
  expect((await get(busy.token)).status).toBe(200);
});

it("holds at most ADMISSION_HOLD_MAX 429s at once and answers the rest at once", async () => {
  const release = fillLane(busy.agency.id);
  try {
    expectRefusal(await get(busy.token)); // starts the agency's backoff
    const full0 = backoff().holdFull;
    const replies = await Promise.all(Array.from({ length: HOLD_MAX + 3 }, () => timed(get(busy.token))));
    replies.forEach(expectRefusal);
    expect(replies.filter((r) => r.ms > 500)).toHaveLength(HOLD_MAX);
    expect(backoff().holdFull).toBe(full0 + 3);
  } finally {
    await release();
  }
});

it("refuses a token forged to name an agency only when that agency's own request would be", async () => {
  const config = testConfig();
  const forger = createTokens({ ...config, JWT_SECRET: "not-our-secret-not-our-secret-not-ours" });
  const forged = await forger.signAgency({
    sub: crypto.randomUUID(),
    agencyId: busy.agency.id,
    agencyDatabase: busy.agencyDatabase,
    role: "admin",
  });
  // Lane free: the forged token goes to the token check and is refused there.
  expect((await get(forged)).status).toBe(401);

  const release = fillLane(busy.agency.id);
  expectRefusal(await get(busy.token)); // the agency's own request, refused: its backoff starts
  const lane = () => services.admission.stats().busiest.find((l) => l.agency === busy.agency.id);
  const before = lane();
  const early0 = backoff().refusedEarly;
  const forgedRefused = get(forged); // what the agency gets anyway: refused early (and held)
  await sleep(50);
  expect(backoff().refusedEarly).toBe(early0 + 1);
  expect(lane()).toEqual(before); // the agency's lane is as it was
  await release();
  // Still within the backoff, the lane has room again: the agency is served at once, and the forged
  // token goes to the token check again.
  const served = await timed(get(busy.token));
  expect(served.status).toBe(200);
  expect(served.ms).toBeLessThan(500);
  expect((await get(forged)).status).toBe(401);
  expect(backoff().agenciesHeldBack).toBe(1);
  expectRefusal(await forgedRefused);
});

it("shows when an agency is held back, and by which mechanism, in /metrics and the admin stats", async () => {
  const login = await call(app, "POST", "/api/admin/login", { body: operator });
  const release = fillLane(busy.agency.id);
  try {
    expectRefusal(await get(busy.token)); // its backoff starts: a second to read what it shows
    const metrics = await (await scrape(app)).text();
    const value = (name: string) => Number(metrics.match(new RegExp(`^buildflow_${name} (\\d+)$`, "m"))?.[1]);
    expect(value("admission_agencies_held_back")).toBe(1);
    expect(value('admission_refused_total\\{mechanism="agency_queue"\\}')).toBeGreaterThan(0);
    expect(value('admission_refused_total\\{mechanism="fair_share"\\}')).toBe(0);
    expect(value("admission_refused_early_total")).toBeGreaterThan(0);
    expect(value("admission_held_total")).toBeGreaterThan(0);
    expect(value("admission_hold_full_total")).toBeGreaterThan(0);
    expect(metrics).not.toContain(busy.agency.id); // per-agency detail stays in the admin stats

    const stats = await call(app, "GET", "/api/admin/stats", { token: login.body!.token as string });
    expect(stats.status).toBe(200);
    const api = stats.body!.api as {
      admission: { refused: Record<string, number>; busiest: Record<string, unknown>[] };
      admissionBackoff: Record<string, unknown>;
    };
    expect(api.admission.busiest).toContainEqual(expect.objectContaining({
      agency: busy.agency.id,
      heldBack: "agency_queue",
      refused: expect.objectContaining({ agency_queue: expect.any(Number) }),
    }));
    expect(api.admission.refused.agency_queue).toBeGreaterThan(0);
    expect(api.admissionBackoff).toMatchObject({
      maxHeld: HOLD_MAX,
      refusedEarly: expect.any(Number),
      heldTotal: expect.any(Number),
      holding: expect.any(Array), // the agencies held back now, and how many answers each holds
    });
  } finally {
    await release();
  }
});
