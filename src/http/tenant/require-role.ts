// After the tenant boundary, on a route: only these roles may pass (e.g. admins manage users and delete
// rows). The role is the user's current one (checkAccess), not the token's.
import { createMiddleware } from "hono/factory";
import type { AgencyRole } from "../../auth/tokens.ts";
import { forbidden } from "../../platform/errors.ts";
import type { TenantEnv } from "./variables.ts";

export function requireRole(...roles: AgencyRole[]) {
  return createMiddleware<TenantEnv>(async function requireRole(c, next) {
    if (!roles.includes(c.var.claims.role)) throw forbidden(`Requires role ${roles.join(" or ")}`);
    await next();
  });
}
