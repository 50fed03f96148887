// The API as a child process of the bench (scenario 6, resident memory): serveApi, as in-process,
// configured from the environment, stopped by SIGTERM.
import { loadConfig, serversFrom } from "../../src/config.ts";
import { onShutdownSignal, serveApi } from "../../src/main.ts";

const config = loadConfig(Deno.env.toObject());
const api = await serveApi(config, serversFrom(config));
onShutdownSignal(api.shutdown);
