// The GST documents' routes of /openapi.json: credit and debit notes, payments, an invoice's
// e-invoice JSON, and the operators' GST rate table.
import { gstRateCloseSchema, gstRateCreateSchema, gstRateSchema } from "../gst-rate-routes.ts";
import { pageSchema } from "../../platform/cursor.ts";
import { clientPageQuery } from "../../resources/client-pages.ts";
import {
  CREDIT_NOTES,
  DEBIT_NOTES,
  noteCancelSchema,
  noteCreateSchema,
  type NoteKind,
  noteSchema,
} from "../../resources/notes.ts";
import { eInvoiceSchema } from "../../resources/e-invoice.ts";
import { paymentCreateSchema, paymentSchema } from "../../resources/payments.ts";
import {
  data,
  idParameter,
  operation,
  type OperationSpec,
  type Schemas,
  tenantOperation,
} from "./operations.ts";

type TenantSpec = Parameters<typeof tenantOperation>[1];

function notePaths(schemas: Schemas, note: NoteKind, noun: "CreditNote" | "DebitNote") {
  const op = (spec: Omit<TenantSpec, "tag">) => tenantOperation(schemas, { ...spec, tag: note.path });
  const row = schemas.name(noteSchema(note), noun);
  const what = noun === "CreditNote" ? "credit note" : "debit note";
  return {
    [`/api/${note.path}`]: {
      get: op({
        id: `list${noun}s`,
        summary: `List ${what}s, newest first`,
        query: clientPageQuery,
        ok: { schema: pageSchema(row), description: "A page; nextCursor is null on the last" },
      }),
      post: op({
        id: `create${noun}`,
        summary: `Issue a ${what} on one or more issued invoices of one client (CGST Act s. 34)`,
        description: `Numbered in its own series (prefix ${note === CREDIT_NOTES ? "CN" : "DN"} unless ` +
          "set), taxed as its invoices (place of supply, LUT, rates of the first invoice's date). " +
          (note === CREDIT_NOTES
            ? "409 when it would credit an invoice past its total; 400 after 30 November following the " +
              "invoice's financial year (s. 34(2))."
            : "Adds to what is outstanding on the invoices."),
        body: noteCreateSchema,
        ok: { status: 201, schema: data(row), description: "Issued" },
        errors: [409, 422],
      }),
    },
    [`/api/${note.path}/{id}`]: {
      parameters: [idParameter],
      get: op({
        id: `get${noun}`,
        summary: `Read a ${what}`,
        ok: { schema: data(row), description: "The note" },
      }),
      patch: op({
        id: `cancel${noun}`,
        summary: `Cancel a ${what}, with a reason; its invoices get back what it moved (final)`,
        body: noteCancelSchema,
        ok: { schema: data(row), description: "The cancelled note" },
        errors: [409],
      }),
    },
  };
}

export function gstPaths(schemas: Schemas) {
  const tenantOp = (spec: Omit<TenantSpec, "tag">) => tenantOperation(schemas, { ...spec, tag: "payments" });
  const adminOp = (spec: Omit<OperationSpec, "tag">) => operation(schemas, { ...spec, tag: "admin" });
  const payment = schemas.name(paymentSchema, "Payment");
  const rate = schemas.name(gstRateSchema, "GstRate");
  return {
    ...notePaths(schemas, CREDIT_NOTES, "CreditNote"),
    ...notePaths(schemas, DEBIT_NOTES, "DebitNote"),
    "/api/payments": {
      get: tenantOp({
        id: "listPayments",
        summary: "List payments received, newest first",
        query: clientPageQuery,
        ok: { schema: pageSchema(payment), description: "A page; nextCursor is null on the last" },
      }),
      post: tenantOp({
        id: "createPayment",
        summary: "Record a payment (cash and TDS) allocated to a client's issued invoices",
        description: "TDS under 194J (10 or 2 %) or 194C (1 or 2 %). Each invoice's status follows: paid " +
          "when cash, TDS and credit notes cover it, partially_paid before. 409 when an allocation " +
          "exceeds what is outstanding.",
        body: paymentCreateSchema,
        ok: { status: 201, schema: data(payment), description: "Recorded" },
        errors: [409, 422],
      }),
    },
    "/api/payments/{id}": {
      parameters: [idParameter],
      get: tenantOp({
        id: "getPayment",
        summary: "Read a payment",
        ok: { schema: data(payment), description: "The payment" },
      }),
    },
    "/api/invoices/{id}/e-invoice": {
      parameters: [idParameter],
      get: tenantOperation(schemas, {
        id: "getInvoiceEInvoice",
        tag: "invoices",
        summary: "An issued invoice as the IRP's INV-01 JSON, schema 1.1 (B2B, SEZ and export supplies)",
        description: "SupTyp B2B, SEZWP/SEZWOP or EXPWP/EXPWOP (with IGST or under LUT); DocDtls.No is the " +
          "invoice number, Dt DD/MM/YYYY; amounts in rupees. 409 conflict naming what to fix: a draft or " +
          "cancelled invoice (status), a bill of supply, a recipient without GSTIN (clientGstin: B2C is not " +
          "e-invoiced), or the seller's settings.gst.address/pincode, the client's address, city or " +
          "pincode, or a line's hsnSac (4, 6 or 8 digits) missing.",
        ok: { schema: data(schemas.name(eInvoiceSchema, "EInvoice")), description: "The INV-01 JSON" },
        errors: [409],
      }),
    },
    "/api/admin/gst-rates": {
      get: adminOp({
        id: "listGstRates",
        summary: "The GST rate table every agency's documents are checked against (operators)",
        ok: { schema: data(rate.array()), description: "Every rate, by validity" },
        errors: [401, 403, 503],
      }),
      post: adminOp({
        id: "createGstRate",
        summary: "Add a rate from a date (owners, operators): in force in every agency from that date",
        body: gstRateCreateSchema,
        ok: { status: 201, schema: data(rate), description: "The rate" },
        errors: [401, 403, 409, 503],
      }),
    },
    "/api/admin/gst-rates/{id}": {
      parameters: [idParameter],
      patch: adminOp({
        id: "closeGstRate",
        summary: "Close a rate on its last day (validTo), or reopen it with null (owners, operators)",
        body: gstRateCloseSchema,
        ok: { schema: data(rate), description: "The rate" },
        errors: [401, 403, 404, 503],
      }),
    },
  };
}
