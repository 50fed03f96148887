// The composition root: builds the shared services from configuration and mounts every capability.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { stopPasswordWorkers } from "./auth/password.ts";
import { createTokens, type Tokens } from "./auth/tokens.ts";
import type { Config, Servers } from "./config.ts";
import { accessLog } from "./http/access-log.ts";
import { healthRoutes } from "./http/health-routes.ts";
import { createMetrics, type Metrics } from "./ops/metrics.ts";
import { metricsRoutes } from "./http/metrics-routes.ts";
import type { AppEnv } from "./http/app-env.ts";
import { connect, type Sql } from "./platform/db.ts";
import { migrationVersions, TENANT_MIGRATIONS } from "./platform/dbmate.ts";
import { createLoadingCache, type LoadingCache } from "./platform/loading-cache.ts";
import { ApiError, notFound, renderError, toApiError } from "./platform/errors.ts";
import { createOperatorAuth, type OperatorAuth } from "./admin/operator-auth.ts";
import { platform, requireOperatorRole } from "./http/platform-middleware.ts";
import { adminRoutes } from "./http/admin-routes.ts";
import { gstRateRoutes } from "./http/gst-rate-routes.ts";
import { loginRoutes } from "./http/login-routes.ts";
import type { AgencyUser } from "./auth/agency-users.ts";
import { meRoutes, userRoutes } from "./http/user-routes.ts";
import { passwordRoutes, sessionRoutes } from "./http/session-routes.ts";
import {
  type AgencyChange,
  type AgencyStatus,
  findAgency,
  listenForAgencyChanges,
} from "./catalog/agencies.ts";
import { openApiRoutes } from "./http/openapi/index.ts";
import { createLiveMetrics, type LiveMetrics } from "./ops/live-metrics.ts";
import { consoleRoutes } from "./http/console/index.ts";
import { auditRoutes } from "./http/audit-routes.ts";
import { createPlanLimits, type PlanLimits } from "./limits/plan-limits.ts";
import { usageRoutes } from "./http/usage-routes.ts";
import { resources } from "./resources/erp.ts";
import { resourceRoutes } from "./http/resource-routes.ts";
import { gstDocumentRoutes, resourceExtensions } from "./http/gst-routes.ts";
import { settingsRoutes } from "./http/settings-routes.ts";
import { type Admission, createAdmission } from "./tenancy/admission.ts";
import { type AdmissionBackoff, createAdmissionBackoff } from "./tenancy/admission-backoff.ts";
import { type AgencyCache, createAgencyCache } from "./tenancy/agency-cache.ts";
import { createAgencyWriter } from "./tenancy/agency-gate.ts";
import { type ClusterDirectory, createClusterDirectory } from "./tenancy/cluster-directory.ts";
import type { LifecycleDeps } from "./tenancy/lifecycle.ts";
import { type MoveDeps, moverDeps } from "./tenancy/mover/index.ts";
import type { ProvisioningHooks } from "./tenancy/provisioning/index.ts";
import { createTenantClients, type TenantClients } from "./tenancy/tenant-clients.ts";
import { type BackupRepository, configuredRepository } from "./backups/pgbackrest.ts";
import { backupGauges, type BackupStatus, backupStatus } from "./backups/status.ts";
import { verifyToken } from "./http/tenant/verify-token.ts";
import { gateAgency } from "./http/tenant/gate-agency.ts";
import { chooseDatabase } from "./http/tenant/choose-database.ts";
import { retryOnPrimary } from "./http/tenant/retry-on-primary.ts";
import { admit } from "./http/tenant/admit.ts";
import { checkAccess } from "./http/tenant/check-access.ts";
import { connectDatabase } from "./http/tenant/connect-database.ts";
import { CONSISTENCY_TOKEN, issueConsistencyToken } from "./http/tenant/issue-consistency-token.ts";
import { createReplicaRouter, type ReplicaRouter } from "./tenancy/replica-router.ts";
import { signupRoutes } from "./http/signup-routes.ts";
import { planRoutes } from "./http/plan-routes.ts";
import { type ColdAgencies, createColdAgencies } from "./tenancy/cold/index.ts";
import { coldGauges, type ColdStatus, coldStatus } from "./tenancy/cold/status.ts";
import { findDbmate, postgresBinDir } from "./platform/tools.ts";
import { type SpareRefiller, spareRefiller } from "./tenancy/spares.ts";

export type Services = {
  config: Config;
  /** Control plane: the main database over a direct connection with the admin role. */
  control: Sql;
  /** Data plane catalog reads: the main database through PgBouncer with the app role. */
  catalog: Sql;
  /** The clusters agency databases live on, each with its control plane and pooler. */
  clusters: ClusterDirectory;
  /** Each cluster's pool of spare databases, refilled in the background. */
  spares: SpareRefiller;
  tokens: Tokens;
  /** Operator sign-in (one failure limit wherever operators sign in) and current operators. */
  operators: OperatorAuth;
  /** Agencies by id, cached in memory (TTL, LRU); invalidate on lifecycle changes. */
  agencies: AgencyCache;
  /** Where reads may run: each cluster's replicas, polled once started (serveApi, server.ts). */
  replicas: ReplicaRouter;
  /** One postgres.js client per agency database, through its cluster's PgBouncer, LRU-bounded. */
  tenantClients: TenantClients;
  admission: Admission;
  /** In front of the tenant boundary: early and held 429s for agencies past their lane. */
  admissionBackoff: AdmissionBackoff;
  /** Agency users as the tenant boundary checks them (active, current role; checkAccess), briefly cached. */
  users: LoadingCache<AgencyUser>;
  /** Plans' limits and agencies' measured storage, briefly cached. */
  limits: PlanLimits;
  /** Called around each provisioning step of a signup (the bench's per-step timings). */
  provisioningHooks: ProvisioningHooks;
  /** Suspend, archive, restore, delete: what the admin routes run; updates the cache and registry. */
  lifecycle: LifecycleDeps;
  /** Activity, warnings, the cold sweep, wakes and the lifecycle webhook (src/tenancy/cold/). */
  cold: ColdAgencies;
  /** Moves between clusters (the admin route), and settling what a stopped mover left. */
  mover: MoveDeps;
  /** The clusters' backup repository (point-in-time restores, backup state), when configured. */
  backups?: BackupRepository;
  metrics: Metrics;
  /** The last minutes of `metrics`, sampled every few seconds, for the console's live page. */
  live: LiveMetrics;
  /** Listens for lifecycle changes made by other API instances and the CLI (one more direct catalog
   * connection), so they take effect here within milliseconds instead of a cache TTL. */
  watchAgencyChanges(): Promise<void>;
  close(): Promise<void>;
};

// Statuses that end an agency's traffic: its connections on this instance's pooler are closed too.
const STOPPED: AgencyStatus[] = ["suspended", "archiving", "archived", "cooling", "cold", "deleted"];

/** Creates clients but opens no connection: postgres.js connects on first query. */
export function createServices(config: Config, servers: Servers): Services {
  const control = connect(servers.databaseUrl, { max: 4, applicationName: "buildflow-control" });
  const catalog = connect(servers.poolerUrl, { max: 8, applicationName: "buildflow-catalog" });
  const clusters = createClusterDirectory(control, servers);
  const spares = spareRefiller(config.SPARE_DATABASES);
  const tenantClients = createTenantClients({
    poolerUrl: async (name, replica) => {
      const cluster = await clusters.get(name);
      if (!replica) return cluster.poolerUrl;
      const found = cluster.replicas.find((r) => r.name === replica);
      if (!found) throw new Error(`cluster ${name} has no replica ${replica}`);
      return found.poolerUrl;
    },
    max: config.TENANT_CLIENTS_MAX,
    connectionsPerClient: config.AGENCY_CONCURRENCY,
    waitTimeoutMs: config.ADMISSION_TIMEOUT_MS,
  });
  const agencies = createAgencyCache({
    load: (id) => findAgency(catalog, { id }),
    ttlMs: config.AGENCY_CACHE_TTL_MS,
    max: config.AGENCY_CACHE_MAX,
  });
  const forget = (change: AgencyChange) => {
    agencies.invalidate(change.id);
    if (!change.plan && change.frozen === undefined) tenantClients.evict(change);
  };
  const lifecycle: LifecycleDeps = {
    control,
    catalogUrl: servers.databaseUrl,
    clusters,
    pgBin: postgresBinDir(config.PG_BINDIR),
    backupDir: config.BACKUP_DIR,
    onChange: forget,
    wake: {
      migrationsDir: TENANT_MIGRATIONS,
      dbmateBin: () => findDbmate(config),
      perCluster: config.WAKES_PER_CLUSTER,
    },
  };
  const replicas = createReplicaRouter({
    clusters,
    onDown: (cluster, replica) => tenantClients.dropReplica(cluster, replica),
    pollMs: config.REPLICA_POLL_MS,
    maxLagMs: config.REPLICA_MAX_LAG_MS,
    maxLagBytes: config.REPLICA_MAX_LAG_BYTES,
    maxAgencies: config.AGENCY_CACHE_MAX,
  });
  let watching: Promise<unknown> | undefined;
  const admission = createAdmission({
    concurrency: config.ADMISSION_CONCURRENCY,
    queue: config.ADMISSION_QUEUE,
    timeoutMs: config.ADMISSION_TIMEOUT_MS,
    perAgency: config.AGENCY_CONCURRENCY,
    perAgencyQueue: config.AGENCY_QUEUE,
  });
  const metrics = createMetrics();
  const live = createLiveMetrics({
    metrics,
    gauges: () => {
      const queue = admission.stats();
      return {
        admissionActive: queue.active,
        admissionWaiting: queue.waiting,
        tenantClients: tenantClients.stats().live,
      };
    },
  });
  live.start();
  const cold = createColdAgencies({
    deps: lifecycle,
    control,
    activityFlushMs: config.ACTIVITY_FLUSH_INTERVAL * 1000,
    sweepMs: config.COLD_SWEEP_INTERVAL * 1000,
    sweepBatch: config.COLD_SWEEP_BATCH,
    keepDeletedDumpSeconds: config.DELETED_DUMP_KEEP,
    outbox: {
      url: config.LIFECYCLE_WEBHOOK_URL,
      secret: config.LIFECYCLE_WEBHOOK_SECRET,
      pollMs: config.OUTBOX_POLL_INTERVAL * 1000,
      retryMs: config.LIFECYCLE_WEBHOOK_RETRY * 1000,
      maxAttempts: config.LIFECYCLE_WEBHOOK_ATTEMPTS,
    },
  });
  return {
    config,
    control,
    catalog,
    clusters,
    spares,
    tokens: createTokens(config),
    operators: createOperatorAuth(control),
    agencies,
    tenantClients,
    users: createLoadingCache<AgencyUser>({ ttlMs: 5000, max: 100_000 }),
    provisioningHooks: {},
    limits: createPlanLimits({
      catalog,
      planTtlMs: config.PLAN_CACHE_TTL_MS,
      storageTtlMs: config.STORAGE_CACHE_TTL_MS,
    }),
    admission,
    admissionBackoff: createAdmissionBackoff({ admission, maxHeld: config.ADMISSION_HOLD_MAX }),
    replicas,
    lifecycle,
    cold,
    mover: moverDeps(lifecycle, config),
    backups: configuredRepository(config),
    metrics,
    live,
    async watchAgencyChanges() {
      const onChange = (change: AgencyChange) => {
        forget(change);
        if (!change.plan && STOPPED.includes(change.status)) {
          clusters.get(change.cluster).then(({ poolerAdmin }) => poolerAdmin?.disconnect(change.databaseName))
            .catch((error) => console.error(JSON.stringify({ poolerKill: change, error: String(error) })));
        }
      };
      // Each time the listener (re)connects, whatever changed while it was away was missed: start over.
      const onListen = () => agencies.clear();
      await (watching ??= listenForAgencyChanges(control, onChange, onListen).catch((error) => {
        watching = undefined; // tried again on the next call
        throw error;
      }));
    },
    async close() {
      live.stop();
      replicas.stop();
      await cold.stop(); // the last activity written
      await spares.idle();
      stopPasswordWorkers();
      await tenantClients.closeAll();
      await clusters.close();
      await Promise.all([control.end({ timeout: 5 }), catalog.end({ timeout: 5 })]);
    },
  };
}

export function createApp(services: Services) {
  const { config } = services;
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(secureHeaders());
  if (config.CORS_ORIGINS?.length) {
    const origins = config.CORS_ORIGINS;
    app.use(cors({
      origin: origins.includes("*") ? "*" : origins,
      allowMethods: ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"],
      allowHeaders: ["Authorization", "Content-Type", "X-Agency-Database", "X-Request-Id", CONSISTENCY_TOKEN],
      exposeHeaders: ["X-Request-Id", "Retry-After", CONSISTENCY_TOKEN],
      credentials: false,
      maxAge: 600,
    }));
  }
  if (config.LOG_REQUESTS) app.use(accessLog());
  app.use(services.metrics.middleware);
  app.use(bodyLimit({
    maxSize: config.BODY_LIMIT_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `Body is over ${config.BODY_LIMIT_BYTES} bytes`);
    },
  }));

  app.route("/", healthRoutes(services));
  // Backups' state reads the catalog and each cluster's archiver: at most every 10 s, whatever the scrapes.
  const backups = createLoadingCache<Map<string, BackupStatus>>({ ttlMs: 10_000, max: 1 });
  const cold = createLoadingCache<ColdStatus>({ ttlMs: 10_000, max: 1 });
  app.route(
    "/",
    metricsRoutes(services.metrics, async () => ({
      ...internalGauges(services),
      // The catalog unreachable: no backup gauges (absent() alerts), the rest still served.
      ...backupGauges(
        await backups.get("all", async () => backupStatus(services.control, await services.clusters.all()))
          .catch(() => undefined) ?? new Map(),
      ),
      ...await cold.get("all", () => coldStatus(services.control)).then((s) => s ? coldGauges(s) : {})
        .catch(() => ({})),
    }), config.METRICS_TOKEN),
  );
  app.route(
    "/api/agencies",
    signupRoutes({
      control: services.control,
      clusters: services.clusters,
      spares: services.spares,
      defaultRegion: config.DEFAULT_REGION,
      sizeTtlMs: config.STORAGE_CACHE_TTL_MS,
      hooks: services.provisioningHooks,
      replicas: services.replicas,
      tokens: services.tokens,
      openSignup: config.OPEN_SIGNUP,
      // The admin routes' check of the operator, so that the two cannot drift apart.
      operatorsOnly: every(
        platform({ tokens: services.tokens, currentOperator: services.operators.current }),
        requireOperatorRole("owner", "operator"),
      ),
      trustProxy: config.TRUST_PROXY,
    }),
  );
  app.route(
    "/api/auth",
    loginRoutes({
      catalog: services.catalog,
      agencies: services.agencies,
      clients: services.tenantClients,
      admission: services.admission,
      tokens: services.tokens,
      cold: services.cold,
      trustProxy: config.TRUST_PROXY,
    }),
  );

  // Tenant routes, each behind the tenant boundary (src/http/tenant/): its steps in the order a request
  // passes them, one middleware to the router.
  const agencyPath = {
    agencies: services.agencies,
    clients: services.tenantClients,
    admission: services.admission,
    replicas: services.replicas,
    cold: services.cold,
    requiredSchemaVersion: migrationVersions(TENANT_MIGRATIONS).at(-1),
  };
  const retried = new WeakSet<Request>(); // reads served again on the primary after their replica failed
  const tenant = every(
    verifyToken({ tokens: services.tokens, trustProxy: config.TRUST_PROXY }), // the agency's token
    gateAgency(agencyPath), // its use noted, a cold one woken; the agency serves (and takes writes) now
    chooseDatabase({ replicas: services.replicas, retried }), // a replica for a read that may
    retryOnPrimary({ // a read whose replica failed, served again
      replicas: services.replicas,
      retried,
      dispatch: async (request, env) => await app.fetch(request, env as Deno.ServeHandlerInfo),
    }),
    admit(agencyPath), // one of the agency's admission slots
    checkAccess({ users: services.users, clients: services.tenantClients }), // active, not revoked
    connectDatabase(agencyPath), // c.var.sql
    issueConsistencyToken(agencyPath), // after a write: where it committed
  );
  const scoped = (routes: Hono<AppEnv>) =>
    new Hono<AppEnv>().use(services.admissionBackoff.middleware).use(tenant).route("/", routes);
  app.route("/api/auth", sessionRoutes({ tenant }));
  app.route("/api/me", scoped(meRoutes().route("/", passwordRoutes({ tokens: services.tokens }))));
  const { limits } = services;
  app.route("/api/users", scoped(userRoutes({ control: services.control, limits })));
  app.route("/api/usage", scoped(usageRoutes(limits)));
  app.route("/api/audit-log", scoped(auditRoutes()));
  app.route("/api/settings", scoped(settingsRoutes()));
  const extensions = resourceExtensions();
  for (const resource of resources) {
    const routes = resourceRoutes(resource, { limits, catalog: services.catalog });
    const extension = extensions[resource.path];
    app.route(`/api/${resource.path}`, scoped(extension ? routes.route("/", extension) : routes));
  }
  for (const [path, routes] of gstDocumentRoutes({ limits, catalog: services.catalog })) {
    app.route(`/api/${path}`, scoped(routes));
  }
  app.route(
    "/api/admin/plans",
    planRoutes({ control: services.control, tokens: services.tokens, operators: services.operators }),
  );
  app.route(
    "/api/admin/gst-rates",
    gstRateRoutes({ control: services.control, tokens: services.tokens, operators: services.operators }),
  );
  app.route(
    "/api/admin",
    adminRoutes({
      control: services.control,
      tokens: services.tokens,
      operators: services.operators,
      lifecycle: services.lifecycle,
      backups: services.backups,
      users: services.users,
      writeToAgency: createAgencyWriter(agencyPath),
      trustProxy: config.TRUST_PROXY,
      mover: services.mover,
      internals: () => ({
        registry: services.tenantClients.stats(),
        admission: services.admission.stats(),
        admissionBackoff: services.admissionBackoff.stats(),
        agencyCache: services.agencies.stats(),
        replicas: services.replicas.stats(),
      }),
    }),
  );
  app.route(
    "/console",
    consoleRoutes({
      ...services.lifecycle,
      tokens: services.tokens,
      operators: services.operators,
      lifecycle: services.lifecycle,
      mover: services.mover,
      backups: services.backups,
      limits: services.limits,
      live: services.live,
      connectionBudget: config.PG_CONNECTION_BUDGET,
      secure: config.APP_ENV !== "development",
    }),
  );
  app.route("/", openApiRoutes(resources, { publicUrl: config.PUBLIC_URL }));

  app.notFound((c) => renderError(notFound("No such route"), c));
  app.onError((error, c) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500 && apiError.code === "internal") {
      console.error(JSON.stringify({ requestId: c.var.requestId, error: String(error?.stack ?? error) }));
    }
    return renderError(apiError, c);
  });
  return app;
}

/** The registry, admission and cache state as Prometheus gauges (no per-agency label). */
function internalGauges(
  { tenantClients, admission, admissionBackoff, agencies, replicas }: Services,
): Record<string, number> {
  const registry = tenantClients.stats();
  const queue = admission.stats();
  const backoff = admissionBackoff.stats();
  const cache = agencies.stats();
  const replication = replicas.stats();
  return {
    tenant_clients_live: registry.live,
    tenant_clients_max: registry.max,
    tenant_clients_created_total: registry.created,
    tenant_clients_evictions_total: registry.evictions,
    admission_active: queue.active,
    admission_waiting: queue.waiting,
    admission_waited_total: queue.waited,
    admission_rejected_total: queue.rejected,
    admission_timed_out_total: queue.timedOut,
    admission_agencies_active: queue.agenciesActive,
    admission_agencies_waiting: queue.agenciesWaiting,
    // An agency held back: each 429 by why (its own queue, its share of the global queue, pushed out
    // of it); of those, how many were refused before the token check, and held for the Retry-After
    // their client ignored.
    ...Object.fromEntries(
      Object.entries(queue.refused).map((
        [mechanism, n],
      ) => [`admission_refused_total{mechanism="${mechanism}"}`, n]),
    ),
    admission_refused_early_total: backoff.refusedEarly,
    admission_held_total: backoff.heldTotal,
    admission_held: backoff.held,
    admission_hold_full_total: backoff.holdFull,
    admission_agencies_held_back: backoff.agenciesHeldBack,
    agency_cache_size: cache.size,
    agency_cache_hits_total: cache.hits,
    agency_cache_misses_total: cache.misses,
    // Reads by where they ran and why (a fixed set of routes).
    ...Object.fromEntries(
      Object.entries(replication.reads).map((
        [route, n],
      ) => [`tenant_reads_total{route="${route}"}`, n]),
    ),
    ...Object.fromEntries(
      replication.replicas.flatMap((r) => {
        const labels = `{replica="${r.replica}"}`;
        return [
          [`replica_lag_bytes${labels}`, r.lagBytes],
          [`replica_lag_seconds${labels}`, r.lagMs / 1000],
          [`replica_in_rotation${labels}`, r.inRotation ? 1 : 0],
        ];
      }),
    ),
    // Per cluster (cluster names are catalog identifiers: safe as label values).
    ...Object.fromEntries(
      tenantClients.clusterStats().flatMap(({ cluster, live, requests }) => [
        [`cluster_tenant_clients_live{cluster="${cluster}"}`, live],
        [`cluster_requests_total{cluster="${cluster}"}`, requests],
      ]),
    ),
  };
}
