// Credit and debit notes (CGST Act s. 34): the only way to correct an issued invoice. A note is issued
// when it is recorded, numbered in its own series (Rule 53(1A)), refers to one or more issued invoices
// of one client with one place of supply, and is taxed as they are: their place of supply and LUT,
// the rates in force on the first one's date. A credit note never credits more than an invoice's total.
import type postgres from "postgres";
import { z } from "zod";
import type { Queryable } from "../platform/db.ts";
import { badRequest, conflict, notFound } from "../platform/errors.ts";
import { type LineItem, type LineItems, lineItemSchema, lineRowSchema } from "./define.ts";
import { nextDocumentNumber } from "./document-series.ts";
import * as f from "../platform/fields.ts";
import { computeTaxes, readLines, writeLines } from "./line-items.ts";
import { lockInvoices, settle } from "./settlement.ts";

type Sql = postgres.TransactionSql;
type Row = Record<string, unknown>;

export type NoteKind = {
  path: "credit-notes" | "debit-notes";
  table: "credit_notes" | "debit_notes";
  links: "credit_note_invoices" | "debit_note_invoices";
  numberField: "creditNoteNumber" | "debitNoteNumber";
  items: LineItems;
  /** The invoice's running total it moves: amount_credited or amount_debited. */
  moves: "credited" | "debited";
};

const kind = (credit: boolean): NoteKind => {
  const noun = credit ? "credit_note" : "debit_note";
  return {
    path: credit ? "credit-notes" : "debit-notes",
    table: `${noun}s` as NoteKind["table"],
    links: `${noun}_invoices` as NoteKind["links"],
    numberField: credit ? "creditNoteNumber" : "debitNoteNumber",
    items: {
      table: `${noun}_items`,
      foreignKey: `${noun}_id`,
      numberField: credit ? "creditNoteNumber" : "debitNoteNumber",
      series: noun,
      dateField: "issueDate",
    },
    moves: credit ? "credited" : "debited",
  };
};
export const CREDIT_NOTES = kind(true);
export const DEBIT_NOTES = kind(false);

export const noteCreateSchema = z.strictObject({
  issueDate: f.date().optional(),
  reason: f.text(500),
  /** The invoices and the part of each (tax included) the note covers; with one invoice the part may
   * be left out: it is the note's total. */
  invoices: z.array(z.strictObject({ invoiceId: f.ref(), amount: f.money().optional() })).min(1).max(50)
    .refine(
      (links) => new Set(links.map((l) => l.invoiceId)).size === links.length,
      "lists an invoice twice",
    ),
  items: z.array(lineItemSchema).min(1).max(500),
});
export type NoteInput = z.infer<typeof noteCreateSchema>;

export const noteCancelSchema = z.strictObject({
  status: z.literal("cancelled"),
  cancellationReason: f.text(500),
});

const noteColumns = {
  id: f.ref(),
  clientId: f.ref(),
  issueDate: f.date(),
  reason: z.string(),
  status: z.enum(["issued", "cancelled"]),
  placeOfSupply: z.string().nullable(),
  placeOfSupplyState: z.string().nullable(),
  supplyType: z.enum(["intra_state", "inter_state", "export", "sez"]).nullable(),
  taxPayment: z.enum(["igst", "lut"]).nullable(),
  subtotal: f.numericString(),
  cgstAmount: f.numericString(),
  sgstAmount: f.numericString(),
  igstAmount: f.numericString(),
  taxAmount: f.numericString(),
  totalAmount: f.numericString(),
  cancelledAt: f.timestamp().nullable(),
  cancellationReason: z.string().nullable(),
  createdAt: f.timestamp(),
  updatedAt: f.timestamp(),
};
const linkSchema = z.strictObject({
  invoiceId: f.ref(),
  invoiceNumber: z.string(),
  amount: f.numericString(),
});
export const noteSchema = (note: NoteKind) =>
  z.strictObject({
    ...noteColumns,
    [note.numberField]: z.string(),
    invoices: z.array(linkSchema),
    items: z.array(lineRowSchema),
  });
const COLUMNS = Object.keys(noteColumns);

/** Section 34(2): a credit note's tax is adjusted only if it is issued by 30 November following the
 * end of the financial year of the supply. Later notes are refused (a commercial credit without GST
 * is not a tax document and is not recorded here). */
export function creditNoteDeadline(invoiceDate: string): string {
  const year = Number(invoiceDate.slice(0, 4));
  const fyEnd = Number(invoiceDate.slice(5, 7)) >= 4 ? year + 1 : year;
  return `${fyEnd}-11-30`;
}

function checkInvoices(note: NoteKind, input: NoteInput, invoices: Row[], issueDate: string) {
  const [first] = invoices;
  const same = (field: string) => invoices.every((invoice) => invoice[field] === first[field]);
  if (!same("clientId") || !same("placeOfSupply") || !same("supplyType") || !same("taxPayment")) {
    throw badRequest("A note covers one client's invoices with one place of supply and supply type", [
      { path: "invoices", message: "must share client, place of supply and supply type" },
    ]);
  }
  invoices.forEach((invoice, index) => {
    const date = invoice.issueDate as string;
    const path = `invoices.${index}.invoiceId`;
    if (issueDate < date) {
      throw badRequest("A note cannot precede its invoice", [{
        path: "issueDate",
        message: `is before ${date}`,
      }]);
    }
    if (note.moves === "credited" && issueDate > creditNoteDeadline(date)) {
      throw badRequest("Too late for a credit note on this invoice (CGST Act s. 34(2))", [
        { path, message: `credit notes on it were due by ${creditNoteDeadline(date)}` },
      ]);
    }
  });
  return input.invoices.length === 1 ? undefined : input.invoices.map((link) => link.amount);
}

export async function createNote(
  sql: Sql,
  catalog: Queryable,
  note: NoteKind,
  input: NoteInput,
  userId: string,
) {
  const ids = input.invoices.map((link) => link.invoiceId);
  const byId = await lockInvoices(sql, ids, (i) => `invoices.${i}.invoiceId`);
  const invoices = ids.map((id) => byId.get(id)!);
  const issueDate = input.issueDate ?? new Date().toISOString().slice(0, 10);
  const parts = checkInvoices(note, input, invoices, issueDate);
  if (parts?.some((amount) => amount === undefined)) {
    throw badRequest("A note on several invoices says how much of each it covers", [
      { path: "invoices", message: "each needs an amount" },
    ]);
  }
  const [{ id }] = await sql`
    insert into ${sql(note.table)} ${
    sql({
      [note.numberField]: await nextDocumentNumber(sql, note.items.series, issueDate),
      clientId: invoices[0].clientId,
      issueDate,
      reason: input.reason,
      status: "issued",
      placeOfSupply: invoices[0].placeOfSupply,
      taxPayment: invoices[0].taxPayment,
      createdBy: userId,
    })
  } returning id`;
  await writeLines(sql, note.items, id, input.items as LineItem[]);
  const oldest = invoices.map((invoice) => invoice.issueDate as string).sort()[0];
  const doc = await computeTaxes(sql, catalog, note.table, note.items, id, oldest);
  const total = Number(doc.totalAmount);
  const amounts = parts ?? [doc.totalAmount as string];
  if (parts && Math.round(parts.reduce((sum, a) => sum + Number(a), 0) * 100) !== Math.round(total * 100)) {
    throw badRequest("The invoices' parts must add up to the note's total", [
      { path: "invoices", message: `must add up to ${doc.totalAmount}` },
    ]);
  }
  for (const [index, invoice] of invoices.entries()) {
    const amount = amounts[index]!;
    const room = Number(invoice.totalAmount) + Number(invoice.amountDebited) - Number(invoice.amountCredited);
    if (note.moves === "credited" && Number(amount) > room + 1e-9) {
      throw conflict(`Credit exceeds invoice ${invoice.invoiceNumber}`, {
        issues: [{
          path: `invoices.${index}.amount`,
          message: `at most ${room.toFixed(2)} is left to credit`,
        }],
      });
    }
    await sql`insert into ${sql(note.links)} ${
      sql({ [note.items.foreignKey]: id, invoiceId: invoice.id, amount })
    }`;
    await settle(sql, invoice.id as string, { [note.moves]: amount });
  }
  return id as string;
}

/** Cancels an issued note, with its reason, and gives the invoices back what it moved. */
export async function cancelNote(sql: Sql, note: NoteKind, id: string, reason: string) {
  const [row] = await sql`select status from ${sql(note.table)} where id = ${id} for update`;
  if (!row) throw notFound(`No such ${note.path.slice(0, -1)}`);
  if (row.status === "cancelled") throw conflict("A cancelled note stays cancelled");
  const links = await sql`select invoice_id, amount from ${sql(note.links)}
    where ${sql(note.items.foreignKey)} = ${id} order by invoice_id`;
  const byId = await lockInvoices(sql, links.map((l) => l.invoiceId), () => "id");
  for (const link of links) {
    const invoice = byId.get(link.invoiceId)!;
    const settledAfter = Number(invoice.amountReceived) + Number(invoice.tdsDeducted) +
      Number(invoice.amountCredited);
    if (
      note.moves === "debited" &&
      settledAfter > Number(invoice.totalAmount) + Number(invoice.amountDebited) - Number(link.amount)
    ) {
      throw conflict("Payments already cover this debit note: it cannot be cancelled");
    }
    await settle(sql, link.invoiceId, { [note.moves]: `-${link.amount}` });
  }
  await sql`update ${sql(note.table)} set status = 'cancelled', cancelled_at = now(),
    cancellation_reason = ${reason} where id = ${id}`;
}

export async function findNote(sql: Queryable, note: NoteKind, id: string) {
  const [row] = await sql`select ${sql(noteListColumns(note))} from ${sql(note.table)} where id = ${id}`;
  if (!row) throw notFound(`No such ${note.path.slice(0, -1)}`);
  const invoices = await sql`
    select l.invoice_id, i.invoice_number, l.amount from ${sql(note.links)} l
    join invoices i on i.id = l.invoice_id where l.${
    sql(note.items.foreignKey)
  } = ${id} order by i.invoice_number`;
  return { ...row, invoices, items: await readLines(sql, note.items, id) };
}

export const noteListColumns = (note: NoteKind): string[] => [...COLUMNS, note.numberField];
