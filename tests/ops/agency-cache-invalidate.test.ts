// A lifecycle change (suspend, archive, restore) invalidates the agency cache; a catalog read that
// was already in flight when that happened must not put the old row back for a whole TTL.
import { expect, it } from "vitest";
import type { Agency } from "../../src/catalog/agencies.ts";
import { createAgencyCache } from "../../src/tenancy/agency-cache.ts";

const agency = (status: Agency["status"]) => ({ id: "a1", status }) as Agency;

function deferredLoads() {
  const calls: ((a: Agency | undefined) => void)[] = [];
  const load = () => new Promise<Agency | undefined>((resolve) => calls.push(resolve));
  return { calls, load };
}

it("does not cache a load that an invalidate overtook", async () => {
  const { calls, load } = deferredLoads();
  const cache = createAgencyCache({ load, ttlMs: 60_000, max: 10 });

  const early = cache.get("a1"); // a request reads the catalog: the row still says active
  expect(calls).toHaveLength(1);
  cache.invalidate("a1"); // meanwhile the agency is suspended
  calls[0](agency("active")); // the early read answers with the old row
  expect((await early)?.status).toBe("active"); // fine for the request that started before

  const later = cache.get("a1"); // the next request must read the catalog again
  expect(calls).toHaveLength(2);
  calls[1](agency("suspended"));
  expect((await later)?.status).toBe("suspended");
  expect((await cache.get("a1"))?.status).toBe("suspended"); // and that is what stays cached
  expect(calls).toHaveLength(2);
});

it("still shares one load among concurrent readers and caches it", async () => {
  const { calls, load } = deferredLoads();
  const cache = createAgencyCache({ load, ttlMs: 60_000, max: 10 });
  const [a, b] = [cache.get("a1"), cache.get("a1")];
  expect(calls).toHaveLength(1);
  calls[0](agency("active"));
  expect((await a)?.status).toBe("active");
  expect((await b)?.status).toBe("active");
  expect((await cache.get("a1"))?.status).toBe("active");
  expect(calls).toHaveLength(1);
  expect(cache.stats()).toMatchObject({ size: 1, hits: 1, misses: 2 });
});
