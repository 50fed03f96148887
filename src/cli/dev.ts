// `deno task dev [--fresh]`: with no DATABASE_URL, boots the embedded stack under .data/ (PostgreSQL
// and PgBouncer), migrates, serves the API and writes the URLs to .data/stack.json. Ctrl-C stops all.
import { resolve } from "node:path";
import { migrateCatalog } from "../catalog/migrate.ts";
import { loadConfig, serversFrom } from "../config.ts";
import { onShutdownSignal, serveApi } from "../main.ts";
import { bootLocalStack } from "../stack/index.ts";
import { findTools } from "../stack/tools.ts";
import { connect } from "../platform/db.ts";
import { prepareTemplate } from "../tenancy/template.ts";
import { appRoleOf } from "./context.ts";
import { exitOnError } from "./exit.ts";

await exitOnError(async () => {
  const config = loadConfig(Deno.env.toObject());
  const tools = findTools(config);
  const dataDir = resolve(config.DATA_DIR);
  const stack = config.DATABASE_URL
    ? undefined
    : await bootLocalStack(dataDir, tools, { fresh: Deno.args.includes("--fresh") });
  const servers = stack?.servers ?? serversFrom(config);
  const stopStack = async () => await stack?.stop();
  try {
    await migrateCatalog(tools.dbmate, servers.databaseUrl, appRoleOf(servers));
    const control = connect(servers.databaseUrl, { max: 2 });
    try {
      await prepareTemplate(
        { control, databaseUrl: servers.databaseUrl, appRole: appRoleOf(servers) },
        tools.dbmate,
      );
    } finally {
      await control.end();
    }
  } catch (error) {
    await stopStack();
    throw error;
  }
  const api = await serveApi({ ...config, JWT_SECRET: config.JWT_SECRET ?? stack?.jwtSecret }, servers);
  const urls = { apiUrl: api.url, databaseUrl: servers.databaseUrl, poolerUrl: servers.poolerUrl };
  if (stack) {
    await Deno.writeTextFile(`${dataDir}/stack.json`, JSON.stringify({ ...urls, ...stack.servers }, null, 2));
  }
  console.log(`BuildFlow is up.
  API        ${urls.apiUrl}   (GET /readyz, POST /api/agencies)
  catalog    ${urls.databaseUrl}   (admin role, direct)
  pooler     ${urls.poolerUrl}   (app role, PgBouncer)
${stack ? `  URLs are in ${dataDir}/stack.json. ` : ""}Ctrl-C stops everything.`);
  onShutdownSignal(async () => {
    await api.shutdown();
    await stopStack();
  });
});
