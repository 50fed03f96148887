// POST /api/agencies: a new agency with its own database, its first admin and a token. Open signup takes
// a self-service plan; an operator (closed signup, or a token presented) any active plan.
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { agencyView, agencyViewSchema } from "../catalog/agencies.ts";
import { findPlan, selfServicePlans } from "../catalog/plans.ts";
import { sessionUserSchema } from "../auth/agency-users.ts";
import { emailSchema, passwordSchema } from "../auth/schemas.ts";
import type { PlatformClaims, Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "./app-env.ts";
import type { Sql } from "../platform/db.ts";
import { ApiError, badRequest, unauthorized, unavailable } from "../platform/errors.ts";
import { createLoadingCache } from "../platform/loading-cache.ts";
import { clientAddress, createRateLimiter } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import type { Cluster, ClusterDirectory } from "../tenancy/cluster-directory.ts";
import { agencyDatabaseSizes } from "../tenancy/control-plane.ts";
import { clusterLoads, placeAgency } from "../tenancy/placement.ts";
import { provisionAgency, type ProvisioningHooks } from "../tenancy/provisioning/index.ts";
import type { SpareRefiller } from "../tenancy/spares.ts";
import { consistencyToken, currentLsn, type ReplicaRouter } from "../tenancy/replica-router.ts";
import { CONSISTENCY_TOKEN } from "./tenant/issue-consistency-token.ts";

const HOSTNAME = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

// Names are shown and stored as text: no control characters (PostgreSQL also refuses NUL).
const displayName = () =>
  z.string().trim().min(1, "is required").max(100, "must be at most 100 characters")
    .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const signupSchema = z.strictObject({
  name: displayName(),
  domain: z.string().trim().toLowerCase().regex(HOSTNAME, "must be a host name like acme.example.com")
    .optional(),
  /** The free plan by default; open signup may take only a self-service plan. */
  subscriptionPlan: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, "is not a plan code").default("starter"),
  /** Where the agency's data lives: an open cluster of this region (see placement). */
  region: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "is not a region name").optional(),
  admin: z.strictObject({
    email: emailSchema,
    password: passwordSchema,
    fullName: displayName(),
  }),
});

export const signupResponseSchema = z.strictObject({
  agency: agencyViewSchema,
  user: sessionUserSchema,
  token: z.string(),
  agencyDatabase: z.string(),
});

export type SignupDeps = {
  /** The catalog, admin role, direct. */
  control: Sql;
  clusters: ClusterDirectory;
  spares: SpareRefiller;
  /** A signup that names no region goes here (else to any region). */
  defaultRegion?: string;
  /** How long a cluster's measured size is reused by placement. */
  sizeTtlMs: number;
  hooks?: ProvisioningHooks;
  /** Where the new agency's reads may run (its creation is its first write). */
  replicas?: ReplicaRouter;
  tokens: Tokens;
  openSignup: boolean;
  /** The admin routes' guard (src/http/platform-middleware.ts, built in app.ts): an active operator
   * who may act, as the catalog has them now, in c.var.operator. Closed signup runs it on every
   * request; open signup on one that presents a token, so an operator may pick any plan there too. */
  operatorsOnly: MiddlewareHandler<AppEnv>;
  /** Proxies of ours in front of the API (see clientAddress). */
  trustProxy: number;
};

/** Agency databases' total size on a cluster (placement's byte load). */
const measureBytes = async (cluster: Cluster) =>
  (await agencyDatabaseSizes(cluster)).reduce((n, d) => n + d.bytes, 0);

export function signupRoutes(
  {
    control,
    clusters,
    spares,
    tokens,
    openSignup,
    operatorsOnly,
    trustProxy,
    defaultRegion,
    sizeTtlMs,
    hooks,
    replicas,
  }: SignupDeps,
) {
  const perClient = createRateLimiter({ windowMs: 60_000, max: 10 });
  const sizes = createLoadingCache<number>({ ttlMs: sizeTtlMs, max: 1000 });

  /** The open cluster with room and the lowest load, in the requested (or default) region. */
  async function place(region: string | undefined): Promise<Cluster> {
    const bytes = new Map<string, number>();
    for (const cluster of await clusters.all()) {
      if (cluster.state !== "open") continue;
      // A cluster that cannot be measured cannot take an agency now: no room.
      const measured = await sizes.get(cluster.cluster, () => measureBytes(cluster)).catch(() => Infinity);
      bytes.set(cluster.cluster, measured ?? 0);
    }
    const placement = placeAgency(await clusterLoads(control, bytes), region ?? defaultRegion);
    if ("cluster" in placement) return await clusters.get(placement.cluster);
    if (placement.refused === "unknown_region") {
      throw badRequest("Unknown region", [{ path: "region", message: `no cluster serves ${region}` }]);
    }
    throw unavailable("No cluster has room for a new agency right now", 60);
  }

  /** The plan the signup asked for: any active one for an operator; else a self-service one (403). */
  async function checkPlan(code: string, operator: PlatformClaims | undefined) {
    const plan = await findPlan(control, code);
    if (!plan?.isActive) {
      throw badRequest("Unknown plan", [{ path: "subscriptionPlan", message: "is not an active plan" }]);
    }
    if (operator || plan.selfService) return;
    const open = await selfServicePlans(control);
    const choice = open.length ? `self-service plans: ${open.join(", ")}` : "no plan is self-service";
    throw new ApiError(403, "plan_not_available", `Plan ${code} is set by an operator, not at signup`, {
      issues: [{ path: "subscriptionPlan", message: choice }],
    });
  }

  return new Hono<AppEnv>().post(
    "/",
    async (c, next) => {
      if (!openSignup && !c.req.header("authorization")) {
        throw unauthorized("Signup is closed: a platform token is required");
      }
      if (c.req.header("authorization")) return await operatorsOnly(c, next);
      perClient.hit(clientAddress(c, trustProxy));
      await next();
    },
    validate("json", signupSchema),
    async (c) => {
      const input = c.req.valid("json");
      const operator: PlatformClaims | undefined = c.var.operator;
      await checkPlan(input.subscriptionPlan, operator);
      const cluster = await place(input.region);
      const { agency, userId } = await provisionAgency({ ...cluster, hooks }, {
        ...input,
        actor: operator ? `operator:${operator.sub}` : undefined,
      });
      spares.kick(cluster);
      // Its database may not have reached the replicas yet: its first reads wait for it there.
      if (replicas?.serves(cluster.cluster)) {
        const lsn = await currentLsn(cluster.pooler);
        replicas.noteWrite(agency.id, cluster.cluster, lsn);
        c.header(CONSISTENCY_TOKEN, consistencyToken(cluster.cluster, lsn));
      }
      const token = await tokens.signAgency({
        sub: userId,
        agencyId: agency.id,
        agencyDatabase: agency.databaseName,
        role: "admin",
      });
      return c.json({
        agency: agencyView(agency),
        user: { id: userId, email: input.admin.email, fullName: input.admin.fullName, role: "admin" },
        token,
        agencyDatabase: agency.databaseName,
      }, 201);
    },
  );
}
