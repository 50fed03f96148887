// Fair admission, deterministically (work held open by the test): one agency's backlog never delays
// another's request, a freed slot goes to the waiting agency holding the fewest, each waiting agency
// gets its share of the global queue, an agency past its own queue or its share gets 429 while the
// others are served, and the global bounds still answer 503.
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

it("keeps an eighth of the slots for agencies holding none", async () => {
  const h = harness({ concurrency: 16, queue: 100, timeoutMs: 10_000, perAgency: 4, perAgencyQueue: 50 });
  for (const agency of ["a", "b", "c", "d"]) for (let i = 0; i < 5; i++) h.submit(agency, `${agency}${i}`);
  await tick();
  // Each busy agency's first slot is free to take; its next ones come from the 14 not kept.
  expect(h.admission.stats()).toMatchObject({ active: 14, waiting: 6 });
  h.submit("quiet");
  h.submit("other");
  await tick();
  expect(h.started.slice(-2)).toEqual(["quiet", "other"]); // at once, no turn behind the backlog
  expect(h.admission.stats()).toMatchObject({ active: 16, waiting: 6 });
  h.releaseAll();
  for (let i = 0; i < 4; i++) await tick();
  expect(h.admission.stats()).toMatchObject({ active: 0, waiting: 0 });
});

it("hands a freed slot to the waiting agency holding the fewest, in turn among equals", async () => {
  const h = harness({ concurrency: 2, queue: 100, timeoutMs: 10_000, perAgency: 2, perAgencyQueue: 50 });
  h.submit("a", "a0");
  h.submit("a", "a1"); // the two global slots
  for (let i = 2; i < 5; i++) h.submit("a", `a${i}`);
  h.submit("b", "b0");
  h.submit("c", "c0");
  h.submit("b", "b1");
  await tick();
  expect(h.started).toEqual(["a0", "a1"]);
  // b and c hold none, a two: they go first, though a waited longer; then a and b hold one each
  // (a first: b was served last); then a alone waits.
  const order: string[] = [];
  for (let i = 0; i < 6; i++) {
    h.releaseAll();
    await tick();
    order.push(...h.started.splice(0));
  }
  expect(order.slice(2)).toEqual(["b0", "c0", "a2", "b1", "a3", "a4"]);
});

it("gives each waiting agency its share of the global queue, pushing out whoever is over it", async () => {
  const h = harness({ concurrency: 1, queue: 6, timeoutMs: 10_000, perAgency: 1, perAgencyQueue: 5 });
  const outcome = (agency: string) => h.submit(agency).then(() => "served", (e) => e.mechanism ?? e.status);
  const heldBack = (agency: string) => h.admission.stats().busiest.find((l) => l.agency === agency)?.heldBack;
  h.submit("a"); // the slot
  const a = Array.from({ length: 6 }, () => outcome("a"));
  // Alone, an agency may hold AGENCY_QUEUE (5) of the queue's 6 places, not more.
  expect(await a[5]).toBe("agency_queue");
  expect(heldBack("a")).toBe("agency_queue");
  // Two agencies waiting: 3 places each. b takes the free place, then two pushed out of a's five.
  const b = Array.from({ length: 4 }, () => outcome("b"));
  expect(await a[4]).toBe("pushed_out"); // the newest first
  expect(await a[3]).toBe("pushed_out");
  expect(await b[3]).toBe("fair_share"); // b at its share while a waits
  expect(await outcome("a")).toBe("fair_share");
  expect(heldBack("a")).toBe("fair_share");
  expect(heldBack("c")).toBeUndefined(); // no lane: nothing holds it back
  // A third agency: 2 places each; the queue is full, so the first over its share gives one up.
  const c = outcome("c");
  expect(await a[2]).toBe("pushed_out");
  expect(h.admission.stats()).toMatchObject({
    waiting: 6,
    agenciesWaiting: 3,
    share: 2,
    refused: { agency_queue: 1, fair_share: 2, pushed_out: 3 },
    rejected: 0,
  });
  expect(h.admission.stats().busiest.find((l) => l.agency === "a")).toMatchObject({
    waiting: 2,
    heldBack: "fair_share",
    refused: { agency_queue: 1, fair_share: 1, pushed_out: 3 },
  });
  // Counted in the totals only: a name no token check has vouched for leaves the lane's figures alone.
  expect(h.admission.refuseUnchecked("a")).toBe("fair_share");
  expect(h.admission.refuseUnchecked("nobody")).toBeUndefined();
  expect(h.admission.stats().refused.fair_share).toBe(3);
  expect(h.admission.stats().busiest.find((l) => l.agency === "a")?.refused.fair_share).toBe(1);
  for (let i = 0; i < 8; i++) {
    h.releaseAll();
    await tick();
  }
  expect(await Promise.all([...a.slice(0, 2), ...b.slice(0, 3), c])).toEqual(Array(6).fill("served"));
  expect(h.admission.stats()).toMatchObject({ active: 0, waiting: 0, agenciesWaiting: 0, busiest: [] });
});

it("answers 429 to an agency past its own queue, and still serves the others", async () => {
  const h = harness({ concurrency: 4, queue: 100, timeoutMs: 10_000, perAgency: 1, perAgencyQueue: 2 });
  h.submit("busy");
  h.submit("busy");
  h.submit("busy");
  const refused = await h.submit("busy").then(() => undefined, (e) => e);
  expect(refused).toBeInstanceOf(ApiError);
  expect(refused).toMatchObject({ status: 429, code: "rate_limited", mechanism: "agency_queue" });
  expect(refused.extra.headers?.["Retry-After"]).toBe("1");
  const other = h.submit("other");
  await tick();
  expect(h.started).toEqual(["busy", "other"]);
  expect(h.admission.stats()).toMatchObject({
    refused: { agency_queue: 1, fair_share: 0, pushed_out: 0 },
    rejected: 0,
    agenciesWaiting: 1,
  });
  expect(h.admission.stats().busiest[0]).toEqual({
    agency: "busy",
    active: 1,
    waiting: 2,
    heldBack: "agency_queue",
    refused: { agency_queue: 1, fair_share: 0, pushed_out: 0 },
  });
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
  // Its lane (1 running, 2 waiting) is served; of 20 sent at once, most of the rest are refused: a
  // count, not just "some", so a lane that let the flood through would fail here.
  expect(flood.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(3);
  expect(limited.length).toBeGreaterThanOrEqual(10);
  expect(flood.filter((r) => r.status !== 429 && r.status !== 200)).toEqual([]);
  for (const r of limited) {
    expect(r.body).toMatchObject({ code: "rate_limited", error: expect.any(String) });
    expect(r.headers.get("retry-after")).toBe("1");
  }
  expect(calm.map((r) => r.status)).toEqual([200, 200, 200]);
});
