// GET /openapi.json: an OpenAPI 3.1 document with every route, whose request schemas follow the
// resource declarations exactly (a field added to a declaration but missing here fails), with an
// operationId, a summary and a tag per operation, and a response schema for every success.
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/resources/erp.ts";
import { contractOf } from "../support/contract.ts";
import { testApp } from "../support/stack.ts";

type Schema =
  & { type?: string; properties?: Record<string, unknown>; required?: string[] }
  & Record<string, unknown>;
type Operation = {
  requestBody?: { required?: boolean; content: { "application/json": { schema: Schema } } };
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
};
type DocumentedResponse = { content?: Record<string, { schema?: unknown }> };
type Doc = {
  openapi: string;
  info: { title: string; license?: { name: string } };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
};

const { app } = testApp();
const publicApp = testApp({ PUBLIC_URL: "https://api.example.com/v1/" }).app;
let doc: Doc;

beforeAll(async () => {
  const res = await app.request("/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = await res.json();
});

const queryParameters = (op: Operation | undefined) => (op?.parameters ?? []).filter((p) => p.in === "query");
const requestSchema = (op: Operation | undefined) => op?.requestBody?.content["application/json"].schema;
/** Declared fields whose schema refuses undefined: required on create. */
const requiredOf = (fields: Record<string, { safeParse(v: unknown): { success: boolean } }>) =>
  Object.entries(fields).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k).sort();

describe("GET /openapi.json", () => {
  it("is OpenAPI 3.1, public", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
  });

  it("has the public, auth and user routes", () => {
    expect(doc.paths["/api/agencies"]?.post).toBeDefined();
    expect(doc.paths["/api/auth/login"]?.post).toBeDefined();
    expect(doc.paths["/api/me"]?.get).toBeDefined();
    expect(doc.paths["/api/users"]?.get).toBeDefined();
    expect(doc.paths["/api/users"]?.post).toBeDefined();
    expect(doc.paths["/api/users/{id}"]?.patch).toBeDefined();
    expect(doc.paths["/api/usage"]?.get).toBeDefined();
    const audit = doc.paths["/api/audit-log"]?.get;
    expect(queryParameters(audit).map((p) => p.name).sort()).toEqual(
      ["action", "actor", "cursor", "limit", "recordId", "table"],
    );

    const login = requestSchema(doc.paths["/api/auth/login"].post)!;
    expect(Object.keys(login.properties!).sort()).toEqual(["agencyDatabase", "email", "password"]);
    expect([...login.required!].sort()).toEqual(["email", "password"]);
    const signup = requestSchema(doc.paths["/api/agencies"].post)!;
    expect(signup.required).toEqual(expect.arrayContaining(["name", "admin"]));
    const newUser = requestSchema(doc.paths["/api/users"].post)!;
    expect(Object.keys(newUser.properties!).sort()).toEqual(["email", "fullName", "password", "role"]);
  });

  it("has list, create, read, patch and delete for every resource", () => {
    for (const { path } of resources) {
      const collection = doc.paths[`/api/${path}`];
      const item = doc.paths[`/api/${path}/{id}`];
      expect(Object.keys(collection ?? {}).sort(), path).toEqual(expect.arrayContaining(["get", "post"]));
      expect(Object.keys(item ?? {}).sort(), path).toEqual(
        expect.arrayContaining(["delete", "get", "patch"]),
      );
      expect(collection.post.responses, path).toHaveProperty("201");
      expect(item.delete.responses, path).toHaveProperty("204");
    }
  });

  it("documents exactly the declared fields of the clients create body, name required", () => {
    const clients = resources.find((r) => r.path === "clients")!;
    const schema = requestSchema(doc.paths["/api/clients"].post)!;
    expect(schema.required).toContain("name");
    expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(clients.fields).sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it("documents every resource's create and patch bodies and list parameters from its declaration", () => {
    for (const resource of resources) {
      const { path, fields, filters = {}, items } = resource;
      const names = [...Object.keys(fields), ...(items ? ["items"] : [])].sort();

      const create = requestSchema(doc.paths[`/api/${path}`].post)!;
      expect(Object.keys(create.properties!).sort(), `${path} create`).toEqual(names);
      expect([...(create.required ?? [])].sort(), `${path} required`).toEqual(
        [...requiredOf(fields as never), ...(items ? ["items"] : [])].sort(),
      );

      const patch = requestSchema(doc.paths[`/api/${path}/{id}`].patch)!;
      expect(Object.keys(patch.properties!).sort(), `${path} patch`).toEqual(names);
      expect(patch.required ?? [], `${path} patch required`).toEqual([]);

      const parameters = queryParameters(doc.paths[`/api/${path}`].get);
      expect(parameters.map((p) => p.name).sort(), `${path} list`).toEqual(
        ["cursor", "limit", ...Object.keys(filters)].sort(),
      );
    }
  });
});

describe("the contract clients generate code from", () => {
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).filter(([method]) => method !== "parameters").map(([method, op]) => ({
        path,
        method,
        op: op as Operation & { operationId?: string; summary?: string; tags?: string[] },
      }))
    );

  it("gives every operation a unique operationId, a summary and one tag", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id)), String(ids)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations()) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(op.tags, `${method} ${path}`).toHaveLength(1);
    }
    expect(ids).toEqual(
      expect.arrayContaining(["listClients", "createInvoice", "loginAgencyUser", "getMe", "listAgencies"]),
    );
  });

  it("gives every success with a JSON body its schema, and every error the Error schema", () => {
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses) as [string, DocumentedResponse][]) {
        const json = response.content?.["application/json"];
        if (Number(status) >= 400) {
          expect(json?.schema, `${method} ${path} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
        } else if (status !== "204" && path !== "/metrics" && path !== "/openapi.json") {
          expect(json?.schema, `${method} ${path} ${status}`).toBeDefined();
        }
      }
    }
  });

  it("names its server (relative without PUBLIC_URL) and its licence", async () => {
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    expect(doc.info.license?.name).toBeTruthy();
    const res = await publicApp.request("/openapi.json");
    expect((await res.json()).servers).toEqual([
      { url: "https://api.example.com/v1", description: expect.any(String) },
    ]);
  });

  it("holds answers to it: an undocumented status or a drifted body fails", () => {
    const contract = contractOf(doc as never);
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const row = {
      id,
      name: "Globex",
      ...Object.fromEntries(
        Object.keys(resources.find((r) => r.path === "clients")!.schemas.row.shape)
          .filter((k) => !["id", "name", "createdAt", "updatedAt"].includes(k))
          .map((k) => [k, null]),
      ),
      createdAt: now,
      updatedAt: now,
    };
    contract.check("GET", `/api/clients/${id}`, 200, { data: row });
    contract.check("GET", `/api/clients/${id}`, 404, { error: "No such clients row", code: "not_found" });
    expect(() => contract.check("GET", `/api/clients/${id}`, 200, { data: { ...row, extra: 1 } })).toThrow(
      /must NOT have additional properties/,
    );
    expect(() => contract.check("GET", `/api/clients/${id}`, 200, { data: { ...row, name: 7 } })).toThrow(
      /data\/name must be string/,
    );
    expect(() => contract.check("GET", `/api/clients/${id}`, 418, { error: "x", code: "y" })).toThrow(
      /getClient does not document 418/,
    );
    expect(() => contract.check("GET", "/api/nowhere", 200, {})).toThrow(/no documented operation/);
  });
});
