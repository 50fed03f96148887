// Documents an Indian accountant signs off, on one agency registered in Karnataka (29) with a
// checksum-valid GSTIN: issued invoices fixed, credit notes within the invoice under concurrency,
// payments with TDS settling invoices, GSTINs checked to the check character, SEZ and export supplies.
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/stack.ts";
import {
  type Api,
  apiFor,
  call,
  dataOf,
  issuePaths,
  signedInOperator,
  signupAgency,
  type Tenant,
} from "../support/fixtures.ts";
import { createParents, type Parents } from "./samples.ts";

type Row = Record<string, unknown> & { id: string };

const { app, services } = testApp({
  TRUST_PROXY: "true",
  AGENCY_CONCURRENCY: "16",
});
let tenant: Tenant;
let api: Api;
let parents: Parents;
let localClientId = "";

beforeAll(async () => {
  tenant = await signupAgency(app, "gstdocs");
  api = apiFor(app, tenant.token);
  parents = await createParents(api, tenant.user.id); // GSTIN 29ABCDE1234F1ZW
  localClientId = dataOf<Row>(await api.post("/api/clients", { name: "Local", stateCode: "29" }), 201).id;
});

const line = (unitPrice: number, gstRate = 18) => ({
  description: "Campaign design",
  hsnSac: "998361",
  quantity: 1,
  unitPrice,
  gstRate,
});
/** An issued intra-state invoice of 1000 + 18 % = 1180.00 (CGST 90, SGST 90), dated in FY 26-27. */
const issued = async (body: Record<string, unknown> = {}) =>
  dataOf<Row>(
    await api.post("/api/invoices", {
      clientId: localClientId,
      status: "sent",
      issueDate: "2026-06-01",
      items: [line(1000)],
      ...body,
    }),
    201,
  );

describe("an issued invoice", () => {
  it("refuses changes to its lines, client and place of supply (409), its totals untouched", async () => {
    const invoice = await issued();
    for (
      const change of [
        { items: [line(10)] },
        { clientId: parents.clientId },
        { placeOfSupply: "27" },
        { isReverseCharge: true },
      ]
    ) {
      const res = await api.patch(`/api/invoices/${invoice.id}`, change);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect(res.body).toMatchObject({ code: "conflict" });
    }
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toEqual(invoice);
    // Notes and the due date still change.
    const noted = dataOf<Row>(await api.patch(`/api/invoices/${invoice.id}`, { notes: "Pay by NEFT" }));
    expect(noted).toMatchObject({ notes: "Pay by NEFT", totalAmount: "1180.00" });
  });

  it("copies the Rule 46 details when it is issued, and needs every line's HSN/SAC", async () => {
    const invoice = await issued({ clientId: parents.clientId, placeOfSupply: undefined });
    expect(invoice).toMatchObject({
      supplierGstin: "29ABCDE1234F1ZW",
      clientGstin: "27AAPFU0939F1ZV",
      clientStateCode: "27",
      placeOfSupply: "27",
      placeOfSupplyState: "Maharashtra",
      isReverseCharge: false,
      isBillOfSupply: false,
    });
    expect(invoice.clientName).toMatch(/Private Limited$/);
    expect(invoice.clientAddress).toContain("Mumbai");
    const noSac = await api.post("/api/invoices", {
      clientId: localClientId,
      status: "sent",
      items: [line(100), { ...line(100), hsnSac: undefined }],
    });
    expect(noSac.status).toBe(400);
    expect(issuePaths(noSac)).toEqual(["items.1.hsnSac"]);
  });

  it("is dated the day it is issued unless a date is given, and numbered in that year's series", async () => {
    const draft = dataOf<Row>(
      await api.post("/api/invoices", {
        clientId: localClientId,
        issueDate: "2026-03-31",
        items: [line(100)],
      }),
      201,
    );
    const today = new Date().toISOString().slice(0, 10);
    const sent = dataOf<Row>(await api.patch(`/api/invoices/${draft.id}`, { status: "sent" }));
    expect(sent.issueDate).toBe(today);
    expect(sent.invoiceNumber).not.toMatch(/\/25-26\//);
  });

  it("stays cancelled, with its reason and time; it cannot be created cancelled", async () => {
    const invoice = await issued();
    const noReason = await api.patch(`/api/invoices/${invoice.id}`, { status: "cancelled" });
    expect(issuePaths(noReason)).toEqual(["cancellationReason"]);
    const cancelled = dataOf<Row>(
      await api.patch(`/api/invoices/${invoice.id}`, {
        status: "cancelled",
        cancellationReason: "Wrong client",
      }),
    );
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationReason: "Wrong client" });
    for (const status of ["sent", "paid", "overdue"]) {
      const res = await api.patch(`/api/invoices/${invoice.id}`, { status });
      expect(res.status, status).toBe(409);
    }
    const created = await api.post("/api/invoices", {
      clientId: localClientId,
      status: "cancelled",
      items: [line(1)],
    });
    expect(created.status).toBe(400);
    expect(issuePaths(created)).toEqual(["status"]);
    expect(
      (await api.post("/api/invoices", { clientId: localClientId, status: "paid", items: [line(1)] })).status,
    )
      .toBe(400);
  });
});

describe("credit and debit notes", () => {
  it("credits part of an invoice in its own series, with the invoice's tax split", async () => {
    const invoice = await issued();
    const res = await api.post("/api/credit-notes", {
      reason: "Discount agreed after delivery",
      invoices: [{ invoiceId: invoice.id }],
      items: [line(100)],
    });
    const note = dataOf<Row>(res, 201);
    expect(note).toMatchObject({
      creditNoteNumber: "CN/26-27/000001",
      status: "issued",
      placeOfSupply: "29",
      supplyType: "intra_state",
      subtotal: "100.00",
      cgstAmount: "9.00",
      sgstAmount: "9.00",
      igstAmount: "0.00",
      totalAmount: "118.00",
      invoices: [{ invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, amount: "118.00" }],
    });
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toMatchObject({
      amountCredited: "118.00",
      amountOutstanding: "1062.00",
      status: "sent",
    });
    // An invoice with a credit note cannot be cancelled: the note says what happened.
    const cancel = await api.patch(`/api/invoices/${invoice.id}`, {
      status: "cancelled",
      cancellationReason: "x",
    });
    expect(cancel.status).toBe(409);
    // A debit note adds to what is outstanding.
    const debit = dataOf<Row>(
      await api.post("/api/debit-notes", {
        reason: "Extra hours",
        invoices: [{ invoiceId: invoice.id }],
        items: [line(50)],
      }),
      201,
    );
    expect(debit).toMatchObject({ debitNoteNumber: "DN/26-27/000001", totalAmount: "59.00" });
    const listed = dataOf<Row[]>(await api.get(`/api/credit-notes?clientId=${localClientId}&limit=100`));
    expect(listed.map((n) => n.id)).toContain(note.id);
    expect(dataOf<Row>(await api.get(`/api/debit-notes/${debit.id}`))).toEqual(debit);
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toMatchObject({
      amountOutstanding: "1121.00",
    });
  });

  it("lets exactly one of two concurrent credit notes through when together they exceed the invoice", async () => {
    const invoice = await issued(); // 1180.00
    const credit = () =>
      api.post("/api/credit-notes", {
        reason: "Service not rendered",
        invoices: [{ invoiceId: invoice.id }],
        items: [line(600)], // 708.00 each: 1416.00 together
      });
    const replies = await Promise.all([credit(), credit()]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toMatchObject({
      amountCredited: "708.00",
      amountOutstanding: "472.00",
    });
  });

  it("refuses a credit note after 30 November following the invoice's financial year (s. 34(2))", async () => {
    const invoice = await issued({ issueDate: "2025-05-01" }); // FY 25-26: credit notes due by 2026-11-30
    const late = await api.post("/api/credit-notes", {
      issueDate: "2026-12-01",
      reason: "Late",
      invoices: [{ invoiceId: invoice.id }],
      items: [line(10)],
    });
    expect(late.status).toBe(400);
    expect(issuePaths(late)).toEqual(["invoices.0.invoiceId"]);
  });
});

describe("payments", () => {
  const pay = (invoice: Row, share: number, tds = 0) =>
    api.post("/api/payments", {
      clientId: localClientId,
      paymentDate: "2026-07-01",
      amount: (1180 * share).toFixed(2),
      ...(tds ? { tdsSection: "194J", tdsRate: "10", tdsAmount: (1180 * tds).toFixed(2) } : {}),
      paymentMethod: "neft",
      referenceNumber: "UTR123",
      allocations: [{
        invoiceId: invoice.id,
        amount: (1180 * share).toFixed(2),
        ...(tds ? { tdsAmount: (1180 * tds).toFixed(2) } : {}),
      }],
    });

  it("settles an invoice when cash and TDS cover it: 90 % with 10 % TDS under 194J is paid", async () => {
    const invoice = await issued();
    const payment = dataOf<Row>(await pay(invoice, 0.9, 0.1), 201);
    expect(payment).toMatchObject({ amount: "1062.00", tdsSection: "194J", tdsAmount: "118.00" });
    const listed = dataOf<Row[]>(await api.get(`/api/payments?clientId=${localClientId}&limit=100`));
    expect(listed.find((p) => p.id === payment.id)).toEqual(payment);
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toMatchObject({
      status: "paid",
      amountReceived: "1062.00",
      tdsDeducted: "118.00",
      amountOutstanding: "0.00",
    });
  });

  it("makes 50 % partially paid, and refuses to allocate past what is outstanding", async () => {
    const invoice = await issued();
    dataOf(await pay(invoice, 0.5), 201);
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toMatchObject({
      status: "partially_paid",
      amountOutstanding: "590.00",
    });
    const over = await pay(invoice, 0.6);
    expect(over.status).toBe(409);
    expect(issuePaths(over)).toEqual(["allocations.0.amount"]);
    expect(dataOf<Row>(await api.get(`/api/invoices/${invoice.id}`))).toMatchObject({
      amountOutstanding: "590.00",
    });
  });

  it("checks TDS sections and rates", async () => {
    const invoice = await issued();
    const body = {
      clientId: localClientId,
      amount: "100.00",
      tdsSection: "194C",
      tdsRate: "10",
      tdsAmount: "10.00",
      allocations: [{ invoiceId: invoice.id, amount: "100.00", tdsAmount: "10.00" }],
    };
    expect(issuePaths(await api.post("/api/payments", body))).toEqual(["tdsRate"]);
    const { tdsSection: _, tdsRate: __, ...noSection } = body;
    expect(issuePaths(await api.post("/api/payments", noSection))).toEqual(["tdsSection"]);
  });
});

describe("GSTINs", () => {
  it("accepts 27AAPFU0939F1ZV and refuses 27AAPFU0939F1ZW on the path gstin: settings, clients, suppliers", async () => {
    const other = apiFor(app, (await signupAgency(app, "gstin")).token);
    for (
      const [method, path, body] of [
        ["put", "/api/settings/gst", { legalName: "Other LLP" }],
        ["post", "/api/clients", { name: "Client" }],
        ["post", "/api/suppliers", { name: "Supplier" }],
      ] as const
    ) {
      const good = await other[method](path, { ...body, gstin: "27AAPFU0939F1ZV" });
      expect(good.status, path).toBe(method === "put" ? 200 : 201);
      const bad = await other[method](path, { ...body, gstin: "27AAPFU0939F1ZW" });
      expect(bad.status, path).toBe(400);
      expect(issuePaths(bad)).toEqual(["gstin"]);
    }
    for (const gstin of ["27AAPF10939F1ZV", "27AAPFU0939F1YV", "27AAPFU0939F0ZV"]) {
      expect(issuePaths(await other.post("/api/clients", { name: "C", gstin })), gstin).toEqual(["gstin"]);
    }
    // A GSTIN of another state than the one given: 400 on gstin, not the database's unnamed CHECK.
    const mismatch = await other.post("/api/clients", {
      name: "C",
      gstin: "27AAPFU0939F1ZV",
      stateCode: "29",
    });
    expect(mismatch.status).toBe(400);
    expect(issuePaths(mismatch)).toEqual(["gstin"]);
  });
});

describe("exports and SEZ supplies", () => {
  it("charges an SEZ client in Karnataka IGST only", async () => {
    const sez = dataOf<Row>(
      await api.post("/api/clients", { name: "SEZ unit", stateCode: "29", gstTreatment: "sez" }),
      201,
    );
    const invoice = await issued({ clientId: sez.id });
    expect(invoice).toMatchObject({
      placeOfSupply: "29",
      supplyType: "sez",
      cgstAmount: "0.00",
      sgstAmount: "0.00",
      igstAmount: "180.00",
    });
  });

  it("issues an export under LUT with place of supply 96 and no tax, once the LUT is on record", async () => {
    const overseas = dataOf<Row>(
      await api.post("/api/clients", { name: "Acme Inc", gstTreatment: "overseas" }),
      201,
    );
    const body = { clientId: overseas.id, taxPayment: "lut" };
    const noLut = await api.post("/api/invoices", { ...body, status: "sent", items: [line(1000)] });
    expect(noLut.status).toBe(400);
    expect(issuePaths(noLut)).toEqual(["taxPayment"]);
    const registration = dataOf<Row>(await api.get("/api/settings/gst"));
    dataOf(
      await api.put("/api/settings/gst", {
        gstin: registration.gstin,
        legalName: registration.legalName,
        lutReference: "AD290326000123X",
      }),
    );
    const invoice = await issued(body);
    expect(invoice).toMatchObject({
      placeOfSupply: "96",
      placeOfSupplyState: "Other Country",
      supplyType: "export",
      taxAmount: "0.00",
      totalAmount: "1000.00",
      lutReference: "AD290326000123X",
    });
    // With payment of IGST instead: IGST at the full rate.
    expect(await issued({ clientId: overseas.id, taxPayment: "igst" })).toMatchObject({
      igstAmount: "180.00",
    });
    // LUT is for exports and SEZ supplies only.
    const domestic = await api.post("/api/invoices", {
      clientId: localClientId,
      taxPayment: "lut",
      items: [line(1)],
    });
    expect(issuePaths(domestic)).toEqual(["taxPayment"]);
  });
});

describe("the GST rate table", () => {
  it("takes a rate an operator adds from its date, in every agency, and refuses it the day before", async () => {
    const operator = await signedInOperator(app, services.control);
    const viewer = await signedInOperator(app, services.control, "viewer");
    const rate = {
      rate: "7.5",
      validFrom: "2031-04-01",
      description: "Test rate",
      notification: "99/2031-CT(Rate)",
    };
    const refused = await call(app, "POST", "/api/admin/gst-rates", { token: viewer.token, body: rate });
    expect(refused.status).toBe(403);
    const added = dataOf<Row>(
      await call(app, "POST", "/api/admin/gst-rates", { token: operator.token, body: rate }),
      201,
    );
    expect(added).toMatchObject({ rate: "7.50", validFrom: "2031-04-01", validTo: null });
    const other = await signupAgency(app, "rates");
    const otherApi = apiFor(app, other.token);
    await createParents(otherApi, other.user.id);
    const otherClient =
      dataOf<Row>(await otherApi.post("/api/clients", { name: "C", stateCode: "29" }), 201).id;
    for (const [agencyApi, clientId] of [[api, localClientId], [otherApi, otherClient]] as const) {
      const at = (issueDate: string) =>
        agencyApi.post("/api/invoices", { clientId, issueDate, items: [line(1000, 7.5)] });
      expect(dataOf<Row>(await at("2031-04-01"), 201)).toMatchObject({ taxAmount: "75.00" });
      expect(issuePaths(await at("2031-03-31"))).toEqual(["items.0.gstRate"]);
    }
    // Closed on its last day: refused after it.
    const closed = await call(app, "PATCH", `/api/admin/gst-rates/${added.id}`, {
      token: operator.token,
      body: { validTo: "2031-06-30" },
    });
    expect(dataOf<Row>(closed)).toMatchObject({ validTo: "2031-06-30" });
    const after = await api.post("/api/invoices", {
      clientId: localClientId,
      issueDate: "2031-07-01",
      items: [line(1, 7.5)],
    });
    expect(issuePaths(after)).toEqual(["items.0.gstRate"]);
    const backwards = await call(app, "PATCH", `/api/admin/gst-rates/${added.id}`, {
      token: operator.token,
      body: { validTo: "2031-01-01" },
    });
    expect(issuePaths(backwards)).toEqual(["validTo"]);
    await services.control`delete from users where id in ${services.control([operator.id, viewer.id])}`;
  });
});
