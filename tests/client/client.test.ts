// The generated client (src/client) against the live API: a real HTTP server on the test stack, driven
// through signup → login → create a client → create an invoice → list, every call typed from the
// document (a renamed field or path here fails the type check, a changed answer the assertions).
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiClient, type Schemas } from "../../src/client/index.ts";
import { freshAddress, hex, PASSWORD } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";

const { app } = testApp({ TRUST_PROXY: "true" });
let server: Deno.HttpServer<Deno.NetAddr>;
let baseUrl: string;

beforeAll(() => {
  server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    (request, info) => app.fetch(request, info),
  );
  baseUrl = `http://127.0.0.1:${server.addr.port}`;
});
afterAll(() => server.shutdown());

it("signs up, logs in, creates a client and an invoice, and lists invoices through the typed client", async () => {
  const headers = { "X-Forwarded-For": freshAddress() }; // this test's own rate-limit bucket
  const anonymous = createApiClient({ baseUrl, headers });
  const email = `owner.${hex(8)}@example.com`;

  const signup = await anonymous.POST("/api/agencies", {
    body: {
      name: `Typed ${hex(6)}`,
      domain: `typed-${hex(8)}.example.com`,
      admin: { email, password: PASSWORD, fullName: "Typed Owner" },
    },
  });
  expect(signup.response.status, JSON.stringify(signup.error)).toBe(201);
  const agency: Schemas["Agency"] = signup.data!.agency;
  expect(agency.status).toBe("active");

  const login = await anonymous.POST("/api/auth/login", { body: { email, password: PASSWORD } });
  expect(login.response.status, JSON.stringify(login.error)).toBe(200);
  expect(login.data!.agencyDatabase).toBe(agency.databaseName);
  expect(login.data!.user).toMatchObject({ email, role: "admin" });

  const api = createApiClient({ baseUrl, headers, token: login.data!.token });
  const created = await api.POST("/api/clients", {
    body: { name: "Globex", gstin: "27AAPFU0939F1ZV", stateCode: "27" },
  });
  expect(created.response.status, JSON.stringify(created.error)).toBe(201);
  const client: Schemas["Client"] = created.data!.data;

  const invoice = await api.POST("/api/invoices", {
    body: {
      clientId: client.id,
      issueDate: "2026-01-15",
      items: [{ description: "Design", quantity: "2", unitPrice: "1500.25", gstRate: "18" }],
    },
  });
  expect(invoice.response.status, JSON.stringify(invoice.error)).toBe(201);
  const draft: Schemas["Invoice"] = invoice.data!.data;
  expect(draft).toMatchObject({
    status: "draft",
    invoiceNumber: null,
    subtotal: "3000.50",
    totalAmount: "3540.59",
  });
  expect(draft.items.map((line) => line.amount)).toEqual(["3000.50"]);

  const listed = await api.GET("/api/invoices", { params: { query: { clientId: client.id, limit: 10 } } });
  expect(listed.response.status, JSON.stringify(listed.error)).toBe(200);
  expect(listed.data!.data.map((row) => row.id)).toEqual([draft.id]);
  expect(listed.data!.nextCursor).toBeNull();

  const read = await api.GET("/api/invoices/{id}", { params: { path: { id: draft.id } } });
  expect(read.data!.data).toEqual(draft);

  // Errors come back typed as the contract's error shape.
  const refused = await anonymous.GET("/api/me");
  expect(refused.response.status).toBe(401);
  expect(refused.error!.code).toBe("unauthorized");
});
