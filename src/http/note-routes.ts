// /api/credit-notes and /api/debit-notes: list, read, issue (POST) and cancel (PATCH status cancelled
// with a reason). Notes are never edited nor deleted: a wrong note is cancelled and issued again.
import { Hono } from "hono";
import { recordAudit } from "../audit/audit-log.ts";
import type { PlanLimits } from "../limits/plan-limits.ts";
import type { AppEnv } from "./app-env.ts";
import { storageGuard } from "./storage-guard.ts";
import { type Queryable, transaction } from "../platform/db.ts";
import { validate } from "../platform/validate.ts";
import { clientPageQuery, pageByClient } from "../resources/client-pages.ts";
import {
  cancelNote,
  createNote,
  findNote,
  noteCancelSchema,
  noteCreateSchema,
  type NoteKind,
} from "../resources/notes.ts";
import { idParam } from "./params.ts";

export function noteRoutes(note: NoteKind, { limits, catalog }: { limits: PlanLimits; catalog: Queryable }) {
  return new Hono<AppEnv>()
    .use(storageGuard(limits))
    .get("/", validate("query", clientPageQuery), async (c) => {
      const { sql } = c.var;
      return c.json(
        await pageByClient(sql, note.table, c.req.valid("query"), (id) => findNote(sql, note, id)),
      );
    })
    .post("/", validate("json", noteCreateSchema), async (c) => {
      const input = c.req.valid("json");
      const { claims, origin } = c.var;
      const created = await transaction(c.var.sql, async (sql) => {
        const id = await createNote(sql, catalog, note, input, claims.sub);
        const after = await findNote(sql, note, id);
        await recordAudit(sql, origin, {
          actor: claims.sub,
          action: "create",
          table: note.table,
          recordId: id,
          after,
        });
        return after;
      });
      return c.json({ data: created }, 201);
    })
    .get("/:id", validate("param", idParam), async (c) => {
      return c.json({ data: await findNote(c.var.sql, note, c.req.valid("param").id) });
    })
    .patch("/:id", validate("param", idParam), validate("json", noteCancelSchema), async (c) => {
      const { id } = c.req.valid("param");
      const { claims, origin } = c.var;
      const updated = await transaction(c.var.sql, async (sql) => {
        const before = await findNote(sql, note, id);
        await cancelNote(sql, note, id, c.req.valid("json").cancellationReason);
        const after = await findNote(sql, note, id);
        const entry = { actor: claims.sub, action: "update" as const, table: note.table, recordId: id };
        await recordAudit(sql, origin, { ...entry, before, after });
        return after;
      });
      return c.json({ data: updated });
    });
}
