// The platform boundary: operator tokens only, of operators who still exist and are active, with
// their current role. An agency's token is authenticated but not allowed here (403), anything else
// is 401.
import { createMiddleware } from "hono/factory";
import { bearerToken } from "../auth/bearer.ts";
import type { PlatformClaims, Tokens } from "../auth/tokens.ts";
import { forbidden, unauthorized } from "../platform/errors.ts";
import type { Operator } from "../admin/operators.ts";

export type OperatorVariables = {
  /** The verified operator token's claims, with the operator's current role. */
  operator: PlatformClaims;
};
type OperatorEnv = { Variables: OperatorVariables };

export type PlatformDeps = {
  tokens: Tokens;
  /** The operator as the catalog has it now, briefly cached: removal, deactivation and role changes
   * take effect within the cache's TTL instead of when the token expires. */
  currentOperator(id: string): Promise<Operator | undefined>;
};

export function platform({ tokens, currentOperator }: PlatformDeps) {
  return createMiddleware<OperatorEnv>(async function platform(c, next) {
    const token = bearerToken(c);
    let claims: PlatformClaims;
    try {
      claims = await tokens.verifyPlatform(token);
    } catch (error) {
      const isAgencyToken = await tokens.verifyAgency(token).then(() => true, () => false);
      if (isAgencyToken) throw forbidden("Platform operators only");
      throw error;
    }
    const operator = await currentOperator(claims.sub);
    if (!operator?.isActive) throw unauthorized("Operator no longer active");
    c.set("operator", { sub: operator.id, role: operator.role });
    await next();
  });
}

/** Viewers read; operators and owners act. */
export function requireOperatorRole(...roles: PlatformClaims["role"][]) {
  return createMiddleware<OperatorEnv>(async function requireOperatorRole(c, next) {
    if (!roles.includes(c.var.operator.role)) throw forbidden(`Requires role ${roles.join(" or ")}`);
    await next();
  });
}
