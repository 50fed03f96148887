// Before the gate: the token's agency is being used. Its activity is noted (an in-memory set the cold
// agencies' timer writes, src/tenancy/activity.ts), and a cold agency is woken: 503 agency_waking with
// Retry-After until it serves again.
import { createMiddleware } from "hono/factory";
import type { AgencyCache } from "../../tenancy/agency-cache.ts";
import type { ColdAgencies } from "../../tenancy/cold/index.ts";
import type { TenantEnv } from "./variables.ts";

export function useAgency({ agencies, cold }: { agencies: AgencyCache; cold: Pick<ColdAgencies, "use"> }) {
  return createMiddleware<TenantEnv>(async function useAgency(c, next) {
    cold.use(await agencies.get(c.var.claims.agencyId));
    await next();
  });
}
