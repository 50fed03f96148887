// The agencies lookup on the hot path: in memory (no Redis), LRU-bounded, TTL'd, with short negative
// caching and one load in flight per key; invalidated in-process on lifecycle changes.
import type { Agency } from "../catalog/agencies.ts";

export type AgencyCacheOptions = {
  load(databaseName: string): Promise<Agency | undefined>;
  ttlMs: number;
  /** Unknown names are remembered briefly, so a flood of bogus names cannot hammer the catalog. */
  negativeTtlMs?: number;
  max: number;
};

type Entry = { agency: Agency | undefined; expiresAt: number };

export function createAgencyCache({ load, ttlMs, negativeTtlMs = 2000, max }: AgencyCacheOptions) {
  const entries = new Map<string, Entry>(); // insertion order = recency order
  const loading = new Map<string, Promise<Agency | undefined>>();
  const counters = { hits: 0, misses: 0 };

  function remember(databaseName: string, agency: Agency | undefined) {
    entries.delete(databaseName);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(databaseName, {
      agency,
      expiresAt: Date.now() + (agency ? ttlMs : Math.min(ttlMs, negativeTtlMs)),
    });
  }

  return {
    async get(databaseName: string): Promise<Agency | undefined> {
      const entry = entries.get(databaseName);
      if (entry && entry.expiresAt > Date.now()) {
        counters.hits++;
        entries.delete(databaseName); // refresh recency
        entries.set(databaseName, entry);
        return entry.agency;
      }
      counters.misses++;
      let pending = loading.get(databaseName);
      if (!pending) {
        pending = load(databaseName).then((agency) => {
          remember(databaseName, agency);
          return agency;
        }).finally(() => loading.delete(databaseName));
        loading.set(databaseName, pending);
      }
      return await pending;
    },
    invalidate(databaseName: string): void {
      entries.delete(databaseName);
    },
    stats: () => ({ size: entries.size, ...counters }),
  };
}

export type AgencyCache = ReturnType<typeof createAgencyCache>;
