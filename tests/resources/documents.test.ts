// Document series and GST on invoices, quotations and purchase orders, on one fresh agency registered
// in Karnataka (29): consecutive gap-free numbers per financial year under concurrency, drafts without
// numbers, the CGST/SGST or IGST split to the paisa, and rates checked against the dated rate table.
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/stack.ts";
import {
  type Api,
  apiFor,
  dataOf,
  hex,
  issuePaths,
  loginToken,
  PASSWORD,
  signupAgency,
  sleep,
  type Tenant,
} from "../support/fixtures.ts";
import { createParents, createSample, type Parents, samples } from "./samples.ts";

type Row = Record<string, unknown> & { id: string };
type Line = Record<string, string>;

// Several connections per agency, so concurrent issues really race for the series' counter row.
const { app } = testApp({ TRUST_PROXY: "true", AGENCY_CONCURRENCY: "16" });
let tenant: Tenant;
let api: Api;
let parents: Parents;
let localClientId = ""; // in Karnataka, like the agency

beforeAll(async () => {
  tenant = await signupAgency(app, "docs");
  api = apiFor(app, tenant.token);
  parents = await createParents(api, tenant.user.id); // registers GSTIN 29…; sample client in 27
  localClientId = dataOf<Row>(await api.post("/api/clients", { name: "Local", stateCode: "29" }), 201).id;
});

const SERIES_NUMBER = /^[A-Za-z0-9/-]{1,16}$/;
// Every line of an issued invoice carries its HSN/SAC (Rule 46): SAC 998391 (specialty design).
const withSac = (items: Record<string, unknown>[]) => items.map((line) => ({ hsnSac: "998391", ...line }));
const invoice = (body: Record<string, unknown>) => ({
  clientId: parents.clientId,
  issueDate: "2026-06-01",
  ...body,
  items: withSac(
    (body.items as Record<string, unknown>[]) ??
      [{ description: "Design", quantity: 1, unitPrice: 100, gstRate: 18 }],
  ),
});
const post = (body: Record<string, unknown>) => api.post("/api/invoices", invoice(body));

describe("document series", () => {
  it("gives 50 concurrent issued invoices 50 consecutive numbers, without gaps", async () => {
    // As a client following the contract: a 503 (the agency's connections all waiting on the series'
    // row, on a loaded machine) is retried after its Retry-After; a refused issue uses no number.
    const issue = async () => {
      for (let attempt = 1;; attempt++) {
        const reply = await post({ status: "sent", issueDate: "2028-06-01" });
        if (reply.status !== 503 || attempt === 10) return reply;
        await sleep(Number(reply.headers.get("retry-after")) * 1000);
      }
    };
    const replies = await Promise.all(Array.from({ length: 50 }, issue));
    for (const reply of replies) expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const numbers = replies.map((r) => dataOf<Row>(r, 201).invoiceNumber as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 50 }, (_, i) => `INV/28-29/${String(i + 1).padStart(6, "0")}`),
    );
    for (const number of numbers) {
      expect(number.length).toBeLessThanOrEqual(16);
      expect(number).toMatch(SERIES_NUMBER);
    }
  });

  it("restarts the series on 1 April, numbers a draft when it is issued, and loses none to a refusal", async () => {
    const march = dataOf<Row>(await post({ status: "sent", issueDate: "2027-03-31" }), 201);
    expect(march.invoiceNumber).toMatch(/^INV\/26-27\/[0-9]{6}$/);
    const april = dataOf<Row>(await post({ status: "sent", issueDate: "2027-04-01" }), 201);
    expect(april.invoiceNumber).toBe("INV/27-28/000001");

    // Refused inside the issuing transaction (12 % is gone by then): the number goes back.
    const refused = await post({
      status: "sent",
      issueDate: "2027-04-02",
      items: [{ description: "Old rate", quantity: 1, unitPrice: 100, gstRate: 12 }],
    });
    expect(refused.status).toBe(400);

    const draft = dataOf<Row>(await post({ issueDate: "2027-04-03" }), 201);
    expect(draft).toMatchObject({ status: "draft", invoiceNumber: null });
    const issued = dataOf<Row>(
      await api.patch(`/api/invoices/${draft.id}`, { status: "sent", issueDate: "2027-04-03" }),
    );
    expect(issued.invoiceNumber).toBe("INV/27-28/000002");
    // Cancelling keeps the number; an issued document is never deleted nor back to draft.
    const cancelled = dataOf<Row>(
      await api.patch(`/api/invoices/${draft.id}`, { status: "cancelled", cancellationReason: "Duplicate" }),
    );
    expect(cancelled).toMatchObject({
      status: "cancelled",
      invoiceNumber: "INV/27-28/000002",
      cancellationReason: "Duplicate",
    });
    expect(cancelled.cancelledAt).toEqual(expect.any(String));
    for (
      const [change, message] of [
        [{ status: "draft" }, "An issued document cannot go back to draft"],
        [{ invoiceNumber: "X-1" }, "An issued document keeps its number"],
        [{ issueDate: "2027-04-04" }, "An issued document keeps its date (and financial year)"],
      ] as const
    ) {
      const res = await api.patch(`/api/invoices/${draft.id}`, change);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect(res.body).toEqual({ error: message, code: "conflict" });
    }
    expect((await api.delete(`/api/invoices/${draft.id}`)).status).toBe(409);
    expect(dataOf<Row>(await api.get(`/api/invoices/${draft.id}`))).toEqual(cancelled);
  });

  it("accepts a client's own number only in the CGST Rule 46(b) format, and not the server's series shape", async () => {
    const own = `BILL/${hex(6).toUpperCase()}`;
    expect(dataOf<Row>(await post({ status: "sent", invoiceNumber: own }), 201).invoiceNumber).toBe(own);
    // DocDtls.No of the e-invoice: upper case, not starting with 0, / or -.
    const refused = [
      "INV 1",
      "A".repeat(17),
      "INV_1",
      "",
      "INV/26-27/000999",
      "inv-1",
      "0INV1",
      "/INV1",
      "-INV1",
    ];
    for (const invoiceNumber of refused) {
      const res = await post({ status: "sent", invoiceNumber });
      expect(res.status, invoiceNumber).toBe(400);
      expect(res.body).toMatchObject({ code: "validation_failed" });
      expect(issuePaths(res)).toEqual(["invoiceNumber"]);
    }
  });

  it("takes prefixes from the agency's settings; only admins change them, within 4 characters", async () => {
    const notes = { creditNotePrefix: "CN", debitNotePrefix: "DN" };
    expect(dataOf(await api.get("/api/settings/documents"))).toEqual({
      invoicePrefix: "INV",
      quotationPrefix: "QT",
      purchaseOrderPrefix: "PO",
      ...notes,
    });
    const prefixes = { invoicePrefix: "INV", quotationPrefix: "Q", purchaseOrderPrefix: "PUR-" };
    expect(dataOf(await api.put("/api/settings/documents", prefixes))).toEqual({ ...prefixes, ...notes });
    const quotation = dataOf<Row>(
      await api.post("/api/quotations", { ...invoice({ status: "sent" }), issueDate: "2026-05-05" }),
      201,
    );
    expect(quotation.quotationNumber).toBe("Q/26-27/000001");
    const order = await createSample(api, "purchase-orders", parents);
    const submitted = dataOf<Row>(
      await api.patch(`/api/purchase-orders/${order.id}`, { status: "submitted" }),
    );
    expect(submitted.poNumber).toBe("PUR-/25-26/00001");

    const tooLong = await api.put("/api/settings/documents", { ...prefixes, invoicePrefix: "INVOICE" });
    expect(tooLong.status).toBe(400);
    expect(issuePaths(tooLong)).toEqual(["invoicePrefix"]);
    const slash = await api.put("/api/settings/documents", { ...prefixes, quotationPrefix: "Q/1" });
    expect(issuePaths(slash)).toEqual(["quotationPrefix"]);
    for (const creditNotePrefix of ["cn", "0CN", "-CN"]) {
      const res = await api.put("/api/settings/documents", { ...prefixes, creditNotePrefix });
      expect(issuePaths(res), creditNotePrefix).toEqual(["creditNotePrefix"]);
    }

    const email = `staff-${hex(8)}@example.com`;
    dataOf(await api.post("/api/users", { email, password: PASSWORD, fullName: "Staff" }), 201);
    const staff = apiFor(app, await loginToken(app, email, PASSWORD, tenant.agencyDatabase));
    expect((await staff.put("/api/settings/documents", prefixes)).status).toBe(403);
    expect((await staff.put("/api/settings/gst", { gstin: "29ABCDE1234F1ZW", legalName: "X" })).status)
      .toBe(403);
    expect(dataOf(await staff.get("/api/settings/documents"))).toEqual({ ...prefixes, ...notes });
  });
});

describe("GST", () => {
  // 3 × 0.10 @ 18 %: 0.30, CGST = SGST = 0.027 → 0.03 (IGST 0.054 → 0.05); 100.01 @ 5 %: 2.50025 →
  // 2.50 each (IGST 5.0005 → 5.00); 0.55 @ 18 %: 0.0495 → 0.05 each (IGST 0.099 → 0.10).
  const awkward = withSac([
    { description: "Pins", quantity: 3, unitPrice: "0.10", gstRate: 18 },
    { description: "Print", quantity: 1, unitPrice: "100.01", gstRate: 5 },
    { description: "Stamp", quantity: 1, unitPrice: "0.55", gstRate: 18 },
  ]);
  const components = (lines: Line[]) =>
    lines.map((l) => [l.cgstAmount, l.sgstAmount, l.igstAmount, l.taxAmount]);

  it("splits an intra-state invoice into equal CGST and SGST, each rounded to the paisa", async () => {
    const doc = dataOf<Row>(await post({ clientId: localClientId, status: "sent", items: awkward }), 201);
    expect(doc).toMatchObject({
      placeOfSupply: "29",
      supplyType: "intra_state",
      subtotal: "100.86",
      cgstAmount: "2.58",
      sgstAmount: "2.58",
      igstAmount: "0.00",
      taxAmount: "5.16",
      totalAmount: "106.02",
    });
    expect(components(doc.items as Line[])).toEqual([
      ["0.03", "0.03", "0.00", "0.06"],
      ["2.50", "2.50", "0.00", "5.00"],
      ["0.05", "0.05", "0.00", "0.10"],
    ]);
  });

  it("charges IGST only on an inter-state invoice, and follows an explicit place of supply", async () => {
    const doc = dataOf<Row>(await post({ status: "sent", items: awkward }), 201);
    expect(doc).toMatchObject({
      placeOfSupply: "27",
      supplyType: "inter_state",
      cgstAmount: "0.00",
      sgstAmount: "0.00",
      igstAmount: "5.15",
      taxAmount: "5.15",
      totalAmount: "106.01",
    });
    expect(components(doc.items as Line[])).toEqual([
      ["0.00", "0.00", "0.05", "0.05"],
      ["0.00", "0.00", "5.00", "5.00"],
      ["0.00", "0.00", "0.10", "0.10"],
    ]);
    // The same client, the supply made in Karnataka: intra-state; moved back by PATCH: IGST again.
    const local = dataOf<Row>(await post({ placeOfSupply: "29", items: awkward }), 201);
    expect(local).toMatchObject({ supplyType: "intra_state", cgstAmount: "2.58", igstAmount: "0.00" });
    const moved = dataOf<Row>(await api.patch(`/api/invoices/${local.id}`, { placeOfSupply: "27" }));
    expect(moved).toMatchObject({ supplyType: "inter_state", cgstAmount: "0.00", igstAmount: "5.15" });
    for (const placeOfSupply of ["99", "00", "39", "Maharashtra", "7"]) {
      const res = await post({ placeOfSupply });
      expect(res.status, placeOfSupply).toBe(400);
      expect(issuePaths(res)).toEqual(["placeOfSupply"]);
    }
  });

  it("splits a purchase order by the supplier's state and the warehouse's", async () => {
    const { placeOfSupply: _, ...order } = samples["purchase-orders"].make(parents).body;
    const doc = dataOf<Row>(await api.post("/api/purchase-orders", { ...order, items: awkward }), 201);
    expect(doc).toMatchObject({ placeOfSupply: "29", supplyType: "intra_state", cgstAmount: "2.58" });
  });

  it("checks rates against the table in force on the document's date (GST 2.0 from 22 September 2025)", async () => {
    const line = (gstRate: number) => ({ description: "Goods", quantity: 1, unitPrice: 1000, gstRate });
    const at = (issueDate: string, gstRate: number) =>
      post({ status: "sent", issueDate, items: [line(18), line(gstRate)] });

    const luxury = dataOf<Row>(await at("2025-09-22", 40), 201);
    expect(luxury).toMatchObject({ igstAmount: "580.00", taxAmount: "580.00" });
    const refused = await at("2025-09-22", 12);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: "A GST rate is not in force on the document's date",
      code: "validation_failed",
      issues: [{ path: "items.1.gstRate", message: "12% is not a GST rate in force on 2025-09-22" }],
    });
    expect(dataOf<Row>(await at("2025-09-21", 12), 201)).toMatchObject({ taxAmount: "300.00" });
    expect(issuePaths(await at("2025-09-21", 40))).toEqual(["items.1.gstRate"]);
    // 28 % ended on 31 January 2026 (Notification 19/2025-CT(Rate)): tobacco and pan masala at 40 %.
    expect(dataOf<Row>(await at("2025-10-01", 28), 201)).toMatchObject({ taxAmount: "460.00" });
    expect(dataOf<Row>(await at("2026-01-31", 28), 201)).toMatchObject({ taxAmount: "460.00" });
    expect(issuePaths(await at("2026-02-01", 28))).toEqual(["items.1.gstRate"]);
    expect(dataOf<Row>(await at("2026-02-01", 40), 201)).toMatchObject({ taxAmount: "580.00" });

    // Moving a draft's date across the change re-checks its lines.
    const draft = dataOf<Row>(await post({ issueDate: "2025-09-21", items: [line(12)] }), 201);
    const moved = await api.patch(`/api/invoices/${draft.id}`, { issueDate: "2025-09-22" });
    expect(moved.status).toBe(400);
    expect(issuePaths(moved)).toEqual(["items.0.gstRate"]);
  });

  it("keeps the agency's GST registration, validating the GSTIN", async () => {
    expect(dataOf(await api.get("/api/settings/gst"))).toMatchObject({
      gstin: "29ABCDE1234F1ZW",
      legalName: "Sample Agency LLP",
      pan: "ABCDE1234F",
      state: "Karnataka",
      stateCode: "29",
    });
    for (const gstin of ["00ABCDE1234F1Z5", "40ABCDE1234F1Z5", "29ABCDE1234F1Z", "29-BCDE1234F1Z5"]) {
      const res = await api.put("/api/settings/gst", { gstin, legalName: "Sample Agency LLP" });
      expect(res.status, gstin).toBe(400);
      expect(issuePaths(res)).toEqual(["gstin"]);
    }
  });

  it("refuses to issue an invoice before the agency registers for GST, and numbers it after", async () => {
    const other = await signupAgency(app, "nogst");
    const otherApi = apiFor(app, other.token);
    const clientId = dataOf<Row>(await otherApi.post("/api/clients", { name: "C", stateCode: "27" }), 201).id;
    expect(dataOf(await otherApi.get("/api/settings/gst"))).toBeNull();
    const body = invoice({ clientId, status: "sent" });
    const res = await otherApi.post("/api/invoices", body);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: "Set the agency's GST registration (PUT /api/settings/gst) before issuing invoices",
      code: "conflict",
    });
    // A draft is fine meanwhile (IGST, the supplier's state being unknown).
    const draft = dataOf<Row>(await otherApi.post("/api/invoices", { ...body, status: "draft" }), 201);
    expect(draft).toMatchObject({ supplyType: "inter_state", igstAmount: "18.00" });
    dataOf(await otherApi.put("/api/settings/gst", { gstin: "27AAPFU0939F1ZV", legalName: "Other LLP" }));
    const issued = dataOf<Row>(await otherApi.patch(`/api/invoices/${draft.id}`, { status: "sent" }));
    expect(issued).toMatchObject({
      invoiceNumber: "INV/26-27/000001",
      supplyType: "intra_state",
      cgstAmount: "9.00",
      sgstAmount: "9.00",
      igstAmount: "0.00",
    });
  });
});
