// dbmate, the owner of both schemas: db/main for the catalog, db/tenant for agency databases.
import { fileURLToPath } from "node:url";
import { run } from "./command.ts";

export const CATALOG_MIGRATIONS = fileURLToPath(new URL("../../db/main/migrations", import.meta.url));
export const TENANT_MIGRATIONS = fileURLToPath(new URL("../../db/tenant/migrations", import.meta.url));

/** Runs a dbmate command (`migrate`, `status`, `rollback`) on one database, over a direct URL;
 * killed when `signal` aborts. */
export function dbmate(
  binary: string,
  url: string,
  migrationsDir: string,
  command: string,
  signal?: AbortSignal,
) {
  const u = new URL(url);
  if (!u.searchParams.has("sslmode")) u.searchParams.set("sslmode", "disable");
  return run([
    binary,
    ...["--url", u.toString(), "--migrations-dir", migrationsDir, "--no-dump-schema", command],
  ], { signal });
}

/** Migration versions in a folder, oldest first (the file name's leading digits). */
export function migrationVersions(migrationsDir: string): string[] {
  const versions: string[] = [];
  for (const entry of Deno.readDirSync(migrationsDir)) {
    const match = entry.name.match(/^(\d+)_.*\.sql$/);
    if (entry.isFile && match) versions.push(match[1]);
  }
  return versions.sort();
}
