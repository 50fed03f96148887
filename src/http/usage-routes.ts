// GET /api/usage: what the agency uses against its plan's limits (storage as last measured).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "./app-env.ts";
import type { PlanLimits } from "../limits/plan-limits.ts";

const used = z.strictObject({ used: z.number(), limit: z.number() });
export const usageSchema = z.strictObject({
  plan: z.strictObject({ code: z.string(), name: z.string() }),
  users: used,
  projects: used,
  /** As last measured (at most STORAGE_CACHE_TTL_MS old), to 0.1 MB. */
  storageMb: used,
});

export function usageRoutes(limits: PlanLimits) {
  return new Hono<AppEnv>().get("/", async (c) => {
    const { agency, sql } = c.var;
    // One query at a time, as every request: it holds one connection of its agency's lane, and queries
    // at once would open others past the lane or, all busy, be pipelined behind a running one.
    const plan = await limits.planOf(agency);
    const counts = await limits.counts(sql);
    const storageMb = await limits.storageMb(agency, sql);
    return c.json({
      plan: { code: plan.code, name: plan.name },
      users: { used: counts.users, limit: plan.maxUsers },
      projects: { used: counts.projects, limit: plan.maxProjects },
      storageMb: { used: Math.round(storageMb * 10) / 10, limit: plan.storageMb },
    });
  });
}
