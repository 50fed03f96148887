// Fair admission, deterministically (work held open by the test): one agency's backlog never delays
// another's request, freed slots go round-robin across waiting agencies, an agency past its own queue
// gets 429 while the others are served, and the global bounds still answer 503.
import { expect, it } from "vitest";
import { ApiError } from "../../src/platform/errors.ts";
import { createAdmission } from "../../src/tenancy/admission.ts";
import { call, signupAgency } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";

const { app } = testApp({ TRUST_PROXY: "true", AGENCY_CONCURRENCY: "1", AGENCY_QUEUE: "2" });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs held work for `agency`; `started` records the order in which work began. */
function harness(options: Parameters<typeof createAdmission>[0]) {
  const admission = createAdmission(options);
  const started: string[] = [];
  const holds: Array<() => void> = [];
  const submit = (agency: string, label = agency) => {
    const hold = deferred();
    holds.push(hold.resolve);
    return admission.run(agency, async () => {
      started.push(label);
      await hold.promise;
    });
  };
  return { admission, started, submit, releaseAll: () => holds.splice(0).forEach((r) => r()) };
}

it("admits a quiet agency at once while a busy one has a backlog", async () => {
  const h = harness({ concurrency: 8, queue: 100, timeoutMs: 10_000, perAgency: 2, perAgencyQueue: 50 });
  const flood = Array.from({ length: 40 }, (_, i) => h.submit("busy", `busy-${i}`));
  await tick();
  expect(h.admission.stats()).toMatchObject({ active: 2, waiting: 38 });
  const quiet = h.submit("quiet");
  await tick();
  expect(h.started).toEqual(["busy-0", "busy-1", "quiet"]); // not behind busy-2 … busy-39
  h.releaseAll();
  await quiet;
  for (let i = 0; i < 40; i++) {
    await tick();
    h.releaseAll();
  }
  await Promise.all(flood);
  expect(h.started).toHaveLength(41);
  expect(h.admission.stats()).toMatchObject({ active: 0, waiting: 0, agenciesActive: 0, agenciesWaiting: 0 });
});

it("hands freed slots round-robin across the agencies that wait", async () => {
  const h = harness({ concurrency: 2, queue: 100, timeoutMs: 10_000, perAgency: 2, perAgencyQueue: 50 });
  h.submit("a", "a0");
  h.submit("a", "a1"); // the two global slots
  for (let i = 2; i < 5; i++) h.submit("a", `a${i}`);
  h.submit("b", "b0");
  h.submit("c", "c0");
  h.submit("b", "b1");
  await tick();
  expect(h.started).toEqual(["a0", "a1"]);
  // Each release frees one slot; the turn goes a → b → c → a → b: a's backlog does not go first.
  const order: string[] = [];
  for (let i = 0; i < 6; i++) {
    h.releaseAll();
    await tick();
    order.push(...h.started.splice(0));
  }
  expect(order.slice(2)).toEqual(["a2", "b0", "c0", "a3", "b1", "a4"]);
});

it("answers 429 to an agency past its own queue, and still serves the others", async () => {
  const h = harness({ concurrency: 4, queue: 100, timeoutMs: 10_000, perAgency: 1, perAgencyQueue: 2 });
  h.submit("busy");
  h.submit("busy");
  h.submit("busy");
  const refused = await h.submit("busy").then(() => undefined, (e) => e);
  expect(refused).toBeInstanceOf(ApiError);
  expect(refused).toMatchObject({ status: 429, code: "rate_limited" });
  expect(refused.extra.headers?.["Retry-After"]).toBe("1");
  const other = h.submit("other");
  await tick();
  expect(h.started).toEqual(["busy", "other"]);
  expect(h.admission.stats()).toMatchObject({ agencyRejected: 1, rejected: 0, agenciesWaiting: 1 });
  expect(h.admission.stats().busiest[0]).toEqual({ agency: "busy", active: 1, waiting: 2 });
  h.releaseAll();
  await other;
});

it("answers 503 past the global queue and after the wait", async () => {
  const h = harness({ concurrency: 1, queue: 1, timeoutMs: 50, perAgency: 1, perAgencyQueue: 10 });
  h.submit("a");
  const waiter = h.submit("b").then(() => undefined, (e) => e);
  const full = await h.submit("c").then(() => undefined, (e) => e);
  expect(full).toMatchObject({ status: 503, code: "unavailable" });
  expect(await waiter).toMatchObject({ status: 503, code: "unavailable" }); // timed out
  expect(h.admission.stats()).toMatchObject({ active: 1, waiting: 0, rejected: 1, timedOut: 1 });
  h.releaseAll();
  await tick();
  expect(h.admission.stats()).toMatchObject({ active: 0, agenciesActive: 0 });
});

it("over HTTP: a flooding agency gets 429 for itself alone, another agency is served", async () => {
  const [busy, quiet] = await Promise.all([signupAgency(app, "flood"), signupAgency(app, "quiet")]);
  const get = (token: string) => call(app, "GET", "/api/projects", { token });
  const [flood, calm] = await Promise.all([
    Promise.all(Array.from({ length: 20 }, () => get(busy.token))),
    Promise.all(Array.from({ length: 3 }, () => get(quiet.token))),
  ]);
  const limited = flood.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(flood.filter((r) => r.status !== 429 && r.status !== 200)).toEqual([]);
  for (const r of limited) {
    expect(r.body).toMatchObject({ code: "rate_limited", error: expect.any(String) });
    expect(r.headers.get("retry-after")).toBe("1");
  }
  expect(calm.map((r) => r.status)).toEqual([200, 200, 200]);
});
