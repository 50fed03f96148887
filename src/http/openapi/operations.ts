// The pieces /openapi.json is assembled from: zod schemas turned into JSON Schema (inputs as the
// validators read them, outputs as the handlers shape them), named schemas as components, and one
// helper that writes an operation with its id, tag, parameters, success body and errors.
import { z } from "zod";

type Json = Record<string, unknown>;

export const ERROR = { $ref: "#/components/schemas/Error" };
// The codes each status carries (DESIGN.md, section 4 and 8).
const ERROR_CODES: Record<number, string> = {
  400: "validation_failed",
  401: "unauthorized, invalid_credentials",
  403: "forbidden, agency_mismatch, plan_limit_reached, plan_not_available",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "invalid_reference",
  423: "agency_unavailable",
  429: "rate_limited, with Retry-After",
  503: "unavailable, agency_waking (a cold agency being restored), with Retry-After",
};

/** Collects named output schemas as components; every other schema is inlined where it is used. */
export function createSchemas() {
  const named = z.registry<{ id: string }>();
  const components: Record<string, Json> = {};
  // zod puts a named schema under $defs: it becomes a component, and its $refs point there.
  const toComponents = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));

  return {
    components,
    name<T extends z.ZodType>(schema: T, id: string): T {
      named.add(schema, { id });
      return schema;
    },
    /** A request body or parameter, as the validator reads it (before defaults and transforms). */
    input: (schema: z.ZodType): Json => {
      const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
      return json;
    },
    /** A response body, as the handler shapes it. */
    output: (schema: z.ZodType): Json => {
      const { $schema: _, $defs = {}, ...json } = z.toJSONSchema(schema, {
        io: "output",
        metadata: named,
        unrepresentable: "any",
      });
      Object.assign(components, toComponents($defs));
      return toComponents(json);
    },
  };
}

export type Schemas = ReturnType<typeof createSchemas>;

export type OperationSpec = {
  id: string;
  tag: string;
  summary: string;
  description?: string;
  /** No token needed. */
  public?: boolean;
  /** Behind the tenant boundary: takes the optional X-Agency-Database header. */
  tenant?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer: its status (200 by default) and body (none for 204). */
  ok: { status?: 200 | 201 | 204; schema?: z.ZodType; description: string };
  /** The error statuses this operation answers (the contract's error shape). */
  errors: number[];
};

/** `{data}`: how a single row or setting is answered. */
export const data = <T extends z.ZodType>(schema: T) => z.strictObject({ data: schema });
export const idParameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};

/** The statuses every tenant route can answer (token, agency check, admission, validation). */
export const TENANT_ERRORS = [400, 401, 403, 404, 423, 429, 503];

/** An operation behind the tenant boundary: every tenant route's errors, and `errors` of its own. */
export const tenantOperation = (
  schemas: Schemas,
  spec: Omit<OperationSpec, "tenant" | "errors"> & { errors?: number[] },
) => operation(schemas, { ...spec, tenant: true, errors: [...TENANT_ERRORS, ...(spec.errors ?? [])] });

function queryParameters(schemas: Schemas, schema: z.ZodType) {
  const { properties = {}, required = [] } = schemas.input(schema) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema: s,
  }));
}

export function operation(schemas: Schemas, spec: OperationSpec): Json {
  const { status = 200, schema, description } = spec.ok;
  // Any body may be over the limit: 413 wherever one is read.
  const errors = [...new Set([...spec.errors, ...(spec.body ? [400, 413] : [])])].sort();
  const parameters = [
    ...(spec.tenant
      ? [{ $ref: "#/components/parameters/agencyDatabase" }, {
        $ref: "#/components/parameters/consistencyToken",
      }]
      : []),
    ...(spec.query ? queryParameters(schemas, spec.query) : []),
  ];
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? {
        requestBody: {
          required: true,
          content: { "application/json": { schema: schemas.input(spec.body) } },
        },
      }
      : {}),
    responses: {
      [status]: {
        description,
        ...(spec.tenant
          ? { headers: { "X-Consistency-Token": { $ref: "#/components/headers/consistencyToken" } } }
          : {}),
        ...(schema ? { content: { "application/json": { schema: schemas.output(schema) } } } : {}),
      },
      ...Object.fromEntries(errors.map((s) => [
        String(s),
        { description: ERROR_CODES[s] ?? "Error", content: { "application/json": { schema: ERROR } } },
      ])),
    },
  };
}

export const errorSchema = {
  type: "object",
  required: ["error", "code"],
  properties: {
    error: { type: "string", description: "For people" },
    code: { type: "string", description: "For programs: validation_failed, unauthorized, ..." },
    issues: {
      type: "array",
      items: {
        type: "object",
        properties: { path: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};
