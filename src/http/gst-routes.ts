// The GST documents beside the declared resources: credit and debit notes and payments, each mounted
// at /api/<path> behind the tenant middleware; and an invoice's e-invoice (INV-01) JSON, mounted with
// the invoices' own routes.
import { Hono } from "hono";
import { recordAudit } from "../audit/audit-log.ts";
import type { PlanLimits } from "../limits/plan-limits.ts";
import { type Queryable, transaction } from "../platform/db.ts";
import { validate } from "../platform/validate.ts";
import { clientPageQuery, pageByClient } from "../resources/client-pages.ts";
import { buildEInvoice } from "../resources/e-invoice.ts";
import { CREDIT_NOTES, DEBIT_NOTES } from "../resources/notes.ts";
import { findPayment, paymentCreateSchema, recordPayment } from "../resources/payments.ts";
import type { AppEnv } from "./app-env.ts";
import { noteRoutes } from "./note-routes.ts";
import { storageGuard } from "./storage-guard.ts";
import { idParam } from "./params.ts";

function paymentRoutes({ limits }: { limits: PlanLimits }) {
  return new Hono<AppEnv>()
    .use(storageGuard(limits))
    .get("/", validate("query", clientPageQuery), async (c) => {
      const { sql } = c.var;
      return c.json(await pageByClient(sql, "payments", c.req.valid("query"), (id) => findPayment(sql, id)));
    })
    .post("/", validate("json", paymentCreateSchema), async (c) => {
      const { claims, origin } = c.var;
      const created = await transaction(c.var.sql, async (sql) => {
        const id = await recordPayment(sql, c.req.valid("json"), claims.sub);
        const after = await findPayment(sql, id);
        await recordAudit(sql, origin, {
          actor: claims.sub,
          action: "create",
          table: "payments",
          recordId: id,
          after,
        });
        return after;
      });
      return c.json({ data: created }, 201);
    })
    .get("/:id", validate("param", idParam), async (c) => {
      return c.json({ data: await findPayment(c.var.sql, c.req.valid("param").id) });
    });
}

const eInvoiceRoutes = () =>
  new Hono<AppEnv>().get("/:id/e-invoice", validate("param", idParam), async (c) => {
    return c.json({ data: await buildEInvoice(c.var.sql, c.req.valid("param").id) });
  });

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
