// Every response a test receives, checked against the document the app serves at /openapi.json: the
// operation (method and path template) must list the status, and the body must validate against
// that status's schema (Ajv, JSON Schema 2020-12). A handler whose output drifts from its declared
// schema, or a status nobody documented, fails the test that met it.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import type { AnyApp } from "./fixtures.ts";

type DocumentedResponse = { description: string; content?: Record<string, { schema?: object }> };
type Operation = { operationId: string; responses: Record<string, DocumentedResponse> };
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: Record<string, unknown>;
  [key: string]: unknown;
};

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Compiles the document once and checks responses against it. */
export function contractOf(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: "openapi.json" });
  const compiled = new Map<string, ValidateFunction>();
  // Literal segments before parameters: /api/users/{id} never shadows a fixed path beside it.
  const templates = Object.keys(doc.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    }))
    .sort((a, b) => a.params - b.params);

  const validator = (ref: string) => {
    let validate = compiled.get(ref);
    if (!validate) compiled.set(ref, validate = ajv.compile({ $ref: `openapi.json#/${ref}` }));
    return validate;
  };
  const fail = (what: string, message: string) => {
    throw new Error(`contract: ${what}: ${message}`);
  };

  return {
    /** Throws unless the answer to `method path` is documented and its body validates. */
    check(method: string, path: string, status: number, body: unknown) {
      const what = `${method} ${path} → ${status}`;
      const found = templates.find((t) => t.pattern.test(path));
      const verb = method.toLowerCase();
      const operation = found && doc.paths[found.template][verb] as Operation | undefined;
      let ref: string;
      if (!found || !operation) {
        // An unknown route or method: only the error shape is promised.
        if (status < 400) fail(what, "no documented operation answered with success");
        ref = pointer("components", "schemas", "Error");
      } else {
        const response = operation.responses[String(status)];
        if (!response) {
          fail(
            what,
            `${operation.operationId} does not document ${status} (${Object.keys(operation.responses)})`,
          );
        }
        const json = response.content?.["application/json"];
        if (!json) {
          if (body !== undefined && response.content === undefined) {
            fail(what, "a body where none is documented");
          }
          return;
        }
        if (!json.schema) return;
        ref =
          pointer("paths", found.template, verb, "responses", String(status), "content", "application/json") +
          "/schema";
      }
      const validate = validator(ref);
      if (!validate(body)) {
        fail(
          what,
          `${ajv.errorsText(validate.errors, { separator: "; ", dataVar: "body" })}\n${
            JSON.stringify(body).slice(0, 2000)
          }`,
        );
      }
    },
  };
}

export type Contract = ReturnType<typeof contractOf>;

/** The app with its `request` checked: every response is held to the document it serves. */
export function checked<App extends AnyApp>(app: App): App {
  let contract: Promise<Contract> | undefined;
  const load = async () => contractOf(await (await app.request("/openapi.json")).json());
  const request: AnyApp["request"] = async (input, init, ...rest) => {
    const res = await app.request(input, init, ...rest);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (method === "OPTIONS" || method === "HEAD") return res; // CORS preflights: not API operations
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    // The operator console's pages are HTML for browsers, not part of the JSON contract.
    if (url.pathname === "/console" || url.pathname.startsWith("/console/")) return res;
    const text = await res.clone().text();
    const isJson = res.headers.get("content-type")?.startsWith("application/json");
    (await (contract ??= load())).check(
      method,
      url.pathname,
      res.status,
      text === "" ? undefined : isJson ? JSON.parse(text) : text,
    );
    return res;
  };
  return new Proxy(app, { get: (target, key) => (key === "request" ? request : Reflect.get(target, key)) });
}
