// POST /api/agencies: a new agency with its own database, its first admin and a token.
import { Hono } from "hono";
import { z } from "zod";
import { agencyView, agencyViewSchema } from "../catalog/agencies.ts";
import { sessionUserSchema } from "../auth/agency-users.ts";
import { bearerToken } from "../auth/bearer.ts";
import { emailSchema, passwordSchema } from "../auth/schemas.ts";
import type { Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "../platform/app-env.ts";
import type { Sql } from "../platform/db.ts";
import { badRequest, forbidden, unavailable } from "../platform/errors.ts";
import { createLoadingCache } from "../platform/loading-cache.ts";
import { clientAddress, createRateLimiter } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import type { Cluster, ClusterDirectory } from "./cluster-directory.ts";
import { agencyDatabaseSizes } from "./control-plane.ts";
import { clusterLoads, placeAgency } from "./placement.ts";
import { provisionAgency, type ProvisioningHooks } from "./provisioning/index.ts";
import type { SpareRefiller } from "./spares.ts";
import { consistencyToken, currentLsn, type ReplicaRouter } from "./replica-router.ts";
import { CONSISTENCY_TOKEN } from "./tenant-middleware.ts";

const HOSTNAME = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

// Names are shown and stored as text: no control characters (PostgreSQL also refuses NUL).
const displayName = () =>
  z.string().trim().min(1, "is required").max(100, "must be at most 100 characters")
    .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const signupSchema = z.strictObject({
  name: displayName(),
  domain: z.string().trim().toLowerCase().regex(HOSTNAME, "must be a host name like acme.example.com")
    .optional(),
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
  /** Proxies of ours in front of the API (see clientAddress). */
  trustProxy: number;
};

/** Agency databases' total size on a cluster (placement's byte load). */
const measureBytes = async (cluster: Cluster) =>
  (await agencyDatabaseSizes(cluster)).reduce((n, d) => n + d.bytes, 0);

export function signupRoutes(
  { control, clusters, spares, tokens, openSignup, trustProxy, defaultRegion, sizeTtlMs, hooks, replicas }:
    SignupDeps,
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

  return new Hono<AppEnv>().post(
    "/",
    async (c, next) => {
      // With open signup off, only platform operators create agencies.
      if (!openSignup) {
        const token = bearerToken(c, "Signup is closed: a platform token is required");
        const { role } = await tokens.verifyPlatform(token);
        if (role === "viewer") throw forbidden("Viewers cannot create agencies");
      } else {
        perClient.hit(clientAddress(c, trustProxy));
      }
      await next();
    },
    validate("json", signupSchema),
    async (c) => {
      const input = c.req.valid("json");
      const [plan] = await control`
      select 1 from subscription_plans where code = ${input.subscriptionPlan} and is_active`;
      if (!plan) {
        throw badRequest("Unknown plan", [{
          path: "subscriptionPlan",
          message: "is not an active plan",
        }]);
      }
      const cluster = await place(input.region);
      const { agency, userId } = await provisionAgency({ ...cluster, hooks }, input);
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
