// Values PostgreSQL cannot store are the client's mistake: a NUL character in a line item's text
// (which reaches the database inside JSON, where zod's text checks do not look) answers 400 in the
// contract's shape and creates nothing.
import { beforeAll, expect, it } from "vitest";
import { type Api, apiFor, dataOf, signupAgency } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";
import { tableRows } from "../ops/helpers.ts";

const { app } = testApp({ TRUST_PROXY: "true" });
let api: Api;
let database = "";
let clientId = "";

beforeAll(async () => {
  const tenant = await signupAgency(app, "badval");
  api = apiFor(app, tenant.token);
  database = tenant.agencyDatabase;
  clientId = dataOf<{ id: string }>(await api.post("/api/clients", { name: "NUL Client" }), 201).id;
});

const invoice = (item: Record<string, unknown>) => ({
  clientId,
  issueDate: "2026-02-01",
  dueDate: "2026-03-03",
  items: [{ description: "Design", quantity: "1", unitPrice: "100.00", gstRate: 18, ...item }],
});

for (const field of ["description", "unit"]) {
  it(`a NUL in a line item's ${field} gives 400 and creates nothing`, async () => {
    const res = await api.post("/api/invoices", invoice({ [field]: "bad\u0000value" }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    // 22P05 (\u0000 inside the line items' JSON), by its own message.
    expect(res.body).toEqual({
      code: "validation_failed",
      error: "A value holds a character text cannot store (e.g. \\u0000)",
    });
    expect(await tableRows(database, "invoices")).toEqual([]);
    expect(await tableRows(database, "invoice_items")).toEqual([]);
  });
}

it("the same invoice without the NUL is created", async () => {
  const created = dataOf<{ items: unknown[] }>(await api.post("/api/invoices", invoice({})), 201);
  expect(created.items).toHaveLength(1);
});
