// GET /api/invoices/:id/e-invoice: an issued invoice as the INV-01 JSON (schema 1.1) a taxpayer above
// ₹5 crore reports to the IRP: B2B, SEZ and export supplies. Taken from what the invoice holds since
// issue (number, date, GSTINs, recipient's name and state, place of supply, taxes per line), the
// agency's GST settings (seller's name, address, PIN) and the client's address parts, which the
// invoice keeps as one line but the IRP wants split. Anything the IRP would refuse is a 409 naming the
// field to fix; the JSON answered validates against NIC's schema (tests/resources/e-invoice.test.ts).
import { z } from "zod";
import type { Queryable } from "../platform/db.ts";
import { conflict, type Issue, notFound } from "../platform/errors.ts";
import { primaryRegistration } from "../settings/gst-registration.ts";
import { PLACES, STATES } from "../platform/fields.ts";
import { OUT_OF_INDIA } from "./gst.ts";

const party = {
  Gstin: z.string(),
  LglNm: z.string(),
  TrdNm: z.string().optional(),
  Addr1: z.string(),
  Addr2: z.string().optional(),
  Loc: z.string(),
  Pin: z.number().int(),
  Stcd: z.string(),
};
const itemSchema = z.strictObject({
  SlNo: z.string(),
  PrdDesc: z.string(),
  IsServc: z.enum(["Y", "N"]),
  HsnCd: z.string(),
  Qty: z.number(),
  Unit: z.string(),
  UnitPrice: z.number(),
  TotAmt: z.number(),
  AssAmt: z.number(),
  GstRt: z.number(),
  IgstAmt: z.number(),
  CgstAmt: z.number(),
  SgstAmt: z.number(),
  TotItemVal: z.number(),
});
/** The part of INV-01 v1.1 this API fills in (amounts in rupees, at most 2 decimals). */
export const eInvoiceSchema = z.strictObject({
  Version: z.literal("1.1"),
  TranDtls: z.strictObject({
    TaxSch: z.literal("GST"),
    SupTyp: z.enum(["B2B", "SEZWP", "SEZWOP", "EXPWP", "EXPWOP"]),
    RegRev: z.enum(["Y", "N"]),
  }),
  DocDtls: z.strictObject({
    Typ: z.literal("INV"),
    No: z.string(),
    Dt: z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/).describe("DD/MM/YYYY"),
  }),
  SellerDtls: z.strictObject(party),
  BuyerDtls: z.strictObject({ ...party, Pos: z.string() }),
  ItemList: z.array(itemSchema),
  ValDtls: z.strictObject({
    AssVal: z.number(),
    CgstVal: z.number(),
    SgstVal: z.number(),
    IgstVal: z.number(),
    TotInvVal: z.number(),
  }),
});
type EInvoice = z.infer<typeof eInvoiceSchema>;

/** Exports and SEZ supplies by how they are taxed (README: IGST unless the invoice says LUT). */
const SUPPLY_TYPES: Record<string, EInvoice["TranDtls"]["SupTyp"]> = {
  "sez igst": "SEZWP",
  "sez lut": "SEZWOP",
  "export igst": "EXPWP",
  "export lut": "EXPWOP",
};
/** The IRP's stand-ins for a buyer abroad: unregistered, state and PIN of "other country". */
const ABROAD = { Gstin: "URP", Stcd: OUT_OF_INDIA, Pin: 999999 };
// Why the invoice is not e-invoiced, with the fields to fix.
const refused = (message: string, issues: Issue[]) => conflict(message, { issues });
const rupees = (amount: unknown) => Number(amount);
const ddmmyyyy = (date: string) => date.split("-").reverse().join("/");

/** The IRP's text fields take no double quote, and at most `max` characters. */
const irpText = (value: unknown, max: number) =>
  typeof value === "string" ? value.replaceAll('"', "'").replace(/\s+/g, " ").trim().slice(0, max) : "";

export async function buildEInvoice(sql: Queryable, id: string): Promise<EInvoice> {
  const [invoice] = await sql`select * from invoices where id = ${id}`;
  if (!invoice) throw notFound("No such invoices row");
  if (invoice.status === "draft") {
    throw refused("A draft is not e-invoiced: issue it first", [{ path: "status", message: "is draft" }]);
  }
  if (invoice.status === "cancelled") {
    throw refused("A cancelled invoice is not e-invoiced", [{ path: "status", message: "is cancelled" }]);
  }
  if (invoice.isBillOfSupply) {
    throw refused("A bill of supply (composition dealer, Rule 49) is not e-invoiced", [
      { path: "isBillOfSupply", message: "is true" },
    ]);
  }
  const abroad = invoice.supplyType === "export";
  if (!abroad && !invoice.clientGstin) {
    throw refused("Only supplies to registered recipients (B2B, SEZ) and exports are e-invoiced", [
      { path: "clientGstin", message: "is null: the client had no GSTIN when the invoice was issued (B2C)" },
    ]);
  }
  const seller = await primaryRegistration(sql);
  const [client] = await sql`select name, address, city, pincode from clients where id = ${invoice.clientId}`;
  const lines = await sql`
    select description, hsn_sac, unit, quantity, unit_price, gst_rate, amount, cgst_amount, sgst_amount,
      igst_amount, amount + cgst_amount + sgst_amount + igst_amount as item_value
    from invoice_items where invoice_id = ${id} order by position`;

  // Every field the IRP would refuse, each named where it is fixed.
  const issues: Issue[] = [];
  const need = (path: string, value: string, min: number, what: string) => {
    if (value.length < min) issues.push({ path, message: `${what} is needed for the e-invoice` });
    return value;
  };
  const sellerAddress = irpText(seller?.address, 200);
  const sellerPin = need("settings.gst.pincode", irpText(seller?.pincode, 6), 6, "a 6-digit PIN code");
  const buyerAddress = irpText(client.address, 200);
  // Invoices issued before Rule 46 copies were kept: the registration and the GSTIN's state stand in.
  const sellerGstin = need(
    "settings.gst.gstin",
    irpText(invoice.supplierGstin ?? seller?.gstin, 15),
    15,
    "a GSTIN",
  );
  const buyerState: string = abroad
    ? ABROAD.Stcd
    : invoice.clientStateCode ?? invoice.clientGstin.slice(0, 2);
  const buyerPin = abroad ? String(ABROAD.Pin) : irpText(client.pincode, 6);
  const items = lines.map((line, i) => {
    const hsn = String(line.hsnSac ?? "");
    if (!/^(?!0+$)([0-9]{4}|[0-9]{6}|[0-9]{8})$/.test(hsn)) {
      issues.push({ path: `items.${i}.hsnSac`, message: "must have 4, 6 or 8 digits for the e-invoice" });
    }
    const unit = String(line.unit).toUpperCase();
    return {
      SlNo: String(i + 1),
      PrdDesc: need(`items.${i}.description`, irpText(line.description, 300), 3, "3 characters or more"),
      IsServc: hsn.startsWith("99") ? "Y" as const : "N" as const, // SAC codes are chapter 99
      HsnCd: hsn,
      Qty: Number(line.quantity),
      Unit: /^[A-Z]{3,8}$/.test(unit) ? unit : "OTH", // the UQC master's "others"
      UnitPrice: rupees(line.unitPrice),
      TotAmt: rupees(line.amount),
      AssAmt: rupees(line.amount),
      GstRt: Number(line.gstRate),
      IgstAmt: rupees(line.igstAmount),
      CgstAmt: rupees(line.cgstAmount),
      SgstAmt: rupees(line.sgstAmount),
      TotItemVal: rupees(line.itemValue),
    };
  });
  const einvoice: EInvoice = {
    Version: "1.1",
    TranDtls: {
      TaxSch: "GST",
      SupTyp: SUPPLY_TYPES[`${invoice.supplyType} ${invoice.taxPayment ?? "igst"}`] ?? "B2B",
      RegRev: invoice.isReverseCharge ? "Y" : "N",
    },
    DocDtls: { Typ: "INV", No: invoice.invoiceNumber, Dt: ddmmyyyy(invoice.issueDate) },
    SellerDtls: {
      Gstin: sellerGstin,
      LglNm: need("settings.gst.legalName", irpText(seller?.legalName, 100), 3, "3 characters or more"),
      ...(irpText(seller?.tradeName, 100).length >= 3 ? { TrdNm: irpText(seller?.tradeName, 100) } : {}),
      ...addressLines(need("settings.gst.address", sellerAddress, 1, "the agency's address")),
      Loc: STATES[sellerGstin.slice(0, 2)] ?? "",
      Pin: Number(sellerPin),
      Stcd: sellerGstin.slice(0, 2),
    },
    BuyerDtls: {
      Gstin: abroad ? ABROAD.Gstin : invoice.clientGstin,
      LglNm: need(
        "client.legalName",
        irpText(invoice.clientName ?? client.name, 100),
        3,
        "3 characters or more",
      ),
      ...(irpText(client.name, 100).length >= 3 ? { TrdNm: irpText(client.name, 100) } : {}),
      Pos: invoice.placeOfSupply,
      ...addressLines(need("client.address", buyerAddress, 1, "the client's address")),
      Loc: need("client.city", irpText(client.city, 100) || (PLACES[buyerState] ?? ""), 3, "a city"),
      Pin: Number(need("client.pincode", buyerPin, 6, "a 6-digit PIN code")),
      Stcd: buyerState,
    },
    ItemList: items,
    ValDtls: {
      AssVal: rupees(invoice.subtotal),
      CgstVal: rupees(invoice.cgstAmount),
      SgstVal: rupees(invoice.sgstAmount),
      IgstVal: rupees(invoice.igstAmount),
      TotInvVal: rupees(invoice.totalAmount),
    },
  };
  if (issues.length) {
    throw refused("The invoice cannot be e-invoiced until these are set", issues);
  }
  return einvoice;
}

/** Addr1 takes 100 characters; the rest, if any, goes to Addr2 (3 to 100). */
function addressLines(address: string) {
  const rest = address.slice(100).trim();
  return { Addr1: address.slice(0, 100), ...(rest.length >= 3 ? { Addr2: rest } : {}) };
}
