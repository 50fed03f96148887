// Fleet migrations: every agency database brought to the tenant migrations with dbmate, with bounded
// parallelism, a per-agency ledger in the catalog (schema_version, migrated_at, last_migration_error),
// continuing past failures, on whichever cluster each agency lives. A per-database advisory lock
// keeps two runs (and a move) off the same database.
import { dbmate, migrationVersions } from "../platform/dbmate.ts";
import type { Sql } from "../platform/db.ts";
import { mapLimit } from "../platform/map-limit.ts";
import type { ClusterDirectory } from "./cluster-directory.ts";
import { databaseUrlFor, LockBusy, withAdvisoryLock } from "./control-plane.ts";

/** Held (in the agency database) by the run migrating it. */
export const MIGRATION_LOCK = 0x62666d67; // "bfmg"

export type FleetTarget = {
  id: string;
  name: string;
  databaseName: string;
  cluster: string;
  schemaVersion: string | null;
};
export type FleetOutcome = FleetTarget & {
  status: "migrated" | "current" | "failed" | "locked" | "pending";
  pending: string[];
  ms: number;
  error?: string;
};

export type FleetOptions = {
  dbmateBin: string;
  migrationsDir: string;
  concurrency: number;
  onlyFailed?: boolean;
  /** An agency id or database name. */
  agency?: string;
  /** Only the agencies on this cluster. */
  cluster?: string;
  dryRun?: boolean;
  onResult?(outcome: FleetOutcome, done: number, total: number): void;
};

export type FleetDeps = { control: Sql; clusters: ClusterDirectory };

export async function fleetTargets(
  { control: sql }: FleetDeps,
  options: Pick<FleetOptions, "onlyFailed" | "agency" | "cluster">,
) {
  return await sql<FleetTarget[]>`
    select id, name, database_name, cluster, schema_version from agencies
    where status in ('active', 'suspended')
      ${options.onlyFailed ? sql`and last_migration_error is not null` : sql``}
      ${options.agency ? sql`and (id::text = ${options.agency} or database_name = ${options.agency})` : sql``}
      ${options.cluster ? sql`and cluster = ${options.cluster}` : sql``}
    order by cluster, database_name`;
}

async function migrateOne(deps: FleetDeps, target: FleetTarget, files: string[], options: FleetOptions) {
  const started = performance.now();
  const outcome = (status: FleetOutcome["status"], pending: string[], error?: string): FleetOutcome => ({
    ...target,
    status,
    pending,
    error,
    ms: Math.round(performance.now() - started),
  });
  // Everything inside the try: an unreachable cluster or a just-dropped database is this agency's
  // failure, never the run's. The lock lives in the agency database (advisory locks are scoped to a
  // database, so runs with different catalogs still exclude each other).
  try {
    const url = databaseUrlFor((await deps.clusters.get(target.cluster)).databaseUrl, target.databaseName);
    return await withAdvisoryLock(url, MIGRATION_LOCK, "try", async ({ sql, signal }) => {
      const applied = new Set(
        (await sql<{ version: string }[]>`select version from schema_migrations`).map((r) => r.version),
      );
      const pending = files.filter((v) => !applied.has(v));
      if (options.dryRun) return outcome(pending.length ? "pending" : "current", pending);
      if (pending.length) await dbmate(options.dbmateBin, url, options.migrationsDir, "migrate", signal);
      // The version the database is at, read back; a run from an older release never lowers it.
      const [{ version }] = await sql<{ version: string | null }[]>`
        select max(version) as version from schema_migrations`;
      await deps.control`
        update agencies set migrated_at = now(), last_migration_error = null,
          schema_version = case
            when schema_version is null or schema_version::numeric < ${version}::numeric then ${version}
            else schema_version end
        where id = ${target.id}`;
      return outcome(pending.length ? "migrated" : "current", pending);
    });
  } catch (error) {
    if (error instanceof LockBusy) return outcome("locked", []);
    const message = String((error as Error)?.message ?? error).slice(0, 2000);
    await deps.control`update agencies set last_migration_error = ${message} where id = ${target.id}`
      .catch(() => {}); // the catalog itself may be what failed: the outcome still says so
    return outcome("failed", [], message);
  }
}

/** Migrates the selected agencies, `concurrency` at a time; never throws for one agency's failure. */
export async function migrateFleet(deps: FleetDeps, options: FleetOptions): Promise<FleetOutcome[]> {
  const files = migrationVersions(options.migrationsDir);
  const targets = await fleetTargets(deps, options);
  let done = 0;
  return await mapLimit(targets, options.concurrency, async (target) => {
    const outcome = await migrateOne(deps, target, files, options);
    options.onResult?.(outcome, ++done, targets.length);
    return outcome;
  });
}
