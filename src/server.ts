// `deno serve src/server.ts` / Deno Deploy: a fetch handler built from the environment. Building it
// opens no connection (postgres.js connects on first query), so importing this module is cheap.
import { createApp, createServices } from "./app.ts";
import { loadConfig, serversFrom } from "./config.ts";

const config = loadConfig(Deno.env.toObject());
const app = createApp(createServices(config, serversFrom(config)));

export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;
