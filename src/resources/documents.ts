// The life of a document with line items: a draft has no number and may be deleted; leaving draft
// issues it (dated the day of issue unless a date is given, the next number of that date's series,
// taxes recomputed, and for an invoice the Rule 46 details copied onto it); an issued document keeps
// its number and date for good, is cancelled rather than deleted, and a tax document changes only in
// the fields its declaration lists (corrections are credit and debit notes, s. 34).
import type postgres from "postgres";
import type { Queryable } from "../platform/db.ts";
import { badRequest, conflict, notFound } from "../platform/errors.ts";
import { primaryRegistration } from "../settings/gst-registration.ts";
import type { LineItem, LineItems, Resource } from "./define.ts";
import { nextDocumentNumber } from "./document-series.ts";
import { documentNumber } from "../platform/fields.ts";
import { computeTaxes, writeLines } from "./line-items.ts";
import { checkHsnSac, copyRecipient } from "./rule-46.ts";

type Sql = postgres.TransactionSql;
type Row = Record<string, unknown>;

const isIssued = (doc: Row) => doc.status !== "draft";
// Fields whose change moves the place of supply or the rates: the taxes are recomputed.
const PARTIES = ["clientId", "supplierId", "warehouseId"];
// Invoice statuses that follow from payments and notes (payments.ts), never set by hand.
const SETTLED = ["paid", "partially_paid"];

async function issue(sql: Sql, table: string, items: LineItems, doc: Row) {
  if (items.series === "invoice") {
    const registration = await primaryRegistration(sql);
    if (!registration) {
      throw conflict("Set the agency's GST registration (PUT /api/settings/gst) before issuing invoices");
    }
    await checkHsnSac(sql, items, doc.id as string, registration);
    await copyRecipient(sql, doc, registration);
  }
  // A number the draft carries is kept only if it passes today's rules (e.g. numbers given before the
  // series existed, 19 characters long, do not): otherwise the draft is numbered in the series.
  if (documentNumber().safeParse(doc[items.numberField]).success) return;
  const number = await nextDocumentNumber(sql, items.series, doc[items.dateField] as string);
  await sql`update ${sql(table)} set ${sql({ [items.numberField]: number })} where id = ${doc.id as string}`;
}

export async function createDocument(
  sql: Sql,
  catalog: Queryable,
  resource: Resource,
  row: Row,
  lines: LineItem[],
) {
  const { table, items } = resource as Resource & { items: LineItems };
  // A cancelled document is an issued one withdrawn: created so, it would only use up a number.
  if (row.status === "cancelled") {
    throw badRequest("A document cannot be created as cancelled", [
      { path: "status", message: "must not be cancelled on create: create a draft, or nothing" },
    ]);
  }
  if (items.series === "invoice" && SETTLED.includes(row.status as string)) {
    throw badRequest("An invoice is paid by recording payments", [
      { path: "status", message: "paid and partially_paid follow from payments (POST /api/payments)" },
    ]);
  }
  const [inserted] = await sql`insert into ${sql(table)} ${sql(row)} returning id`;
  await writeLines(sql, items, inserted.id, lines);
  const doc = await computeTaxes(sql, catalog, table, items, inserted.id);
  if (isIssued(doc)) await issue(sql, table, items, doc);
  return inserted.id as string;
}

/** What an issued document may not do; throws 409 naming the first. */
function checkIssuedChange(resource: Resource, before: Row, row: Row, lines?: LineItem[]) {
  const items = resource.items!;
  const changes = (field: string) => field in row && row[field] !== before[field];
  if (row.status === "draft") throw conflict("An issued document cannot go back to draft");
  if (changes(items.numberField)) throw conflict("An issued document keeps its number");
  if (changes(items.dateField)) throw conflict("An issued document keeps its date (and financial year)");
  if (before.status === "cancelled" && changes("status")) {
    throw conflict("A cancelled document stays cancelled");
  }
  if (!items.changeableAfterIssue) return;
  const fixed = [...Object.keys(row).filter(changes), ...(lines ? ["items"] : [])]
    .filter((field) => !items.changeableAfterIssue!.includes(field));
  if (fixed.length) {
    throw conflict(
      `An issued ${resource.path.replace(/s$/, "")} cannot change ${fixed.join(", ")}: ` +
        "correct it with a credit or debit note",
    );
  }
  if (changes("status") && (SETTLED.includes(row.status as string))) {
    throw conflict("paid and partially_paid follow from payments (POST /api/payments)");
  }
}

/** Cancelling an issued invoice: with a reason, and only while nothing was paid or credited on it. */
async function cancelInvoice(sql: Sql, before: Row, row: Row) {
  if (!row.cancellationReason) {
    throw badRequest("Cancelling an invoice needs a reason", [
      { path: "cancellationReason", message: "is required to cancel" },
    ]);
  }
  const [{ settled }] = await sql`
    select exists (select 1 from payment_allocations where invoice_id = ${before.id as string})
        or exists (select 1 from credit_note_invoices l join credit_notes n on n.id = l.credit_note_id
                   where l.invoice_id = ${before.id as string} and n.status <> 'cancelled')
        or exists (select 1 from debit_note_invoices l join debit_notes n on n.id = l.debit_note_id
                   where l.invoice_id = ${before.id as string} and n.status <> 'cancelled') as settled`;
  if (settled) throw conflict("An invoice with payments or notes cannot be cancelled: issue a credit note");
  row.cancelledAt = new Date();
}

export async function patchDocument(
  sql: Sql,
  catalog: Queryable,
  resource: Resource,
  id: string,
  row: Row,
  lines?: LineItem[],
) {
  const { table, items } = resource as Resource & { items: LineItems };
  const [before] = await sql`select * from ${sql(table)} where id = ${id} for update`;
  if (!before) throw notFound(`No such ${resource.path} row`);
  const cancelling = row.status === "cancelled" && before.status !== "cancelled";
  if (isIssued(before)) checkIssuedChange(resource, before, row, lines);
  else if (cancelling) throw conflict("A draft is deleted, not cancelled");
  if (cancelling && items.series === "invoice") await cancelInvoice(sql, before, row);
  else if ("cancellationReason" in row && !cancelling) {
    throw badRequest("A cancellation reason goes with cancelling", [
      { path: "cancellationReason", message: "is only accepted with status cancelled" },
    ]);
  }
  if (!isIssued(before) && SETTLED.includes(row.status as string) && items.series === "invoice") {
    throw conflict("paid and partially_paid follow from payments (POST /api/payments)");
  }
  const issuing = !isIssued(before) && "status" in row && row.status !== "draft";
  // An invoice is dated the day it leaves draft, unless the request dates it (a March draft issued in
  // April belongs to April's financial year and series). Quotations and orders keep their own dates.
  if (issuing && items.series === "invoice" && !(items.dateField in row)) {
    row[items.dateField] = new Date().toISOString().slice(0, 10);
  }
  // A new party without a place of supply: the default follows the new party.
  if (PARTIES.some((field) => field in row) && !("placeOfSupply" in row)) row.placeOfSupply = null;
  if (Object.keys(row).length) await sql`update ${sql(table)} set ${sql(row)} where id = ${id}`;
  if (lines) await writeLines(sql, items, id, lines);
  const taxInputs = ["placeOfSupply", "taxPayment", items.dateField, ...PARTIES].some((field) =>
    field in row
  );
  const after = lines || issuing || taxInputs
    ? await computeTaxes(sql, catalog, table, items, id)
    : (await sql`select * from ${sql(table)} where id = ${id}`)[0];
  if (issuing) await issue(sql, table, items, after);
}

/** Drafts only: an issued document's number must stay accounted for. */
export async function deleteDocument(sql: Sql, resource: Resource, id: string) {
  const [doc] = await sql`select status from ${sql(resource.table)} where id = ${id} for update`;
  if (!doc) throw notFound(`No such ${resource.path} row`);
  if (isIssued(doc)) throw conflict("An issued document cannot be deleted: cancel it instead");
  await sql`delete from ${sql(resource.table)} where id = ${id}`;
}
