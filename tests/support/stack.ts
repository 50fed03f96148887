// What test files get from the shared stack, and the helpers they build on it.
import { afterAll, expect, inject } from "vitest";
import { createApp, createServices, type Services } from "../../src/app.ts";
import { type Config, loadConfig, type Servers } from "../../src/config.ts";
import { connect, type Sql } from "../../src/platform/db.ts";
import type { Tools } from "../../src/platform/tools.ts";
import { APP_ROLE } from "../../src/stack/index.ts";
import type { ControlPlane } from "../../src/tenancy/control-plane.ts";
import { checked } from "./contract.ts";

export type TestStack = {
  dir: string;
  tools: Tools;
  servers: Required<Servers>;
  jwtSecret: string;
  superuserUrl: string;
};

export const stack = (): TestStack => inject("stack");

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ APP_ENV: "test", LOG_REQUESTS: "false", JWT_SECRET: stack().jwtSecret, ...overrides });
}

/** Refuses to run inside a test body: an afterAll registered there never runs, so what it would close
 * (an app's pools, a superuser client) would stay open for the rest of the run. */
function atFileOrDescribeLevel(helper: string) {
  const test = expect.getState().currentTestName;
  if (test) throw new Error(`${helper}() inside the test "${test}": call it at file or describe level`);
}

/** An app on the shared stack, closed after the file's (or the describe's) tests. Every answer it
 * gives is held to the document it serves (./contract.ts). */
export function testApp(overrides: Record<string, string> = {}, servers: Servers = stack().servers) {
  atFileOrDescribeLevel("testApp");
  const services: Services = createServices(testConfig(overrides), servers);
  afterAll(() => services.close());
  return { app: checked(createApp(services)), services };
}

/** The control plane of the shared stack's one cluster (the catalog's), on an app's connection. */
export const localPlane = (services: Services): ControlPlane => ({
  control: services.control,
  catalogUrl: stack().servers.databaseUrl,
  cluster: "local",
  server: services.control,
  databaseUrl: stack().servers.databaseUrl,
  appRole: APP_ROLE,
});

/** A superuser connection to the stack's main database, for assertions the app cannot make. */
export function superuser(database?: string): Sql {
  atFileOrDescribeLevel("superuser");
  const url = new URL(stack().superuserUrl);
  if (database) url.pathname = `/${database}`;
  const sql = connect(url.toString(), { max: 2 });
  afterAll(() => sql.end());
  return sql;
}
