// The API as a child process on the shared stack (`deno run -A src/main.ts`), for tests that need a
// real server in a process of its own: its output drained as it comes (a full pipe would stall it) and
// kept for error messages; stopped after the file's tests.
import { afterAll } from "vitest";
import { freePort } from "../../src/platform/ports.ts";
import { cliEnv } from "../ops/helpers.ts";
import { spawnDeno } from "./dev-process.ts";
import { sleep } from "./fixtures.ts";

export type ApiProcess = {
  base: string;
  child: Deno.ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** The answer of GET /readyz once it is 200; throws with the output past `timeoutMs`. */
  ready(timeoutMs?: number): Promise<unknown>;
  /** Whether `text` is printed within `timeoutMs` (what a child prints may reach us after its answers). */
  printed(text: string, timeoutMs?: number): Promise<boolean>;
};

/** Spawns the API on a free port of 127.0.0.1, configured by `env` over the shared stack's. */
export function spawnApi(env: Record<string, string> = {}): ApiProcess {
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawnDeno(["run", "-A", "src/main.ts"], {
    env: cliEnv({ PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "false", ...env }),
  });
  const { child, output } = api;
  afterAll(async () => {
    // SIGTERM first: main.ts then stops what it spawned (deno serve and its isolates, which a SIGKILL
    // would leave running); SIGKILL only if it does not end.
    const signal = (name: Deno.Signal) => {
      try {
        child.kill(name);
      } catch { /* already ended */ }
    };
    signal("SIGTERM");
    const ended = await Promise.race([child.status.then(() => true), sleep(15_000).then(() => false)]);
    if (!ended) signal("SIGKILL");
    await child.status;
  });
  return {
    base,
    child,
    output,
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const res = await fetch(`${base}/readyz`).catch(() => undefined);
        if (res?.status === 200) return await res.json();
        await res?.body?.cancel();
        await sleep(200);
      }
      throw new Error(`not ready within ${timeoutMs} ms:\n${output()}`);
    },
    async printed(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!output().includes(text) && Date.now() < deadline) await sleep(50);
      return output().includes(text);
    },
  };
}
