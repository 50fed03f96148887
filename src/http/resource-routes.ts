// The routes every resource gets from its declaration: list (keyset cursor, filters), get, create,
// patch, delete (admins only). Queries run on the request's agency client (c.var.sql), so one
// agency's token can only ever reach its own database.
import { Hono } from "hono";
import type postgres from "postgres";
import type { AppEnv } from "./app-env.ts";
import { inline, type Queryable, transaction } from "../platform/db.ts";
import { cursorKeyColumn, keysetPage, olderThan } from "../platform/cursor.ts";
import { badRequest, conflict, notFound } from "../platform/errors.ts";
import { validate } from "../platform/validate.ts";
import { requireRole } from "./tenant/require-role.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { PlanLimits } from "../limits/plan-limits.ts";
import { storageGuard } from "./storage-guard.ts";
import type { Resource } from "../resources/define.ts";
import { createDocument, deleteDocument, patchDocument } from "../resources/documents.ts";
import { readLines } from "../resources/line-items.ts";
import { idParam } from "./params.ts";

type Fragment = postgres.PendingQuery<postgres.Row[]>;
const and = (sql: Queryable, parts: Fragment[]): Fragment =>
  parts.length ? parts.reduce((all, part) => sql`${all} and ${part}`) : sql`true`;

export type ResourceDeps = {
  limits: PlanLimits;
  /** The catalog as the app role reads it: the GST rates in force (src/resources/gst.ts). */
  catalog: Queryable;
};

export function resourceRoutes(resource: Resource, { limits, catalog }: ResourceDeps) {
  const { table, items, schemas, planLimit } = resource;
  const columns = (sql: Queryable) => sql.unsafe(resource.selectList);

  // A CHECK between fields (e.g. a GSTIN and the state code) reported on the field it names.
  const namingField = (error: { code?: string; constraint_name?: string }) => {
    const known = error?.code === "23514" && resource.constraints?.[error.constraint_name ?? ""];
    if (!known) throw error;
    throw badRequest(known.message, [known]);
  };

  async function findOne(sql: Queryable, id: string, lock?: "for update") {
    const [row] = await sql`
      select ${columns(sql)} from ${sql(table)} where id = ${inline(sql, id)} ${
      lock ? sql`for update` : sql``
    }`;
    if (!row) throw notFound(`No such ${resource.path} row`);
    return items ? { ...row, items: await readLines(sql, items, id) } : row;
  }

  return new Hono<AppEnv>()
    .use(storageGuard(limits))
    .get("/", validate("query", schemas.list), async (c) => {
      const { limit, cursor, ...filters } = c.req.valid("query") as Record<string, unknown> & {
        limit: number;
        cursor?: string;
      };
      const { sql } = c.var;
      const conditions: Fragment[] = [
        ...Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) =>
          sql`${sql(k)} = ${inline(sql, v as string | boolean)}`
        ),
        olderThan(sql, cursor),
      ];
      const rows = await sql`
        select ${columns(sql)}, ${cursorKeyColumn(sql)} from ${sql(table)} where ${and(sql, conditions)}
        order by created_at desc, id desc limit ${inline(sql, limit + 1)}`;
      return c.json(keysetPage(rows, limit));
    })
    .post("/", validate("json", schemas.create), async (c) => {
      const { items: lines, ...row } = c.req.valid("json") as Record<string, unknown> & { items?: never };
      const { agency, claims, origin } = c.var;
      const created = await transaction(c.var.sql, async (sql) => {
        if (planLimit) await limits.ensureRoom(sql, agency, planLimit);
        const id = items
          ? await createDocument(sql, catalog, resource, row, lines!)
          : (await sql`insert into ${sql(table)} ${sql(row)} returning id`)[0].id;
        const after = await findOne(sql, id);
        await recordAudit(sql, origin, { actor: claims.sub, action: "create", table, recordId: id, after });
        return after;
      }).catch(namingField);
      return c.json({ data: created }, 201);
    })
    .get("/:id", validate("param", idParam), async (c) => {
      return c.json({ data: await findOne(c.var.sql, c.req.valid("param").id) });
    })
    .patch("/:id", validate("param", idParam), validate("json", schemas.update), async (c) => {
      const { id } = c.req.valid("param");
      const { items: lines, ...row } = c.req.valid("json") as Record<string, unknown> & { items?: never };
      const { claims, origin } = c.var;
      const updated = await transaction(c.var.sql, async (sql) => {
        const before = await findOne(sql, id, "for update");
        if (items) {
          await patchDocument(sql, catalog, resource, id, row, lines);
        } else {
          await sql`update ${sql(table)} set ${sql(row)} where id = ${id}`;
        }
        const after = await findOne(sql, id);
        await recordAudit(sql, origin, {
          actor: claims.sub,
          action: "update",
          table,
          recordId: id,
          before,
          after,
        });
        return after;
      }).catch(namingField);
      return c.json({ data: updated });
    })
    .delete("/:id", requireRole("admin"), validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const { claims, origin } = c.var;
      await transaction(c.var.sql, async (sql) => {
        const before = await findOne(sql, id, "for update");
        if (items) await deleteDocument(sql, resource, id);
        else await sql`delete from ${sql(table)} where id = ${id}`;
        await recordAudit(sql, origin, { actor: claims.sub, action: "delete", table, recordId: id, before });
      }).catch((error) => {
        // 23503 on delete: other rows still point here (not a missing reference, as on insert).
        if (error?.code !== "23503") throw error;
        throw conflict("Still referenced by other rows", { cause: error });
      });
      return c.body(null, 204);
    });
}
