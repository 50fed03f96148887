// The platform operators' routes of /openapi.json (/api/admin): login, the agency fleet, lifecycle
// actions, plans, sessions and stats.
import { z } from "zod";
import {
  actionBody,
  agencyDetailSchema,
  agencyListQuery,
  agencyPageSchema,
  COLD_ACTIONS,
  LIFECYCLE_ACTIONS,
  moveBody,
  movedSchema,
  operatorLoginResponseSchema,
  operatorLoginSchema,
  planBody,
  planChangedSchema,
  restoreBody,
  restoredSchema,
} from "../admin-routes.ts";
import { agencyViewSchema } from "../../catalog/agencies.ts";
import { data, idParameter, operation, type OperationSpec, type Schemas } from "./operations.ts";
import { statsSchema } from "../../ops/stats.ts";
import { coldPolicyBody, planListSchema, planSchema } from "../plan-routes.ts";

const RESTORE_SUMMARY = "Restore an agency (owners and operators): an archived one from its archive " +
  "(no body); with `targetTime`, a live one's data as it was at that instant, from its cluster's " +
  "backups (400 naming the recoverable window when outside it; its writes get 503 during the swap, " +
  "other agencies nothing); with `undo: true`, the state the latest restore replaced";

function lifecyclePaths(schemas: Schemas) {
  return Object.fromEntries(LIFECYCLE_ACTIONS.map((action) => {
    const restore = action === "restore";
    return [
      `/api/admin/agencies/{id}/${action}`,
      {
        parameters: [idParameter],
        post: {
          ...operation(schemas, {
            id: `${action}Agency`,
            tag: "admin",
            summary: restore
              ? RESTORE_SUMMARY
              : `${action[0].toUpperCase()}${action.slice(1)} an agency (owners and operators)`,
            ok: restore
              ? { schema: restoredSchema, description: "The agency, and for a live one what the restore did" }
              : { schema: data(agencyViewSchema), description: "The agency in its new status" },
            errors: [400, 401, 403, 404, 409, 413, 503],
          }),
          requestBody: {
            required: false,
            content: { "application/json": { schema: schemas.input(restore ? restoreBody : actionBody) } },
          },
        },
      },
    ];
  }));
}

const COLD_SUMMARIES = {
  cold: "Send an agency cold now (owners and operators): its writes stop (423 while `cooling`), its " +
    "database is dumped into the backup repository, verified and dropped; its first use wakes it",
  wake: "Wake a cold agency now (owners and operators): its cold dump restored, migrated to the " +
    "template's version if older; 503 agency_waking when its cluster has its share of wakes running",
};

function coldPaths(schemas: Schemas) {
  return Object.fromEntries(COLD_ACTIONS.map((action) => [
    `/api/admin/agencies/{id}/${action}`,
    {
      parameters: [idParameter],
      post: operation(schemas, {
        id: `${action}Agency`,
        tag: "admin",
        summary: COLD_SUMMARIES[action],
        ok: { schema: data(agencyViewSchema), description: "The agency in its new status" },
        errors: [400, 401, 403, 404, 409, 503],
      }),
    },
  ]));
}

export function adminPaths(schemas: Schemas) {
  const op = (spec: Omit<OperationSpec, "tag">) => operation(schemas, { ...spec, tag: "admin" });
  const operatorErrors = [400, 401, 403, 503];
  return {
    "/api/admin/login": {
      post: op({
        id: "loginOperator",
        public: true,
        summary: "Log in as a platform operator",
        body: operatorLoginSchema,
        ok: { schema: operatorLoginResponseSchema, description: "A platform token" },
        errors: [401, 429, 503],
      }),
    },
    "/api/admin/agencies": {
      get: op({
        id: "listAgencies",
        summary: "List agencies (operators)",
        query: agencyListQuery,
        ok: { schema: agencyPageSchema, description: "A page of agencies" },
        errors: operatorErrors,
      }),
    },
    "/api/admin/agencies/{id}": {
      parameters: [idParameter],
      get: op({
        id: "getAgency",
        summary: "An agency and its latest lifecycle events (operators)",
        ok: { schema: agencyDetailSchema, description: "The agency" },
        errors: [...operatorErrors, 404],
      }),
    },
    ...lifecyclePaths(schemas),
    ...coldPaths(schemas),
    "/api/admin/plans": {
      get: op({
        id: "listPlans",
        summary: "The subscription plans with their limits and cold policy (operators)",
        ok: { schema: planListSchema, description: "Every plan, cheapest first" },
        errors: operatorErrors,
      }),
    },
    "/api/admin/plans/{code}": {
      parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
      patch: op({
        id: "updatePlanColdPolicy",
        summary: "Change a plan's cold policy (owners and operators): `coldAfterSeconds` of inactivity " +
          "before its agencies go cold (null: never), `coldWarningSeconds` before that, the warning",
        body: coldPolicyBody,
        ok: { schema: data(planSchema), description: "The plan" },
        errors: [...operatorErrors, 404],
      }),
    },
    "/api/admin/agencies/{id}/move": {
      parameters: [idParameter],
      post: op({
        id: "moveAgency",
        summary: "Move an agency to another cluster online (owners and operators): writes get 503 " +
          "only during the final catch-up; 409 if it is there already, the cluster is not open, or " +
          "another action runs; 503 if the move failed and was undone",
        body: moveBody,
        ok: { schema: movedSchema, description: "The agency on its new cluster, with the move's timings" },
        errors: [...operatorErrors, 404, 409],
      }),
    },
    "/api/admin/agencies/{id}/plan": {
      parameters: [idParameter],
      post: op({
        id: "changeAgencyPlan",
        summary: "Move an agency to another plan (owners and operators); applies at once",
        body: planBody,
        ok: { schema: planChangedSchema, description: "The agency on its new plan" },
        errors: [...operatorErrors, 404, 409],
      }),
    },
    "/api/admin/agencies/{id}/users/{userId}/revoke-sessions": {
      parameters: [idParameter, { ...idParameter, name: "userId" }],
      post: op({
        id: "revokeUserSessions",
        summary: "End every session of one agency user (owners and operators); written like any write " +
          "to the agency (503 while it moves), with an audit row and an agency event",
        ok: { status: 204, description: "Revoked" },
        errors: [...operatorErrors, 404, 409],
      }),
    },
    "/api/admin/stats": {
      get: op({
        id: "getStats",
        summary: "Fleet statistics: agencies, database sizes, connections, pooler pools",
        ok: {
          schema: statsSchema.extend({ api: z.record(z.string(), z.unknown()) }),
          description: "Statistics",
        },
        errors: operatorErrors,
      }),
    },
  };
}
