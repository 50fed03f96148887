// Step 1 of the tenant boundary: an agency token, verified, for the agency database the request names
// (X-Agency-Database, when sent); and where the request comes from, for the audit trail.
import { createMiddleware } from "hono/factory";
import { bearerToken } from "../../auth/bearer.ts";
import type { Tokens } from "../../auth/tokens.ts";
import { forbidden } from "../../platform/errors.ts";
import { requestOrigin } from "../../platform/request-origin.ts";
import type { TenantEnv } from "./variables.ts";

export type VerifyTokenOptions = {
  tokens: Tokens;
  /** Proxies of ours in front of the API (see clientAddress): the audit trail's client address. */
  trustProxy?: number;
};

export function verifyToken({ tokens, trustProxy = 0 }: VerifyTokenOptions) {
  return createMiddleware<TenantEnv>(async function verifyToken(c, next) {
    const claims = await tokens.verifyAgency(bearerToken(c));
    const requested = c.req.header("x-agency-database");
    if (requested !== undefined && requested !== claims.agencyDatabase) {
      throw forbidden("Agency mismatch", "agency_mismatch");
    }
    c.set("claims", claims);
    c.set("origin", requestOrigin(c, trustProxy));
    await next();
  });
}
