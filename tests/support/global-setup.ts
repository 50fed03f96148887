// Boots one real stack for the whole run (temp dir, free ports), shares its URLs with every test
// file through vitest's provide/inject, and tears it down at the end, even when tests fail.
import type { TestProject } from "vitest/node";
import { prepareServers } from "../../src/cli/context.ts";
import { loadConfig } from "../../src/config.ts";
import { bootLocalStack } from "../../src/stack/index.ts";
import { ensureTools } from "../../src/stack/install.ts";
import { MissingToolsError } from "../../src/platform/tools.ts";
import type { TestStack } from "./stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig(Deno.env.toObject());
  const tools = await ensureTools(config, "test").catch((error) => {
    if (!(error instanceof MissingToolsError)) throw error;
    console.error(error.message); // the command to run, without vitest's stack trace
    Deno.exit(1);
  });
  const dir = await Deno.makeTempDir({ prefix: "buildflow-test-" });
  await Deno.chmod(dir, 0o755); // the postgres system user must reach its data directory
  const stack = await bootLocalStack(dir, tools, { budget: config.PG_CONNECTION_BUDGET });
  const teardown = async () => {
    await stack.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  const onSignal = () => teardown().finally(() => Deno.exit(130));
  Deno.addSignalListener("SIGINT", onSignal);
  Deno.addSignalListener("SIGTERM", onSignal);
  try {
    await prepareServers(stack.servers, tools.dbmate, stack.clusters);
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
