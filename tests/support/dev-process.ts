// Deno child processes of the tests and the bench (`deno task dev` with the stack booted by itself, no
// DATABASE_URL; `deno serve`; `deno task start`): their output drained as it comes (a full pipe would
// stall them) and kept for assertions and error messages.
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type DenoChild = {
  child: Deno.ChildProcess;
  spawnedAt: number;
  /** stdout and stderr so far. */
  output(): string;
  exited: boolean;
  status: Promise<Deno.CommandStatus>;
};

/** Spawns `src/cli/dev.ts` from `checkout` with DATA_DIR and PORT=0 (plus `env`). */
export function spawnDev(dataDir: string, { checkout = ROOT, env: extra = {} } = {}): DenoChild {
  const env = Deno.env.toObject();
  // With a DATABASE_URL, dev.ts would use those servers instead of booting its own stack, and with a
  // METRICS_TOKEN that token instead of its stack's.
  for (const key of ["DATABASE_URL", "POOLER_URL", "POOLER_ADMIN_URL", "METRICS_TOKEN"]) delete env[key];
  return spawnDeno(["run", "-A", "src/cli/dev.ts"], {
    cwd: checkout,
    env: { ...env, DATA_DIR: dataDir, PORT: "0", ...extra },
  });
}

/** `deno <args>` from `cwd` with exactly `env` (nothing inherited). */
export function spawnDeno(
  args: string[],
  { cwd = ROOT, env }: { cwd?: string; env: Record<string, string> },
) {
  const spawnedAt = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    clearEnv: true,
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const drain = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) output += chunk;
  };
  drain(child.stdout).catch(() => {});
  drain(child.stderr).catch(() => {});
  const spawned: DenoChild = {
    child,
    spawnedAt,
    output: () => output,
    exited: false,
    status: child.status.then((s) => {
      spawned.exited = true;
      return s;
    }),
  };
  return spawned;
}
