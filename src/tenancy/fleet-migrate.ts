// Fleet migrations: every agency database brought to the tenant migrations with dbmate, with bounded
// parallelism, a per-agency ledger in the catalog (schema_version, migrated_at, last_migration_error),
// continuing past failures, on whichever cluster each agency lives. Each agency is migrated under its
// catalog lock (the one lifecycle actions and moves hold), against the cluster and generation read
// under that lock, so a move and a migration of the same agency never overlap, and the ledger is
// written only if the agency is still where it was migrated.
import { dbmate, migrationVersions } from "../platform/dbmate.ts";
import { connect, type Sql } from "../platform/db.ts";
import { mapLimit } from "../platform/map-limit.ts";
import type { ClusterDirectory } from "./cluster-directory.ts";
import { databaseUrlFor, LockBusy, withAdvisoryLock } from "./control-plane.ts";
import { agencyLock } from "./lifecycle.ts";

export type FleetTarget = {
  id: string;
  name: string;
  databaseName: string;
  cluster: string;
  schemaVersion: string | null;
};
export type FleetOutcome = FleetTarget & {
  /** `locked`: another action held the agency past the wait; `skipped`: it stopped being live; `cold`:
   * it has no database (src/tenancy/cold/): its dump is at `schemaVersion`, and `pending` lists what
   * its wake will apply. */
  status: "migrated" | "current" | "failed" | "locked" | "pending" | "skipped" | "cold";
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
  /** How long to wait for an agency another action holds (a move, a lifecycle action, another run). */
  lockWaitMs?: number;
  onResult?(outcome: FleetOutcome, done: number, total: number): void;
};

export type FleetDeps = {
  control: Sql;
  /** The catalog's URL: its per-agency locks. */
  catalogUrl: string;
  clusters: ClusterDirectory;
};

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
  // failure, never the run's.
  try {
    const wait = { exclusive: true, waitMs: options.lockWaitMs ?? 120_000 } as const;
    return await withAdvisoryLock(deps.catalogUrl, agencyLock(target.id), wait, async ({ signal }) => {
      // Where the agency is now, not where it was when the run listed it: a move may have finished.
      const [now] = await deps.control<{ cluster: string; generation: number }[]>`
        select cluster, generation from agencies where id = ${target.id} and status in ('active', 'suspended')`;
      if (!now) return outcome("skipped", []);
      target.cluster = now.cluster;
      const url = databaseUrlFor((await deps.clusters.get(now.cluster)).databaseUrl, target.databaseName);
      const version = await migrateDatabase(url, files, options, signal);
      if (options.dryRun) return outcome(version.pending.length ? "pending" : "current", version.pending);
      // A run from an older release never lowers the ledger; an agency that left (it cannot while the
      // lock is held, but the ledger must never describe a copy it does not serve from) is not written.
      const [written] = await deps.control`
        update agencies set migrated_at = now(), last_migration_error = null,
          schema_version = case
            when schema_version is null or schema_version::numeric < ${version.now}::numeric then ${version.now}
            else schema_version end
        where id = ${target.id} and cluster = ${now.cluster} and generation = ${now.generation}
        returning id`;
      if (!written) throw new Error(`the agency left ${now.cluster} while it was migrated there`);
      return outcome(version.pending.length ? "migrated" : "current", version.pending);
    });
  } catch (error) {
    if (error instanceof LockBusy) return outcome("locked", []);
    const message = String((error as Error)?.message ?? error).slice(0, 2000);
    await deps.control`update agencies set last_migration_error = ${message} where id = ${target.id}`
      .catch(() => {}); // the catalog itself may be what failed: the outcome still says so
    return outcome("failed", [], message);
  }
}

/** Applies the pending migrations to one agency database (none with dryRun); returns what was
 * pending and the version it is at. */
async function migrateDatabase(
  url: string,
  files: string[],
  options: Pick<FleetOptions, "dbmateBin" | "migrationsDir" | "dryRun">,
  signal: AbortSignal,
): Promise<{ pending: string[]; now: string | null }> {
  const sql = connect(url, { max: 1, applicationName: "buildflow-control" });
  try {
    const applied = new Set(
      (await sql<{ version: string }[]>`select version from schema_migrations`).map((r) => r.version),
    );
    const pending = files.filter((v) => !applied.has(v));
    if (pending.length && !options.dryRun) {
      await dbmate(options.dbmateBin, url, options.migrationsDir, "migrate", signal);
    }
    const [{ now }] = await sql<{ now: string | null }[]>`select max(version) as now from schema_migrations`;
    return { pending, now };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The selected cold agencies (and those going cold or waking): skipped, each with the migrations its
 * wake will apply. */
async function coldOutcomes(
  { control: sql }: FleetDeps,
  files: string[],
  options: Pick<FleetOptions, "onlyFailed" | "agency" | "cluster">,
): Promise<FleetOutcome[]> {
  if (options.onlyFailed) return [];
  const cold = await sql<FleetTarget[]>`
    select id, name, database_name, cluster, schema_version from agencies
    where status in ('cooling', 'cold', 'waking')
      ${options.agency ? sql`and (id::text = ${options.agency} or database_name = ${options.agency})` : sql``}
      ${options.cluster ? sql`and cluster = ${options.cluster}` : sql``}
    order by cluster, database_name`;
  const after = (version: string | null) => (v: string) => version === null || BigInt(v) > BigInt(version);
  return cold.map((t) => ({ ...t, status: "cold", pending: files.filter(after(t.schemaVersion)), ms: 0 }));
}

/** Migrates the selected agencies, `concurrency` at a time; never throws for one agency's failure.
 * Cold agencies come last, skipped (`cold`): they are migrated when they wake. */
export async function migrateFleet(deps: FleetDeps, options: FleetOptions): Promise<FleetOutcome[]> {
  const files = migrationVersions(options.migrationsDir);
  const targets = await fleetTargets(deps, options);
  let done = 0;
  const live = await mapLimit(targets, options.concurrency, async (target) => {
    const outcome = await migrateOne(deps, target, files, options);
    options.onResult?.(outcome, ++done, targets.length);
    return outcome;
  });
  return [...live, ...await coldOutcomes(deps, files, options)];
}
