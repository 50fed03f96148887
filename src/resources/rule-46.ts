// CGST Rule 46 on an invoice when it is issued: every line's HSN/SAC with the digits the agency's
// turnover asks for, and the recipient's and the issuing registration's details copied onto it, so
// that a later change to the client or the registration does not rewrite an issued invoice.
import type { Queryable } from "../platform/db.ts";
import { badRequest } from "../platform/errors.ts";
import type { LineItems } from "./define.ts";

type Row = Record<string, unknown>;

/** Notification 78/2020-CT: 4 digits up to ₹5 crore aggregate turnover, 6 above. */
const HSN_DIGITS: Record<string, number> = { up_to_5_crore: 4, above_5_crore: 6 };

export async function checkHsnSac(sql: Queryable, items: LineItems, id: string, registration: Row) {
  const digits = HSN_DIGITS[registration.turnoverBand as string] ?? 4;
  const lines = await sql`
    select position, hsn_sac from ${sql(items.table)} where ${sql(items.foreignKey)} = ${id}
    order by position`;
  const wrong = lines.filter((line) => !line.hsnSac || line.hsnSac.length < digits);
  if (wrong.length) {
    throw badRequest(
      "Every line of an issued invoice needs its HSN/SAC (CGST Rule 46)",
      wrong.map((line) => ({
        path: `items.${line.position}.hsnSac`,
        message: `must have at least ${digits} digits (the agency's turnover band)`,
      })),
    );
  }
}

/** The recipient's name, address, state and GSTIN, the issuing GSTIN and the LUT, as at issue. */
export async function copyRecipient(sql: Queryable, doc: Row, registration: Row) {
  const lut = doc.taxPayment === "lut" ? registration.lutReference : null;
  if (doc.taxPayment === "lut" && !lut) {
    throw badRequest("A supply under LUT needs the agency's LUT reference", [
      { path: "taxPayment", message: "set lutReference in PUT /api/settings/gst first, or use igst" },
    ]);
  }
  await sql`
    update invoices i set
      supplier_gstin = ${registration.gstin as string},
      client_gstin = c.gstin,
      client_name = coalesce(c.legal_name, c.name),
      client_address = nullif(concat_ws(', ', c.address, c.city, c.state, c.pincode), ''),
      client_state_code = coalesce(c.state_code, left(c.gstin, 2)),
      lut_reference = ${lut as string | null},
      is_bill_of_supply = ${registration.registrationType === "composition"}
    from clients c
    where i.id = ${doc.id as string} and c.id = i.client_id`;
}
