// GST on documents with line items: the place of supply, the rates in force on the document's date
// (the gst_rates table) and the CGST/SGST or IGST split, per line and in the totals.
import type { Queryable } from "../platform/db.ts";
import { badRequest } from "../platform/errors.ts";
import { agencyStateCode } from "../settings/gst-registration.ts";
import type { DocumentSeries } from "./document-series.ts";

type Row = Record<string, unknown>;
type Sides = { supplierState: string | null; defaultPlace: string | null };

const partyState = async (sql: Queryable, table: "clients" | "suppliers", id: unknown) => {
  const [row] = await sql`select coalesce(state_code, left(gstin, 2)) as state from ${sql(table)}
    where id = ${id as string}`;
  return (row?.state as string | undefined) ?? null;
};

/** Who supplies from where, and where the supply goes when the document does not say. Sales
 * (invoices, quotations): the agency supplies; the client's state, else the agency's own (IGST Act
 * s. 12(2)(b): a recipient without an address on record is taxed where the supplier is). Purchase
 * orders: the supplier supplies; the goods go to the warehouse's state, else the agency's. */
export async function supplySides(sql: Queryable, series: DocumentSeries, doc: Row): Promise<Sides> {
  const agency = await agencyStateCode(sql);
  if (series === "purchase_order") {
    const [warehouse] = doc.warehouseId
      ? await sql`select state_code from warehouses where id = ${doc.warehouseId as string}`
      : [];
    return {
      supplierState: await partyState(sql, "suppliers", doc.supplierId),
      defaultPlace: warehouse?.stateCode ?? agency,
    };
  }
  return { supplierState: agency, defaultPlace: (await partyState(sql, "clients", doc.clientId)) ?? agency };
}

/** 400 naming items.N.gstRate for every line whose rate is not in force on the document's date. */
export async function checkRates(
  sql: Queryable,
  table: string,
  foreignKey: string,
  id: string,
  date: string,
) {
  const wrong = await sql`
    select position, gst_rate from ${sql(table)} i
    where ${sql(foreignKey)} = ${id} and not exists (
      select 1 from gst_rates g
      where g.rate = i.gst_rate and g.valid_from <= ${date}::date
        and (g.valid_to is null or g.valid_to >= ${date}::date))
    order by position`;
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
 * paisa (so CGST = SGST and their sum is the tax); otherwise IGST at the full rate. */
export async function splitTaxes(
  sql: Queryable,
  table: string,
  foreignKey: string,
  id: string,
  intraState: boolean,
) {
  await sql`
    update ${sql(table)} set
      cgst_amount = case when ${intraState} then round(amount * gst_rate / 200, 2) else 0 end,
      sgst_amount = case when ${intraState} then round(amount * gst_rate / 200, 2) else 0 end,
      igst_amount = case when ${intraState} then 0 else round(amount * gst_rate / 100, 2) end,
      tax_amount = case when ${intraState} then 2 * round(amount * gst_rate / 200, 2)
                        else round(amount * gst_rate / 100, 2) end
    where ${sql(foreignKey)} = ${id}`;
}
