// Documents with line items (invoices, quotations, purchase orders): the server computes every
// line's amount and GST and the document's totals, in SQL's exact numeric, in the caller's transaction.
import { inline, type Queryable } from "../platform/db.ts";
import { type LineItem, type LineItems, lineRowSchema } from "./define.ts";
import { badRequest } from "../platform/errors.ts";
import { primaryRegistration } from "../settings/gst-registration.ts";
import { PLACES } from "../platform/fields.ts";
import { checkRates, splitTaxes, supplySides, taxTreatment } from "./gst.ts";

/** Replaces a document's lines (amounts computed, taxes left to computeTaxes). */
export async function writeLines(sql: Queryable, items: LineItems, id: string, lines: LineItem[]) {
  const rows = lines.map((line, position) => ({
    description: line.description,
    hsn_sac: line.hsnSac ?? null,
    unit: line.unit ?? "nos",
    quantity: line.quantity,
    unit_price: line.unitPrice,
    gst_rate: line.gstRate,
    position,
  }));
  await sql`delete from ${sql(items.table)} where ${sql(items.foreignKey)} = ${id}`;
  await sql`
    insert into ${sql(items.table)}
      (${sql(items.foreignKey)}, description, hsn_sac, unit, quantity, unit_price, gst_rate, amount,
       tax_amount, position)
    select ${id}, x.description, x.hsn_sac, x.unit, x.quantity, x.unit_price, x.gst_rate,
      round(x.quantity * x.unit_price, 2), 0, x.position
    from jsonb_to_recordset(${sql.json(rows)}) as x(
      description text, hsn_sac text, unit text, quantity numeric, unit_price numeric, gst_rate numeric, position int)`;
}

/** Fills in the place of supply when absent, checks the lines' rates against the document's date (or
 * `rateDate`: a note is taxed at its invoice's rates), splits each line's tax and sums the totals;
 * returns the document. */
export async function computeTaxes(
  sql: Queryable,
  catalog: Queryable,
  parentTable: string,
  items: LineItems,
  id: string,
  rateDate?: string,
) {
  const [doc] = await sql`select * from ${sql(parentTable)} where id = ${id}`;
  const sides = await supplySides(sql, items.series, doc);
  const place: string | null = doc.placeOfSupply ?? sides.defaultPlace;
  const composition = items.series !== "purchase_order" &&
    (await primaryRegistration(sql))?.registrationType === "composition";
  const { supplyType, mode } = taxTreatment(sides, place, doc.taxPayment, composition);
  if (doc.taxPayment === "lut" && supplyType !== "export" && supplyType !== "sez") {
    throw badRequest("Only exports and SEZ supplies go under a LUT", [
      { path: "taxPayment", message: "must be igst unless the supply is an export or to an SEZ" },
    ]);
  }
  await checkRates(sql, catalog, items.table, items.foreignKey, id, rateDate ?? doc[items.dateField]);
  await splitTaxes(sql, items.table, items.foreignKey, id, mode);
  const [document] = await sql`
    update ${sql(parentTable)} d set
      place_of_supply = ${place}, place_of_supply_state = ${place ? PLACES[place] ?? null : null},
      supply_type = ${supplyType},
      subtotal = t.subtotal, cgst_amount = t.cgst, sgst_amount = t.sgst, igst_amount = t.igst,
      tax_amount = t.cgst + t.sgst + t.igst, total_amount = t.subtotal + t.cgst + t.sgst + t.igst
    from (select coalesce(sum(amount), 0) as subtotal, coalesce(sum(cgst_amount), 0) as cgst,
            coalesce(sum(sgst_amount), 0) as sgst, coalesce(sum(igst_amount), 0) as igst
          from ${sql(items.table)} where ${sql(items.foreignKey)} = ${id}) t
    where d.id = ${id}
    returning d.*`;
  return document;
}

const LINE_COLUMNS = Object.keys(lineRowSchema.shape);

export async function readLines(sql: Queryable, items: LineItems, id: string) {
  return await sql`
    select ${sql(LINE_COLUMNS)} from ${sql(items.table)} where ${sql(items.foreignKey)} = ${inline(sql, id)}
    order by position`;
}
