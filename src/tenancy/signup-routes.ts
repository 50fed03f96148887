// POST /api/agencies: a new agency with its own database, its first admin and a token.
import { Hono } from "hono";
import { z } from "zod";
import { agencyView, agencyViewSchema } from "../catalog/agencies.ts";
import { sessionUserSchema } from "../auth/agency-users.ts";
import { bearerToken } from "../auth/bearer.ts";
import { emailSchema, passwordSchema } from "../auth/schemas.ts";
import type { Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "../platform/app-env.ts";
import { badRequest, forbidden } from "../platform/errors.ts";
import { clientAddress, createRateLimiter } from "../platform/rate-limit.ts";
import { validate } from "../platform/validate.ts";
import { provisionAgency, type ProvisioningDeps } from "./provisioning/index.ts";
import type { SpareRefiller } from "./spares.ts";

const HOSTNAME = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

// Names are shown and stored as text: no control characters (PostgreSQL also refuses NUL).
const displayName = () =>
  z.string().trim().min(1, "is required").max(100, "must be at most 100 characters")
    .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const signupSchema = z.strictObject({
  name: displayName(),
  domain: z.string().trim().toLowerCase().regex(HOSTNAME, "must be a host name like acme.example.com")
    .optional(),
  subscriptionPlan: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, "is not a plan code").default("starter"),
  admin: z.strictObject({
    email: emailSchema,
    password: passwordSchema,
    fullName: displayName(),
  }),
});

export const signupResponseSchema = z.strictObject({
  agency: agencyViewSchema,
  user: sessionUserSchema,
  token: z.string(),
  agencyDatabase: z.string(),
});

export type SignupDeps = {
  provisioning: ProvisioningDeps;
  spares: SpareRefiller;
  tokens: Tokens;
  openSignup: boolean;
  /** Proxies of ours in front of the API (see clientAddress). */
  trustProxy: number;
};

export function signupRoutes({ provisioning, spares, tokens, openSignup, trustProxy }: SignupDeps) {
  const perClient = createRateLimiter({ windowMs: 60_000, max: 10 });
  return new Hono<AppEnv>().post(
    "/",
    async (c, next) => {
      // With open signup off, only platform operators create agencies.
      if (!openSignup) {
        const token = bearerToken(c, "Signup is closed: a platform token is required");
        const { role } = await tokens.verifyPlatform(token);
        if (role === "viewer") throw forbidden("Viewers cannot create agencies");
      } else {
        perClient.hit(clientAddress(c, trustProxy));
      }
      await next();
    },
    validate("json", signupSchema),
    async (c) => {
      const input = c.req.valid("json");
      const [plan] = await provisioning.control`
      select 1 from subscription_plans where code = ${input.subscriptionPlan} and is_active`;
      if (!plan) {
        throw badRequest("Unknown plan", [{
          path: "subscriptionPlan",
          message: "is not an active plan",
        }]);
      }
      const { agency, userId } = await provisionAgency(provisioning, input);
      spares.kick();
      const token = await tokens.signAgency({
        sub: userId,
        agencyId: agency.id,
        agencyDatabase: agency.databaseName,
        role: "admin",
      });
      return c.json({
        agency: agencyView(agency),
        user: { id: userId, email: input.admin.email, fullName: input.admin.fullName, role: "admin" },
        token,
        agencyDatabase: agency.databaseName,
      }, 201);
    },
  );
}
