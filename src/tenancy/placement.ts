// Placement: which cluster a new agency goes to. A pure function over each cluster's load (agencies
// and bytes relative to its capacity), plus the one catalog read that feeds it.
import type { Sql } from "../platform/db.ts";
import type { ClusterState } from "./cluster-directory.ts";

export type ClusterLoad = {
  name: string;
  region: string;
  state: ClusterState;
  maxAgencies: number;
  maxBytes: number | null;
  /** Agencies that hold (or are about to hold) a database there. */
  agencies: number;
  /** Its agency databases' total size; Infinity when it could not be measured (unreachable). */
  bytes: number;
};

export type Placement =
  | { cluster: string }
  | { refused: "unknown_region" | "no_room" };

/** The share of a cluster's capacity in use: the fuller of agencies and bytes. */
export const loadOf = (c: ClusterLoad) =>
  Math.max(c.agencies / c.maxAgencies, c.maxBytes ? c.bytes / c.maxBytes : 0);

/** An open cluster in `region` (any region when undefined) with room, the least loaded first; ties
 * go to the one with fewer agencies, then by name, so the choice is stable. */
export function placeAgency(clusters: ClusterLoad[], region?: string): Placement {
  const inRegion = region === undefined ? clusters : clusters.filter((c) => c.region === region);
  if (!inRegion.length) return { refused: "unknown_region" };
  const candidates = inRegion.filter((c) =>
    c.state === "open" && c.agencies < c.maxAgencies && Number.isFinite(c.bytes) &&
    (!c.maxBytes || c.bytes < c.maxBytes)
  );
  if (!candidates.length) return { refused: "no_room" };
  const [best] = candidates.sort((a, b) =>
    loadOf(a) - loadOf(b) || a.agencies - b.agencies || a.name.localeCompare(b.name)
  );
  return { cluster: best.name };
}

/** Every cluster with its agency count from the catalog; `bytes` comes from `sizes` (measured per
 * cluster and cached by the caller: pg_database_size over thousands of databases is not free). */
export async function clusterLoads(control: Sql, sizes: Map<string, number>): Promise<ClusterLoad[]> {
  const rows = await control<(Omit<ClusterLoad, "bytes" | "maxBytes"> & { maxBytes: string | null })[]>`
    select c.name, c.region, c.state, c.max_agencies, c.max_bytes,
      (select count(*)::int from agencies a
       where a.cluster = c.name and a.status not in ('deleted', 'failed', 'archived')) as agencies
    from clusters c order by c.name`;
  return rows.map((r) => ({
    ...r,
    maxBytes: r.maxBytes === null ? null : Number(r.maxBytes),
    bytes: sizes.get(r.name) ?? 0,
  }));
}
