// GET /api/invoices/:id/e-invoice against NIC's INV-01 schema 1.1 (vendored in fixtures/, its source
// and the fixes to the publisher's quirks in its $comment): intra-state (CGST + SGST), inter-state
// (IGST), SEZ and export supplies validate and carry the invoice's totals; what the IRP would refuse is
// a 409 naming the field; another agency's invoice is not found.
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/stack.ts";
import { type Api, apiFor, dataOf, signupAgency } from "../support/fixtures.ts";
import { AGENCY_GSTIN, ITEMS } from "./samples.ts";

type Json = Record<string, unknown>;
type Row = Json & { id: string };
type EInvoice = {
  TranDtls: Json;
  DocDtls: Json;
  SellerDtls: Json;
  BuyerDtls: Json;
  ItemList: Json[];
  ValDtls: Json;
};

const published = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/einvoice-inv01-v1.1.schema.json", import.meta.url)),
);
/** The same schema closed: no field beyond those it defines, so a misspelt name fails too. */
function closed(schema: Json): Json {
  const copy = { ...schema };
  if (copy.properties) {
    const properties = copy.properties as Record<string, Json>;
    copy.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, closed(v)]));
    copy.additionalProperties = false;
  }
  if (copy.items) copy.items = closed(copy.items as Json);
  return copy;
}
// The published text pattern ^([^\"])*$ needs regular expressions without the u flag (see $comment).
const ajv = new Ajv({ strict: true, allErrors: true, unicodeRegExp: false });
const validators = [ajv.compile(published), ajv.compile({ ...closed(published), $comment: "closed" })];
const expectValid = (einvoice: unknown) => {
  for (const validate of validators) {
    expect(validate(einvoice), JSON.stringify(validate.errors, null, 1)).toBe(true);
  }
};

const { app } = testApp();
let api: Api;
const SETTINGS = {
  gstin: AGENCY_GSTIN, // Karnataka (29)
  legalName: "Sample Agency LLP",
  tradeName: "Sample Studio",
  address: "3rd Floor, 80 Feet Road, Koramangala",
  pincode: "560034",
  lutReference: "AD290326000123X",
};
const clients: Record<string, string> = {};

beforeAll(async () => {
  api = apiFor(app, (await signupAgency(app, "einvoice")).token);
  dataOf(await api.put("/api/settings/gst", SETTINGS));
  const address = { address: "12 Residency Road", city: "Bengaluru", stateCode: "29", pincode: "560025" };
  const bodies: Record<string, Json> = {
    local: {
      name: "Rao Prints",
      legalName: "Rao Prints Private Limited",
      gstin: "29AAACR5055K1Z3",
      ...address,
    },
    mumbai: {
      name: "Uday Foods",
      legalName: "Uday Foods Private Limited",
      gstin: "27AAPFU0939F1ZV",
      address: "12 Marine Drive",
      city: "Mumbai",
      stateCode: "27",
      pincode: "400001",
    },
    sez: { name: "SEZ unit", gstin: "29AAACR5055K1Z3", gstTreatment: "sez", ...address },
    overseas: { name: "Acme Inc", gstTreatment: "overseas", address: "1 Main Street", city: "Boston" },
    consumer: { name: "A consumer", ...address },
  };
  for (const [key, body] of Object.entries(bodies)) {
    clients[key] = dataOf<Row>(await api.post("/api/clients", body), 201).id;
  }
});

/** 1000 @ 18 % (SAC 998361, a service) and 500 × 12.50 @ 5 % (HSN 4911, goods): 7250 + 492.50 tax. */
const LINES = [
  { description: "Campaign design", hsnSac: "998361", quantity: 1, unitPrice: 1000, gstRate: 18 },
  { description: "Printed brochures", hsnSac: "4911", quantity: 500, unitPrice: "12.50", gstRate: 5 },
];
const invoice = async (client: string, body: Json = {}) =>
  dataOf<Row>(
    await api.post("/api/invoices", {
      clientId: clients[client],
      status: "sent",
      issueDate: "2026-06-01",
      items: LINES,
      ...body,
    }),
    201,
  );
const eInvoice = async (id: string) => dataOf<EInvoice>(await api.get(`/api/invoices/${id}/e-invoice`));
const rupees = (row: Row, field: string) => Number(row[field]);

describe("the e-invoice of an issued invoice", () => {
  it("is INV-01 1.1 for an intra-state B2B supply: CGST and SGST, the invoice's totals", async () => {
    const issued = await invoice("local");
    const einvoice = await eInvoice(issued.id);
    expectValid(einvoice);
    expect(einvoice).toMatchObject({
      Version: "1.1",
      TranDtls: { TaxSch: "GST", SupTyp: "B2B", RegRev: "N" },
      DocDtls: { Typ: "INV", No: issued.invoiceNumber, Dt: "01/06/2026" },
      SellerDtls: {
        Gstin: AGENCY_GSTIN,
        LglNm: "Sample Agency LLP",
        TrdNm: "Sample Studio",
        Addr1: SETTINGS.address,
        Pin: 560034,
        Stcd: "29",
      },
      BuyerDtls: {
        Gstin: "29AAACR5055K1Z3",
        LglNm: "Rao Prints Private Limited",
        Pos: "29",
        Addr1: "12 Residency Road",
        Loc: "Bengaluru",
        Pin: 560025,
        Stcd: "29",
      },
    });
    expect(einvoice.ItemList).toMatchObject([
      { SlNo: "1", HsnCd: "998361", IsServc: "Y", AssAmt: 1000, GstRt: 18, CgstAmt: 90, SgstAmt: 90 },
      { SlNo: "2", HsnCd: "4911", IsServc: "N", Qty: 500, UnitPrice: 12.5, CgstAmt: 156.25, IgstAmt: 0 },
    ]);
    expect(einvoice.ValDtls).toEqual({
      AssVal: 7250,
      CgstVal: 246.25,
      SgstVal: 246.25,
      IgstVal: 0,
      TotInvVal: 7742.5,
    });
    expect(einvoice.ValDtls).toEqual({
      AssVal: rupees(issued, "subtotal"),
      CgstVal: rupees(issued, "cgstAmount"),
      SgstVal: rupees(issued, "sgstAmount"),
      IgstVal: rupees(issued, "igstAmount"),
      TotInvVal: rupees(issued, "totalAmount"),
    });
  });

  it("is INV-01 1.1 for an inter-state B2B supply: IGST per line, summing to the invoice's", async () => {
    const issued = await invoice("mumbai", { items: ITEMS, isReverseCharge: true });
    const einvoice = await eInvoice(issued.id);
    expectValid(einvoice);
    expect(einvoice.TranDtls).toEqual({ TaxSch: "GST", SupTyp: "B2B", RegRev: "Y" });
    expect(einvoice.BuyerDtls).toMatchObject({
      Gstin: "27AAPFU0939F1ZV",
      Pos: "27",
      Stcd: "27",
      Pin: 400001,
    });
    expect(einvoice.ValDtls).toEqual({
      AssVal: 3150.49,
      CgstVal: 0,
      SgstVal: 0,
      IgstVal: 547.59,
      TotInvVal: 3698.08,
    });
    expect(einvoice.ValDtls.TotInvVal).toBe(rupees(issued, "totalAmount"));
    const itemValues = einvoice.ItemList.map((item) => Math.round(Number(item.TotItemVal) * 100));
    expect(itemValues.reduce((a, b) => a + b) / 100).toBe(rupees(issued, "totalAmount"));
    expect(einvoice.ItemList[0]).toMatchObject({ Unit: "HRS", IgstAmt: 540.09, TotItemVal: 3540.59 });
  });

  it("is SEZWP for an SEZ unit and EXPWOP for an export under LUT (buyer URP, place 96)", async () => {
    const sez = await eInvoice((await invoice("sez")).id);
    expectValid(sez);
    expect(sez.TranDtls.SupTyp).toBe("SEZWP");
    expect(sez.ValDtls).toMatchObject({ IgstVal: 492.5, CgstVal: 0 });
    const exported = await eInvoice((await invoice("overseas", { taxPayment: "lut" })).id);
    expectValid(exported);
    expect(exported.TranDtls.SupTyp).toBe("EXPWOP");
    expect(exported.BuyerDtls).toMatchObject({ Gstin: "URP", Pos: "96", Stcd: "96", Pin: 999999 });
    expect(exported.ValDtls).toMatchObject({ AssVal: 7250, IgstVal: 0, TotInvVal: 7250 });
    expect((await eInvoice((await invoice("overseas")).id)).TranDtls.SupTyp).toBe("EXPWP");
  });
});

describe("an invoice that cannot be e-invoiced", () => {
  const refusal = async (id: string) => {
    const res = await api.get(`/api/invoices/${id}/e-invoice`);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict" });
    return (res.body!.issues as { path: string }[]).map((issue) => issue.path);
  };

  it("is a 409 on status while a draft or once cancelled", async () => {
    const draft = await invoice("local", { status: "draft" });
    expect(await refusal(draft.id)).toEqual(["status"]);
    const sent = await invoice("local");
    dataOf(await api.patch(`/api/invoices/${sent.id}`, { status: "cancelled", cancellationReason: "Typo" }));
    expect(await refusal(sent.id)).toEqual(["status"]);
  });

  it("is a 409 on clientGstin for a recipient without GSTIN (B2C is not e-invoiced)", async () => {
    expect(await refusal((await invoice("consumer")).id)).toEqual(["clientGstin"]);
  });

  it("is a 409 naming the settings fields while the agency's address and PIN are missing", async () => {
    const issued = await invoice("local");
    const { address: _, pincode: __, ...bare } = SETTINGS;
    dataOf(await api.put("/api/settings/gst", bare));
    try {
      expect(await refusal(issued.id)).toEqual(["settings.gst.pincode", "settings.gst.address"]);
    } finally {
      dataOf(await api.put("/api/settings/gst", SETTINGS));
    }
    expectValid(await eInvoice(issued.id));
  });

  it("is a 404 for another agency's invoice or an unknown id, and a 400 for a malformed one", async () => {
    const other = apiFor(app, (await signupAgency(app, "einvoice-other")).token);
    dataOf(await other.put("/api/settings/gst", SETTINGS));
    const client = dataOf<Row>(
      await other.post("/api/clients", {
        name: "Rao Prints",
        gstin: "29AAACR5055K1Z3",
        address: "MG Road",
        pincode: "560001",
      }),
      201,
    );
    const theirs = dataOf<Row>(
      await other.post("/api/invoices", { clientId: client.id, status: "sent", items: LINES }),
      201,
    );
    expectValid(dataOf(await other.get(`/api/invoices/${theirs.id}/e-invoice`))); // theirs, to them
    for (const id of [theirs.id, crypto.randomUUID()]) {
      const res = await api.get(`/api/invoices/${id}/e-invoice`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "not_found" });
    }
    expect((await api.get("/api/invoices/not-a-uuid/e-invoice")).status).toBe(400);
  });
});
