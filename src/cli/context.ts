// What every operations command needs: the configuration, the servers (configured, or the running
// local stack's .data/stack.json), the clusters, the tools, and a control-plane connection it closes
// when done.
import { resolve } from "node:path";
import { migrateCatalog } from "../catalog/migrate.ts";
import { appRoleOf, type Config, ConfigError, loadConfig, type Servers, serversFrom } from "../config.ts";
import { connect, type Sql } from "../platform/db.ts";
import type { LocalCluster } from "../stack/index.ts";
import {
  type LocalClusterFile,
  localClusterSecrets,
  registerLocalClusters,
} from "../stack/local-clusters.ts";
import { findDbmate, findPgbackrest, postgresBinDir } from "../platform/tools.ts";
import { type BackupRepository, configuredRepository } from "../backups/pgbackrest.ts";
import { type ClusterDirectory, createClusterDirectory } from "../tenancy/cluster-directory.ts";
import type { LifecycleDeps } from "../tenancy/lifecycle.ts";
import { prepareTemplate } from "../tenancy/template.ts";
import { TENANT_MIGRATIONS } from "../platform/dbmate.ts";

export type CliContext = {
  config: Config;
  servers: Servers;
  /** The catalog, admin role, direct. */
  control: Sql;
  clusters: ClusterDirectory;
  /** Lifecycle from the command line: API instances hear of each change over the catalog. */
  lifecycle: LifecycleDeps;
  /** dbmate, located on first use (only the migration commands need it). */
  dbmate(): string;
  /** The backup repository (configured, else the local stack's), resolved on first use. */
  backups(): Promise<BackupRepository | undefined>;
};

/** What stack.json holds: the catalog's URLs, every local cluster's, and the backup repository. */
export type StackFile = Servers & {
  apiUrl?: string;
  clusters?: LocalClusterFile[];
  backups?: Omit<BackupRepository, "binary">;
};

async function readStackFile(config: Config): Promise<StackFile> {
  const path = `${resolve(config.DATA_DIR)}/stack.json`;
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch {
    throw new ConfigError(
      `Set DATABASE_URL and POOLER_URL, or start the local stack (deno task dev): no ${path}`,
    );
  }
}

export async function resolveServers(config: Config): Promise<Servers> {
  if (config.DATABASE_URL) return serversFrom(config);
  const stack = await readStackFile(config);
  const { databaseUrl, poolerUrl, poolerAdminUrl } = stack;
  return { databaseUrl, poolerUrl, poolerAdminUrl, secrets: localClusterSecrets(stack.clusters ?? []) };
}

/** The backup repository: configured (BACKUP_CONFIG_FILE), else the running local stack's; undefined
 * without either. */
export async function resolveBackups(config: Config): Promise<BackupRepository | undefined> {
  if (config.BACKUP_CONFIG_FILE || config.DATABASE_URL) return configuredRepository(config);
  const { backups } = await readStackFile(config);
  return backups && { ...backups, binary: findPgbackrest(config) };
}

/** Before serving: the catalog migrated, the local stack's clusters listed in it (when the stack is
 * ours), and every cluster's tenant template migrated. */
export async function prepareServers(servers: Servers, dbmateBin: string, local?: LocalCluster[]) {
  await migrateCatalog(dbmateBin, servers.databaseUrl, appRoleOf(servers));
  const control = connect(servers.databaseUrl, { max: 2, applicationName: "buildflow-cli" });
  const clusters = createClusterDirectory(control, servers);
  try {
    if (local) await registerLocalClusters(control, local);
    for (const cluster of await clusters.all()) await prepareTemplate(cluster, dbmateBin);
  } finally {
    await clusters.close();
    await control.end({ timeout: 5 });
  }
}

export async function withCliContext(work: (ctx: CliContext) => Promise<void>): Promise<void> {
  const config = loadConfig(Deno.env.toObject());
  const servers = await resolveServers(config);
  const control = connect(servers.databaseUrl, { max: 4, applicationName: "buildflow-cli" });
  const clusters = createClusterDirectory(control, servers);
  try {
    await work({
      config,
      servers,
      control,
      clusters,
      lifecycle: {
        control,
        catalogUrl: servers.databaseUrl,
        clusters,
        pgBin: postgresBinDir(config.PG_BINDIR),
        backupDir: config.BACKUP_DIR,
        wake: {
          migrationsDir: TENANT_MIGRATIONS,
          dbmateBin: () => findDbmate(config),
          perCluster: config.WAKES_PER_CLUSTER,
        },
      },
      dbmate: () => findDbmate(config),
      backups: () => resolveBackups(config),
    });
  } finally {
    await clusters.close();
    await control.end({ timeout: 5 });
  }
}
