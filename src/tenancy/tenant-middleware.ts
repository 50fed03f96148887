// The tenant boundary: verify the token, refuse a mismatched X-Agency-Database, resolve the agency
// from the catalog cache (never connecting to a database the catalog does not list as active), and
// hand the handler its agency's client, inside fair admission.
import { createMiddleware } from "hono/factory";
import { bearerToken } from "../auth/bearer.ts";
import { type AgencyUser, findUser, isRevoked } from "../auth/agency-users.ts";
import type { AgencyRole, Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "../platform/app-env.ts";
import { ApiError, forbidden, unauthorized, unavailable } from "../platform/errors.ts";
import type { LoadingCache } from "../platform/loading-cache.ts";
import { requestOrigin } from "../platform/request-origin.ts";
import type { Admission } from "./admission.ts";
import type { AgencyCache } from "./agency-cache.ts";
import type { TenantClients } from "./tenant-clients.ts";

export type TenantDeps = {
  tokens: Tokens;
  agencies: AgencyCache;
  clients: TenantClients;
  admission: Admission;
  /** The latest tenant migration this code relies on; older agency databases wait for tenants:migrate. */
  requiredSchemaVersion?: string;
  /** Users by `${agencyId}:${userId}`, briefly cached: deactivation, role changes and revoked
   * sessions take effect within the TTL instead of when the token expires. */
  users: LoadingCache<AgencyUser>;
  /** Proxies of ours in front of the API (see clientAddress): the audit trail's client address. */
  trustProxy?: number;
};

export const userCacheKey = (agencyId: string, userId: string) => `${agencyId}:${userId}`;

// A move's write freeze lets these through: they run on the source until the switch.
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

const behind = (version: string | null, required?: string) =>
  required !== undefined && (version === null || BigInt(version) < BigInt(required));

export function tenant(
  { tokens, agencies, clients, admission, requiredSchemaVersion, users, trustProxy = 0 }: TenantDeps,
) {
  return createMiddleware<AppEnv>(async function tenant(c, next) {
    const claims = await tokens.verifyAgency(bearerToken(c));
    const requested = c.req.header("x-agency-database");
    if (requested !== undefined && requested !== claims.agencyDatabase) {
      throw forbidden("Agency mismatch", "agency_mismatch");
    }
    const agency = await agencies.get(claims.agencyId);
    // A token outliving its agency is no longer valid. The agency's database is the catalog's, not
    // the claim's: a restore may have moved it.
    if (!agency || agency.status === "deleted" || agency.status === "failed") {
      throw unauthorized("Agency no longer exists");
    }
    if (agency.status !== "active") {
      throw new ApiError(423, "agency_unavailable", `Agency is ${agency.status}`);
    }
    if (behind(agency.schemaVersion, requiredSchemaVersion)) {
      throw unavailable("The agency's database is being upgraded, retry shortly", 30);
    }
    if (agency.frozenUntil && !READS.has(c.req.method) && agency.frozenUntil.getTime() > Date.now()) {
      throw unavailable("The agency is moving to another cluster: writes resume within seconds", 1);
    }
    c.set("agency", agency);
    c.set("origin", requestOrigin(c, trustProxy));
    await admission.run(agency.id, () =>
      clients.use(agency, async (sql) => {
        const user = await users.get(userCacheKey(agency.id, claims.sub), () => findUser(sql, claims.sub));
        if (!user?.isActive) throw unauthorized("User is deactivated");
        if (isRevoked(user, claims)) throw unauthorized("Session ended");
        c.set("claims", { ...claims, role: user.role }); // the current role, not the token's
        c.set("sql", sql);
        await next();
      }));
  });
}

/** Only these roles may pass (e.g. admins manage users and delete rows). */
export function requireRole(...roles: AgencyRole[]) {
  return createMiddleware<AppEnv>(async function requireRole(c, next) {
    if (!roles.includes(c.var.claims.role)) throw forbidden(`Requires role ${roles.join(" or ")}`);
    await next();
  });
}
