// `deno task dev` as a child process, for the dev test and the bench's start-up scenario: spawned with
// the stack booted by itself (no DATABASE_URL), its output drained as it comes (a full pipe would
// stall it) and kept for assertions and error messages.
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type Dev = {
  child: Deno.ChildProcess;
  spawnedAt: number;
  /** stdout and stderr so far. */
  output(): string;
  exited: boolean;
  status: Promise<Deno.CommandStatus>;
};

/** Spawns `src/cli/dev.ts` from `checkout` with DATA_DIR and PORT=0 (plus `env`). */
export function spawnDev(dataDir: string, { checkout = ROOT, env: extra = {} } = {}): Dev {
  const env = Deno.env.toObject();
  // With a DATABASE_URL, dev.ts would use those servers instead of booting its own stack, and with a
  // METRICS_TOKEN that token instead of its stack's.
  for (const key of ["DATABASE_URL", "POOLER_URL", "POOLER_ADMIN_URL", "METRICS_TOKEN"]) delete env[key];
  const spawnedAt = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "src/cli/dev.ts"],
    cwd: checkout,
    clearEnv: true,
    env: { ...env, DATA_DIR: dataDir, PORT: "0", ...extra },
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
  const dev: Dev = {
    child,
    spawnedAt,
    output: () => output,
    exited: false,
    status: child.status.then((s) => {
      dev.exited = true;
      return s;
    }),
  };
  return dev;
}
