// pg_dump / pg_restore of one database, custom format, over a direct URL: the primitive under
// backups, archives and restores. Control plane only (spawns processes); killed when `signal` aborts.
import { createHash } from "node:crypto";
import { run } from "./command.ts";

export type DumpInfo = { database: string; file: string; bytes: number; sha256: string; at: string };

/** Connection flags and PGPASSWORD for the pg tools (a URL on the command line would show in `ps`). */
function pgArgs(databaseUrl: string) {
  const u = new URL(databaseUrl);
  const database = decodeURIComponent(u.pathname.slice(1));
  return {
    database,
    args: ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username), "-d", database],
    env: { PGPASSWORD: decodeURIComponent(u.password), PGCONNECT_TIMEOUT: "10" },
  };
}

/** A PostgreSQL client tool: from the configured/located bin dir, else from PATH. */
const pgTool = (pgBin: string | undefined, name: string) => (pgBin ? `${pgBin}/${name}` : name);

/** A file's SHA-256, streamed (dumps may be large). */
export async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  using handle = await Deno.open(file);
  for await (const chunk of handle.readable) hash.update(chunk);
  return hash.digest("hex");
}

/** Dumps a database (with `schemaOnly`, its definitions without rows: a move's target). */
export async function dumpDatabase(
  databaseUrl: string,
  pgBin: string | undefined,
  file: string,
  signal?: AbortSignal,
  { schemaOnly = false } = {},
): Promise<DumpInfo> {
  await Deno.mkdir(file.slice(0, file.lastIndexOf("/")) || ".", { recursive: true });
  const { database, args, env } = pgArgs(databaseUrl);
  const what = schemaOnly ? ["--schema-only"] : [];
  await run([pgTool(pgBin, "pg_dump"), "-Fc", ...what, "-f", file, ...args], { env, signal });
  const { size } = await Deno.stat(file);
  return { database, file, bytes: size, sha256: await sha256(file), at: new Date().toISOString() };
}

/** Reads a dump back whole (every data block decompressed, to /dev/null) and checks its table of
 * contents holds the data of `tables`; throws otherwise. Returns how many tables' data it holds. */
export async function verifyDump(
  pgBin: string | undefined,
  dump: DumpInfo,
  tables: string[],
  signal?: AbortSignal,
): Promise<number> {
  if (await sha256(dump.file) !== dump.sha256) throw new Error(`${dump.file} changed after it was written`);
  await run([pgTool(pgBin, "pg_restore"), "--file", "/dev/null", dump.file], { signal });
  const toc = await run([pgTool(pgBin, "pg_restore"), "--list", dump.file], { signal });
  const withData = new Set([...toc.matchAll(/ TABLE DATA public (\S+) /g)].map((m) => m[1]));
  const missing = tables.filter((t) => !withData.has(t));
  if (missing.length) throw new Error(`${dump.file} lacks the data of ${missing.join(", ")}`);
  return withData.size;
}

/** Restores a dump into an existing, empty database. */
export async function restoreDump(
  databaseUrl: string,
  pgBin: string | undefined,
  file: string,
  signal?: AbortSignal,
): Promise<void> {
  const { args, env } = pgArgs(databaseUrl);
  await run([pgTool(pgBin, "pg_restore"), "--no-owner", "--exit-on-error", ...args, file], { env, signal });
}
