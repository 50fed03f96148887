// The plan's storage limit on a tenant route: creates (POST) are refused while the agency's database is
// over its plan's storage; reads, updates and deletes pass, so an agency over its plan can still clean up.
import { createMiddleware } from "hono/factory";
import { planLimitReached, type PlanLimits } from "../limits/plan-limits.ts";
import type { AppEnv } from "./app-env.ts";

export function storageGuard(limits: PlanLimits) {
  return createMiddleware<AppEnv>(async function storageGuard(c, next) {
    if (c.req.method === "POST") {
      const plan = await limits.planOf(c.var.agency);
      const used = await limits.storageMb(c.var.agency, c.var.sql);
      if (used > plan.storageMb) throw planLimitReached(plan, "storageMb", Math.ceil(used), plan.storageMb);
    }
    await next();
  });
}
