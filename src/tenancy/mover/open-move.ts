// A move's row in the catalog (agency_moves) and the sessions its steps use, opened from that row
// alone, so a move a stopped mover left can be undone or finished by another process.
import type { Agency } from "../../catalog/agencies.ts";
import { connect, type Sql } from "../../platform/db.ts";
import { unavailable } from "../../platform/errors.ts";
import type { Cluster } from "../cluster-directory.ts";
import { databaseUrlFor, type HeldLock } from "../control-plane.ts";
import { moveTag } from "./replication.ts";
import type { Move } from "./types.ts";

export type MoveRow = {
  id: number;
  agencyId: string;
  databaseName: string;
  sourceCluster: string;
  targetCluster: string;
  state: "copying" | "switched" | "done" | "failed";
  actor: string;
  owner: string | null;
  dropSourceAfter: Date | null;
  details: { released?: boolean };
};

export const moveColumns = (sql: Sql) =>
  sql`id::int, agency_id, database_name, source_cluster, target_cluster, state, actor, owner, drop_source_after,
    details`;

/** The mover's own credential on each side: checked before a move starts. */
export function requireSuperusers(...clusters: Cluster[]) {
  for (const cluster of clusters) {
    if (!cluster.superuserUrl) {
      throw unavailable(
        `The mover needs a superuser of cluster ${cluster.cluster} (its superuser secret)`,
        3600,
      );
    }
  }
}

/** The connections a move's steps use, opened lazily and closed together; `owner` is the claim the
 * caller holds on the row (it inserted the row, or took it over under the agency's lock). */
export function openMove(
  row: MoveRow,
  agency: Agency,
  source: Cluster,
  target: Cluster,
  { lock, owner }: { lock: HeldLock; owner: string },
): Move {
  requireSuperusers(source, target);
  const db = row.databaseName;
  const open = (url: string, max = 2) =>
    connect(databaseUrlFor(url, db), { max, applicationName: "buildflow-mover" });
  const clients: Sql[] = [];
  const track = (sql: Sql) => (clients.push(sql), sql);
  const sourceSu = track(open(source.superuserUrl!));
  const sourceAdmin = track(open(source.databaseUrl, 1));
  const sourceFence = track(open(source.superuserUrl!, 1));
  let targetSu: Sql | undefined;
  const m: Move = {
    id: row.id,
    owner,
    lock,
    tag: moveTag(row.id),
    actor: row.actor,
    agency,
    source,
    target,
    database: db,
    sourceSu,
    sourceAdmin,
    sourceFence,
    targetSu: () => (targetSu ??= track(open(target.superuserUrl!))),
    async targetSuIfExists() {
      const [exists] = await target.server`select 1 from pg_database where datname = ${db}`;
      return exists ? m.targetSu() : undefined;
    },
    async dropTarget() {
      const sessions = [targetSu, m.snapshot].filter((sql): sql is Sql => sql !== undefined);
      targetSu = m.snapshot = undefined;
      await Promise.all(sessions.map((sql) => sql.end({ timeout: 5 })));
      // As a superuser: a mover that lost this move may still hold superuser sessions there, which
      // the admin role cannot end.
      const su = connect(databaseUrlFor(target.superuserUrl!, "postgres"), {
        max: 1,
        applicationName: "buildflow-mover",
      });
      try {
        await su`drop database if exists ${su(db)} with (force)`;
      } finally {
        await su.end({ timeout: 5 });
      }
    },
    async openSnapshot() {
      m.snapshot = track(open(target.databaseUrl, 1));
      await m.snapshot.unsafe("begin isolation level repeatable read read only; select 1").simple();
    },
    startedAt: performance.now(),
    timings: {},
    async close() {
      await Promise.all(clients.map((sql) => sql.end({ timeout: 5 })));
    },
  };
  return m;
}
