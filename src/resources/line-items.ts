// Documents with line items (invoices, quotations, purchase orders): the server computes every
// line's amount and GST and the document's totals, in SQL's exact numeric, in the caller's transaction.
import type { Queryable } from "../platform/db.ts";
import type { LineItem, LineItems } from "./define.ts";

/** e.g. INV-20261126-7K2QF9: unique enough per agency; the column's UNIQUE turns a clash into 409. */
export function documentNumber(prefix: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(36).toUpperCase().padStart(6, "0");
  return `${prefix}-${day}-${random}`;
}

/** Replaces a document's lines and recomputes its subtotal, tax and total; returns the document. */
export async function writeLines(
  sql: Queryable,
  parentTable: string,
  items: LineItems,
  id: string,
  lines: LineItem[],
) {
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
      (${
    sql(items.foreignKey)
  }, description, hsn_sac, unit, quantity, unit_price, gst_rate, amount, tax_amount, position)
    select ${id}, x.description, x.hsn_sac, x.unit, x.quantity, x.unit_price, x.gst_rate,
      round(x.quantity * x.unit_price, 2),
      round(round(x.quantity * x.unit_price, 2) * x.gst_rate / 100, 2),
      x.position
    from jsonb_to_recordset(${sql.json(rows)}) as x(
      description text, hsn_sac text, unit text, quantity numeric, unit_price numeric, gst_rate numeric, position int)`;
  const [document] = await sql`
    update ${
    sql(parentTable)
  } d set subtotal = t.subtotal, tax_amount = t.tax, total_amount = t.subtotal + t.tax
    from (select coalesce(sum(amount), 0) as subtotal, coalesce(sum(tax_amount), 0) as tax
          from ${sql(items.table)} where ${sql(items.foreignKey)} = ${id}) t
    where d.id = ${id}
    returning d.*`;
  return document;
}

export async function readLines(sql: Queryable, items: LineItems, id: string) {
  return await sql`
    select * from ${sql(items.table)} where ${sql(items.foreignKey)} = ${id} order by position`;
}
