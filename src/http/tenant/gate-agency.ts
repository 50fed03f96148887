// Step 2: the token's agency from the catalog cache (never a database the catalog does not list as
// serving), its use noted (an in-memory set the cold agencies' timer writes, src/tenancy/activity.ts)
// and, cold, woken (503 agency_waking with Retry-After until it serves again), then through the gate:
// gone 401, not serving 423, its database behind the schema this code needs 503, and, for a write,
// frozen while a move or a restore switches its database 503.
import { createMiddleware } from "hono/factory";
import { passGate } from "../../tenancy/agency-gate.ts";
import type { AgencyCache } from "../../tenancy/agency-cache.ts";
import type { ColdAgencies } from "../../tenancy/cold/index.ts";
import type { TenantEnv } from "./variables.ts";

export type GateAgencyOptions = {
  agencies: AgencyCache;
  /** Where its use is noted, and a cold one woken. */
  cold: Pick<ColdAgencies, "use">;
  /** The latest tenant migration this code relies on; older agency databases wait for tenants:migrate. */
  requiredSchemaVersion?: string;
};

// Reads: a replica may serve them, and a move's write freeze lets them through (they run on the source
// until the switch). Every other method writes (or may), and runs on the primary.
const READS = new Set(["GET", "HEAD"]);

/** Whether the request only reads. */
export const isRead = (method: string) => READS.has(method);

export function gateAgency({ agencies, cold, requiredSchemaVersion }: GateAgencyOptions) {
  return createMiddleware<TenantEnv>(async function gateAgency(c, next) {
    // The agency's database is the catalog's, not the claim's: a restore may have moved it.
    const agency = await agencies.get(c.var.claims.agencyId);
    cold.use(agency);
    passGate(agency, { write: !isRead(c.req.method), requiredSchemaVersion });
    c.set("agency", agency);
    await next();
  });
}
