// Helpers of the operations and platform-admin tests: rows read as the superuser, and the CLIs run as
// child processes against the shared stack (agencies, requests and logins: ../support/fixtures.ts).
import { asSuperuser } from "../support/fixtures.ts";
import { stack } from "../support/stack.ts";

/** Every row of `table`, ordered by id, as the superuser reads it (all columns). */
export const tableRows = (database: string, table: string) =>
  asSuperuser(database, (sql) => sql`select * from ${sql(table)} order by id`);

/** The environment a CLI needs to reach the shared stack (no .data/stack.json lookup). */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const { servers, tools, jwtSecret } = stack();
  return {
    ...Deno.env.toObject(),
    APP_ENV: "test",
    DATABASE_URL: servers.databaseUrl,
    POOLER_URL: servers.poolerUrl,
    POOLER_ADMIN_URL: servers.poolerAdminUrl,
    JWT_SECRET: jwtSecret,
    PG_BINDIR: tools.pgBin,
    PGBOUNCER_BIN: tools.pgbouncer,
    DBMATE_BIN: tools.dbmate,
    NO_COLOR: "1",
    // The shared catalog's cold agencies are the cold tests' own (tests/tenancy/cold), swept by their
    // instances: an API another test spawns leaves them be unless it asks.
    COLD_SWEEP_INTERVAL: "24h",
    ...extra,
  };
}

/** `deno run -A src/cli/<script> ...args` from the project root; never throws on a non-zero exit. */
export async function runCli(script: string, args: string[], env: Record<string, string> = {}) {
  const root = new URL("../../", import.meta.url).pathname;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `src/cli/${script}`, ...args],
    cwd: root,
    env: cliEnv(env),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** A file's SHA-256, computed here independently of the backup code's own streaming hash. */
export async function sha256Hex(file: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(file));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
