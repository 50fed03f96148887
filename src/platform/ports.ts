// Port helpers for the local stack and scratch instances: pick free loopback ports, wait until a server
// listens.
import { sleep } from "./sleep.ts";

export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}: ${error}`);
      await sleep(50);
    }
  }
}
