// GET /openapi.json: an OpenAPI 3.1 document built from the same zod schemas that validate requests
// (zod 4's JSON Schema output), so the published contract and the code cannot drift.
import { Hono } from "hono";
import { z } from "zod";
import { loginSchema } from "../auth/login-routes.ts";
import { newUserSchema, userPatchSchema } from "../auth/user-routes.ts";
import { passwordChangeSchema } from "../auth/session-routes.ts";
import { auditQuery } from "../audit/audit-routes.ts";
import type { AppEnv } from "../platform/app-env.ts";
import type { Resource } from "../resources/define.ts";
import { documentPrefixesSchema } from "../settings/document-prefixes.ts";
import { gstRegistrationSchema } from "../settings/gst-registration.ts";
import { signupSchema } from "../tenancy/signup-routes.ts";

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const errorResponse = {
  description: "Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), errorResponse]));
const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": {} } },
});
const body = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: jsonSchema(schema) } },
});
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const tenantErrors = errors(400, 401, 403, 404, 423, 429, 503);

function queryParameters(schema: z.ZodType) {
  const { properties = {}, required = [] } = jsonSchema(schema) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema: s,
  }));
}

function resourcePaths(r: Resource) {
  const tag = [r.path];
  return {
    [`/api/${r.path}`]: {
      get: {
        tags: tag,
        summary: `List ${r.path}`,
        parameters: queryParameters(r.schemas.list),
        responses: { ...ok("A page: {data, nextCursor}"), ...tenantErrors },
      },
      post: {
        tags: tag,
        summary: `Create one of ${r.path}` +
          (r.planLimit ? ` (403 plan_limit_reached past the plan's ${r.planLimit})` : "") +
          "; 403 plan_limit_reached while storage is over the plan",
        requestBody: body(r.schemas.create),
        responses: { ...ok("{data}", "201"), ...tenantErrors, ...errors(409, 422) },
      },
    },
    [`/api/${r.path}/{id}`]: {
      parameters: [idParameter],
      get: { tags: tag, summary: `Read one of ${r.path}`, responses: { ...ok("{data}"), ...tenantErrors } },
      patch: {
        tags: tag,
        summary: `Change one of ${r.path}`,
        requestBody: body(r.schemas.update),
        responses: { ...ok("{data}"), ...tenantErrors, ...errors(409, 422) },
      },
      delete: {
        tags: tag,
        summary: r.items
          ? `Delete a draft of ${r.path} (admins); an issued one is 409: cancel it instead`
          : `Delete one of ${r.path} (admins)`,
        responses: { "204": { description: "Deleted" }, ...tenantErrors, ...(r.items ? errors(409) : {}) },
      },
    },
  };
}

export function openApiDocument(resources: Resource[]) {
  return {
    openapi: "3.1.0",
    info: {
      title: "BuildFlow API",
      version: "1.0.0",
      description: "Multi-tenant agency ERP: one PostgreSQL database per agency.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "code"],
          properties: {
            error: { type: "string" },
            code: { type: "string" },
            issues: {
              type: "array",
              items: {
                type: "object",
                properties: { path: { type: "string" }, message: { type: "string" } },
              },
            },
          },
        },
      },
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
    security: [{ bearer: [] }],
    paths: {
      "/healthz": { get: { security: [], summary: "Process is up", responses: ok("{status: ok}") } },
      "/readyz": {
        get: {
          security: [],
          summary: "Catalog and pooler answer",
          responses: { ...ok("ready"), ...errors(503) },
        },
      },
      "/api/agencies": {
        post: {
          security: [],
          summary: "Create an agency with its own database and first admin",
          requestBody: body(signupSchema),
          responses: {
            ...ok("{agency, user, token, agencyDatabase}", "201"),
            ...errors(400, 401, 409, 413, 429, 503),
          },
        },
      },
      "/api/auth/login": {
        post: {
          security: [],
          summary: "Log in",
          requestBody: body(loginSchema),
          responses: { ...ok("{token, agencyDatabase, user, agency}"), ...errors(400, 401, 423, 429, 503) },
        },
      },
      "/api/auth/logout": {
        post: {
          summary: "End this session: the presented token is refused from now on",
          responses: { "204": { description: "Revoked" }, ...tenantErrors },
        },
      },
      "/api/auth/logout-all": {
        post: {
          summary: "End every session of the token's user",
          responses: { "204": { description: "Revoked" }, ...tenantErrors },
        },
      },
      "/api/me": {
        get: {
          summary: "The token's user and agency",
          responses: { ...ok("{user, agency}"), ...tenantErrors },
        },
      },
      "/api/me/password": {
        post: {
          summary: "Change the password (the current one required); every other session ends",
          requestBody: body(passwordChangeSchema),
          responses: { ...ok("{token}: a new token for this session"), ...tenantErrors },
        },
      },
      "/api/users": {
        get: {
          summary: "List the agency's users",
          responses: { ...ok("{data, nextCursor}"), ...tenantErrors },
        },
        post: {
          summary: "Add a user (admins); 403 plan_limit_reached past the plan's users or storage",
          requestBody: body(newUserSchema),
          responses: { ...ok("{data}", "201"), ...tenantErrors, ...errors(409) },
        },
      },
      "/api/users/{id}": {
        parameters: [idParameter],
        get: { summary: "Read a user", responses: { ...ok("{data}"), ...tenantErrors } },
        patch: {
          summary: "Change role, name or active flag (admins); reactivating past the plan's users is 403",
          requestBody: body(userPatchSchema),
          responses: { ...ok("{data}"), ...tenantErrors, ...errors(409) },
        },
      },
      "/api/settings/documents": {
        get: { summary: "Document series prefixes", responses: { ...ok("{data}"), ...tenantErrors } },
        put: {
          summary: "Set the document series prefixes (admins)",
          requestBody: body(documentPrefixesSchema),
          responses: { ...ok("{data}"), ...tenantErrors },
        },
      },
      "/api/settings/gst": {
        get: {
          summary: "The agency's GST registration ({data: null} before one is set)",
          responses: { ...ok("{data}"), ...tenantErrors },
        },
        put: {
          summary: "Set the agency's GST registration (admins); state and PAN follow from the GSTIN",
          requestBody: body(gstRegistrationSchema),
          responses: { ...ok("{data}"), ...tenantErrors },
        },
      },
      "/api/usage": {
        get: {
          summary: "Usage against the plan: {plan, users, projects, storageMb}, each {used, limit}",
          responses: { ...ok("{plan: {code, name}, users, projects, storageMb}"), ...tenantErrors },
        },
      },
      "/api/audit-log": {
        get: {
          summary:
            "The agency's audit trail, newest first (admins): creates, updates (changed fields only), " +
            "deletes, logins and failed logins",
          parameters: queryParameters(auditQuery),
          responses: {
            ...ok(
              "A page: {data: [{id, actor, action, table, recordId, before, after, ipAddress, " +
                "userAgent, createdAt}], nextCursor}",
            ),
            ...tenantErrors,
          },
        },
      },
      ...Object.assign({}, ...resources.map(resourcePaths)),
    },
  };
}

export function openApiRoutes(resources: Resource[]) {
  const document = openApiDocument(resources); // built once, at start-up
  return new Hono<AppEnv>().get("/openapi.json", (c) => c.json(document));
}
