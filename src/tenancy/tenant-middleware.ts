// The tenant boundary: verify the token, refuse a mismatched X-Agency-Database, resolve the agency
// from the catalog cache (never connecting to a database the catalog does not list as active), and
// hand the handler its agency's client, inside fair admission: on a replica for a read the replica
// router allows (read-your-writes), on the primary for everything else.
import { createMiddleware } from "hono/factory";
import { bearerToken } from "../auth/bearer.ts";
import { type AgencyUser, findUser, isRevoked } from "../auth/agency-users.ts";
import type { AgencyRole, Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "../platform/app-env.ts";
import { isConnectionLost } from "../platform/db.ts";
import { badRequest, forbidden, unauthorized } from "../platform/errors.ts";
import type { LoadingCache } from "../platform/loading-cache.ts";
import { requestOrigin } from "../platform/request-origin.ts";
import type { Admission } from "./admission.ts";
import type { AgencyCache } from "./agency-cache.ts";
import { passGate } from "./agency-gate.ts";
import { consistencyToken, currentLsn, parseConsistencyToken, type ReplicaRouter } from "./replica-router.ts";
import type { TenantClients, TenantDatabase } from "./tenant-clients.ts";

export type TenantDeps = {
  tokens: Tokens;
  agencies: AgencyCache;
  clients: TenantClients;
  admission: Admission;
  /** The latest tenant migration this code relies on; older agency databases wait for tenants:migrate. */
  requiredSchemaVersion?: string;
  /** Users by `${agencyId}:${userId}`, read on the primary and briefly cached: a deactivation, role
   * change or revocation takes effect at once on the instance that made it (it forgets the entry) and
   * within the TTL (5 s) on the others, instead of when the token expires. */
  users: LoadingCache<AgencyUser>;
  /** Proxies of ours in front of the API (see clientAddress): the audit trail's client address. */
  trustProxy?: number;
  /** Where reads may run; with none, everything runs on the primary. */
  replicas?: ReplicaRouter;
  /** Serves a request again from the top (the app's fetch): a read that failed on a replica is
   * retried once, on the primary. */
  dispatch?(request: Request, env: unknown): Promise<Response>;
};

/** Sent back by a client, it makes a read wait for (or skip) replicas behind its write. */
export const CONSISTENCY_TOKEN = "X-Consistency-Token";

// Reads: a replica may serve them, and a move's write freeze lets them through (they run on the
// source until the switch). Every other method writes (or may), and runs on the primary.
const READS = new Set(["GET", "HEAD"]);

/** A failure of the replica itself (down, restarting, not yet holding the database), not the query's:
 * the primary can answer instead. */
const replicaFailed = (error: unknown) =>
  isConnectionLost(error) || /^(08|57P0|3D000|53300)/.test((error as { code?: string })?.code ?? "");

export const userCacheKey = (agencyId: string, userId: string) => `${agencyId}:${userId}`;

export function tenant(
  { tokens, agencies, clients, admission, requiredSchemaVersion, users, trustProxy = 0, replicas, dispatch }:
    TenantDeps,
) {
  const onPrimaryAgain = new WeakSet<Request>(); // reads being served again after a replica failed
  return createMiddleware<AppEnv>(async function tenant(c, next) {
    const claims = await tokens.verifyAgency(bearerToken(c));
    const requested = c.req.header("x-agency-database");
    if (requested !== undefined && requested !== claims.agencyDatabase) {
      throw forbidden("Agency mismatch", "agency_mismatch");
    }
    const agency = await agencies.get(claims.agencyId);
    // The agency's database is the catalog's, not the claim's: a restore may have moved it.
    const reading = READS.has(c.req.method);
    passGate(agency, { write: !reading, requiredSchemaVersion });
    c.set("agency", agency);
    c.set("origin", requestOrigin(c, trustProxy));
    const sent = c.req.header(CONSISTENCY_TOKEN);
    const token = sent === undefined ? undefined : parseConsistencyToken(sent);
    if (sent !== undefined && !token) {
      throw badRequest(`Bad ${CONSISTENCY_TOKEN}`, [{
        path: CONSISTENCY_TOKEN,
        message: "is not a token we issued",
      }]);
    }
    const target: TenantDatabase = reading && replicas && !onPrimaryAgain.has(c.req.raw)
      ? { ...agency, ...replicas.route(agency, token) }
      : agency;
    try {
      await admission.run(agency.id, async () => {
        // Access state (active, role, revocations) is read on the primary, never a replica that may
        // predate a revocation; cached briefly, and forgotten on this instance when it changes.
        const user = await users.get(
          userCacheKey(agency.id, claims.sub),
          () => clients.use(agency, (sql) => findUser(sql, claims.sub)),
        );
        if (!user?.isActive) throw unauthorized("User is deactivated");
        if (isRevoked(user, claims)) throw unauthorized("Session ended");
        c.set("claims", { ...claims, role: user.role }); // the current role, not the token's
        await clients.use(target, async (sql) => {
          c.set("sql", sql);
          await next();
          if (target.replica && c.error && replicaFailed(c.error)) throw c.error;
          // Where the write committed (the position now is at or past its commit record), for the
          // reads after it: this instance's, and any instance a client sends the token to.
          if (!reading && c.res.status < 400 && replicas?.serves(agency.cluster)) {
            const lsn = await currentLsn(sql);
            replicas.noteWrite(agency.id, agency.cluster, lsn);
            c.header(CONSISTENCY_TOKEN, consistencyToken(agency.cluster, lsn));
          }
          // Only now: a read that reloads the user's state cannot predate the change.
          if (c.var.accessChanged) users.invalidate(userCacheKey(agency.id, c.var.accessChanged));
        });
      });
    } catch (error) {
      if (!target.replica || !dispatch || !replicaFailed(error)) throw error;
      // Out of admission and the replica's client: the retry takes its own slot, on the primary.
      replicas!.retried(agency.cluster, target.replica);
      onPrimaryAgain.add(c.req.raw);
      c.res = await dispatch(c.req.raw, c.env);
    }
  });
}

/** Only these roles may pass (e.g. admins manage users and delete rows). */
export function requireRole(...roles: AgencyRole[]) {
  return createMiddleware<AppEnv>(async function requireRole(c, next) {
    if (!roles.includes(c.var.claims.role)) throw forbidden(`Requires role ${roles.join(" or ")}`);
    await next();
  });
}
