// Fleet migrations: every agency database brought to the tenant migrations with dbmate, with bounded
// parallelism, a per-agency ledger in the catalog (schema_version, migrated_at, last_migration_error),
// continuing past failures. A per-database advisory lock keeps two runs off the same database.
import { dbmate, migrationVersions } from "../platform/dbmate.ts";
import { connect } from "../platform/db.ts";
import { type ControlPlane, databaseUrlFor, withDatabase } from "./control-plane.ts";

export type FleetTarget = { id: string; name: string; databaseName: string; schemaVersion: string | null };
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
  dryRun?: boolean;
  onResult?(outcome: FleetOutcome, done: number, total: number): void;
};

export async function fleetTargets(cp: ControlPlane, options: Pick<FleetOptions, "onlyFailed" | "agency">) {
  const { control: sql } = cp;
  return await sql<FleetTarget[]>`
    select id, name, database_name, schema_version from agencies
    where status in ('active', 'suspended')
      ${options.onlyFailed ? sql`and last_migration_error is not null` : sql``}
      ${options.agency ? sql`and (id::text = ${options.agency} or database_name = ${options.agency})` : sql``}
    order by database_name`;
}

async function appliedVersions(cp: ControlPlane, databaseName: string): Promise<Set<string>> {
  return await withDatabase(
    cp,
    databaseName,
    async (sql) =>
      new Set(
        (await sql<{ version: string }[]>`select version from schema_migrations`).map((r) => r.version),
      ),
  );
}

async function migrateOne(cp: ControlPlane, target: FleetTarget, files: string[], options: FleetOptions) {
  const started = performance.now();
  const outcome = (status: FleetOutcome["status"], pending: string[], error?: string): FleetOutcome => ({
    ...target,
    status,
    pending,
    error,
    ms: Math.round(performance.now() - started),
  });
  // The lock lives in the catalog session of a one-connection client held for the whole migration.
  const lock = connect(cp.databaseUrl, { max: 1, applicationName: "buildflow-migrate" });
  try {
    const [{ locked }] = await lock`select pg_try_advisory_lock(hashtext(${
      "tenant:" + target.databaseName
    })) as locked`;
    if (!locked) return outcome("locked", []);
    try {
      const applied = await appliedVersions(cp, target.databaseName);
      const pending = files.filter((v) => !applied.has(v));
      if (options.dryRun) return outcome(pending.length ? "pending" : "current", pending);
      if (pending.length) {
        await dbmate(
          options.dbmateBin,
          databaseUrlFor(cp.databaseUrl, target.databaseName),
          options.migrationsDir,
          "migrate",
        );
      }
      const version = files.at(-1) ?? null;
      await cp.control`
        update agencies set schema_version = ${version}, migrated_at = now(), last_migration_error = null
        where id = ${target.id}`;
      return outcome(pending.length ? "migrated" : "current", pending);
    } catch (error) {
      const message = (error as Error).message.slice(0, 2000);
      await cp.control`update agencies set last_migration_error = ${message} where id = ${target.id}`;
      return outcome("failed", [], message);
    }
  } finally {
    await lock.end({ timeout: 5 });
  }
}

/** Migrates the selected agencies, `concurrency` at a time; never throws for one agency's failure. */
export async function migrateFleet(cp: ControlPlane, options: FleetOptions): Promise<FleetOutcome[]> {
  const files = migrationVersions(options.migrationsDir);
  const targets = await fleetTargets(cp, options);
  const outcomes: FleetOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++];
      const result = await migrateOne(cp, target, files, options);
      outcomes.push(result);
      options.onResult?.(result, outcomes.length, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return outcomes;
}
