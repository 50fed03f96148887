// POST /api/auth/login: one indexed lookup in the catalog's user_directory, then the user's row in
// that agency's database (through PgBouncer). Unknown email and wrong password cost the same hash
// verification and get the same 401; attempts are rate limited per client, failures per email.
import { Hono } from "hono";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { agencyView, agencyViewSchema } from "../catalog/agencies.ts";
import type { AppEnv } from "./app-env.ts";
import { type Sql, transaction } from "../platform/db.ts";
import { ApiError, badRequest, unauthorized } from "../platform/errors.ts";
import { clientAddress, createRateLimiter } from "../platform/rate-limit.ts";
import { requestOrigin } from "../platform/request-origin.ts";
import { validate } from "../platform/validate.ts";
import type { Admission } from "../tenancy/admission.ts";
import type { AgencyCache } from "../tenancy/agency-cache.ts";
import { AGENCY_DATABASE_PATTERN } from "../tenancy/database-name.ts";
import type { TenantClients } from "../tenancy/tenant-clients.ts";
import type { ColdAgencies } from "../tenancy/cold/index.ts";
import { findUserForLogin, sessionUserSchema, tokenIssuedAt } from "../auth/agency-users.ts";
import { decoyHash, verifyPassword } from "../auth/password.ts";
import { credentialsSchema } from "../auth/schemas.ts";
import type { Tokens } from "../auth/tokens.ts";

export const loginSchema = credentialsSchema.extend({
  agencyDatabase: z.string().regex(AGENCY_DATABASE_PATTERN, "is not an agency database name").optional(),
});

export const loginResponseSchema = z.strictObject({
  token: z.string(),
  agencyDatabase: z.string(),
  user: sessionUserSchema,
  agency: agencyViewSchema,
});

export type LoginDeps = {
  catalog: Sql;
  agencies: AgencyCache;
  clients: TenantClients;
  admission: Admission;
  tokens: Tokens;
  /** A login is activity; one to a cold agency wakes it. */
  cold: Pick<ColdAgencies, "wakeIfCold" | "activity">;
  /** Proxies of ours in front of the API (see clientAddress). */
  trustProxy: number;
};

const invalidCredentials = () => unauthorized("Invalid email or password", "invalid_credentials");

export function loginRoutes({ catalog, agencies, clients, admission, tokens, cold, trustProxy }: LoginDeps) {
  const perClient = createRateLimiter({ windowMs: 60_000, max: 30 });
  const perEmail = createRateLimiter({ windowMs: 15 * 60_000, max: 10 });
  decoyHash().catch(() => {}); // computed now, so the first unknown email is not slower than the rest

  return new Hono<AppEnv>().post("/login", validate("json", loginSchema), async (c) => {
    const { email, password, agencyDatabase } = c.req.valid("json");
    perClient.hit(clientAddress(c, trustProxy));
    perEmail.check(email); // only failures count: a user who logs in often is never locked out
    const refuse = () => {
      perEmail.hit(email);
      return invalidCredentials();
    };

    const memberships = await catalog<
      { userId: string; agencyId: string; databaseName: string; status: string }[]
    >`
      select d.user_id, d.agency_id, a.database_name, a.status from user_directory d join agencies a on a.id = d.agency_id
      where d.email = ${email} and a.status in ('active', 'suspended', 'cold', 'waking')
      order by d.created_at`;
    const chosen = agencyDatabase
      ? memberships.find((m) => m.databaseName === agencyDatabase)
      : memberships[0];
    const agency = chosen && await agencies.get(chosen.agencyId);
    // Its users are in its dump: the password can be checked only once it is woken (503 until then).
    cold.wakeIfCold(agency);
    if (!chosen || (agency?.status !== "active" && agency?.status !== "suspended")) {
      await verifyPassword(password, await decoyHash()); // same cost as a real check
      throw refuse();
    }
    const inAgency = <T>(work: (sql: Sql) => Promise<T>) =>
      admission.run(agency.id, () => clients.use(agency, work));
    const user = await inAgency((sql) => findUserForLogin(sql, chosen.userId));
    const valid = await verifyPassword(password, user?.passwordHash ?? await decoyHash());
    const origin = requestOrigin(c, trustProxy);
    if (!user || !valid || !user.isActive) {
      // Recorded in the agency the email belongs to (nobody authenticated: no actor). An email no agency
      // knows has no audit_log to go to: only the per-email limiter counts it.
      await inAgency((sql) =>
        recordAudit(sql, origin, {
          actor: null,
          action: "login_failed",
          table: "users",
          recordId: chosen.userId,
          after: { email, reason: !user ? "no_user" : !valid ? "wrong_password" : "inactive" },
        })
      );
      throw refuse();
    }
    // Only now: said before the password, it would tell anyone that the email has an account.
    if (agency.status !== "active") {
      throw new ApiError(423, "agency_unavailable", `Agency is ${agency.status}`);
    }
    if (!agencyDatabase && memberships.length > 1) {
      throw badRequest("This account belongs to several agencies: pass agencyDatabase", [{
        path: "agencyDatabase",
        message: `one of ${memberships.map((m) => m.databaseName).join(", ")}`,
      }]);
    }
    await inAgency((sql) =>
      transaction(sql, async (tx) => {
        await tx`update users set last_login_at = now() where id = ${user.id}`;
        await recordAudit(tx, origin, { actor: user.id, action: "login", table: "users", recordId: user.id });
      })
    );
    cold.activity.touch(agency.id);
    const token = await tokens.signAgency({
      sub: user.id,
      agencyId: agency.id,
      agencyDatabase: agency.databaseName,
      role: user.role,
    }, tokenIssuedAt(user.tokensValidAfter));
    return c.json({
      token,
      agencyDatabase: agency.databaseName,
      user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role },
      agency: agencyView(agency),
    });
  });
}
