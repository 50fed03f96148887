// Document series (CGST Rule 46(b)): an issued document takes the next number of its type's series for
// its financial year (April to March), e.g. INV/26-27/000123, at most 16 characters.
import type { Queryable } from "../platform/db.ts";
import { conflict } from "../platform/errors.ts";
import { type DocumentPrefixes, findDocumentPrefixes } from "../settings/document-prefixes.ts";
import { DOCUMENT_NUMBER } from "../platform/fields.ts";

export type DocumentSeries = "invoice" | "quotation" | "purchase_order" | "credit_note" | "debit_note";

const PREFIX_SETTING: Record<DocumentSeries, keyof DocumentPrefixes> = {
  invoice: "invoicePrefix",
  quotation: "quotationPrefix",
  purchase_order: "purchaseOrderPrefix",
  credit_note: "creditNotePrefix",
  debit_note: "debitNotePrefix",
};
const MAX_LENGTH = 16;
const SERIAL_DIGITS = 6;

/** "2027-03-31" → "26-27", "2027-04-01" → "27-28". */
export function financialYear(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  const yy = (n: number) => String(n % 100).padStart(2, "0");
  return `${yy(start)}-${yy(start + 1)}`;
}

/** Takes the next number in the caller's transaction: the counter row stays locked until it ends, so
 * concurrent issues queue behind it and a rollback gives the number back (no gaps, no reuse). */
export async function nextDocumentNumber(sql: Queryable, series: DocumentSeries, date: string) {
  const prefix = (await findDocumentPrefixes(sql))[PREFIX_SETTING[series]];
  const year = financialYear(date);
  const [{ lastNumber }] = await sql`
    insert into document_series (document_type, financial_year, last_number)
    values (${series}, ${year}, 1)
    on conflict (document_type, financial_year)
    do update set last_number = document_series.last_number + 1, updated_at = now()
    returning last_number`;
  const head = `${prefix}/${year}/`;
  // Six digits (CN/26-27/000001), fewer where a 4-character prefix leaves less room, more once past.
  const serial = String(lastNumber).padStart(Math.min(SERIAL_DIGITS, MAX_LENGTH - head.length), "0");
  if (head.length + serial.length > MAX_LENGTH) {
    throw conflict(`The ${year} ${series} series is exhausted: choose a shorter prefix`);
  }
  // A prefix saved before the e-invoice's rules (lower case, a leading 0 or '-') is not issued from.
  if (!DOCUMENT_NUMBER.test(head + serial)) {
    throw conflict(`The ${series} prefix ${prefix} does not suit an e-invoice: change it`);
  }
  return head + serial;
}
