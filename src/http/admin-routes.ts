// /api/admin: operator login, the agency fleet and its lifecycle actions, and stats.
import { Hono } from "hono";
import { z } from "zod";
import {
  type Agency,
  AGENCY_STATUSES,
  agencyView,
  agencyViewSchema,
  findAgency,
  recordEvent,
} from "../catalog/agencies.ts";
import { changeAgencyPlan } from "../catalog/plans.ts";
import { credentialsSchema } from "../auth/schemas.ts";
import type { Tokens } from "../auth/tokens.ts";
import { collectStats } from "../ops/stats.ts";
import { pageSchema } from "../platform/cursor.ts";
import type { AppEnv } from "./app-env.ts";
import { type Sql, transaction } from "../platform/db.ts";
import { badRequest, conflict, notFound } from "../platform/errors.ts";
import type { LoadingCache } from "../platform/loading-cache.ts";
import { type AgencyUser, revokeAllTokens, userCacheKey } from "../auth/agency-users.ts";
import type { WriteToAgency } from "../tenancy/agency-gate.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { requestOrigin } from "../platform/request-origin.ts";
import { validate } from "../platform/validate.ts";
import { lifecycleActions, type LifecycleDeps } from "../tenancy/lifecycle.ts";
import { coldActions } from "../tenancy/cold/actions.ts";
import { type SwapResult, undoLastRestore } from "../tenancy/restore.ts";
import type { BackupRepository } from "../backups/pgbackrest.ts";
import { restoreAgencyToTime } from "../backups/point-in-time.ts";
import { moveAgency, type MoveDeps } from "../tenancy/mover/index.ts";
import type { OperatorAuth } from "../admin/operator-auth.ts";
import { platform, requireOperatorRole } from "./platform-middleware.ts";

export type AdminDeps = {
  control: Sql;
  tokens: Tokens;
  operators: OperatorAuth;
  lifecycle: LifecycleDeps;
  /** The clusters' backup repository: point-in-time restores (absent: refused with 409). */
  backups?: BackupRepository;
  /** The lifecycle's dependencies plus the mover's settings. */
  mover: MoveDeps;
  /** Agency users as the tenant boundary caches them: forgotten here when their sessions end. */
  users: LoadingCache<AgencyUser>;
  /** Writes to an agency's database the way tenant writes go (operators ending a user's sessions). */
  writeToAgency: WriteToAgency;
  /** Proxies of ours in front of the API: the audit trail's client address. */
  trustProxy: number;
  /** The API's own state for stats: registry, admission, cache. */
  internals(): Record<string, unknown>;
};

// Operators log in with the same credentials as agency users, minus the agency.
export const operatorLoginSchema = credentialsSchema;
const idParam = z.object({ id: z.uuid() });
export const agencyListQuery = z.strictObject({
  status: z.enum(AGENCY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional(),
});
export const LIFECYCLE_ACTIONS = ["suspend", "resume", "archive", "restore", "delete"] as const;
/** An operator's cold (no inactivity needed) and wake (not activity). */
export const COLD_ACTIONS = ["cold", "wake"] as const;
export const actionBody = z.strictObject({ force: z.boolean().optional() }).default({});
/** `restore`: an archived agency back from its archive (no body); with `targetTime`, a live agency's
 * data as it was at that instant (point-in-time, from the cluster's backups); with `undo`, the state
 * the latest restore replaced. */
export const restoreBody = z.strictObject({
  force: z.boolean().optional(),
  targetTime: z.iso.datetime({ offset: true }).optional(),
  undo: z.literal(true).optional(),
}).refine((b) => !(b.targetTime && b.undo), { path: ["undo"], message: "not with targetTime" }).default({});
export const planBody = z.strictObject({ plan: z.string().trim().min(1).max(31) });
export const moveBody = z.strictObject({
  to: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, "is not a cluster name"),
});

// What the routes answer, for the contract.
export const operatorLoginResponseSchema = z.strictObject({
  token: z.string(),
  user: z.strictObject({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(["owner", "operator", "viewer"]),
  }),
});
/** An agency as operators see it: the public view plus where it lives and its schema version. */
export const adminAgencySchema = agencyViewSchema.extend({ schemaVersion: z.string().nullable() });
const adminAgencyView = (a: Agency) => ({ ...agencyView(a), schemaVersion: a.schemaVersion });
export const agencyPageSchema = pageSchema(adminAgencySchema);
export const agencyDetailSchema = z.strictObject({
  data: adminAgencySchema,
  /** The latest 50 lifecycle events, newest first. */
  events: z.array(z.strictObject({
    event: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    actor: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })),
});
/** A move's answer: the agency where it now lives, the move's timings and its verification. */
export const movedSchema = z.strictObject({
  data: agencyViewSchema.extend({
    move: z.strictObject({
      move: z.number().int(),
      from: z.string(),
      to: z.string(),
      timings: z.record(z.string(), z.number()),
      verification: z.strictObject({
        verified: z.boolean().nullable(),
        tables: z.number().int().optional(),
        rows: z.number().int().optional(),
        differing: z.array(z.string()).optional(),
        reason: z.string().optional(),
      }),
    }),
  }),
});
/** What a restore of a live agency did: its new database, the one it left and that one's archive. */
export const restoredSchema = z.strictObject({
  data: agencyViewSchema.extend({
    restore: z.strictObject({
      database: z.string(),
      previous: z.string(),
      previousArchive: z.string().nullable(),
      freezeMs: z.number().int(),
      /** Point-in-time only: the instant restored, and where the time went. */
      targetTime: z.iso.datetime().optional(),
      timings: z.record(z.string(), z.number()).optional(),
    }).optional(),
  }),
});
const restoredView = (r: SwapResult & { targetTime?: string; timings?: Record<string, number> }) => ({
  ...agencyView(r.agency),
  restore: {
    database: r.database,
    previous: r.previous,
    previousArchive: r.previousArchive,
    freezeMs: r.freezeMs,
    ...(r.targetTime ? { targetTime: r.targetTime, timings: r.timings } : {}),
  },
});
export const planChangedSchema = z.strictObject({
  data: agencyViewSchema.extend({ previousPlan: z.string() }),
});

export function adminRoutes(
  { control, tokens, operators, lifecycle, backups, mover, users, writeToAgency, trustProxy, internals }:
    AdminDeps,
) {
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
    .get("/agencies", validate("query", agencyListQuery), async (c) => {
      const { status, limit, cursor } = c.req.valid("query");
      const rows = await control<Agency[]>`
        select * from agencies
        where true ${status ? control`and status = ${status}` : control``} ${
        cursor ? control`and id > ${cursor}` : control``
      }
        order by id limit ${limit + 1}`;
      const page = rows.slice(0, limit);
      return c.json({
        data: page.map(adminAgencyView),
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
        data: adminAgencyView(agency),
        events,
      });
    })
    .post(
      "/agencies/:id/restore",
      requireOperatorRole("owner", "operator"),
      validate("param", idParam),
      validate("json", restoreBody),
      async (c) => {
        const { id } = c.req.valid("param");
        const { targetTime, undo } = c.req.valid("json"); // `force` is accepted and means nothing here
        const actor = { actor: `operator:${c.var.operator.sub}` };
        if (targetTime) {
          return c.json({
            data: restoredView(
              await restoreAgencyToTime({ ...lifecycle, backups }, id, new Date(targetTime), actor),
            ),
          });
        }
        if (undo) return c.json({ data: restoredView(await undoLastRestore(lifecycle, id, actor)) });
        return c.json({
          data: agencyView(await lifecycleActions.restore(lifecycle, id, actor)),
        });
      },
    )
    .post(
      "/agencies/:id/:action{suspend|resume|archive|delete}",
      requireOperatorRole("owner", "operator"),
      validate(
        "param",
        idParam.extend({ action: z.enum(LIFECYCLE_ACTIONS) }),
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
      "/agencies/:id/:action{cold|wake}",
      requireOperatorRole("owner", "operator"),
      validate("param", idParam.extend({ action: z.enum(COLD_ACTIONS) })),
      async (c) => {
        const { id, action } = c.req.valid("param");
        const agency = await coldActions[action](lifecycle, id, { actor: `operator:${c.var.operator.sub}` });
        return c.json({ data: agencyView(agency) });
      },
    )
    .post(
      "/agencies/:id/move",
      requireOperatorRole("owner", "operator"),
      validate("param", idParam),
      validate("json", moveBody),
      async (c) => {
        const { id } = c.req.valid("param");
        const { to } = c.req.valid("json");
        const { agency, ...move } = await moveAgency(mover, id, to, {
          actor: `operator:${c.var.operator.sub}`,
        });
        return c.json({ data: { ...agencyView(agency), move } });
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
          throw conflict(`Agency is ${change.agency.status}`);
        }
        // This instance forgets at once; the others on the announcement.
        lifecycle.onChange?.({
          id,
          status: change.agency.status,
          databaseName: change.agency.databaseName,
          cluster: change.agency.cluster,
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
        const actor = `operator:${c.var.operator.sub}`;
        // As any write to the agency: refused while it moves, fenced with it, its position noted.
        const found = await writeToAgency(
          id,
          ["active", "suspended"],
          (sql) =>
            transaction(sql, async (tx) => {
              const cut = await revokeAllTokens(tx, userId);
              if (cut === undefined) return false;
              await recordAudit(tx, requestOrigin(c, trustProxy), {
                actor: null, // an operator, not one of the agency's users
                action: "revoke_sessions",
                table: "users",
                recordId: userId,
                after: { tokensValidAfter: new Date(cut * 1000).toISOString(), by: actor },
              });
              return true;
            }),
        );
        if (!found) throw notFound("No such user in this agency");
        users.invalidate(userCacheKey(id, userId)); // after the commit and its position are noted
        await recordEvent(control, id, "user.sessions_revoked", {}, actor, { user: userId });
        return c.body(null, 204);
      },
    )
    .get(
      "/stats",
      async (c) =>
        c.json({ ...(await collectStats(control, await lifecycle.clusters.all())), api: internals() }),
    );
}
