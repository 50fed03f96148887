// Boots one real stack for the whole run (temp dir, free ports), shares its URLs with every test
// file through vitest's provide/inject, and tears it down at the end, even when tests fail.
import type { TestProject } from "vitest/node";
import { migrateCatalog } from "../../src/catalog/migrate.ts";
import { loadConfig } from "../../src/config.ts";
import { APP_ROLE, bootLocalStack } from "../../src/stack/index.ts";
import { findTools } from "../../src/stack/tools.ts";
import { connect } from "../../src/platform/db.ts";
import { prepareTemplate } from "../../src/tenancy/template.ts";
import type { TestStack } from "./stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

export default async function setup(project: TestProject) {
  const dir = await Deno.makeTempDir({ prefix: "buildflow-test-" });
  await Deno.chmod(dir, 0o755); // the postgres system user must reach its data directory
  const config = loadConfig(Deno.env.toObject());
  const tools = findTools(config);
  const stack = await bootLocalStack(dir, tools, { budget: config.PG_CONNECTION_BUDGET });
  const teardown = async () => {
    await stack.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  const onSignal = () => teardown().finally(() => Deno.exit(130));
  Deno.addSignalListener("SIGINT", onSignal);
  Deno.addSignalListener("SIGTERM", onSignal);
  try {
    await migrateCatalog(tools.dbmate, stack.servers.databaseUrl, APP_ROLE);
    const control = connect(stack.servers.databaseUrl, { max: 1 });
    await prepareTemplate(
      { control, databaseUrl: stack.servers.databaseUrl, appRole: APP_ROLE },
      tools.dbmate,
    )
      .finally(() => control.end());
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("stack", {
    dir,
    tools,
    servers: stack.servers,
    jwtSecret: stack.jwtSecret,
    superuserUrl: stack.superuserUrl,
  });
  return async () => {
    Deno.removeSignalListener("SIGINT", onSignal);
    Deno.removeSignalListener("SIGTERM", onSignal);
    await teardown();
  };
}
