// Runs the stack's external tools (initdb, pg_ctl, pgbouncer, dbmate, pg_dump): control plane only,
// never on the request path.
import { userInfo } from "node:os";

export class CommandError extends Error {
  constructor(message: string, readonly code: number, readonly stderr: string) {
    super(message);
  }
}

export type RunOptions = {
  /** Run as the `postgres` system user when we are root: postgres and pgbouncer refuse root. */
  asServiceUser?: boolean;
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Kills the process when aborted (e.g. the advisory lock guarding its work was lost). */
  signal?: AbortSignal;
};

export const SERVICE_USER = "postgres";

export const isRoot = () => Deno.uid() === 0;

/** The OS user PostgreSQL and PgBouncer run as: the service user under root, else ourselves. */
export const serviceUserName = () => (isRoot() ? SERVICE_USER : userInfo().username);

/** The argv that runs `argv` as the service user, with the open-file limit raised to its hard limit
 * (runuser leaves PgBouncer at 1,024 file descriptors otherwise). */
export function serviceArgv(argv: string[]): string[] {
  const raised = ["sh", "-c", 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', ...argv];
  return isRoot() ? ["runuser", "-u", SERVICE_USER, "--", ...raised] : raised;
}

export async function run(argv: string[], options: RunOptions = {}): Promise<string> {
  const full = options.asServiceUser ? serviceArgv(argv) : argv;
  const child = new Deno.Command(full[0], {
    args: full.slice(1),
    env: options.env,
    cwd: options.cwd,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    signal: options.signal,
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const { code, stdout, stderr } = await child.output();
  options.signal?.throwIfAborted();
  const out = new TextDecoder().decode(stdout);
  if (code !== 0) {
    const err = new TextDecoder().decode(stderr).trim();
    throw new CommandError(`${argv[0]} exited with ${code}: ${err || out.trim()}`, code, err);
  }
  return out;
}

/** Gives the service user a directory it owns (postgres refuses data dirs it does not own). */
export async function ownedByServiceUser(dir: string): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  await Deno.chmod(dir, 0o700);
  await chownToServiceUser(dir);
}

export async function chownToServiceUser(path: string): Promise<void> {
  if (isRoot()) await run(["chown", "-R", `${SERVICE_USER}:`, path]);
}
