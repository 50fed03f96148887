// pg_dump / pg_restore of one database over the admin role's direct connection: custom format,
// with size and sha256 for the manifest. Control plane only (spawns processes).
import { createHash } from "node:crypto";
import { run } from "../platform/command.ts";
import {
  type ControlPlane,
  databaseUrlFor,
  dropDatabase,
  restrictConnect,
  withDatabase,
} from "../tenancy/control-plane.ts";

export type DumpInfo = { database: string; file: string; bytes: number; sha256: string; at: string };

/** Connection flags and PGPASSWORD for the pg tools (a URL on the command line would show in `ps`). */
function pgArgs(url: string, database: string) {
  const u = new URL(databaseUrlFor(url, database));
  return {
    args: ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username), "-d", database],
    env: { PGPASSWORD: decodeURIComponent(u.password), PGCONNECT_TIMEOUT: "10" },
  };
}

/** A PostgreSQL client tool: from the configured/located bin dir, else from PATH. */
const pgTool = (pgBin: string | undefined, name: string) => (pgBin ? `${pgBin}/${name}` : name);

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  using handle = await Deno.open(file);
  for await (const chunk of handle.readable) hash.update(chunk);
  return hash.digest("hex");
}

export async function dumpDatabase(
  cp: ControlPlane,
  pgBin: string | undefined,
  database: string,
  file: string,
) {
  await Deno.mkdir(file.slice(0, file.lastIndexOf("/")) || ".", { recursive: true });
  const { args, env } = pgArgs(cp.databaseUrl, database);
  await run([pgTool(pgBin, "pg_dump"), "-Fc", "-f", file, ...args], { env });
  const { size } = await Deno.stat(file);
  return {
    database,
    file,
    bytes: size,
    sha256: await sha256(file),
    at: new Date().toISOString(),
  } satisfies DumpInfo;
}

/** Restores a dump into a new database; checks it holds the tenant schema; drops it on any failure.
 * Returns the schema version found in it. */
export async function restoreDatabase(
  cp: ControlPlane,
  pgBin: string | undefined,
  file: string,
  database: string,
) {
  const { control: sql } = cp;
  await sql`create database ${sql(database)} template template0`;
  try {
    const { args, env } = pgArgs(cp.databaseUrl, database);
    await run([pgTool(pgBin, "pg_restore"), "--no-owner", "--exit-on-error", ...args, file], { env });
    const version = await withDatabase(cp, database, async (db) => {
      const [{ tables }] = await db<{ tables: number }[]>`
        select count(*)::int as tables from information_schema.tables where table_schema = 'public'`;
      const [{ version }] = await db<
        { version: string | null }[]
      >`select max(version) as version from schema_migrations`;
      if (tables < 2 || !version) throw new Error(`${file} does not hold an agency database`);
      return version;
    });
    await restrictConnect(cp, database);
    return version;
  } catch (error) {
    await dropDatabase(cp, database);
    throw error;
  }
}
