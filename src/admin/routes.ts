// /api/admin: operator login, the agency fleet and its lifecycle actions, and stats.
import { Hono } from "hono";
import { z } from "zod";
import { AGENCY_STATUSES, agencyView, findAgency } from "../catalog/agencies.ts";
import { changeAgencyPlan } from "../catalog/plans.ts";
import { loginSchema } from "../auth/login-routes.ts";
import type { Tokens } from "../auth/tokens.ts";
import { collectStats } from "../ops/stats.ts";
import type { AppEnv } from "../platform/app-env.ts";
import type { Sql } from "../platform/db.ts";
import { ApiError, badRequest, notFound } from "../platform/errors.ts";
import type { LoadingCache } from "../platform/loading-cache.ts";
import { type AgencyUser, revokeAllTokens } from "../auth/agency-users.ts";
import { withDatabase } from "../tenancy/control-plane.ts";
import { userCacheKey } from "../tenancy/tenant-middleware.ts";
import { validate } from "../platform/validate.ts";
import { lifecycleActions, type LifecycleDeps } from "../tenancy/lifecycle.ts";
import type { OperatorAuth } from "./operator-auth.ts";
import { platform, requireOperatorRole } from "./platform-middleware.ts";

export type AdminDeps = {
  control: Sql;
  tokens: Tokens;
  operators: OperatorAuth;
  lifecycle: LifecycleDeps;
  /** Agency users as the tenant middleware caches them: forgotten here when their sessions end. */
  users: LoadingCache<AgencyUser>;
  /** The API's own state for stats: registry, admission, cache. */
  internals(): Record<string, unknown>;
};

// Operators log in with the same credentials shape as agency users, minus the agency.
const operatorLoginSchema = loginSchema.omit({ agencyDatabase: true });
const idParam = z.object({ id: z.uuid() });
const listQuery = z.strictObject({
  status: z.enum(AGENCY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional(),
});
const actionBody = z.strictObject({ force: z.boolean().optional() }).default({});
const planBody = z.strictObject({ plan: z.string().trim().min(1).max(31) });

export function adminRoutes({ control, tokens, operators, lifecycle, users, internals }: AdminDeps) {
  const operatorsOnly = platform({ tokens, currentOperator: operators.current });

  return new Hono<AppEnv>()
    .post("/login", validate("json", operatorLoginSchema), async (c) => {
      const { email, password } = c.req.valid("json");
      const operator = await operators.signIn(email, password);
      const token = await tokens.signPlatform({ sub: operator.id, role: operator.role });
      return c.json({
        token,
        user: { id: operator.id, email: operator.email, fullName: operator.fullName, role: operator.role },
      });
    })
    .use("/agencies/*", operatorsOnly)
    .use("/agencies", operatorsOnly)
    .use("/stats", operatorsOnly)
    .get("/agencies", validate("query", listQuery), async (c) => {
      const { status, limit, cursor } = c.req.valid("query");
      const rows = await control<Parameters<typeof agencyView>[0][]>`
        select * from agencies
        where true ${status ? control`and status = ${status}` : control``} ${
        cursor ? control`and id > ${cursor}` : control``
      }
        order by id limit ${limit + 1}`;
      const page = rows.slice(0, limit);
      return c.json({
        data: page.map((a) => ({ ...agencyView(a), schemaVersion: a.schemaVersion, cluster: a.cluster })),
        nextCursor: rows.length > limit ? page.at(-1)!.id : null,
      });
    })
    .get("/agencies/:id", validate("param", idParam), async (c) => {
      const agency = await findAgency(control, { id: c.req.valid("param").id });
      if (!agency) throw notFound("No such agency");
      const events = await control`
        select event, from_status, to_status, actor, details, created_at from agency_events
        where agency_id = ${agency.id} order by id desc limit 50`;
      return c.json({
        data: { ...agencyView(agency), schemaVersion: agency.schemaVersion, cluster: agency.cluster },
        events,
      });
    })
    .post(
      "/agencies/:id/:action{suspend|resume|archive|restore|delete}",
      requireOperatorRole("owner", "operator"),
      validate(
        "param",
        idParam.extend({ action: z.enum(["suspend", "resume", "archive", "restore", "delete"]) }),
      ),
      validate("json", actionBody),
      async (c) => {
        const { id, action } = c.req.valid("param");
        const { force } = c.req.valid("json");
        const agency = await lifecycleActions[action](lifecycle, id, {
          actor: `operator:${c.var.operator.sub}`,
          force,
        });
        return c.json({ data: agencyView(agency) });
      },
    )
    .post(
      "/agencies/:id/plan",
      requireOperatorRole("owner", "operator"),
      validate("param", idParam),
      validate("json", planBody),
      async (c) => {
        const { id } = c.req.valid("param");
        const { plan } = c.req.valid("json");
        const change = await changeAgencyPlan(lifecycle.control, id, plan, `operator:${c.var.operator.sub}`);
        if (change.outcome === "no_agency") throw notFound("No such agency");
        if (change.outcome === "no_plan") {
          throw badRequest("Unknown or inactive plan", [{ path: "plan", message: `no active plan ${plan}` }]);
        }
        if (change.outcome === "gone") {
          throw new ApiError(409, "conflict", `Agency is ${change.agency.status}`);
        }
        // This instance forgets at once; the others on the announcement.
        lifecycle.onChange?.({
          id,
          status: change.agency.status,
          databaseName: change.agency.databaseName,
          plan,
        });
        return c.json({ data: { ...agencyView(change.agency), previousPlan: change.from } });
      },
    )
    .post(
      "/agencies/:id/users/:userId/revoke-sessions",
      requireOperatorRole("owner", "operator"),
      validate("param", idParam.extend({ userId: z.uuid() })),
      async (c) => {
        const { id, userId } = c.req.valid("param");
        const agency = await findAgency(control, { id });
        if (!agency) throw notFound("No such agency");
        if (agency.status !== "active" && agency.status !== "suspended") {
          throw new ApiError(409, "conflict", `Agency is ${agency.status}: it has no sessions to end`);
        }
        const found = await withDatabase(
          lifecycle,
          agency.databaseName,
          (sql) => revokeAllTokens(sql, userId),
        );
        if (!found) throw notFound("No such user in this agency");
        users.invalidate(userCacheKey(agency.id, userId));
        return c.body(null, 204);
      },
    )
    .get(
      "/stats",
      async (c) => c.json({ ...(await collectStats(control, lifecycle.poolerAdmin)), api: internals() }),
    );
}
