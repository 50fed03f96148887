// GET /openapi.json: an OpenAPI 3.1 document built from the same zod schemas that validate requests
// and shape responses (zod 4's JSON Schema output), so the published contract and the code cannot
// drift; tests check every response they get against it, and src/client is generated from it.
import { Hono } from "hono";
import { z } from "zod";
import {
  actionBody,
  adminAgencySchema,
  agencyDetailSchema,
  agencyListQuery,
  agencyPageSchema,
  LIFECYCLE_ACTIONS,
  operatorLoginResponseSchema,
  operatorLoginSchema,
  planBody,
  planChangedSchema,
} from "../admin/routes.ts";
import { sessionUserSchema, userViewSchema } from "../auth/agency-users.ts";
import { loginResponseSchema, loginSchema } from "../auth/login-routes.ts";
import { passwordChangedSchema, passwordChangeSchema } from "../auth/session-routes.ts";
import { meSchema, newUserSchema, userListQuery, userPatchSchema } from "../auth/user-routes.ts";
import { auditEntrySchema, auditPageSchema, auditQuery } from "../audit/audit-routes.ts";
import { agencyViewSchema } from "../catalog/agencies.ts";
import { usageSchema } from "../limits/usage-routes.ts";
import type { AppEnv } from "../platform/app-env.ts";
import { pageSchema } from "../platform/cursor.ts";
import { lineRowSchema, type Resource } from "../resources/define.ts";
import { documentPrefixesSchema } from "../settings/document-prefixes.ts";
import { gstRegistrationSchema, gstRegistrationViewSchema } from "../settings/gst-registration.ts";
import { signupResponseSchema, signupSchema } from "../tenancy/signup-routes.ts";
import { healthSchema, readySchema } from "./health.ts";
import {
  createSchemas,
  errorSchema,
  operation,
  type OperationSpec,
  type Schemas,
  TENANT_ERRORS,
} from "./openapi-operations.ts";
import { statsSchema } from "./stats.ts";

export type OpenApiOptions = {
  /** Where clients reach the API (PUBLIC_URL); the document's server is relative without it. */
  publicUrl?: string;
};

const data = <T extends z.ZodType>(schema: T) => z.strictObject({ data: schema });
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const pascal = (path: string) => path.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("");

function resourcePaths(schemas: Schemas, r: Resource) {
  const plural = pascal(r.path);
  const singular = plural.replace(/s$/, ""); // every path is a plural in -s or a mass noun (attendance)
  const row = schemas.name(r.schemas.row, r.items ? `${singular}Summary` : singular);
  const item = r.items ? schemas.name(r.schemas.item, singular) : row;
  const op = (spec: Omit<OperationSpec, "tag" | "tenant">) =>
    operation(schemas, { ...spec, tag: r.path, tenant: true });
  const writeErrors = [...TENANT_ERRORS, 409, 422];
  const limit = r.planLimit ? `, or past the plan's ${r.planLimit},` : "";
  return {
    [`/api/${r.path}`]: {
      get: op({
        id: `list${plural}`,
        summary: `List ${r.path}, newest first`,
        query: r.schemas.list,
        ok: { schema: pageSchema(row), description: "A page; nextCursor is null on the last" },
        errors: TENANT_ERRORS,
      }),
      post: op({
        id: `create${singular}`,
        summary: `Create one of ${r.path}`,
        description: `403 plan_limit_reached while storage is over the plan${limit}.` +
          (r.items ? " The server computes line amounts, GST and totals." : ""),
        body: r.schemas.create,
        ok: { status: 201, schema: data(item), description: "Created" },
        errors: writeErrors,
      }),
    },
    [`/api/${r.path}/{id}`]: {
      parameters: [idParameter],
      get: op({
        id: `get${singular}`,
        summary: `Read one of ${r.path}`,
        ok: { schema: data(item), description: "The row" },
        errors: TENANT_ERRORS,
      }),
      patch: op({
        id: `update${singular}`,
        summary: `Change one of ${r.path}`,
        body: r.schemas.update,
        ok: { schema: data(item), description: "The changed row" },
        errors: writeErrors,
      }),
      delete: op({
        id: `delete${singular}`,
        summary: r.items
          ? `Delete a draft of ${r.path} (admins); an issued one is 409: cancel it instead`
          : `Delete one of ${r.path} (admins)`,
        ok: { status: 204, description: "Deleted" },
        errors: [...TENANT_ERRORS, 409],
      }),
    },
  };
}

function lifecyclePaths(schemas: Schemas) {
  return Object.fromEntries(LIFECYCLE_ACTIONS.map((action) => [
    `/api/admin/agencies/{id}/${action}`,
    {
      parameters: [idParameter],
      post: {
        ...operation(schemas, {
          id: `${action}Agency`,
          tag: "admin",
          summary: `${action[0].toUpperCase()}${action.slice(1)} an agency (owners and operators)`,
          ok: { schema: data(agencyViewSchema), description: "The agency in its new status" },
          errors: [400, 401, 403, 404, 409, 413, 503],
        }),
        requestBody: {
          required: false,
          content: { "application/json": { schema: schemas.input(actionBody) } },
        },
      },
    },
  ]));
}

export function openApiDocument(resources: Resource[], { publicUrl }: OpenApiOptions = {}) {
  const schemas = createSchemas();
  schemas.name(agencyViewSchema, "Agency");
  schemas.name(adminAgencySchema, "AdminAgency");
  schemas.name(userViewSchema, "User");
  schemas.name(sessionUserSchema, "SessionUser");
  schemas.name(lineRowSchema, "LineItem");
  schemas.name(auditEntrySchema, "AuditEntry");
  schemas.name(gstRegistrationViewSchema, "GstRegistration");
  const op = (spec: OperationSpec) => operation(schemas, spec);
  const tenantOp = (spec: Omit<OperationSpec, "tenant" | "errors"> & { errors?: number[] }) =>
    op({ ...spec, tenant: true, errors: [...TENANT_ERRORS, ...(spec.errors ?? [])] });

  const paths = {
    "/healthz": {
      get: op({
        id: "getHealth",
        tag: "ops",
        public: true,
        summary: "Process is up",
        ok: { schema: healthSchema, description: "Up" },
        errors: [],
      }),
    },
    "/readyz": {
      get: op({
        id: "getReadiness",
        tag: "ops",
        public: true,
        summary: "Catalog and pooler answer (503 with the failed checks otherwise)",
        ok: { schema: readySchema, description: "Ready" },
        errors: [503],
      }),
    },
    "/metrics": {
      get: {
        operationId: "getMetrics",
        tags: ["ops"],
        summary: "Prometheus metrics: requests by route and status, latency, registry and admission",
        security: [],
        responses: { "200": { description: "Prometheus text format", content: { "text/plain": {} } } },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["ops"],
        summary: "This document",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
      },
    },
    "/api/agencies": {
      post: op({
        id: "signupAgency",
        tag: "signup",
        public: true,
        summary: "Create an agency with its own database and first admin",
        description: "With OPEN_SIGNUP=false a platform token is required (viewers get 403).",
        body: signupSchema,
        ok: { status: 201, schema: signupResponseSchema, description: "The agency, its admin and a token" },
        errors: [401, 403, 409, 429, 503],
      }),
    },
    "/api/auth/login": {
      post: op({
        id: "loginAgencyUser",
        tag: "auth",
        public: true,
        summary: "Log in to an agency",
        description: "Unknown email and wrong password get the same 401. A user of several agencies " +
          "passes agencyDatabase (else 400 naming them).",
        body: loginSchema,
        ok: { schema: loginResponseSchema, description: "A token for the user's agency" },
        errors: [401, 423, 429, 503],
      }),
    },
    "/api/auth/logout": {
      post: tenantOp({
        id: "logout",
        tag: "auth",
        summary: "End this session: the presented token is refused from now on",
        ok: { status: 204, description: "Revoked" },
      }),
    },
    "/api/auth/logout-all": {
      post: tenantOp({
        id: "logoutAll",
        tag: "auth",
        summary: "End every session of the token's user",
        ok: { status: 204, description: "Revoked" },
      }),
    },
    "/api/me": {
      get: tenantOp({
        id: "getMe",
        tag: "auth",
        summary: "The token's user and agency",
        ok: { schema: meSchema, description: "The user and the agency" },
      }),
    },
    "/api/me/password": {
      post: tenantOp({
        id: "changePassword",
        tag: "auth",
        summary: "Change the password (the current one required); every other session ends",
        body: passwordChangeSchema,
        ok: { schema: passwordChangedSchema, description: "A new token for this session" },
      }),
    },
    "/api/users": {
      get: tenantOp({
        id: "listUsers",
        tag: "users",
        summary: "List the agency's users",
        query: userListQuery,
        ok: { schema: pageSchema(userViewSchema), description: "A page of users" },
      }),
      post: tenantOp({
        id: "createUser",
        tag: "users",
        summary: "Add a user (admins); 403 plan_limit_reached past the plan's users or storage",
        body: newUserSchema,
        ok: { status: 201, schema: data(userViewSchema), description: "The new user" },
        errors: [409],
      }),
    },
    "/api/users/{id}": {
      parameters: [idParameter],
      get: tenantOp({
        id: "getUser",
        tag: "users",
        summary: "Read a user",
        ok: { schema: data(userViewSchema), description: "The user" },
      }),
      patch: tenantOp({
        id: "updateUser",
        tag: "users",
        summary: "Change role, name or active flag (admins); reactivating past the plan's users is 403",
        body: userPatchSchema,
        ok: { schema: data(userViewSchema), description: "The changed user" },
        errors: [409],
      }),
    },
    "/api/settings/documents": {
      get: tenantOp({
        id: "getDocumentPrefixes",
        tag: "settings",
        summary: "Document series prefixes",
        ok: { schema: data(documentPrefixesSchema), description: "The prefixes" },
      }),
      put: tenantOp({
        id: "setDocumentPrefixes",
        tag: "settings",
        summary: "Set the document series prefixes (admins)",
        body: documentPrefixesSchema,
        ok: { schema: data(documentPrefixesSchema), description: "The prefixes" },
      }),
    },
    "/api/settings/gst": {
      get: tenantOp({
        id: "getGstRegistration",
        tag: "settings",
        summary: "The agency's GST registration ({data: null} before one is set)",
        ok: { schema: data(gstRegistrationViewSchema.nullable()), description: "The registration" },
      }),
      put: tenantOp({
        id: "setGstRegistration",
        tag: "settings",
        summary: "Set the agency's GST registration (admins); state and PAN follow from the GSTIN",
        body: gstRegistrationSchema,
        ok: { schema: data(gstRegistrationViewSchema), description: "The registration" },
      }),
    },
    "/api/usage": {
      get: tenantOp({
        id: "getUsage",
        tag: "usage",
        summary: "Usage against the plan: users, projects and storage, each {used, limit}",
        ok: { schema: usageSchema, description: "Usage" },
      }),
    },
    "/api/audit-log": {
      get: tenantOp({
        id: "listAuditLog",
        tag: "audit",
        summary: "The agency's audit trail, newest first (admins)",
        description: "Creates, updates (changed fields only), deletes, logins and failed logins.",
        query: auditQuery,
        ok: { schema: auditPageSchema, description: "A page of entries" },
      }),
    },
    ...Object.assign({}, ...resources.map((r) => resourcePaths(schemas, r))),
    ...adminPaths(schemas),
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "BuildFlow API",
      version: "1.0.0",
      description: "Multi-tenant agency ERP: one PostgreSQL database per agency.",
      license: { name: "Proprietary", identifier: "LicenseRef-BuildFlow-Proprietary" },
    },
    servers: [{ url: publicUrl ?? "/", description: publicUrl ? "This API" : "The serving origin" }],
    tags: [...TAGS, ...resources.map((r) => ({ name: r.path, description: `ERP resource (${r.table})` }))],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Error: errorSchema, ...schemas.components },
      parameters: {
        agencyDatabase: {
          name: "X-Agency-Database",
          in: "header",
          required: false,
          schema: { type: "string" },
          description: "Must equal the token's agencyDatabase (else 403 agency_mismatch).",
        },
      },
    },
  };
}

function adminPaths(schemas: Schemas) {
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
        summary: "End every session of one agency user (owners and operators)",
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

const TAGS = [
  { name: "ops", description: "Health, readiness and metrics" },
  { name: "signup", description: "New agencies" },
  { name: "auth", description: "Login, sessions, the current user" },
  { name: "users", description: "The agency's users" },
  { name: "settings", description: "Document prefixes and GST registration" },
  { name: "usage", description: "Usage against the plan" },
  { name: "audit", description: "The agency's audit trail" },
  { name: "admin", description: "Platform operators: the agency fleet" },
];

export function openApiRoutes(resources: Resource[], options: OpenApiOptions = {}) {
  const document = openApiDocument(resources, options); // built once, at start-up
  return new Hono<AppEnv>().get("/openapi.json", (c) => c.json(document));
}
