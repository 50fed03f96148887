// What is settled on an invoice: cash and TDS from payments (payments.ts), credit and debit notes
// (notes.ts), kept on the invoice row under its lock, and the status that follows from them.
import type { Queryable } from "../platform/db.ts";
import { ApiError, conflict } from "../platform/errors.ts";

type Row = Record<string, unknown>;

/** Locks the invoices in id order (two notes or payments on the same invoices never deadlock) and
 * returns them by id; 422 naming the path of any that does not exist, 409 for a draft or cancelled one. */
export async function lockInvoices(sql: Queryable, ids: string[], path: (index: number) => string) {
  const rows = await sql`select * from invoices where id in ${sql(ids)} order by id for update`;
  const byId = new Map(rows.map((row) => [row.id as string, row as Row]));
  ids.forEach((id, index) => {
    const invoice = byId.get(id);
    if (!invoice) {
      throw new ApiError(422, "invalid_reference", "No such invoice", {
        issues: [{ path: path(index), message: "no such invoice" }],
      });
    }
    if (invoice.status === "draft" || invoice.status === "cancelled") {
      throw conflict(`Invoice ${invoice.invoiceNumber ?? id} is ${invoice.status}`);
    }
  });
  return byId;
}

/** Outstanding = total + debited − credited − received − TDS (the generated amount_outstanding). */
export const outstanding = (invoice: Row) => Number(invoice.amountOutstanding);

/** Moves an invoice's settled amounts by the given deltas and sets its status from them: paid once
 * nothing is outstanding, partially paid once something was received, sent (or overdue) otherwise. */
export async function settle(
  sql: Queryable,
  invoiceId: string,
  delta: { received?: string; tds?: string; credited?: string; debited?: string },
) {
  await sql`
    update invoices set
      amount_received = amount_received + ${delta.received ?? "0"}::numeric,
      tds_deducted = tds_deducted + ${delta.tds ?? "0"}::numeric,
      amount_credited = amount_credited + ${delta.credited ?? "0"}::numeric,
      amount_debited = amount_debited + ${delta.debited ?? "0"}::numeric
    where id = ${invoiceId}`;
  await sql`
    update invoices set status = case
      when amount_outstanding <= 0 then 'paid'
      when amount_received + tds_deducted > 0 then 'partially_paid'
      when status in ('paid', 'partially_paid') then 'sent'
      else status end
    where id = ${invoiceId} and status not in ('draft', 'cancelled')`;
}
