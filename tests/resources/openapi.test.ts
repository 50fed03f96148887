// GET /openapi.json: an OpenAPI 3.1 document with every route, whose request schemas follow the
// resource declarations exactly (a field added to a declaration but missing here fails).
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/resources/erp.ts";
import { testApp } from "../support/stack.ts";

type Schema =
  & { type?: string; properties?: Record<string, unknown>; required?: string[] }
  & Record<string, unknown>;
type Operation = {
  requestBody?: { required?: boolean; content: { "application/json": { schema: Schema } } };
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
};
type Doc = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };

const { app } = testApp();
let doc: Doc;

beforeAll(async () => {
  const res = await app.request("/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = await res.json();
});

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
    expect(audit?.parameters?.map((p) => p.name).sort()).toEqual(
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

      const parameters = doc.paths[`/api/${path}`].get.parameters ?? [];
      expect(parameters.every((p) => p.in === "query"), path).toBe(true);
      expect(parameters.map((p) => p.name).sort(), `${path} list`).toEqual(
        ["cursor", "limit", ...Object.keys(filters)].sort(),
      );
    }
  });
});
