// The three pieces under the tenant boundary, one by one: the client registry (LRU of postgres.js
// clients through the real PgBouncer), the admission limit (bounded concurrency and queue, 503 with
// Retry-After) and the agency cache (TTL, negative caching, single flight, LRU).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agency } from "../../src/catalog/agencies.ts";
import { ApiError } from "../../src/platform/errors.ts";
import { createAdmission } from "../../src/tenancy/admission.ts";
import { createAgencyCache } from "../../src/tenancy/agency-cache.ts";
import { createTenantClients } from "../../src/tenancy/tenant-clients.ts";
import { stack, testApp } from "../support/stack.ts";
import { onLocal, signupAgency, sleep } from "../support/fixtures.ts";

/** A promise with its resolve handle, to hold work open as long as a test wants. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("createTenantClients", () => {
  const { app } = testApp({ TRUST_PROXY: "true" });
  let databases: string[] = [];
  let registry: ReturnType<typeof createTenantClients>;

  beforeAll(async () => {
    const agencies = await Promise.all(["reg-a", "reg-b", "reg-c"].map((tag) => signupAgency(app, tag)));
    databases = agencies.map((t) => t.agencyDatabase);
    registry = createTenantClients({
      poolerUrl: () => Promise.resolve(stack().servers.poolerUrl),
      max: 2,
      connectionsPerClient: 1,
    });
  });
  afterAll(() => registry?.closeAll());

  // The client a `use` hands out (returned here only to compare identities).
  const clientOf = (db: string) => registry.use(onLocal(db), (sql) => Promise.resolve(sql));

  it("keeps at most max clients and evicts the least recently used", async () => {
    const [a, b, c] = databases;
    const sqlA = await clientOf(a);
    const sqlB = await clientOf(b);
    expect(await clientOf(a)).toBe(sqlA); // a is now the most recent
    expect(registry.stats()).toMatchObject({ live: 2, max: 2, created: 2, evictions: 0 });

    const sqlC = await clientOf(c); // evicts b, the least recently used
    expect(registry.stats()).toMatchObject({ live: 2, created: 3, evictions: 1 });
    expect(await clientOf(a)).toBe(sqlA);
    expect(await clientOf(c)).toBe(sqlC);
    const freshB = await clientOf(b); // evicts a
    expect(freshB).not.toBe(sqlB);
    expect(registry.stats()).toMatchObject({ live: 2, created: 4, evictions: 2 });

    // Each client talks to its own database through the pooler.
    const [{ db }] = await registry.use(onLocal(b), (sql) => sql`select current_database() as db`);
    expect(db).toBe(b);
    const [{ db: dbC }] = await registry.use(onLocal(c), (sql) => sql`select current_database() as db`);
    expect(dbC).toBe(c);
  });

  it("never ends a client a request still holds: evicted mid-request, it ends after the request", async () => {
    const [a, b, c] = databases;
    registry.evict(onLocal(a));
    let held: Awaited<ReturnType<typeof clientOf>> | undefined;
    const evicted = deferred();
    const request = registry.use(onLocal(a), async (sql) => {
      held = sql;
      await evicted.promise; // another request evicts this client now
      const [first] = await sql`select current_database() as db`;
      const [second] = await sql`select 2 as n`; // a second query, after the eviction
      return [first.db, second.n];
    });
    await sleep(20);
    await clientOf(b);
    await clientOf(c); // a is the least recently used: evicted while held
    expect(registry.stats().live).toBe(2);
    evicted.resolve();
    expect(await request).toEqual([a, 2]);
    // Released by its last holder, the evicted client is ended.
    const error = await rejection(held!`select 1`);
    expect((error as { code?: string }).code).toMatch(/CONNECTION_(ENDED|CLOSED|DESTROYED)/);
  });

  // No query waits behind another on one connection (a pipeline: PgBouncer 1.18 in transaction mode
  // wedges on one that mixes reads with a BEGIN): requests past the client's connections wait for one.
  // A second connection opens only once two requests wait: two meeting by chance share one backend.
  // Connections beyond a client's first count against the registry's max as clients do.
  describe("connections of a client", () => {
    const lane = createTenantClients({
      poolerUrl: () => Promise.resolve(stack().servers.poolerUrl),
      max: 4,
      connectionsPerClient: 3,
    });
    afterAll(() => lane.closeAll());
    /** `n` requests at once, each 50 ms on a backend: the most running at once, and the backends. */
    async function burst(n: number, registry = lane) {
      let running = 0;
      let peak = 0;
      const pids = await Promise.all(
        Array.from({ length: n }, () =>
          registry.use(onLocal(databases[0]), async (sql) => {
            peak = Math.max(peak, ++running);
            const [{ pid }] = await sql`select pg_backend_pid() as pid, pg_sleep(0.05)`;
            running--;
            return pid;
          })),
      );
      return { peak, backends: new Set(pids).size };
    }

    it("runs two requests meeting by chance one after the other, on one connection", async () => {
      expect(await burst(2)).toEqual({ peak: 1, backends: 1 });
    });

    it("runs a busy agency's requests side by side, at most connectionsPerClient at once", async () => {
      expect(await burst(12)).toEqual({ peak: 3, backends: 3 });
      expect(await burst(2)).toMatchObject({ peak: 1 }); // idle in between: one connection again
    });

    it("opens no connection beyond a client's first while the registry is full", async () => {
      const full = createTenantClients({
        poolerUrl: () => Promise.resolve(stack().servers.poolerUrl),
        max: 3,
        connectionsPerClient: 3,
      });
      try {
        await full.use(onLocal(databases[1]), () => Promise.resolve()); // two clients of three
        expect(await burst(12, full)).toEqual({ peak: 2, backends: 2 }); // one more connection
        await full.use(onLocal(databases[2]), () => Promise.resolve()); // three of three: full
        expect(await burst(12, full)).toEqual({ peak: 1, backends: 1 });
      } finally {
        await full.closeAll();
      }
    });
  });

  it("refuses a name that is not an agency database before connecting", async () => {
    const created = registry.stats().created;
    for (const name of ["postgres", "buildflow", "agency_x", "agency_a_deadbeef; drop database x"]) {
      await expect(registry.use(onLocal(name), () => Promise.resolve(0)), name).rejects.toThrow();
    }
    expect(registry.stats().created).toBe(created);
  });
});

describe("createAdmission", () => {
  // One agency with no limit of its own: the global limit alone (fairness: tests/tenancy/admission.test.ts).
  const oneAgency = { perAgency: 100, perAgencyQueue: 100 };
  it("runs one at a time, queues one, and rejects the third with 503 and Retry-After", async () => {
    const admission = createAdmission({ ...oneAgency, concurrency: 1, queue: 1, timeoutMs: 10_000 });
    const order: string[] = [];
    const hold = deferred();
    const first = admission.run("a", async () => {
      order.push("first");
      await hold.promise;
      return 1;
    });
    const second = admission.run("a", () => {
      order.push("second");
      return Promise.resolve(2);
    });
    await sleep(10);
    expect(admission.stats()).toMatchObject({ active: 1, waiting: 1 });

    const error = await rejection(admission.run("a", () => Promise.resolve(3)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: "unavailable" });
    expect((error as ApiError).extra.headers?.["Retry-After"]).toBe("1");
    expect(order).toEqual(["first"]);

    hold.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(order).toEqual(["first", "second"]);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0, admitted: 2, waited: 1, rejected: 1 });
  });

  it("gives up on a waiter after timeoutMs with 503, and the slot survives", async () => {
    const admission = createAdmission({ ...oneAgency, concurrency: 1, queue: 10, timeoutMs: 30 });
    const hold = deferred();
    const first = admission.run("a", () => hold.promise);
    const error = await rejection(admission.run("a", () => Promise.resolve("never")));
    expect(error).toMatchObject({ status: 503, code: "unavailable" });
    expect((error as ApiError).extra.headers?.["Retry-After"]).toBe("1");
    expect(admission.stats()).toMatchObject({ active: 1, waiting: 0, timedOut: 1 });

    hold.resolve();
    await first;
    expect(await admission.run("a", () => Promise.resolve("next"))).toBe("next");
    expect(admission.stats().active).toBe(0);
  });

  it("releases the slot when the work throws", async () => {
    const admission = createAdmission({ ...oneAgency, concurrency: 1, queue: 0, timeoutMs: 1000 });
    await expect(admission.run("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(admission.stats().active).toBe(0);
    expect(await admission.run("a", () => Promise.resolve("ok"))).toBe("ok");
  });
});

describe("createAgencyCache", () => {
  const agency = (key: string) => ({ id: key, databaseName: key, status: "active" }) as unknown as Agency;

  /** A loader that counts its calls per key and knows only `known` keys. */
  function loader(known: string[] = []) {
    const calls: string[] = [];
    return {
      calls,
      load: (key: string) => {
        calls.push(key);
        return Promise.resolve(known.includes(key) ? agency(key) : undefined);
      },
    };
  }

  it("serves from memory until the TTL expires, then reloads", async () => {
    const { calls, load } = loader(["a"]);
    const cache = createAgencyCache({ load, ttlMs: 60, max: 10 });
    expect(await cache.get("a")).toMatchObject({ id: "a" });
    expect(await cache.get("a")).toMatchObject({ id: "a" });
    expect(calls).toEqual(["a"]);
    await sleep(90);
    await cache.get("a");
    expect(calls).toEqual(["a", "a"]);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it("remembers unknown keys briefly (negative caching)", async () => {
    const { calls, load } = loader();
    const cache = createAgencyCache({ load, ttlMs: 60_000, negativeTtlMs: 40, max: 10 });
    expect(await cache.get("ghost")).toBeUndefined();
    expect(await cache.get("ghost")).toBeUndefined();
    expect(calls).toEqual(["ghost"]);
    await sleep(70);
    await cache.get("ghost");
    expect(calls).toEqual(["ghost", "ghost"]);
  });

  it("loads a missing key once for 10 concurrent gets (single flight)", async () => {
    const gate = deferred();
    let loads = 0;
    const cache = createAgencyCache({
      load: async (key) => {
        loads++;
        await gate.promise;
        return agency(key);
      },
      ttlMs: 60_000,
      max: 10,
    });
    const gets = Array.from({ length: 10 }, () => cache.get("busy"));
    gate.resolve();
    const results = await Promise.all(gets);
    expect(loads).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toMatchObject({ id: "busy" });
  });

  it("does not cache a failed load", async () => {
    let fail = true;
    const cache = createAgencyCache({
      load: (key) => fail ? Promise.reject(new Error("catalog down")) : Promise.resolve(agency(key)),
      ttlMs: 60_000,
      max: 10,
    });
    await expect(cache.get("a")).rejects.toThrow("catalog down");
    fail = false;
    expect(await cache.get("a")).toMatchObject({ id: "a" });
  });

  it("holds at most max entries, dropping the least recently used", async () => {
    const { calls, load } = loader(["a", "b", "c"]);
    const cache = createAgencyCache({ load, ttlMs: 60_000, max: 2 });
    await cache.get("a");
    await cache.get("b");
    await cache.get("a"); // a is now more recent than b
    await cache.get("c"); // drops b
    expect(cache.stats().size).toBe(2);
    expect(calls).toEqual(["a", "b", "c"]);
    await cache.get("a");
    await cache.get("c");
    expect(calls).toEqual(["a", "b", "c"]); // both still cached
    await cache.get("b");
    expect(calls).toEqual(["a", "b", "c", "b"]); // b had been dropped
  });

  it("reloads after invalidate", async () => {
    const { calls, load } = loader(["a"]);
    const cache = createAgencyCache({ load, ttlMs: 60_000, max: 10 });
    await cache.get("a");
    cache.invalidate("a");
    await cache.get("a");
    expect(calls).toEqual(["a", "a"]);
  });
});
