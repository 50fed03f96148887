// Read replicas with read-your-writes: which replica (if any) may serve an agency's read. Each
// cluster's replicas are polled for their replay position (every `pollMs`, never per request), and
// the primary for its current one; a replica that lags past a bound or does not answer leaves
// rotation until it recovers. A read goes to a replica in rotation that has replayed the agency's
// last write known here (or the client's consistency token), else to the primary, with no wait.
import { answerWithin, type Sql } from "../platform/db.ts";
import type { ClusterDirectory } from "./cluster-directory.ts";

/** Why a read went where it went (a /metrics label). */
export type ReadRoute =
  | "replica"
  | "primary_no_replica"
  | "primary_lagging"
  | "primary_down"
  | "primary_retry";

export type ReplicaRouterOptions = {
  clusters: ClusterDirectory;
  /** Called when a replica leaves rotation because it does not answer: its queries in flight may
   * wait on its pooler for a server that is gone, so their clients are ended (and retried). */
  onDown?(cluster: string, replica: string): void;
  pollMs: number;
  maxLagMs: number;
  maxLagBytes: number;
  /** Agencies whose last write position is remembered (LRU). */
  maxAgencies: number;
};

type Position = {
  lsn: bigint;
  lagBytes: number;
  lagMs: number;
  up: boolean;
  inRotation: boolean;
};

/** `16/B374D848` → a number to compare. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match) throw new Error(`not an LSN: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export const formatLsn = (lsn: bigint) =>
  `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;

/** The X-Consistency-Token a write answers with: where its commit is, on which cluster. */
export const consistencyToken = (cluster: string, lsn: bigint) => `${cluster}/${formatLsn(lsn)}`;

export function parseConsistencyToken(text: string): { cluster: string; lsn: bigint } | undefined {
  const match = /^([a-z][a-z0-9_-]{0,62})\/([0-9A-F]{1,8}\/[0-9A-F]{1,8})$/i.exec(text);
  return match ? { cluster: match[1], lsn: parseLsn(match[2]) } : undefined;
}

export function createReplicaRouter(
  { clusters, onDown, pollMs, maxLagMs, maxLagBytes, maxAgencies }: ReplicaRouterOptions,
) {
  const positions = new Map<string, Position>(); // `${cluster}/${replica}`
  const written = new Map<string, { cluster: string; lsn: bigint }>(); // agency id → last write, LRU
  const reads = new Map<ReadRoute, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling = false;

  async function poll() {
    if (polling) return; // a slow round is not stacked on
    polling = true;
    try {
      await Promise.all(
        clusters.known().filter((c) => c.replicas.length).map(async (cluster) => {
          const primary = await timed(currentLsn(cluster.pooler)).catch(() => undefined);
          await Promise.all(cluster.replicas.map(async (replica) => {
            const key = `${cluster.cluster}/${replica.name}`;
            try {
              const [row] = await timed(replica.pooler<{ lsn: string | null; replayedAt: Date | null }[]>`
              select pg_last_wal_replay_lsn()::text as lsn, pg_last_xact_replay_timestamp() as replayed_at`);
              const lsn = row.lsn ? parseLsn(row.lsn) : 0n;
              const behind = primary === undefined ? 0 : Number(primary > lsn ? primary - lsn : 0n);
              // Caught up, it lags by nothing however long ago its last replayed commit was.
              const lagMs = behind === 0 || !row.replayedAt
                ? 0
                : Math.max(0, Date.now() - row.replayedAt.getTime());
              const inRotation = behind <= maxLagBytes && lagMs <= maxLagMs;
              positions.set(key, { lsn, lagBytes: behind, lagMs, up: true, inRotation });
            } catch {
              const last = positions.get(key);
              if (last?.up !== false) onDown?.(cluster.cluster, replica.name);
              positions.set(key, {
                ...(last ?? { lsn: 0n, lagBytes: 0, lagMs: 0 }),
                up: false,
                inRotation: false,
              });
            }
          }));
        }),
      );
    } finally {
      polling = false;
    }
  }

  /** A poll query that does not answer within a few periods counts as down. */
  const timed = <T>(query: Promise<T>) => answerWithin(query, Math.max(pollMs * 5, 500));

  const count = (route: ReadRoute) => reads.set(route, (reads.get(route) ?? 0) + 1);

  return {
    start() {
      if (timer !== undefined) return;
      timer = setInterval(() => void poll(), pollMs);
      Deno.unrefTimer(timer);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    /** Whether the cluster has replicas (its writes then answer with a consistency token). */
    serves: (cluster: string) => Boolean(clusters.loaded(cluster)?.replicas.length),
    /** Where an agency's read may run: a replica of its cluster that has replayed what it must see. */
    route(
      agency: { id: string; cluster: string; clusterLsn: string | null },
      token?: { cluster: string; lsn: bigint },
    ): { replica?: string } {
      const cluster = clusters.loaded(agency.cluster);
      if (!cluster?.replicas.length) return void count("primary_no_replica"), {};
      // A position on another cluster (the agency moved since: a write this instance remembers, or a
      // client's token) proves nothing here. The catalog's cluster_lsn does: everything the agency
      // had when it arrived, so a replica past it has every write made before the move.
      const arrived = agency.clusterLsn === null ? undefined : parseLsn(agency.clusterLsn);
      const known = written.get(agency.id);
      const elsewhere = (known && known.cluster !== agency.cluster) ||
        (token && token.cluster !== agency.cluster);
      if (elsewhere && arrived === undefined) return void count("primary_lagging"), {};
      let required = arrived ?? 0n;
      if (known?.cluster === agency.cluster && known.lsn > required) required = known.lsn;
      if (token?.cluster === agency.cluster && token.lsn > required) required = token.lsn;
      let anyUp = false;
      for (const replica of cluster.replicas) {
        const p = positions.get(`${agency.cluster}/${replica.name}`);
        if (!p?.inRotation) continue;
        anyUp = true;
        if (p.lsn >= required) return void count("replica"), { replica: replica.name };
      }
      count(anyUp ? "primary_lagging" : "primary_down");
      return {};
    },
    /** Counts a read that failed on a replica and was served by the primary; takes it out of rotation. */
    retried(cluster: string, replica: string) {
      const p = positions.get(`${cluster}/${replica}`);
      if (p) positions.set(`${cluster}/${replica}`, { ...p, up: false, inRotation: false });
      count("primary_retry");
    },
    /** Remembers where an agency's write committed. */
    noteWrite(agencyId: string, cluster: string, lsn: bigint) {
      written.delete(agencyId);
      if (written.size >= maxAgencies) written.delete(written.keys().next().value!);
      written.set(agencyId, { cluster, lsn });
    },
    stats() {
      return {
        replicas: [...positions].map(([key, p]) => ({
          replica: key,
          up: p.up,
          inRotation: p.inRotation,
          lagBytes: p.lagBytes,
          lagMs: p.lagMs,
        })),
        reads: Object.fromEntries(reads),
      };
    },
  };
}

/** The primary's WAL position now: after a commit has returned, it is at or past that commit. */
export async function currentLsn(sql: Sql): Promise<bigint> {
  const [{ lsn }] = await sql<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  return parseLsn(lsn);
}

export type ReplicaRouter = ReturnType<typeof createReplicaRouter>;
