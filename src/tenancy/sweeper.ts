// The sweeper (`deno task agencies:sweep`, and at start-up), one cluster at a time: drops agency
// databases no catalog row claims there, spares no pool row records, and signups stuck in
// `provisioning` past a timeout. A moving agency's database is claimed on both clusters: the target
// while the copy runs, the source until its grace period has passed.
import type { Sql } from "../platform/db.ts";
import { type ControlPlane, dropDatabase, withAdvisoryLock } from "./control-plane.ts";
import { isAgencyDatabaseName } from "./database-name.ts";
import { SPARE_DATABASE_PATTERN } from "./spares.ts";

export type SweepResult = { expiredAgencies: string[]; droppedDatabases: string[] };

const listDatabases = async (sql: Sql, prefix: string) =>
  (await sql<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`)
    .map((r) => r.datname);

// Held exclusively by a sweep, shared by work that creates an agency database before a catalog row
// claims it (a restore from backup), so a sweep never drops a database being restored.
export const SWEEP_LOCK = 0x62667377; // "bfsw"

export function sweepOrphans(cp: ControlPlane, stuckAfterSeconds = 600): Promise<SweepResult> {
  return withAdvisoryLock(cp.databaseUrl, SWEEP_LOCK, "exclusive", () => sweep(cp, stuckAfterSeconds));
}

async function sweep(cp: ControlPlane, stuckAfterSeconds: number): Promise<SweepResult> {
  const { control: sql, cluster } = cp;
  const expired = await sql<{ id: string; databaseName: string }[]>`
    delete from agencies
    where cluster = ${cluster} and status = 'provisioning'
      and created_at < now() - make_interval(secs => ${stuckAfterSeconds})
    returning id, database_name`;
  await sql`
    delete from spare_databases
    where cluster = ${cluster} and not ready
      and created_at < now() - make_interval(secs => ${stuckAfterSeconds})`;

  // Databases first, claims second: a signup records its row before it creates its database, so any
  // database seen here that is still wanted has a row visible to the later read.
  const agencyDatabases = await listDatabases(cp.server, "agency_");
  const spareDatabases = await listDatabases(cp.server, "buildflow_spare_");
  const claimed = new Set([
    ...(await sql<{ databaseName: string }[]>`
      select database_name from agencies
      where cluster = ${cluster} and status in ('provisioning', 'active', 'suspended', 'archiving', 'archived', 'cooling', 'waking')
      union all
      select database_name from agency_moves
      where (state = 'copying' and target_cluster = ${cluster})
        or (state = 'switched' and source_cluster = ${cluster})
      union all
      select database_name from spare_databases where cluster = ${cluster}`)
      .map((r) => r.databaseName),
  ]);
  const orphans = [
    ...agencyDatabases.filter(isAgencyDatabaseName),
    ...spareDatabases.filter((name) => SPARE_DATABASE_PATTERN.test(name)),
  ].filter((name) => !claimed.has(name));
  for (const name of orphans) await dropDatabase(cp, name);
  return { expiredAgencies: expired.map((r) => r.id), droppedDatabases: orphans };
}
