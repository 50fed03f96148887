// Serves the API with Deno.serve and shuts down cleanly on SIGINT/SIGTERM: `deno run -A src/main.ts`
// against configured servers, and the last step of `deno task dev`.
import { createApp, createServices, type Services } from "./app.ts";
import { type Config, loadConfig, type Servers, serversFrom } from "./config.ts";
import { sweepOrphans } from "./tenancy/sweeper.ts";

export type RunningApi = { url: string; services: Services; shutdown(): Promise<void> };

/** Listens for lifecycle changes, sweeps orphans left by a crash, starts refilling spares, then
 * serves. */
export async function serveApi(config: Config, servers: Servers): Promise<RunningApi> {
  const services = createServices(config, servers);
  const app = createApp(services);
  await services.watchAgencyChanges();
  const swept = await sweepOrphans(services.controlPlane);
  if (swept.droppedDatabases.length) console.log(`swept orphans: ${swept.droppedDatabases.join(", ")}`);
  services.spares.kick();
  const server = Deno.serve({ port: config.PORT, hostname: config.HOST, onListen: () => {} }, app.fetch);
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    services,
    async shutdown() {
      await server.shutdown();
      await services.close();
    },
  };
}

/** Runs `stop` once on the first SIGINT or SIGTERM, then exits. */
export function onShutdownSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = async () => {
    if (stopping) return;
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

if (import.meta.main) {
  const config = loadConfig(Deno.env.toObject());
  const api = await serveApi(config, serversFrom(config));
  console.log(`BuildFlow API listening on ${api.url}`);
  onShutdownSignal(api.shutdown);
}
