// `deno task dev [--fresh] [--clusters N]`: with no DATABASE_URL, boots the embedded stack under
// .data/ (LOCAL_CLUSTERS PostgreSQL clusters, each with its PgBouncer; the catalog on the first),
// migrates, serves the API and writes the URLs to .data/stack.json. Ctrl-C stops all within seconds,
// also while it is still booting or when a server has died under it; a second Ctrl-C forces it.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type Config, loadConfig, type Servers, serversFrom } from "../config.ts";
import type { BackupRepository } from "../backups/pgbackrest.ts";
import { scheduleFrom, startScheduler, tickMs } from "../backups/schedule.ts";
import { answerWithin, connect } from "../platform/db.ts";
import { createClusterDirectory } from "../tenancy/cluster-directory.ts";
import { onShutdownSignal, type RunningApi, serveApi } from "../main.ts";
import { bootLocalStack, type LocalStack } from "../stack/index.ts";
import { SERVICE_USER } from "../platform/command.ts";
import { ensureTools } from "../stack/install.ts";
import { findPgbackrest } from "../platform/tools.ts";
import { prepareServers, type StackFile } from "./context.ts";
import { exitOnError } from "./exit.ts";

// Of the 10 s Ctrl-C may take: the rest is for PgBouncer and PostgreSQL.
const API_SHUTDOWN_MS = 4000;

const { values: args } = parseArgs({
  options: {
    fresh: { type: "boolean", default: false },
    clusters: { type: "string" },
    replicas: { type: "string" },
  },
});

await exitOnError(async () => {
  // --clusters N is LOCAL_CLUSTERS=N and --replicas N LOCAL_REPLICAS=N, checked by the same schema.
  const config = loadConfig({
    ...Deno.env.toObject(),
    ...(args.clusters ? { LOCAL_CLUSTERS: args.clusters } : {}),
    ...(args.replicas ? { LOCAL_REPLICAS: args.replicas } : {}),
  });
  const tools = await ensureTools(config, "dev");
  const dataDir = resolve(config.DATA_DIR);

  // A signal during boot must not kill us before the daemons we started are stopped.
  let interrupted = false;
  const interrupt = () => interrupted = true;
  const checkpoint = () => {
    if (interrupted) throw new Error("interrupted");
  };
  Deno.addSignalListener("SIGINT", interrupt);
  Deno.addSignalListener("SIGTERM", interrupt);

  let stack: LocalStack | undefined;
  let api: RunningApi | undefined;
  let backups: { stop(): Promise<void> } | undefined;
  // The API's shutdown waits on servers that may have died under it (a crashed replica): bounded, so
  // the stack is stopped within seconds whatever has died; a second signal stops it at once.
  const stop = async () => {
    await backups?.stop();
    if (api) {
      await answerWithin(api.shutdown(), API_SHUTDOWN_MS).catch((error) =>
        console.error(`The API did not shut down cleanly (${error}); stopping the stack anyway`)
      );
    }
    await stack?.stop();
  };
  const force = async () => await stack?.stop({ immediate: true });
  try {
    if (!config.DATABASE_URL) {
      stack = await bootLocalStack(dataDir, tools, {
        fresh: args.fresh,
        clusters: config.LOCAL_CLUSTERS,
        replicas: config.LOCAL_REPLICAS,
        budget: config.PG_CONNECTION_BUDGET,
        archiving: config.LOCAL_ARCHIVING
          ? { pgbackrest: findPgbackrest(config), archiveTimeoutSeconds: config.ARCHIVE_TIMEOUT }
          : undefined,
        limits: {
          statementTimeoutMs: config.APP_STATEMENT_TIMEOUT_MS,
          idleInTransactionTimeoutMs: config.APP_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        },
      });
    }
    checkpoint();
    const servers = stack?.servers ?? serversFrom(config);
    await prepareServers(servers, tools.dbmate, stack?.clusters);
    checkpoint();
    // The local stack's own secrets where none is configured; /metrics stays unserved without one.
    const metricsToken = config.METRICS_TOKEN ?? stack?.metricsToken;
    api = await serveApi(
      {
        ...config,
        JWT_SECRET: config.JWT_SECRET ?? stack?.jwtSecret,
        METRICS_TOKEN: metricsToken,
        ...stackBackups(config, stack),
      },
      servers,
    );
    checkpoint();
    const urls = { apiUrl: api.url, databaseUrl: servers.databaseUrl, poolerUrl: servers.poolerUrl };
    if (stack) {
      const file: StackFile = {
        ...urls,
        poolerAdminUrl: stack.servers.poolerAdminUrl,
        clusters: stack.clusters.map(({ server: _, pooler: __, replicas, ...cluster }) => ({
          ...cluster,
          replicas: replicas.map(({ name, databaseUrl, poolerUrl }) => ({ name, databaseUrl, poolerUrl })),
        })),
        backups: stack.backups && {
          configFile: stack.backups.configFile,
          cipherPass: stack.backups.cipherPass,
          scratchDir: stack.backups.scratchDir,
        },
      };
      // Holds passwords: readable by us only, like secrets.json.
      await Deno.writeTextFile(`${dataDir}/stack.json`, JSON.stringify(file, null, 2), { mode: 0o600 });
      if (stack.backups) backups = scheduleBackups(config, stack.backups, servers, tools.pgBin);
    }
    console.log(`BuildFlow is up.
  API        ${urls.apiUrl}   (GET /readyz, POST /api/agencies)
  catalog    ${urls.databaseUrl}   (admin role, direct)
  pooler     ${urls.poolerUrl}   (app role, PgBouncer)
  metrics    ${
      metricsToken
        ? `curl -H 'Authorization: Bearer ${metricsToken}' ${urls.apiUrl}/metrics`
        : "not served: set METRICS_TOKEN"
    }
${
      stack && stack.clusters.length > 1
        ? `  clusters   ${stack.clusters.map((c) => c.name).join(", ")}\n`
        : ""
    }${stack ? `  URLs are in ${dataDir}/stack.json. ` : ""}Ctrl-C stops everything.${
      stack && stack.serverDir !== dataDir
        ? `\n  server files ${stack.serverDir}   (the ${SERVICE_USER} user cannot enter ${dataDir})`
        : ""
    }`);
  } catch (error) {
    await stop();
    if (interrupted) Deno.exit(130);
    throw error;
  } finally {
    Deno.removeSignalListener("SIGINT", interrupt);
    Deno.removeSignalListener("SIGTERM", interrupt);
  }
  onShutdownSignal(stop, force);
});

/** The backup schedule beside the API, on the local stack's repository, with a catalog connection of
 * its own; each run is logged as a JSON line. */
function scheduleBackups(config: Config, repo: BackupRepository, servers: Servers, pgBin: string) {
  const control = connect(servers.databaseUrl, { max: 2, applicationName: "buildflow-backups" });
  const clusters = createClusterDirectory(control, servers);
  const schedule = scheduleFrom(config);
  const scheduler = startScheduler({
    control,
    catalogUrl: servers.databaseUrl,
    clusters,
    repo,
    pgBin,
    schedule,
    log: (line) => console.log(JSON.stringify({ at: new Date(), ...line })),
  }, tickMs(schedule));
  return {
    async stop() {
      await scheduler.stop();
      await clusters.close();
      await control.end({ timeout: 5 });
    },
  };
}

/** The local stack's backup repository as the API's configuration names one (a configured one wins). */
function stackBackups(config: Config, stack: LocalStack | undefined) {
  if (!stack?.backups || config.BACKUP_CONFIG_FILE) return {};
  const { configFile, cipherPass, scratchDir } = stack.backups;
  return { BACKUP_CONFIG_FILE: configFile, BACKUP_CIPHER_PASS: cipherPass, BACKUP_SCRATCH_DIR: scratchDir };
}
