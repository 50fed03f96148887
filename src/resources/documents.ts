// The life of a document with line items: a draft has no number and may be deleted; leaving draft
// issues it (the next number of its series, taxes recomputed); an issued document keeps its number,
// status and date for good and is cancelled rather than deleted.
import type postgres from "postgres";
import { conflict, notFound } from "../platform/errors.ts";
import { agencyStateCode } from "../settings/gst-registration.ts";
import type { LineItem, LineItems, Resource } from "./define.ts";
import { nextDocumentNumber } from "./document-series.ts";
import { computeTaxes, writeLines } from "./line-items.ts";

type Sql = postgres.TransactionSql;
type Row = Record<string, unknown>;

const isIssued = (doc: Row) => doc.status !== "draft";
// Fields whose change moves the place of supply or the rates: the taxes are recomputed.
const PARTIES = ["clientId", "supplierId", "warehouseId"];

async function issue(sql: Sql, table: string, items: LineItems, doc: Row) {
  if (items.series === "invoice" && !(await agencyStateCode(sql))) {
    throw conflict("Set the agency's GST registration (PUT /api/settings/gst) before issuing invoices");
  }
  if (doc[items.numberField]) return;
  const number = await nextDocumentNumber(sql, items.series, doc[items.dateField] as string);
  await sql`update ${sql(table)} set ${sql({ [items.numberField]: number })} where id = ${doc.id as string}`;
}

export async function createDocument(sql: Sql, resource: Resource, row: Row, lines: LineItem[]) {
  const { table, items } = resource as Resource & { items: LineItems };
  const [inserted] = await sql`insert into ${sql(table)} ${sql(row)} returning id`;
  await writeLines(sql, items, inserted.id, lines);
  const doc = await computeTaxes(sql, table, items, inserted.id);
  if (isIssued(doc)) await issue(sql, table, items, doc);
  return inserted.id as string;
}

export async function patchDocument(sql: Sql, resource: Resource, id: string, row: Row, lines?: LineItem[]) {
  const { table, items } = resource as Resource & { items: LineItems };
  const [before] = await sql`select * from ${sql(table)} where id = ${id} for update`;
  if (!before) throw notFound(`No such ${resource.path} row`);
  if (isIssued(before)) {
    const changes = (field: string) => field in row && row[field] !== before[field];
    if (row.status === "draft") throw conflict("An issued document cannot go back to draft");
    if (changes(items.numberField)) throw conflict("An issued document keeps its number");
    if (changes(items.dateField)) throw conflict("An issued document keeps its date (and financial year)");
  }
  // A new party without a place of supply: the default follows the new party.
  if (PARTIES.some((field) => field in row) && !("placeOfSupply" in row)) row.placeOfSupply = null;
  if (Object.keys(row).length) await sql`update ${sql(table)} set ${sql(row)} where id = ${id}`;
  if (lines) await writeLines(sql, items, id, lines);
  const [after] = await sql`select * from ${sql(table)} where id = ${id}`;
  const issuing = !isIssued(before) && isIssued(after);
  const taxInputs = ["placeOfSupply", items.dateField, ...PARTIES].some((field) => field in row);
  if (lines || issuing || taxInputs) await computeTaxes(sql, table, items, id);
  if (issuing) await issue(sql, table, items, after);
}

/** Drafts only: an issued document's number must stay accounted for. */
export async function deleteDocument(sql: Sql, resource: Resource, id: string) {
  const [doc] = await sql`select status from ${sql(resource.table)} where id = ${id} for update`;
  if (!doc) throw notFound(`No such ${resource.path} row`);
  if (isIssued(doc)) throw conflict("An issued document cannot be deleted: cancel it instead");
  await sql`delete from ${sql(resource.table)} where id = ${id}`;
}
