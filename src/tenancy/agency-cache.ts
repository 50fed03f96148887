// The agencies lookup on the hot path, by agency id: in memory (no Redis), LRU-bounded, TTL'd, with
// short negative caching and one load in flight per key; invalidated in-process on lifecycle changes.
// Keyed by id, not database name, so a restore that moves an agency to a new database keeps its
// tokens working.
import type { Agency } from "../catalog/agencies.ts";

export type AgencyCacheOptions = {
  load(agencyId: string): Promise<Agency | undefined>;
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

  function remember(agencyId: string, agency: Agency | undefined) {
    entries.delete(agencyId);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(agencyId, {
      agency,
      expiresAt: Date.now() + (agency ? ttlMs : Math.min(ttlMs, negativeTtlMs)),
    });
  }

  return {
    async get(agencyId: string): Promise<Agency | undefined> {
      const entry = entries.get(agencyId);
      if (entry && entry.expiresAt > Date.now()) {
        counters.hits++;
        entries.delete(agencyId); // refresh recency
        entries.set(agencyId, entry);
        return entry.agency;
      }
      counters.misses++;
      let pending = loading.get(agencyId);
      if (!pending) {
        pending = load(agencyId).then((agency) => {
          remember(agencyId, agency);
          return agency;
        }).finally(() => loading.delete(agencyId));
        loading.set(agencyId, pending);
      }
      return await pending;
    },
    invalidate(agencyId: string): void {
      entries.delete(agencyId);
    },
    stats: () => ({ size: entries.size, ...counters }),
  };
}

export type AgencyCache = ReturnType<typeof createAgencyCache>;
