// The spare pool: databases cloned from the template ahead of time, so a signup only renames one
// (ALTER DATABASE … RENAME, about a millisecond) instead of copying the template (~100+ ms).
import type { Queryable } from "../platform/db.ts";
import { type ControlPlane, dropDatabase, restrictConnect } from "./control-plane.ts";
import { cloneTemplate, templateVersion } from "./template.ts";

export const SPARE_DATABASE_PATTERN = /^buildflow_spare_[0-9a-f]{12}$/;

const spareName = () => `buildflow_spare_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;

/** Takes one ready spare of `cluster` at `version`, or none. SKIP LOCKED: concurrent signups never
 * share one. */
export async function claimSpare(
  sql: Queryable,
  cluster: string,
  version: string,
): Promise<string | undefined> {
  const [row] = await sql<{ databaseName: string }[]>`
    delete from spare_databases where database_name = (
      select database_name from spare_databases
      where ready and cluster = ${cluster} and schema_version = ${version}
      order by created_at limit 1 for update skip locked)
    returning database_name`;
  return row?.databaseName;
}

/** Tops a cluster's pool up to `target` ready spares at its template's version; drops stale ones. */
export async function refillSpares(cp: ControlPlane, target: number): Promise<number> {
  const { control: sql, cluster } = cp;
  const version = await templateVersion(cp);
  if (!version) return 0;
  const stale = await sql<{ databaseName: string }[]>`
    delete from spare_databases where cluster = ${cluster} and ready and schema_version <> ${version}
    returning database_name`;
  for (const { databaseName } of stale) await dropDatabase(cp, databaseName);
  const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int as count from spare_databases where cluster = ${cluster} and schema_version = ${version}`;
  let created = 0;
  for (let i = count; i < target; i++) {
    const name = spareName();
    // Recorded first (not ready), so the sweeper never takes a spare being cloned for an orphan.
    await sql`
      insert into spare_databases (cluster, database_name, schema_version) values (${cluster}, ${name}, ${version})`;
    try {
      await cloneTemplate(cp, name);
      await restrictConnect(cp, name);
      await sql`update spare_databases set ready = true where database_name = ${name}`;
      created++;
    } catch (error) {
      await dropDatabase(cp, name).catch(() => {});
      await sql`delete from spare_databases where database_name = ${name}`;
      throw error;
    }
  }
  return created;
}

/** Refills each cluster's pool in the background, one run at a time per cluster; `kick(cluster)`
 * after each signup there, `idle()` to await every run. */
export function spareRefiller(target: number) {
  const runs = new Map<string, { running: Promise<void>; again: boolean }>();
  const loop = async (cp: ControlPlane) => {
    const run = runs.get(cp.cluster)!;
    do {
      run.again = false;
      await refillSpares(cp, target).catch((error) =>
        console.error(JSON.stringify({ spares: "refill failed", cluster: cp.cluster, error: String(error) }))
      );
    } while (run.again);
    runs.delete(cp.cluster);
  };
  return {
    kick(cp: ControlPlane) {
      if (target === 0) return;
      const run = runs.get(cp.cluster);
      if (run) run.again = true;
      else {
        const fresh = { running: Promise.resolve(), again: false };
        runs.set(cp.cluster, fresh);
        fresh.running = loop(cp);
      }
    },
    idle: async () => {
      while (runs.size) await Promise.all([...runs.values()].map((r) => r.running));
    },
  };
}

export type SpareRefiller = ReturnType<typeof spareRefiller>;
