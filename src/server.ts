// `deno serve src/server.ts` / Deno Deploy: a fetch handler built from the environment. Building it
// opens no connection (postgres.js connects on first query), so importing this module is cheap.
import { createApp, createServices } from "./app.ts";
import { loadConfig, serversFrom } from "./config.ts";

const config = loadConfig(Deno.env.toObject());
const services = createServices(config, serversFrom(config));
const app = createApp(services);

export default {
  // Lifecycle changes are listened for, replicas polled and activity written (SQL only: the cold sweep
  // and the deliveries run where tools and disk are, src/main.ts) from the first request on.
  fetch(request, info) {
    services.watchAgencyChanges().catch((error) => console.error(JSON.stringify({ listen: String(error) })));
    services.replicas.start();
    services.cold.activity.start();
    return app.fetch(request, info);
  },
} satisfies Deno.ServeDefaultExport;
