// /api/admin/plans: the subscription plans with their cold policy (how long an agency may stay inactive
// before it goes cold, and how long before that it is warned). Viewers read; owners and operators
// change a plan's policy. Periods are in seconds: null `coldAfterSeconds` means the plan's agencies
// never go cold, null `deleteAfterSeconds` (the default) that they are never deleted for inactivity.
import { Hono } from "hono";
import { z } from "zod";
import type { Tokens } from "../auth/tokens.ts";
import { listPlans, setColdPolicy } from "../catalog/plans.ts";
import type { AppEnv } from "./app-env.ts";
import type { Sql } from "../platform/db.ts";
import { notFound } from "../platform/errors.ts";
import { validate } from "../platform/validate.ts";
import type { OperatorAuth } from "../admin/operator-auth.ts";
import { platform, requireOperatorRole } from "./platform-middleware.ts";

const MAX_PERIOD = 10 * 365 * 86_400;

export const planSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  maxUsers: z.number().int(),
  maxProjects: z.number().int(),
  storageMb: z.number().int(),
  isActive: z.boolean(),
  selfService: z.boolean(),
  coldAfterSeconds: z.number().int().nullable(),
  coldWarningSeconds: z.number().int(),
  deleteAfterSeconds: z.number().int().nullable(),
});
export const planListSchema = z.strictObject({ data: z.array(planSchema) });
export const planCodeParam = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, "is not a plan code"),
});
export const coldPolicyBody = z.strictObject({
  coldAfterSeconds: z.number().int().min(1).max(MAX_PERIOD).nullable().optional(),
  coldWarningSeconds: z.number().int().min(0).max(MAX_PERIOD).optional(),
  /** Inactivity after which a cold agency is deleted (after a warning); null: never. */
  deleteAfterSeconds: z.number().int().min(1).max(MAX_PERIOD).nullable().optional(),
});

export function planRoutes(
  { control, tokens, operators }: { control: Sql; tokens: Tokens; operators: OperatorAuth },
) {
  return new Hono<AppEnv>()
    .use(platform({ tokens, currentOperator: operators.current }))
    .get("/", async (c) => c.json({ data: await listPlans(control) }))
    .patch(
      "/:code",
      requireOperatorRole("owner", "operator"),
      validate("param", planCodeParam),
      validate("json", coldPolicyBody),
      async (c) => {
        const plan = await setColdPolicy(control, c.req.valid("param").code, c.req.valid("json"));
        if (!plan) throw notFound("No such plan");
        return c.json({ data: plan });
      },
    );
}
