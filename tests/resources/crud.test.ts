// The generated CRUD of every declared resource, end to end on one fresh agency: create, read, list
// with a keyset cursor, patch, delete, and the 4xx answers (validation, unknown ids, foreign keys,
// unique violations); documents with line items get server-computed totals.
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../src/resources/erp.ts";
import { testApp } from "../support/stack.ts";
import { type Api, apiFor, dataOf, hex, issuePaths, signupAgency } from "../support/fixtures.ts";
import { createParents, createSample, ITEMS_TOTALS, type Parents, samples } from "./samples.ts";

type Row = Record<string, unknown> & { id: string };
type Audit = Row & { actor: string | null; action: string; before: Row | null; after: Row | null };

const { app } = testApp({ TRUST_PROXY: "true" });
let api: Api;
let parents: Parents;
let user: string;

beforeAll(async () => {
  const tenant = await signupAgency(app, "crud");
  api = apiFor(app, tenant.token);
  user = tenant.user.id;
  parents = await createParents(api, tenant.user.id);
});

const missingId = () => crypto.randomUUID();
const withoutItems = ({ items: _, ...row }: Row) => row;
/** Required fields of a declaration: those whose schema refuses undefined. */
const requiredFields = (fields: Record<string, { safeParse(v: unknown): { success: boolean } }>) =>
  Object.entries(fields).filter(([, schema]) => !schema.safeParse(undefined).success).map(([k]) => k);

async function listAll(path: string, query = ""): Promise<Row[]> {
  const page = await api.get(`/api/${path}?limit=100${query}`);
  const body = page.body as { data: Row[]; nextCursor: string | null };
  expect(page.status, JSON.stringify(body)).toBe(200);
  expect(body.nextCursor).toBeNull();
  return body.data;
}

it("has a sample body for every declared resource", () => {
  expect(Object.keys(samples).sort()).toEqual(resources.map((r) => r.path).sort());
});

describe.each(resources.map((r) => [r.path, r] as const))("/api/%s", (path, resource) => {
  const spec = () => samples[path];

  it("creates, reads, lists, patches and deletes a row", async () => {
    const { body, stored } = spec().make(parents);
    const created = dataOf<Row>(await api.post(`/api/${path}`, body), 201);
    const { items, ...fields } = body as Record<string, unknown> & { items?: { description: string }[] };
    expect(created).toMatchObject({ ...fields, ...stored });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    // Timestamps as Date#toJSON writes them (UTC, milliseconds), though the server formats them.
    for (const at of [created.createdAt, created.updatedAt] as string[]) {
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(new Date(at).toJSON()).toBe(at);
    }
    if (resource.items) {
      const lines = created.items as { description: string }[];
      expect(lines.map((l) => l.description)).toEqual(items!.map((l) => l.description));
      // A draft has no number yet; the sample is supplied inter-state (see samples.ts).
      expect(created[resource.items.numberField]).toBeNull();
      expect(created.supplyType).toBe("inter_state");
    }

    expect(dataOf<Row>(await api.get(`/api/${path}/${created.id}`))).toEqual(created);
    const listed = (await listAll(path)).find((r) => r.id === created.id);
    expect(listed).toEqual(withoutItems(created));

    const patched = dataOf<Row>(await api.patch(`/api/${path}/${created.id}`, spec().patch));
    expect(patched).toMatchObject({ ...spec().patch, ...spec().patched });
    expect(new Date(patched.updatedAt as string).getTime()).toBeGreaterThan(
      new Date(created.updatedAt as string).getTime(),
    );
    const [changed] = Object.keys(spec().patch);
    expect(patched[changed]).not.toEqual(created[changed]);
    expect(dataOf<Row>(await api.get(`/api/${path}/${created.id}`))).toEqual(patched);

    let doomed = created;
    if (resource.items) {
      // The patch issued the document (it left draft): it took the next number of its series for the
      // financial year of its date (2026-01/02: 25-26; an invoice is dated the day it is issued, in
      // 26-27 or later), and it can no longer be deleted.
      const number = patched[resource.items.numberField] as string;
      expect(number).toMatch(
        resource.items.series === "invoice"
          ? /^INV\/2[6-9]-[0-9]{2}\/[0-9]+$/
          : /^[A-Z]{2,3}\/25-26\/[0-9]+$/,
      );
      expect(number.length).toBeLessThanOrEqual(16);
      const refused = await api.delete(`/api/${path}/${created.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        error: "An issued document cannot be deleted: cancel it instead",
        code: "conflict",
      });
      expect(dataOf<Row>(await api.get(`/api/${path}/${created.id}`))).toEqual(patched);
      doomed = dataOf<Row>(await api.post(`/api/${path}`, spec().make(parents).body), 201); // a draft
    }
    const deleted = await api.delete(`/api/${path}/${doomed.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    const gone = await api.get(`/api/${path}/${doomed.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: "not_found" });
    expect((await api.delete(`/api/${path}/${doomed.id}`)).status).toBe(404);
  });

  it("leaves exactly one audit row per write: the actor, and for an update only what changed", async () => {
    const trail = async (id: string) => {
      const res = await api.get(`/api/audit-log?recordId=${id}&table=${resource.table}&limit=100`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body as { data: Audit[] }).data; // newest first
    };
    const { body } = spec().make(parents);
    const created = dataOf<Row>(await api.post(`/api/${path}`, body), 201);
    const [create, ...none] = await trail(created.id);
    expect(none).toEqual([]);
    expect(create).toMatchObject({
      actor: user,
      action: "create",
      table: resource.table,
      recordId: created.id,
    });
    expect(create.before).toBeNull();
    expect(create.after).toEqual(JSON.parse(JSON.stringify(created)));

    const patched = dataOf<Row>(await api.patch(`/api/${path}/${created.id}`, spec().patch));
    const [update, ...rest] = await trail(created.id);
    expect(rest).toEqual([create]);
    expect(update).toMatchObject({ actor: user, action: "update" });
    const changed = Object.keys(update.after!);
    expect(changed).toEqual(expect.arrayContaining(Object.keys(spec().patch)));
    expect(changed).not.toContain("updatedAt");
    expect(Object.keys(update.before!).sort()).toEqual([...changed].sort());
    for (const key of changed) {
      expect(update.after![key], key).toEqual(JSON.parse(JSON.stringify(patched[key] ?? null)));
      expect(update.before![key], key).toEqual(JSON.parse(JSON.stringify(created[key] ?? null)));
      expect(update.after![key], key).not.toEqual(update.before![key]);
    }

    // A refused write leaves nothing (an issued document cannot be deleted); a delete leaves the row.
    const doomed = resource.items
      ? dataOf<Row>(await api.post(`/api/${path}`, spec().make(parents).body), 201)
      : patched;
    if (resource.items) expect((await api.delete(`/api/${path}/${created.id}`)).status).toBe(409);
    expect((await trail(created.id)).length).toBe(2);
    const before = dataOf<Row>(await api.get(`/api/${path}/${doomed.id}`));
    expect((await api.delete(`/api/${path}/${doomed.id}`)).status).toBe(204);
    const [deletion] = await trail(doomed.id);
    expect(deletion).toMatchObject({ actor: user, action: "delete", after: null });
    expect(deletion.before).toEqual(JSON.parse(JSON.stringify(before)));
  });

  it("pages with limit=1 and a cursor through every row, newest first", async () => {
    for (let i = 0; i < 3; i++) await createSample(api, path, parents);
    const rows = await listAll(path);
    const all = rows.map((r) => r.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const times = rows.map((r) => new Date(r.createdAt as string).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages <= all.length; pages++) {
      const res = await api.get(`/api/${path}?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      const page = res.body as { data: Row[]; nextCursor: string | null };
      expect(res.status, JSON.stringify(page)).toBe(200);
      expect(page.data).toHaveLength(1);
      seen.push(page.data[0].id);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length); // pages are disjoint
    expect(seen).toEqual(all); // and together are the whole list, in its order
  });

  it("answers bad input with 400 naming the field, unknown ids with 404", async () => {
    const { body } = spec().make(parents);
    const [required] = requiredFields(resource.fields as never);
    expect(required, "every resource has a required field").toBeDefined();

    const wrongType = await api.post(`/api/${path}`, { ...body, [required]: { nested: true } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ code: "validation_failed" });
    expect(issuePaths(wrongType)).toContain(required);

    const { [required]: _, ...missing } = body;
    const absent = await api.post(`/api/${path}`, missing);
    expect(absent.status).toBe(400);
    expect(issuePaths(absent)).toContain(required);

    const unknown = await api.post(`/api/${path}`, { ...body, sneaky: "x" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("sneaky");

    const existing = await createSample(api, path, parents);
    const emptyPatch = await api.patch(`/api/${path}/${existing.id}`, {});
    expect(emptyPatch.status).toBe(400);
    const unknownPatch = await api.patch(`/api/${path}/${existing.id}`, { sneaky: 1 });
    expect(unknownPatch.status).toBe(400);
    const nullRequired = await api.patch(`/api/${path}/${existing.id}`, { [required]: null });
    expect(nullRequired.status).toBe(400);
    expect(issuePaths(nullRequired)).toContain(required);

    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const send = (id: string) =>
        method === "GET"
          ? api.get(`/api/${path}/${id}`)
          : method === "PATCH"
          ? api.patch(`/api/${path}/${id}`, spec().patch)
          : api.delete(`/api/${path}/${id}`);
      const malformed = await send("not-a-uuid");
      expect(malformed.status, `${method} malformed id`).toBe(400);
      expect(issuePaths(malformed)).toEqual(["id"]);
      const missingRow = await send(missingId());
      expect(missingRow.status, `${method} missing id`).toBe(404);
      expect(missingRow.body).toMatchObject({ code: "not_found" });
    }

    for (const query of ["limit=101", "limit=0", "limit=abc", "cursor=garbage", "nope=1"]) {
      const res = await api.get(`/api/${path}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ code: "validation_failed" });
    }
    expect(issuePaths(await api.get(`/api/${path}?limit=101`))).toEqual(["limit"]);
    expect(issuePaths(await api.get(`/api/${path}?cursor=garbage`))).toEqual(["cursor"]);
    // Well-formed base64 that does not hold a cursor.
    const forged = btoa(`yesterday|${missingId()}`);
    expect((await api.get(`/api/${path}?cursor=${forged}`)).status).toBe(400);
  });
});

describe("filters", () => {
  it("projects?status= returns only projects in that status", async () => {
    const onHold = await createSample(api, "projects", parents);
    await api.patch(`/api/projects/${onHold.id}`, { status: "on_hold" });
    const active = await createSample(api, "projects", parents);

    const held = await listAll("projects", "&status=on_hold");
    expect(held.map((r) => r.id)).toContain(onHold.id);
    expect(held.map((r) => r.id)).not.toContain(active.id);
    expect(held.every((r) => r.status === "on_hold")).toBe(true);
    const running = await listAll("projects", "&status=active");
    expect(running.map((r) => r.id)).toContain(active.id);
    expect(running.every((r) => r.status === "active")).toBe(true);

    expect((await api.get("/api/projects?status=bogus")).status).toBe(400);
  });

  it("tasks?projectId= returns only that project's tasks", async () => {
    const other = await createSample(api, "projects", parents);
    const mine = dataOf<Row>(await api.post("/api/tasks", { title: "Only here", projectId: other.id }), 201);
    const elsewhere = await createSample(api, "tasks", parents);

    const tasks = await listAll("tasks", `&projectId=${other.id}`);
    expect(tasks.map((t) => t.id)).toEqual([mine.id]);
    const rest = await listAll("tasks", `&projectId=${parents.projectId}`);
    expect(rest.map((t) => t.id)).toContain(elsewhere.id);
    expect(rest.every((t) => t.projectId === parents.projectId)).toBe(true);

    expect(await listAll("tasks", `&projectId=${missingId()}`)).toEqual([]);
    expect((await api.get("/api/tasks?projectId=nope")).status).toBe(400);
  });
});

describe("database constraints", () => {
  it("answers a foreign key to a missing row with 422 invalid_reference", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["projects", { name: "Orphan", clientId: missingId() }],
      ["tasks", { title: "Orphan", projectId: missingId() }],
      ["invoices", { ...samples.invoices.make(parents).body, clientId: missingId() }],
      ["attendance", { employeeId: missingId(), date: "2026-12-01" }],
    ];
    for (const [path, body] of cases) {
      const res = await api.post(`/api/${path}`, body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body).toMatchObject({ code: "invalid_reference" });
    }
    const project = await createSample(api, "projects", parents);
    const patched = await api.patch(`/api/projects/${project.id}`, { clientId: missingId() });
    expect(patched.status).toBe(422);
    expect(patched.body).toMatchObject({ code: "invalid_reference" });
    expect(dataOf<Row>(await api.get(`/api/projects/${project.id}`)).clientId).toBe(parents.clientId);
  });

  it("answers a unique violation with 409 conflict", async () => {
    const item = samples["inventory-items"].make(parents).body;
    dataOf(await api.post("/api/inventory-items", item), 201);
    // The body names the violated constraint (src/platform/errors.ts, fromDatabaseError).
    const conflict = (constraint: string) => ({
      error: "Already exists",
      code: "conflict",
      issues: [{ path: constraint, message: "Already exists" }],
    });
    const again = await api.post("/api/inventory-items", { ...item, name: "Another name" });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(conflict("inventory_items_sku_key"));

    const employee = samples.employees.make(parents).body;
    dataOf(await api.post("/api/employees", employee), 201);
    const twin = await api.post("/api/employees", { ...employee, firstName: "Other" });
    expect(twin.status).toBe(409);
    expect(twin.body).toEqual(conflict("employee_details_employee_code_key"));

    // A client-supplied document number: unique, a duplicate is 409 (decided in README).
    const invoice = dataOf<Row>(
      await api.post("/api/invoices", {
        ...samples.invoices.make(parents).body,
        invoiceNumber: `A-${hex(8).toUpperCase()}`,
      }),
      201,
    );
    const sameNumber = await api.post("/api/invoices", {
      ...samples.invoices.make(parents).body,
      invoiceNumber: invoice.invoiceNumber,
    });
    expect(sameNumber.status).toBe(409);
    expect(sameNumber.body).toEqual(conflict("invoices_invoice_number_key"));
  });

  it("answers a NOT NULL column cleared with null by 400, not 500", async () => {
    const project = await createSample(api, "projects", parents);
    const res = await api.patch(`/api/projects/${project.id}`, { status: null });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed" });
    const cleared = dataOf<Row>(await api.patch(`/api/projects/${project.id}`, { description: null }));
    expect(cleared.description).toBeNull();
  });

  // 23503 on DELETE is a conflict with the rows still pointing here (src/http/resource-routes.ts), not the
  // 422 invalid_reference a missing parent gets on insert.
  it("refuses to delete a client an invoice still points at with 409 conflict, and keeps it", async () => {
    const client = await createSample(api, "clients", parents);
    const invoice = dataOf<Row>(
      await api.post("/api/invoices", { ...samples.invoices.make(parents).body, clientId: client.id }),
      201,
    );
    const res = await api.delete(`/api/clients/${client.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body).toEqual({ error: "Still referenced by other rows", code: "conflict" });
    expect(dataOf<Row>(await api.get(`/api/clients/${client.id}`))).toEqual(client);
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`)).clientId).toBe(client.id);
  });
});

describe.each(resources.filter((r) => r.items).map((r) => [r.path] as const))(
  "/api/%s line items",
  (path) => {
    it("computes line amounts and the document's totals exactly, and recomputes them on PATCH", async () => {
      const doc = dataOf<Row>(await api.post(`/api/${path}`, samples[path].make(parents).body), 201);
      expect(doc).toMatchObject(ITEMS_TOTALS);

      const read = dataOf<Row>(await api.get(`/api/${path}/${doc.id}`));
      expect(read).toMatchObject(ITEMS_TOTALS);
      expect(read.items).toMatchObject([
        {
          description: "Brand identity design",
          hsnSac: "998391",
          unit: "hrs",
          quantity: "2.000",
          unitPrice: "1500.25",
          gstRate: "18.00",
          amount: "3000.50",
          taxAmount: "540.09",
          position: 0,
        },
        {
          description: "Printing",
          hsnSac: "4911",
          unit: "nos",
          quantity: "1.500",
          unitPrice: "99.99",
          gstRate: "5.00",
          amount: "149.99",
          taxAmount: "7.50",
          position: 1,
        },
      ]);

      // 3 × 333.33 @ 18% = 999.99 + 180.00; 0.5 × 10 @ 0% = 5.00; 0.001 × 0.01 (default 18%) = 0.00.
      const newItems = [
        { description: "Retainer", quantity: 3, unitPrice: "333.33", gstRate: 18 },
        { description: "Courier", quantity: "0.5", unitPrice: 10, gstRate: 0 },
        { description: "Rounding", quantity: "0.001", unitPrice: "0.01" },
      ];
      const patched = dataOf<Row>(await api.patch(`/api/${path}/${doc.id}`, { items: newItems }));
      expect(patched).toMatchObject({ subtotal: "1004.99", taxAmount: "180.00", totalAmount: "1184.99" });
      const lines = patched.items as Row[];
      expect(lines.map((l) => [l.description, l.amount, l.taxAmount, l.gstRate, l.position])).toEqual([
        ["Retainer", "999.99", "180.00", "18.00", 0],
        ["Courier", "5.00", "0.00", "0.00", 1],
        ["Rounding", "0.00", "0.00", "18.00", 2],
      ]);
      expect(dataOf<Row>(await api.get(`/api/${path}/${doc.id}`))).toEqual(patched);

      // A PATCH without items keeps the lines and the totals.
      const noted = dataOf<Row>(await api.patch(`/api/${path}/${doc.id}`, { notes: "Revised" }));
      expect(noted).toMatchObject({ notes: "Revised", subtotal: "1004.99", totalAmount: "1184.99" });
      expect(noted.items).toEqual(patched.items);

      // Totals are the server's: a client cannot send them.
      const forged = await api.post(`/api/${path}`, {
        ...samples[path].make(parents).body,
        totalAmount: "1",
      });
      expect(forged.status).toBe(400);
      const noLines = await api.post(`/api/${path}`, { ...samples[path].make(parents).body, items: [] });
      expect(noLines.status).toBe(400);
      expect(issuePaths(noLines)).toContain("items");
      const badLine = await api.post(`/api/${path}`, {
        ...samples[path].make(parents).body,
        items: [{ description: "Bad", quantity: 0, unitPrice: "1.999", gstRate: "101" }],
      });
      expect(badLine.status).toBe(400);
      expect(issuePaths(badLine).sort()).toEqual([
        "items.0.gstRate",
        "items.0.quantity",
        "items.0.unitPrice",
      ]);
      // A well-formed rate that is no GST rate on the document's date: refused by the rate table.
      const noSuchRate = await api.post(`/api/${path}`, {
        ...samples[path].make(parents).body,
        items: [...newItems, { description: "Odd", quantity: 1, unitPrice: 1, gstRate: 7 }],
      });
      expect(noSuchRate.status, JSON.stringify(noSuchRate.body)).toBe(400);
      expect(noSuchRate.body).toMatchObject({ code: "validation_failed" });
      expect(issuePaths(noSuchRate)).toEqual(["items.3.gstRate"]);
    });
  },
);
