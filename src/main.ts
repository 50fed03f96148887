// Serves the API with Deno.serve and shuts down cleanly on SIGINT/SIGTERM: `deno run -A src/main.ts`
// against configured servers, and the last step of `deno task dev`. With API_WORKERS > 1 it does the
// once-per-deployment chores here and serves through `deno serve --parallel` (src/server.ts).
import { createApp, createServices, type Services } from "./app.ts";
import { type Config, loadConfig, type Servers, serversFrom } from "./config.ts";
import { sleep } from "./platform/sleep.ts";
import { settleMoves } from "./tenancy/mover/index.ts";
import { sweepOrphans } from "./tenancy/sweeper.ts";

export type RunningApi = { url: string; services: Services; shutdown(): Promise<void> };

// How often an instance looks for a move a stopped mover left (its write fence would hold otherwise).
const SETTLE_INTERVAL_MS = 30_000;

/** Undoes (or finishes) moves a stopped mover left, and drops sources past their grace period. */
async function settle(services: Services): Promise<void> {
  for (const { agency, outcome } of await settleMoves(services.mover)) {
    console.log(JSON.stringify({ move: "settled", agency, outcome }));
  }
}

/** On every cluster: settles moves, sweeps orphans left by a crash and starts refilling spares. One
 * cluster that does not answer is logged, not fatal: the others serve. */
async function startupChores(services: Services): Promise<void> {
  await settle(services).catch((error) => console.error(JSON.stringify({ settle: String(error) })));
  for (const cluster of await services.clusters.all()) {
    try {
      const swept = await sweepOrphans(cluster);
      if (swept.droppedDatabases.length) {
        console.log(`swept orphans on ${cluster.cluster}: ${swept.droppedDatabases.join(", ")}`);
      }
      services.spares.kick(cluster);
    } catch (error) {
      console.error(
        JSON.stringify({ startup: "sweep failed", cluster: cluster.cluster, error: String(error) }),
      );
    }
  }
}

/** Listens for lifecycle changes, sweeps orphans left by a crash, starts refilling spares, then
 * serves. */
export async function serveApi(config: Config, servers: Servers): Promise<RunningApi> {
  const services = createServices(config, servers);
  const app = createApp(services);
  await services.watchAgencyChanges();
  services.replicas.start();
  await startupChores(services);
  services.cold.start(); // activity, the cold sweep and the lifecycle webhook's deliveries
  const settling = setInterval(
    () => settle(services).catch((error) => console.error(JSON.stringify({ settle: String(error) }))),
    SETTLE_INTERVAL_MS,
  );
  const server = Deno.serve({ port: config.PORT, hostname: config.HOST, onListen: () => {} }, app.fetch);
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    services,
    async shutdown() {
      clearInterval(settling);
      await server.shutdown();
      await services.close();
    },
  };
}

/** Runs `stop` once on the first SIGINT or SIGTERM, then exits; a second signal runs `force` (what
 * must not be left running even so) and exits at once. */
export function onShutdownSignal(stop: () => Promise<void>, force?: () => Promise<void>): void {
  let stopping = false;
  const handler = async () => {
    if (stopping) {
      await force?.().catch((error) => console.error(error));
      Deno.exit(130);
    }
    stopping = true;
    try {
      await stop();
      Deno.exit(0);
    } catch (error) {
      console.error(error);
      Deno.exit(1);
    }
  };
  Deno.addSignalListener("SIGINT", handler);
  Deno.addSignalListener("SIGTERM", handler);
}

/** Sweeps orphans and refills spares once, then runs `workers` isolates of src/server.ts on the
 * configured port until they exit or a signal ends them; meanwhile this process runs the cold sweep and
 * the lifecycle webhook's deliveries (the isolates write their own activity). */
export async function serveParallel(config: Config, servers: Servers): Promise<number> {
  const services = createServices(config, servers);
  try {
    await startupChores(services);
    await services.spares.idle();
    services.cold.start();
  } catch (error) {
    await services.close();
    throw error;
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "serve",
      "--parallel",
      "-A",
      ...["--port", String(config.PORT), "--host", config.HOST],
      new URL("./server.ts", import.meta.url).pathname,
    ],
    env: { DENO_JOBS: String(config.API_WORKERS) },
    stdin: "null",
  }).spawn();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // deno serve stops accepting and lets in-flight requests finish, then waits on the isolates' open
    // connections (the agency clients, the change listener), which never end by themselves.
    child.kill("SIGTERM");
    const ended = await Promise.race([child.status.then(() => true), sleep(10_000).then(() => false)]);
    if (!ended) child.kill("SIGKILL");
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  const { code } = await child.status;
  await services.close();
  return stopping ? 0 : code; // a stop we asked for is a clean exit, however the isolates ended
}

if (import.meta.main) {
  const config = loadConfig(Deno.env.toObject());
  if (config.API_WORKERS > 1) Deno.exit(await serveParallel(config, serversFrom(config)));
  const api = await serveApi(config, serversFrom(config));
  console.log(`BuildFlow API listening on ${api.url}`);
  onShutdownSignal(api.shutdown);
}
