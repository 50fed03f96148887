// Subscription plans (the catalog's subscription_plans), the ones open signup may take, and an agency's
// move from one plan to another, written to agency_events and announced like a lifecycle change so every
// instance forgets the agency.
import { type Agency, agencyColumns, announceAgencyChange, recordEvent } from "./agencies.ts";
import { type Queryable, type Sql, transaction } from "../platform/db.ts";

export type Plan = {
  code: string;
  name: string;
  maxUsers: number;
  maxProjects: number;
  storageMb: number;
  isActive: boolean;
  /** Open signup may take it (src/http/signup-routes.ts); any other plan only an operator sets. */
  selfService: boolean;
  /** Inactivity after which its agencies go cold (null: never), and how long before that they are
   * warned (src/tenancy/cold/). */
  coldAfterSeconds: number | null;
  coldWarningSeconds: number;
  /** Inactivity after which its cold agencies are deleted (null: never, the default). */
  deleteAfterSeconds: number | null;
};

const planColumns = (sql: Queryable) =>
  sql`code, name, max_users, max_projects, storage_mb, is_active, self_service, cold_after_seconds,
    cold_warning_seconds, delete_after_seconds`;

export async function findPlan(sql: Queryable, code: string): Promise<Plan | undefined> {
  const [plan] = await sql<Plan[]>`select ${planColumns(sql)} from subscription_plans where code = ${code}`;
  return plan;
}

/** Every plan, cheapest first. */
export async function listPlans(sql: Queryable): Promise<Plan[]> {
  return await sql<Plan[]>`select ${planColumns(sql)} from subscription_plans order by price_inr, code`;
}

export type ColdPolicy = Partial<
  Pick<Plan, "coldAfterSeconds" | "coldWarningSeconds" | "deleteAfterSeconds">
>;

/** Changes a plan's cold policy (the fields given); undefined when there is no such plan. Agencies
 * already warned keep their warning: the sweep reads the policy each run. */
export async function setColdPolicy(sql: Queryable, code: string, policy: ColdPolicy) {
  const [plan] = await sql<Plan[]>`
    update subscription_plans set
      cold_after_seconds = ${
    policy.coldAfterSeconds === undefined ? sql`cold_after_seconds` : sql`${policy.coldAfterSeconds}`
  },
      cold_warning_seconds = ${policy.coldWarningSeconds ?? sql`cold_warning_seconds`},
      delete_after_seconds = ${
    policy.deleteAfterSeconds === undefined ? sql`delete_after_seconds` : sql`${policy.deleteAfterSeconds}`
  }
    where code = ${code} returning ${planColumns(sql)}`;
  return plan as Plan | undefined;
}

/** The codes of the active plans open signup may take, cheapest first. */
export async function selfServicePlans(sql: Queryable): Promise<string[]> {
  const rows = await sql<{ code: string }[]>`
    select code from subscription_plans where self_service and is_active order by price_inr, code`;
  return rows.map((r) => r.code);
}

export type PlanChange =
  | { outcome: "changed" | "unchanged"; agency: Agency; from: string }
  | { outcome: "no_agency" }
  | { outcome: "no_plan" }
  | { outcome: "gone"; agency: Agency };

/** Puts the agency on `plan` (an active one). The agency row is locked, so two changes serialize and
 * the event records the plan really left. A deleted or failed agency keeps the plan it ended with. */
export async function changeAgencyPlan(
  sql: Sql,
  id: string,
  plan: string,
  actor: string,
): Promise<PlanChange> {
  return await transaction(sql, async (tx): Promise<PlanChange> => {
    const [target] = await tx`select 1 from subscription_plans where code = ${plan} and is_active`;
    if (!target) return { outcome: "no_plan" };
    const [current] = await tx<Agency[]>`select ${
      agencyColumns(tx)
    } from agencies where id = ${id} for update`;
    if (!current) return { outcome: "no_agency" };
    if (current.status === "deleted" || current.status === "failed") {
      return { outcome: "gone", agency: current };
    }
    const from = current.subscriptionPlan;
    if (from === plan) return { outcome: "unchanged", agency: current, from };
    const [agency] = await tx<Agency[]>`
      update agencies set subscription_plan = ${plan} where id = ${id} returning ${agencyColumns(tx)}`;
    await recordEvent(tx, id, "agency.plan_changed", {}, actor, { from, to: plan });
    await announceAgencyChange(tx, {
      id,
      status: agency.status,
      databaseName: agency.databaseName,
      cluster: agency.cluster,
      plan,
    });
    return { outcome: "changed", agency, from };
  });
}
