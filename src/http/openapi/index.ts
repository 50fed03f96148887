// GET /openapi.json: an OpenAPI 3.1 document built from the same zod schemas that validate requests
// and shape responses (zod 4's JSON Schema output), so the published contract and the code cannot
// drift; tests hold every response they get to it, and src/client is generated from it.
import { Hono } from "hono";
import { adminAgencySchema } from "../admin-routes.ts";
import { sessionUserSchema, userViewSchema } from "../../auth/agency-users.ts";
import { auditEntrySchema } from "../audit-routes.ts";
import { agencyViewSchema } from "../../catalog/agencies.ts";
import type { AppEnv } from "../app-env.ts";
import { pageSchema } from "../../platform/cursor.ts";
import { lineRowSchema, type Resource } from "../../resources/define.ts";
import { gstRegistrationViewSchema } from "../../settings/gst-registration.ts";
import { healthSchema, readySchema } from "../health-routes.ts";
import { adminPaths } from "./admin-paths.ts";
import { agencyPaths } from "./agency-paths.ts";
import { gstPaths } from "./gst-paths.ts";
import {
  createSchemas,
  data,
  ERROR,
  errorSchema,
  idParameter,
  operation,
  type OperationSpec,
  type Schemas,
  tenantOperation,
} from "./operations.ts";

export type OpenApiOptions = {
  /** Where clients reach the API (PUBLIC_URL); the document's server is relative without it. */
  publicUrl?: string;
};

const pascal = (path: string) => path.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("");

function resourcePaths(schemas: Schemas, r: Resource) {
  const plural = pascal(r.path);
  const singular = plural.replace(/s$/, ""); // every path is a plural in -s or a mass noun (attendance)
  const row = schemas.name(r.schemas.row, r.items ? `${singular}Summary` : singular);
  const item = r.items ? schemas.name(r.schemas.item, singular) : row;
  const op = (spec: Omit<Parameters<typeof tenantOperation>[1], "tag">) =>
    tenantOperation(schemas, { ...spec, tag: r.path });
  const writeErrors = [409, 422];
  const limit = r.planLimit ? `, or past the plan's ${r.planLimit},` : "";
  return {
    [`/api/${r.path}`]: {
      get: op({
        id: `list${plural}`,
        summary: `List ${r.path}, newest first`,
        query: r.schemas.list,
        ok: { schema: pageSchema(row), description: "A page; nextCursor is null on the last" },
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
        errors: [409],
      }),
    },
  };
}

export function openApiDocument(resources: Resource[], { publicUrl }: OpenApiOptions = {}) {
  const schemas = createSchemas();
  // Views answered in several places: components, and named types in the generated client.
  schemas.name(agencyViewSchema, "Agency");
  schemas.name(adminAgencySchema, "AdminAgency");
  schemas.name(userViewSchema, "User");
  schemas.name(sessionUserSchema, "SessionUser");
  schemas.name(lineRowSchema, "LineItem");
  schemas.name(auditEntrySchema, "AuditEntry");
  schemas.name(gstRegistrationViewSchema, "GstRegistration");
  const op = (spec: OperationSpec) => operation(schemas, spec);

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
        description: "For the scraper only: METRICS_TOKEN as a bearer token (else 401). Without " +
          "METRICS_TOKEN configured the route is not served (404).",
        security: [{ metricsToken: [] }],
        responses: {
          "200": { description: "Prometheus text format", content: { "text/plain": {} } },
          "401": { description: "unauthorized", content: { "application/json": { schema: ERROR } } },
          "404": {
            description: "not_found: METRICS_TOKEN is not configured",
            content: { "application/json": { schema: ERROR } },
          },
        },
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
    ...agencyPaths(schemas),
    ...Object.assign({}, ...resources.map((r) => resourcePaths(schemas, r))),
    ...gstPaths(schemas),
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
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        metricsToken: { type: "http", scheme: "bearer", description: "The METRICS_TOKEN configured" },
      },
      schemas: { Error: errorSchema, ...schemas.components },
      parameters: {
        agencyDatabase: {
          name: "X-Agency-Database",
          in: "header",
          required: false,
          schema: { type: "string" },
          description: "Must equal the token's agencyDatabase (else 403 agency_mismatch).",
        },
        consistencyToken: {
          name: "X-Consistency-Token",
          in: "header",
          required: false,
          schema: { type: "string", pattern: "^[a-z][a-z0-9_-]{0,62}/[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}$" },
          description: "A write's token sent back: a read then sees that write (read-your-writes through " +
            "any API instance). One we did not issue is 400.",
        },
      },
      headers: {
        consistencyToken: {
          description: "On a write to an agency whose cluster has read replicas: where it committed. Send " +
            "it back on reads to see the write.",
          schema: { type: "string" },
        },
      },
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
  { name: "admin", description: "Platform operators: the agency fleet and the GST rate table" },
  { name: "credit-notes", description: "Credit notes on issued invoices (CGST Act s. 34)" },
  { name: "debit-notes", description: "Debit notes on issued invoices (CGST Act s. 34)" },
  { name: "payments", description: "Payments received, with TDS, allocated to invoices" },
];

export function openApiRoutes(resources: Resource[], options: OpenApiOptions = {}) {
  const document = openApiDocument(resources, options); // built once, at start-up
  return new Hono<AppEnv>().get("/openapi.json", (c) => c.json(document));
}
