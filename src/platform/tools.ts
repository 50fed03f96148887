// Finds the binaries the tasks need (a configured path wins, then PATH, then Debian's layout), and
// names the package that brings each one: what src/stack/install.ts installs when one is missing.

export type Tools = { pgBin: string; pgbouncer: string; dbmate: string };

/** Variables naming a tool's path, as src/config.ts reads them from the environment. */
type ToolPaths = {
  PG_BINDIR?: string;
  PGBOUNCER_BIN?: string;
  DBMATE_BIN?: string;
  PGBACKREST_BIN?: string;
  CHROMIUM_PATH?: string;
};
/** The paths, and whether the local stack archives (pgBackRest is needed only then). */
type ToolConfig = ToolPaths & { LOCAL_ARCHIVING: boolean };

/** The tasks that need tools: `deno task dev`, `deno task test`, `deno task bench`. */
export type Task = "dev" | "test" | "bench";

/** A tool, the package that brings it, and how we know it is here. */
export type ToolPackage = {
  tool: string;
  /** Debian/Ubuntu package (apt-get), or else npm package (npm install -g). */
  apt?: string;
  npm?: string;
  /** Homebrew formula, for the command named on macOS. */
  brew?: string;
  tasks: Task[];
  /** The variable naming the tool's path: when set, the tool is the user's own and never installed. */
  variable?: keyof ToolPaths;
  found: (config: ToolConfig) => boolean;
  /** The task runs without it (a part of it is skipped): a tool it may install but never stops for. */
  optional?: boolean;
  /** Needed only in this configuration. */
  when?: (config: ToolConfig) => boolean;
};

const STACK: Task[] = ["dev", "test", "bench"];

export const TOOL_PACKAGES: ToolPackage[] = [
  {
    tool: "PostgreSQL server tools",
    apt: "postgresql",
    brew: "postgresql@15",
    tasks: STACK,
    variable: "PG_BINDIR",
    found: (c) => !!postgresBinDir(c.PG_BINDIR),
  },
  {
    tool: "PgBouncer",
    apt: "pgbouncer",
    brew: "pgbouncer",
    tasks: STACK,
    variable: "PGBOUNCER_BIN",
    found: (c) => !!locatePgBouncer(c),
  },
  {
    tool: "dbmate",
    npm: "dbmate",
    brew: "dbmate",
    tasks: STACK,
    variable: "DBMATE_BIN",
    found: (c) => !!locateDbmate(c),
  },
  // The local stack's clusters archive to a pgBackRest repository (LOCAL_ARCHIVING, on by default).
  {
    tool: "pgBackRest",
    apt: "pgbackrest",
    brew: "pgbackrest",
    tasks: STACK,
    variable: "PGBACKREST_BIN",
    when: (c) => c.LOCAL_ARCHIVING,
    found: (c) => !!locatePgbackrest(c),
  },
  // The console's browser tests drive Debian's Chromium (puppeteer-core downloads none); skipped without.
  {
    tool: "Chromium",
    apt: "chromium",
    tasks: ["test"],
    variable: "CHROMIUM_PATH",
    optional: true,
    found: (c) => isExecutable(chromiumPath(c)),
  },
  { tool: "wrk", apt: "wrk", brew: "wrk", tasks: ["bench"], found: () => !!onPath("wrk") },
];

/** The one command that installs `packages`: apt-get and npm (Debian/Ubuntu), or Homebrew. npm never
 * gets sudo: a global prefix that took `npm install -g deno` takes dbmate too. */
export function installCommand(packages: ToolPackage[], how: { brew?: boolean; sudo?: boolean }): string {
  const names = (key: "apt" | "npm" | "brew") => packages.flatMap((p) => p[key] ?? []).join(" ");
  if (how.brew) return `brew install ${names("brew")}`;
  const as = how.sudo ? "sudo " : "";
  return [
    names("apt") && `${as}apt-get update && ${as}apt-get install -y ${names("apt")}`,
    names("npm") && `npm install -g ${names("npm")}`,
  ].filter(Boolean).join(" && ");
}

const stackPackages = TOOL_PACKAGES.filter((p) => p.tasks.includes("dev"));
const INSTALL_HINT = `Install them with:
  Debian/Ubuntu: ${installCommand(stackPackages, { sudo: true })}
  macOS:         ${installCommand(stackPackages, { brew: true })}`;

export class MissingToolsError extends Error {}

export function onPath(name: string): string | undefined {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    if (dir && isExecutable(`${dir}/${name}`)) return `${dir}/${name}`;
  }
}

export const chromiumPath = (config: Pick<ToolPaths, "CHROMIUM_PATH">) =>
  config.CHROMIUM_PATH ?? "/usr/bin/chromium";

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

const locatePgBouncer = (config: Pick<ToolPaths, "PGBOUNCER_BIN">) =>
  locate(config.PGBOUNCER_BIN, "pgbouncer", "/usr/sbin/pgbouncer");
const locateDbmate = (config: Pick<ToolPaths, "DBMATE_BIN">) =>
  nativeDbmate(locate(config.DBMATE_BIN, "dbmate"));

const locatePgbackrest = (config: Pick<ToolPaths, "PGBACKREST_BIN">) =>
  locate(config.PGBACKREST_BIN, "pgbackrest", "/usr/bin/pgbackrest");

/** dbmate alone: what the migration commands need (a container may have nothing else). */
export function findDbmate(config: Pick<ToolPaths, "DBMATE_BIN">): string {
  const dbmate = locateDbmate(config);
  if (!dbmate) throw missingError(["dbmate (set DBMATE_BIN)"]);
  return dbmate;
}

/** Resolves every tool or throws one error naming all that are missing, with install commands. */
export function findTools(config: Pick<ToolPaths, "PG_BINDIR" | "PGBOUNCER_BIN" | "DBMATE_BIN">): Tools {
  const pgBin = postgresBinDir(config.PG_BINDIR);
  const pgbouncer = locatePgBouncer(config);
  const dbmate = locateDbmate(config);
  const missing = [
    !pgBin && "PostgreSQL server binaries (initdb, pg_ctl, postgres; set PG_BINDIR)",
    !pgbouncer && "pgbouncer (set PGBOUNCER_BIN)",
    !dbmate && "dbmate (set DBMATE_BIN)",
  ];
  if (missing.some(Boolean)) throw missingError(missing);
  return { pgBin: pgBin!, pgbouncer: pgbouncer!, dbmate: dbmate! };
}

/** pgBackRest, for the clusters' archiving, backups and point-in-time restores. */
export function findPgbackrest(config: Pick<ToolPaths, "PGBACKREST_BIN">): string {
  const pgbackrest = locatePgbackrest(config);
  if (!pgbackrest) throw missingError(["pgbackrest (set PGBACKREST_BIN)"]);
  return pgbackrest;
}
