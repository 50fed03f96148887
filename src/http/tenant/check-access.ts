// Step 6: the token's user, as the agency's database has them now: active, the token not revoked (one
// by one, or every token up to a cut), and with their current role in the claims, not the token's.
// Read on the primary, never a replica that may predate a revocation; cached briefly, and forgotten on
// this instance once a request that changed the user's access has committed.
import { createMiddleware } from "hono/factory";
import { type AgencyUser, findUser, isRevoked, userCacheKey } from "../../auth/agency-users.ts";
import { unauthorized } from "../../platform/errors.ts";
import type { LoadingCache } from "../../platform/loading-cache.ts";
import type { TenantClients } from "../../tenancy/tenant-clients.ts";
import type { TenantEnv } from "./variables.ts";

export type CheckAccessOptions = {
  /** Users by userCacheKey, read on the primary and briefly cached: a deactivation, role change or
   * revocation takes effect at once on the instance that made it (it forgets the entry) and within the
   * TTL (5 s) on the others, instead of when the token expires. */
  users: LoadingCache<AgencyUser>;
  clients: TenantClients;
};

export function checkAccess({ users, clients }: CheckAccessOptions) {
  return createMiddleware<TenantEnv>(async function checkAccess(c, next) {
    const { agency, claims } = c.var;
    const user = await users.get(
      userCacheKey(agency.id, claims.sub),
      () => clients.use(agency, (sql) => findUser(sql, claims.sub)),
    );
    if (!user?.isActive) throw unauthorized("User is deactivated");
    if (isRevoked(user, claims)) throw unauthorized("Session ended");
    c.set("claims", { ...claims, role: user.role });
    await next();
    // Only now (committed, its position noted): a read that reloads the user cannot predate the change.
    if (c.var.accessChanged) users.invalidate(userCacheKey(agency.id, c.var.accessChanged));
  });
}
