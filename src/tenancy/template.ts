// The tenant template, one per cluster: a database at the latest db/tenant migration that new agency databases are
// cloned from (CREATE DATABASE … TEMPLATE), so no DDL runs on the request path. It is marked as a
// template and closed to connections except while it is migrated, and the app role may not
// connect to it, so it is never reachable through PgBouncer.
import { dbmate, TENANT_MIGRATIONS } from "../platform/dbmate.ts";
import type { Sql } from "../platform/db.ts";
import { type ControlPlane, databaseUrlFor, withAdvisoryLock, withDatabase } from "./control-plane.ts";

export const TEMPLATE_DATABASE = "buildflow_tenant_template";

// Migrating the template takes this advisory lock exclusively, cloning takes it shared: a clone
// never meets a migration's connection to the template (55006 "being accessed by other users").
const TEMPLATE_LOCK = 0x62666c77; // "bflw"

/** Creates the template if missing and applies pending tenant migrations; returns its version. */
export async function prepareTemplate(
  cp: ControlPlane,
  dbmateBin: string,
  migrationsDir = TENANT_MIGRATIONS,
): Promise<string> {
  return await withAdvisoryLock(cp.databaseUrl, TEMPLATE_LOCK, "exclusive", async ({ sql: conn, signal }) => {
    const [exists] = await conn`select 1 from pg_database where datname = ${TEMPLATE_DATABASE}`;
    if (!exists) await conn`create database ${conn(TEMPLATE_DATABASE)}`;
    await conn`revoke all on database ${conn(TEMPLATE_DATABASE)} from public`;
    await conn`alter database ${conn(TEMPLATE_DATABASE)} with is_template false allow_connections true`;
    try {
      await dbmate(
        dbmateBin,
        databaseUrlFor(cp.databaseUrl, TEMPLATE_DATABASE),
        migrationsDir,
        "migrate",
        signal,
      );
      const version = await withDatabase(cp, TEMPLATE_DATABASE, async (tpl) => {
        await grantAppRole(tpl, cp.appRole);
        const [{ version }] = await tpl<
          { version: string }[]
        >`select max(version) as version from schema_migrations`;
        return version;
      });
      await cp.control`
        insert into tenant_template (cluster, database_name, schema_version)
        values (${cp.cluster}, ${TEMPLATE_DATABASE}, ${version})
        on conflict (cluster) do update set schema_version = excluded.schema_version, migrated_at = now()`;
      return version;
    } finally {
      await conn`alter database ${conn(TEMPLATE_DATABASE)} with is_template true allow_connections false`;
    }
  });
}

/** Table privileges live inside the database, so clones inherit them from the template. */
export async function grantAppRole(sql: Sql, appRole: string): Promise<void> {
  const role = sql(appRole);
  await sql`grant usage on schema public to ${role}`;
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`;
  await sql`grant usage, select on all sequences in schema public to ${role}`;
  await sql`revoke all on schema_migrations from ${role}`; // the ledger belongs to dbmate
  // Tables that later migrations create (as this admin role) are granted the same way, in the
  // template and in every database cloned from it.
  await sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${role}`;
  await sql`alter default privileges in schema public grant usage, select on sequences to ${role}`;
}

/** The version a cluster's template is at, as recorded when it was last migrated. */
export async function templateVersion(
  cp: Pick<ControlPlane, "control" | "cluster">,
): Promise<string | undefined> {
  const [row] = await cp.control<{ schemaVersion: string }[]>`
    select schema_version from tenant_template where cluster = ${cp.cluster}`;
  return row?.schemaVersion;
}

/** Clones a new database from the template (the direct path when no spare is left). */
export async function cloneTemplate(cp: ControlPlane, database: string): Promise<void> {
  await withAdvisoryLock(
    cp.databaseUrl,
    TEMPLATE_LOCK,
    "shared",
    ({ sql }) => sql`create database ${sql(database)} template ${sql(TEMPLATE_DATABASE)}`,
  );
}
