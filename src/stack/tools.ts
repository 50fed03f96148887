// Finds the stack's binaries: a configured path wins, then PATH, then Debian's PostgreSQL layout.
import type { Config } from "../config.ts";

export type Tools = { pgBin: string; pgbouncer: string; dbmate: string };

const INSTALL_HINT = `Install them with:
  Debian/Ubuntu: sudo apt-get install -y postgresql pgbouncer pgbackrest && npm install -g dbmate
  macOS:         brew install postgresql@15 pgbouncer pgbackrest dbmate`;

export class MissingToolsError extends Error {}

function onPath(name: string): string | undefined {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    if (dir && isExecutable(`${dir}/${name}`)) return `${dir}/${name}`;
  }
}

function isExecutable(path: string): boolean {
  try {
    const info = Deno.statSync(path);
    return info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0;
  } catch {
    return false;
  }
}

const SERVER_TOOLS = ["initdb", "pg_ctl", "postgres"];

export function postgresBinDir(configured?: string): string | undefined {
  const hasServerTools = (dir: string) => SERVER_TOOLS.every((t) => isExecutable(`${dir}/${t}`));
  if (configured) return hasServerTools(configured) ? configured : undefined;
  const candidates: string[] = [];
  try {
    const out = new Deno.Command("pg_config", { args: ["--bindir"], stderr: "null" }).outputSync();
    if (out.success) candidates.push(new TextDecoder().decode(out.stdout).trim());
  } catch { /* no pg_config */ }
  try {
    const versions = [...Deno.readDirSync("/usr/lib/postgresql")].map((e) => Number(e.name)).filter((n) =>
      n > 0
    );
    candidates.push(...versions.sort((a, b) => b - a).map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch { /* not Debian's layout */ }
  const pgCtl = onPath("pg_ctl");
  if (pgCtl) candidates.push(Deno.realPathSync(pgCtl).replace(/\/[^/]+$/, ""));
  return candidates.find(hasServerTools);
}

/** A configured path must be executable; unset, the tool is looked up on PATH (then `fallback`). */
function locate(configured: string | undefined, name: string, fallback?: string): string | undefined {
  if (configured) return isExecutable(configured) ? configured : undefined;
  return onPath(name) ?? (fallback && isExecutable(fallback) ? fallback : undefined);
}

const missingError = (missing: (string | false)[]) =>
  new MissingToolsError(`Missing: ${missing.filter(Boolean).join(", ")}.\n${INSTALL_HINT}`);

/** npm's `dbmate` is a Node script that spawns the platform binary it ships: call that binary
 * directly (measured: ~100 ms saved per call, which is most of `tenants:migrate` per agency). */
function nativeDbmate(path: string | undefined): string | undefined {
  if (!path) return;
  const real = Deno.realPathSync(path);
  if (!real.endsWith("/dbmate/dist/cli.js")) return path;
  const packageDir = real.slice(0, -"/dist/cli.js".length);
  try {
    for (const platform of Deno.readDirSync(`${packageDir}/node_modules/@dbmate`)) {
      const binary = `${packageDir}/node_modules/@dbmate/${platform.name}/bin/dbmate`;
      if (isExecutable(binary)) return binary;
    }
  } catch { /* no platform package next to it */ }
  return path;
}

/** dbmate alone: what the migration commands need (a container may have nothing else). */
export function findDbmate(config: Pick<Config, "DBMATE_BIN">): string {
  const dbmate = nativeDbmate(locate(config.DBMATE_BIN, "dbmate"));
  if (!dbmate) throw missingError(["dbmate (set DBMATE_BIN)"]);
  return dbmate;
}

/** Resolves every tool or throws one error naming all that are missing, with install commands. */
export function findTools(config: Pick<Config, "PG_BINDIR" | "PGBOUNCER_BIN" | "DBMATE_BIN">): Tools {
  const pgBin = postgresBinDir(config.PG_BINDIR);
  const pgbouncer = locate(config.PGBOUNCER_BIN, "pgbouncer", "/usr/sbin/pgbouncer");
  const dbmate = nativeDbmate(locate(config.DBMATE_BIN, "dbmate"));
  const missing = [
    !pgBin && "PostgreSQL server binaries (initdb, pg_ctl, postgres; set PG_BINDIR)",
    !pgbouncer && "pgbouncer (set PGBOUNCER_BIN)",
    !dbmate && "dbmate (set DBMATE_BIN)",
  ];
  if (missing.some(Boolean)) throw missingError(missing);
  return { pgBin: pgBin!, pgbouncer: pgbouncer!, dbmate: dbmate! };
}

/** pgBackRest, for the clusters' archiving, backups and point-in-time restores. */
export function findPgbackrest(config: Pick<Config, "PGBACKREST_BIN">): string {
  const pgbackrest = locate(config.PGBACKREST_BIN, "pgbackrest", "/usr/bin/pgbackrest");
  if (!pgbackrest) throw missingError(["pgbackrest (set PGBACKREST_BIN)"]);
  return pgbackrest;
}
