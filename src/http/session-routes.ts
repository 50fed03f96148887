// Ending sessions: POST /api/auth/logout revokes the presented token, /api/auth/logout-all every token
// of the user, and POST /api/me/password changes the password (the current one required) and ends
// every other session. Each marks the user's access as changed: the tenant boundary (checkAccess) forgets the
// cached state once the write has committed; other instances see the change within its TTL, as they
// see a deactivation.
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "./app-env.ts";
import { transaction } from "../platform/db.ts";
import { badRequest } from "../platform/errors.ts";
import { createRateLimiter } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import { findUserForLogin, revokeAllTokens, revokeToken, tokenIssuedAt } from "../auth/agency-users.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { passwordSchema } from "../auth/schemas.ts";
import type { Tokens } from "../auth/tokens.ts";

export type SessionDeps = {
  tenant: MiddlewareHandler<AppEnv>;
  tokens: Tokens;
};

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

/** The password change's answer: a new token for this session (every other one has ended). */
export const passwordChangedSchema = z.strictObject({ token: z.string() });

/** Revokes the presented token; one issued before token ids existed is revoked with all the user's. */
async function revokePresented(c: AppContext) {
  const { sql, claims } = c.var;
  if (claims.jti) await revokeToken(sql, claims.sub, claims.jti, claims.exp);
  else await revokeAllTokens(sql, claims.sub);
}

/** Mounted under /api/auth, beside the public login route: each route takes the tenant boundary. */
export function sessionRoutes({ tenant }: Pick<SessionDeps, "tenant">) {
  return new Hono<AppEnv>()
    .post("/logout", tenant, async (c) => {
      await revokePresented(c);
      c.set("accessChanged", c.var.claims.sub);
      return c.body(null, 204);
    })
    .post("/logout-all", tenant, async (c) => {
      await revokeAllTokens(c.var.sql, c.var.claims.sub);
      c.set("accessChanged", c.var.claims.sub);
      return c.body(null, 204);
    });
}

/** Mounted under /api/me (behind the tenant boundary): the password change. */
export function passwordRoutes({ tokens }: Pick<SessionDeps, "tokens">) {
  // Guessing the current password with a stolen token is limited like guessing it at login.
  const failures = createRateLimiter({ windowMs: 15 * 60_000, max: 10 });
  return new Hono<AppEnv>().post("/password", validate("json", passwordChangeSchema), async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    const { sql, claims } = c.var;
    failures.check(claims.sub);
    const user = await findUserForLogin(sql, claims.sub);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      failures.hit(claims.sub);
      throw badRequest("The current password is wrong", [{ path: "currentPassword", message: "is wrong" }]);
    }
    if (currentPassword === newPassword) {
      throw badRequest("The new password is the current one", [{
        path: "newPassword",
        message: "is unchanged",
      }]);
    }
    const passwordHash = await hashPassword(newPassword);
    const cut = await transaction(sql, async (tx) => {
      await tx`update users set password_hash = ${passwordHash} where id = ${claims.sub}`;
      return await revokeAllTokens(tx, claims.sub);
    });
    c.set("accessChanged", claims.sub);
    const token = await tokens.signAgency({
      sub: claims.sub,
      agencyId: claims.agencyId,
      agencyDatabase: c.var.agency.databaseName,
      role: claims.role,
    }, tokenIssuedAt(cut));
    return c.json({ token });
  });
}
