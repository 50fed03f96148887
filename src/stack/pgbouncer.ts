// A PgBouncer process for the local stack: the shared tuning from pgbouncer/pgbouncer.ini plus
// this stack's listen port, `*` fallback to the local cluster, auth file and file paths.
import { fileURLToPath } from "node:url";
import { ownedByServiceUser, run } from "../platform/command.ts";
import { waitForPort } from "../platform/ports.ts";
import { sleep } from "../platform/sleep.ts";

export const TUNING_INI = fileURLToPath(new URL("../../pgbouncer/pgbouncer.ini", import.meta.url));

export type Pooler = {
  dir: string;
  port: number;
  /** PostgreSQL's socket directory and port: the pooler reaches it over the Unix socket. */
  postgres: { socketDir: string; port: number };
  binary: string;
  adminUser: string;
  /** user name → SCRAM verifier (from pg_authid): no plaintext password on disk. */
  secrets: Record<string, string>;
  /** The global cap on server connections, from the connection budget. */
  maxUserConnections: number;
};

const pidFile = (p: Pick<Pooler, "dir">) => `${p.dir}/pgbouncer.pid`;

export function poolerIni(p: Pooler): string {
  return [
    "[databases]",
    // Every database name maps to the same-named database on the local cluster: the agency
    // databases need no entry of their own. Over the Unix socket, where the app role logs in by
    // peer authentication (src/platform/postgres-cluster.ts).
    `* = host=${p.postgres.socketDir} port=${p.postgres.port}`,
    "[pgbouncer]",
    // A copy in PgBouncer's own directory: the checkout may be out of the service user's reach.
    `%include ${p.dir}/tuning.ini`, // no section header of its own: it continues this one
    `max_user_connections = ${p.maxUserConnections}`, // after the include: this stack's budget wins
    "listen_addr = 127.0.0.1",
    `listen_port = ${p.port}`,
    `unix_socket_dir = ${p.dir}`,
    `auth_file = ${p.dir}/userlist.txt`,
    `admin_users = ${p.adminUser}`,
    `stats_users = ${p.adminUser}`,
    `logfile = ${p.dir}/pgbouncer.log`,
    `pidfile = ${pidFile(p)}`,
    "",
  ].join("\n");
}

export async function startPooler(p: Pooler): Promise<void> {
  await stopPooler(p); // a PgBouncer left over by a killed run
  await ownedByServiceUser(p.dir);
  const userlist = Object.entries(p.secrets).map(([u, s]) => `"${u}" "${s}"`).join("\n") + "\n";
  await Deno.writeTextFile(`${p.dir}/userlist.txt`, userlist, { mode: 0o600 });
  await Deno.writeTextFile(`${p.dir}/pgbouncer.ini`, poolerIni(p), { mode: 0o600 });
  await Deno.copyFile(TUNING_INI, `${p.dir}/tuning.ini`);
  // Files must belong to the service user: with a root-owned log, `pgbouncer -d` exits 0 unstarted.
  await ownedByServiceUser(p.dir);
  await run([p.binary, "-d", `${p.dir}/pgbouncer.ini`], { asServiceUser: true });
  try {
    await waitForPort(p.port, 10_000);
  } catch (error) {
    const log = await Deno.readTextFile(`${p.dir}/pgbouncer.log`).catch(() => "(no log)");
    throw new Error(`PgBouncer did not start: ${(error as Error).message}\n${log.slice(-2000)}`);
  }
}

export async function stopPooler(p: Pick<Pooler, "dir">): Promise<void> {
  let pid: number;
  try {
    pid = Number((await Deno.readTextFile(pidFile(p))).trim());
  } catch {
    return;
  }
  // A stale pid file may name a recycled pid: signal it only if it is this PgBouncer (where /proc
  // can tell; elsewhere the pid file is trusted).
  const cmdline = Deno.build.os === "linux"
    ? await Deno.readTextFile(`/proc/${pid}/cmdline`).catch(() => "")
    : `${p.dir}/pgbouncer.ini`;
  if (!(pid > 0) || !cmdline.includes(`${p.dir}/pgbouncer.ini`)) {
    await Deno.remove(pidFile(p)).catch(() => {});
    return;
  }
  Deno.kill(pid, "SIGTERM");
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
  if (isAlive(pid)) Deno.kill(pid, "SIGKILL");
  await Deno.remove(pidFile(p)).catch(() => {});
}

function isAlive(pid: number): boolean {
  try {
    Deno.kill(pid, "SIGCONT" as Deno.Signal); // signal 0 is not exposed; SIGCONT is harmless
    return true;
  } catch {
    return false;
  }
}
