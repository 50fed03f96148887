// What every operations command needs: the configuration, the servers (configured, or the running
// local stack's .data/stack.json), the tools, and a control-plane connection it closes when done.
import { resolve } from "node:path";
import { type Config, ConfigError, loadConfig, type Servers, serversFrom } from "../config.ts";
import { connect } from "../platform/db.ts";
import type { ControlPlane } from "../tenancy/control-plane.ts";
import { findDbmate, postgresBinDir } from "../stack/tools.ts";
import type { LifecycleDeps } from "../tenancy/lifecycle.ts";
import { createPoolerAdmin } from "../tenancy/pooler-admin.ts";

export type CliContext = {
  config: Config;
  servers: Servers;
  controlPlane: ControlPlane;
  /** Lifecycle from the command line: API instances see changes when their cache entries expire. */
  lifecycle: LifecycleDeps;
  /** dbmate, located on first use (only the migration commands need it). */
  dbmate(): string;
};

export async function resolveServers(config: Config): Promise<Servers> {
  if (config.DATABASE_URL) return serversFrom(config);
  const path = `${resolve(config.DATA_DIR)}/stack.json`;
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch {
    throw new ConfigError(
      `Set DATABASE_URL and POOLER_URL, or start the local stack (deno task dev): no ${path}`,
    );
  }
}

export const appRoleOf = (servers: Servers) => decodeURIComponent(new URL(servers.poolerUrl).username);

export async function withCliContext(work: (ctx: CliContext) => Promise<void>): Promise<void> {
  const config = loadConfig(Deno.env.toObject());
  const servers = await resolveServers(config);
  const control = connect(servers.databaseUrl, { max: 4, applicationName: "buildflow-cli" });
  const controlPlane = { control, databaseUrl: servers.databaseUrl, appRole: appRoleOf(servers) };
  const poolerAdmin = servers.poolerAdminUrl ? createPoolerAdmin(servers.poolerAdminUrl) : undefined;
  try {
    await work({
      config,
      servers,
      controlPlane,
      lifecycle: {
        ...controlPlane,
        pgBin: postgresBinDir(config.PG_BINDIR),
        backupDir: config.BACKUP_DIR,
        poolerAdmin,
      },
      dbmate: () => findDbmate(config),
    });
  } finally {
    await Promise.all([control.end({ timeout: 5 }), poolerAdmin?.end()]);
  }
}
