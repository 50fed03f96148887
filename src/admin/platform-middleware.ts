// The platform boundary: operator tokens only. An agency's token is authenticated but not allowed
// here (403), anything else is 401.
import { createMiddleware } from "hono/factory";
import { bearerToken } from "../auth/bearer.ts";
import type { PlatformClaims, Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "../platform/app-env.ts";
import { forbidden } from "../platform/errors.ts";

export function platform({ tokens }: { tokens: Tokens }) {
  return createMiddleware<AppEnv>(async function platform(c, next) {
    const token = bearerToken(c);
    try {
      c.set("operator", await tokens.verifyPlatform(token));
    } catch (error) {
      const isAgencyToken = await tokens.verifyAgency(token).then(() => true, () => false);
      if (isAgencyToken) throw forbidden("Platform operators only");
      throw error;
    }
    await next();
  });
}

/** Viewers read; operators and owners act. */
export function requireOperatorRole(...roles: PlatformClaims["role"][]) {
  return createMiddleware<AppEnv>(async function requireOperatorRole(c, next) {
    if (!roles.includes(c.var.operator.role)) throw forbidden(`Requires role ${roles.join(" or ")}`);
    await next();
  });
}
