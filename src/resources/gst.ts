// GST on documents with line items: the place of supply, how the supply is taxed (intra-state,
// inter-state, SEZ, export, or a composition dealer's bill of supply), the rates in force on the
// document's date (the catalog's gst_rates) and the CGST/SGST or IGST split, per line and in totals.
import type { Queryable } from "../platform/db.ts";
import { badRequest } from "../platform/errors.ts";
import { agencyStateCode } from "../settings/gst-registration.ts";
import type { DocumentSeries } from "./document-series.ts";

type Row = Record<string, unknown>;
type Sides = { supplierState: string | null; defaultPlace: string | null; treatment: string };
/** How a document's lines are taxed: CGST + SGST, IGST, or none (exports and SEZ supplies under LUT,
 * a composition dealer's bill of supply). */
export type TaxMode = "intra" | "inter" | "none";

export const OUT_OF_INDIA = "96";

const partyState = async (sql: Queryable, table: "clients" | "suppliers", id: unknown) => {
  const [row] = await sql`select coalesce(state_code, left(gstin, 2)) as state from ${sql(table)}
    where id = ${id as string}`;
  return (row?.state as string | undefined) ?? null;
};

/** Who supplies from where, and where the supply goes when the document does not say. Sales
 * (invoices, quotations, notes): the agency supplies; to an overseas client, out of India (96); else
 * the client's state, else the agency's own (IGST Act s. 12(2)(b): a recipient without an address on
 * record is taxed where the supplier is). Purchase orders: the supplier supplies; the goods go to the
 * warehouse's state, else the agency's. */
export async function supplySides(sql: Queryable, series: DocumentSeries, doc: Row): Promise<Sides> {
  const agency = await agencyStateCode(sql);
  if (series === "purchase_order") {
    const [warehouse] = doc.warehouseId
      ? await sql`select state_code from warehouses where id = ${doc.warehouseId as string}`
      : [];
    return {
      supplierState: await partyState(sql, "suppliers", doc.supplierId),
      defaultPlace: warehouse?.stateCode ?? agency,
      treatment: "domestic",
    };
  }
  const [client] = await sql`select gst_treatment from clients where id = ${doc.clientId as string}`;
  const treatment = (client?.gstTreatment as string | undefined) ?? "domestic";
  const clientPlace = treatment === "overseas"
    ? OUT_OF_INDIA
    : await partyState(sql, "clients", doc.clientId);
  return { supplierState: agency, defaultPlace: clientPlace ?? agency, treatment };
}

/** The supply type and tax mode. A supply out of India is an export, one to an SEZ is inter-state
 * whatever the states (IGST Act s. 7(5)(b)); either goes without tax under a LUT (IGST Act s. 16).
 * A composition dealer charges no tax (Rule 49: a bill of supply). */
export function taxTreatment(
  sides: Sides,
  place: string | null,
  taxPayment: string | null,
  composition: boolean,
): { supplyType: string; mode: TaxMode } {
  const supplyType = place === OUT_OF_INDIA
    ? "export"
    : sides.treatment === "sez"
    ? "sez"
    : sides.supplierState !== null && place === sides.supplierState
    ? "intra_state"
    : "inter_state";
  const zeroRated = (supplyType === "export" || supplyType === "sez") && taxPayment === "lut";
  if (composition || zeroRated) return { supplyType, mode: "none" };
  return { supplyType, mode: supplyType === "intra_state" ? "intra" : "inter" };
}

/** The GST rates in force on a date, from the catalog (operators change them: no copy, no cache). */
export async function ratesInForce(catalog: Queryable, date: string): Promise<number[]> {
  const rows = await catalog`
    select rate from gst_rates
    where valid_from <= ${date}::date and (valid_to is null or valid_to >= ${date}::date)`;
  return rows.map((row) => Number(row.rate));
}

/** 400 naming items.N.gstRate for every line whose rate is not in force on `date`. */
export async function checkRates(
  sql: Queryable,
  catalog: Queryable,
  table: string,
  foreignKey: string,
  id: string,
  date: string,
) {
  const rates = new Set(await ratesInForce(catalog, date));
  const lines = await sql`
    select position, gst_rate from ${sql(table)} where ${sql(foreignKey)} = ${id} order by position`;
  const wrong = lines.filter((line) => !rates.has(Number(line.gstRate)));
  if (wrong.length) {
    throw badRequest(
      "A GST rate is not in force on the document's date",
      wrong.map((line) => ({
        path: `items.${line.position}.gstRate`,
        message: `${Number(line.gstRate)}% is not a GST rate in force on ${date}`,
      })),
    );
  }
}

/** Each line's tax, split: same state → CGST and SGST at half the rate each, each rounded to the
 * paisa (so CGST = SGST and their sum is the tax); otherwise IGST at the full rate; or none. */
export async function splitTaxes(
  sql: Queryable,
  table: string,
  foreignKey: string,
  id: string,
  mode: TaxMode,
) {
  const intra = mode === "intra";
  const inter = mode === "inter";
  await sql`
    update ${sql(table)} set
      cgst_amount = case when ${intra} then round(amount * gst_rate / 200, 2) else 0 end,
      sgst_amount = case when ${intra} then round(amount * gst_rate / 200, 2) else 0 end,
      igst_amount = case when ${inter} then round(amount * gst_rate / 100, 2) else 0 end,
      tax_amount = case when ${intra} then 2 * round(amount * gst_rate / 200, 2)
                        when ${inter} then round(amount * gst_rate / 100, 2) else 0 end
    where ${sql(foreignKey)} = ${id}`;
}
