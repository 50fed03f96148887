// The GST documents beside the declared resources: credit and debit notes and payments, each mounted
// at /api/<path> behind the tenant middleware; and an invoice's e-invoice (INV-01) JSON, mounted with
// the invoices' own routes.
import { Hono } from "hono";
import type { PlanLimits } from "../limits/plan-limits.ts";
import type { AppEnv } from "../platform/app-env.ts";
import type { Queryable } from "../platform/db.ts";
import { eInvoiceRoutes } from "./e-invoice.ts";
import { noteRoutes } from "./note-routes.ts";
import { CREDIT_NOTES, DEBIT_NOTES } from "./notes.ts";
import { paymentRoutes } from "./payments.ts";

export function gstDocumentRoutes(
  deps: { limits: PlanLimits; catalog: Queryable },
): [string, Hono<AppEnv>][] {
  return [
    ["credit-notes", noteRoutes(CREDIT_NOTES, deps)],
    ["debit-notes", noteRoutes(DEBIT_NOTES, deps)],
    ["payments", paymentRoutes(deps)],
  ];
}

/** Routes under a declared resource's path, joined to its CRUD routes: mounted apart at the same
 * path, the tenant middleware would run twice for them. */
export const resourceExtensions = (): Record<string, Hono<AppEnv>> => ({ invoices: eInvoiceRoutes() });
