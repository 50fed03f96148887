// /api/payments: money received from a client, the TDS it deducted (section 194J at 10 % or 2 %, 194C
// at 1 % or 2 %), allocated to its issued invoices. An invoice is settled when cash, TDS and credit
// notes cover its total (settlement.ts); an allocation past what is outstanding is refused.
import type postgres from "postgres";
import { z } from "zod";
import type { Queryable } from "../platform/db.ts";
import { badRequest, conflict, notFound } from "../platform/errors.ts";
import * as f from "../platform/fields.ts";
import { lockInvoices, outstanding, settle } from "./settlement.ts";

const TDS_RATES = { "194J": ["10", "2"], "194C": ["1", "2"] } as const;
const METHODS = ["cash", "cheque", "bank_transfer", "neft", "rtgs", "imps", "upi", "card", "other"] as const;
const cents = (value: string | number) => Math.round(Number(value) * 100);

export const paymentCreateSchema = z.strictObject({
  clientId: f.ref(),
  paymentDate: f.date().optional(),
  /** Cash received (the bank credit), without the TDS. */
  amount: f.money().refine((v) => Number(v) > 0, "must be greater than 0"),
  /** 194J professional or technical fees (10 % or 2 %), 194C contracts such as advertising (1 % or 2 %). */
  tdsSection: z.enum(["194J", "194C"]).optional(),
  tdsRate: z.enum(["10", "2", "1"]).optional(),
  tdsAmount: f.money().optional(),
  paymentMethod: z.enum(METHODS).optional(),
  /** UTR, cheque number. */
  referenceNumber: f.text(100).optional(),
  notes: f.longText().optional(),
  allocations: z.array(
    z.strictObject({ invoiceId: f.ref(), amount: f.money(), tdsAmount: f.money().optional() }),
  )
    .min(1).max(100)
    .refine((list) => new Set(list.map((a) => a.invoiceId)).size === list.length, "lists an invoice twice"),
}).superRefine((p, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const tds = cents(p.tdsAmount ?? 0);
  if (tds > 0 && !p.tdsSection) issue("tdsSection", "is required with a TDS amount");
  if (p.tdsSection && !(TDS_RATES[p.tdsSection] as readonly string[]).includes(p.tdsRate ?? "")) {
    issue("tdsRate", `must be ${TDS_RATES[p.tdsSection].join(" or ")} under ${p.tdsSection}`);
  }
  if (p.allocations.reduce((sum, a) => sum + cents(a.amount), 0) > cents(p.amount)) {
    issue("allocations", "allocate at most the amount received");
  }
  if (p.allocations.reduce((sum, a) => sum + cents(a.tdsAmount ?? 0), 0) !== tds) {
    issue("allocations", "their TDS must add up to tdsAmount");
  }
});

const allocationSchema = z.strictObject({
  invoiceId: f.ref(),
  invoiceNumber: z.string(),
  amount: f.numericString(),
  tdsAmount: f.numericString(),
});
const paymentColumns = {
  id: f.ref(),
  clientId: f.ref(),
  paymentDate: f.date(),
  amount: f.numericString(),
  tdsSection: z.enum(["194J", "194C"]).nullable(),
  tdsRate: f.numericString().nullable(),
  tdsAmount: f.numericString(),
  paymentMethod: z.enum(METHODS),
  referenceNumber: z.string().nullable(),
  status: z.string(),
  notes: z.string().nullable(),
  createdAt: f.timestamp(),
  updatedAt: f.timestamp(),
};
export const paymentSchema = z.strictObject({ ...paymentColumns, allocations: z.array(allocationSchema) });
const COLUMNS = Object.keys(paymentColumns);
type PaymentInput = z.infer<typeof paymentCreateSchema>;

export async function findPayment(sql: Queryable, id: string) {
  const [row] = await sql`select ${sql(COLUMNS)} from payments where id = ${id}`;
  if (!row) throw notFound("No such payment");
  const allocations = await sql`
    select a.invoice_id, i.invoice_number, a.amount, a.tds_amount from payment_allocations a
    join invoices i on i.id = a.invoice_id where a.payment_id = ${id} order by i.invoice_number`;
  return { ...row, allocations };
}

export async function recordPayment(sql: postgres.TransactionSql, input: PaymentInput, userId: string) {
  const { allocations, ...payment } = input;
  const byId = await lockInvoices(
    sql,
    allocations.map((a) => a.invoiceId),
    (i) => `allocations.${i}.invoiceId`,
  );
  allocations.forEach((allocation, index) => {
    const invoice = byId.get(allocation.invoiceId)!;
    if (invoice.clientId !== input.clientId) {
      throw badRequest("A payment is allocated to its client's invoices", [
        { path: `allocations.${index}.invoiceId`, message: "is another client's invoice" },
      ]);
    }
    const due = outstanding(invoice);
    if (cents(allocation.amount) + cents(allocation.tdsAmount ?? 0) > cents(due)) {
      throw conflict(`Over-allocated: invoice ${invoice.invoiceNumber} has ${due} outstanding`, {
        issues: [{ path: `allocations.${index}.amount`, message: `cash and TDS must not exceed ${due}` }],
      });
    }
  });
  const [{ id }] = await sql`insert into payments ${
    sql({ ...payment, tdsAmount: payment.tdsAmount ?? "0", receivedBy: userId })
  } returning id`;
  for (const allocation of allocations) {
    const tdsAmount = allocation.tdsAmount ?? "0";
    await sql`insert into payment_allocations ${sql({ paymentId: id, ...allocation, tdsAmount })}`;
    await settle(sql, allocation.invoiceId, { received: allocation.amount, tds: tdsAmount });
  }
  return id as string;
}
