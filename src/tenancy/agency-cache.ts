// The agencies lookup on the hot path, by agency id, in front of the catalog: invalidated in-process
// on lifecycle changes. Keyed by id, not database name, so a restore that moves an agency to a new
// database keeps its tokens working.
import type { Agency } from "../catalog/agencies.ts";
import { createLoadingCache, type LoadingCacheOptions } from "../platform/loading-cache.ts";

export type AgencyCacheOptions = LoadingCacheOptions & {
  load(agencyId: string): Promise<Agency | undefined>;
};

export function createAgencyCache({ load, ...options }: AgencyCacheOptions) {
  const cache = createLoadingCache<Agency>(options);
  return {
    get: (agencyId: string) => cache.get(agencyId, () => load(agencyId)),
    invalidate: cache.invalidate,
    clear: cache.clear,
    stats: cache.stats,
  };
}

export type AgencyCache = ReturnType<typeof createAgencyCache>;
