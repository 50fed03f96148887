// An agency's plan limits: users, projects and storage against the catalog's subscription_plans.
// Counted limits are checked inside the write's own transaction under an advisory lock, so two
// concurrent adds cannot both take the last slot; storage is the database's size, measured at most
// once per TTL per agency (pg_database_size walks the data directory: never once per request).
import type { Agency } from "../catalog/agencies.ts";
import { findPlan, type Plan } from "../catalog/plans.ts";
import type { Queryable, Sql } from "../platform/db.ts";
import { ApiError } from "../platform/errors.ts";
import { createLoadingCache } from "../platform/loading-cache.ts";

export type CountedLimit = "users" | "projects";

const COUNTS: Record<CountedLimit, { max: keyof Plan; count: (sql: Queryable) => Promise<number> }> = {
  // Deactivated users take no seat; every project does, cancelled ones too (delete to free a slot).
  users: {
    max: "maxUsers",
    count: async (sql) => (await sql`select count(*)::int as n from users where is_active`)[0].n,
  },
  projects: {
    max: "maxProjects",
    count: async (sql) => (await sql`select count(*)::int as n from projects`)[0].n,
  },
};

export const planLimitReached = (plan: Plan, limit: string, used: number, max: number) =>
  new ApiError(403, "plan_limit_reached", `The ${plan.name} plan allows ${max} ${limit}`, {
    issues: [{ path: limit, message: `${used} of ${max} used on plan ${plan.code}` }],
  });

export type PlanLimitsOptions = {
  /** The catalog (plans are read there). */
  catalog: Sql;
  /** How long a plan's limits and an agency's measured size are reused. */
  planTtlMs?: number;
  storageTtlMs?: number;
};

export function createPlanLimits({ catalog, planTtlMs = 30_000, storageTtlMs = 60_000 }: PlanLimitsOptions) {
  const plans = createLoadingCache<Plan>({ ttlMs: planTtlMs, max: 1000 });
  const sizes = createLoadingCache<number>({ ttlMs: storageTtlMs, max: 100_000 });

  async function planOf(agency: Agency): Promise<Plan> {
    const plan = await plans.get(agency.subscriptionPlan, () => findPlan(catalog, agency.subscriptionPlan));
    if (!plan) throw new Error(`agency ${agency.id} is on unknown plan ${agency.subscriptionPlan}`);
    return plan;
  }

  /** The agency database's size in MB, as last measured. */
  async function storageMb(agency: Agency, sql: Queryable): Promise<number> {
    const bytes = await sizes.get(agency.id, async () => {
      const [row] = await sql`select pg_database_size(current_database())::float8 as bytes`;
      return row.bytes as number;
    });
    return bytes! / (1024 * 1024);
  }

  return {
    planOf,
    storageMb,
    /** Inside the write's transaction, before the insert: 403 when the plan has no slot left. The lock
     * is held to commit, so the next add counts this one. */
    async ensureRoom(tx: Queryable, agency: Agency, limit: CountedLimit): Promise<void> {
      const plan = await planOf(agency);
      await tx`select pg_advisory_xact_lock(hashtext(${`buildflow.plan_limit.${limit}`}))`;
      const used = await COUNTS[limit].count(tx);
      const max = plan[COUNTS[limit].max] as number;
      if (used >= max) throw planLimitReached(plan, limit, used, max);
    },
    /** Users and projects in use, for GET /api/usage. */
    async counts(sql: Queryable) {
      return { users: await COUNTS.users.count(sql), projects: await COUNTS.projects.count(sql) };
    },
    /** Forget a measured size (tests; after a bulk delete an operator wants reflected at once). */
    forgetSize: (agencyId: string) => sizes.invalidate(agencyId),
  };
}

export type PlanLimits = ReturnType<typeof createPlanLimits>;
