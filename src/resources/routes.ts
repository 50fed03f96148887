// The routes every resource gets from its declaration: list (keyset cursor, filters), get, create,
// patch, delete (admins only). Queries run on the request's agency client (c.var.sql), so one
// agency's token can only ever reach its own database.
import { Hono } from "hono";
import type postgres from "postgres";
import { z } from "zod";
import type { AppEnv } from "../platform/app-env.ts";
import { type Queryable, transaction } from "../platform/db.ts";
import { ApiError, badRequest, notFound } from "../platform/errors.ts";
import { validate } from "../platform/validate.ts";
import { requireRole } from "../tenancy/tenant-middleware.ts";
import type { Resource } from "./define.ts";
import { createDocument, deleteDocument, patchDocument } from "./documents.ts";
import { readLines } from "./line-items.ts";

const idParam = z.object({ id: z.uuid("must be a UUID") });

// Cursor = the last row's (created_at to the microsecond, id): stable under inserts and deletes.
const encodeCursor = (key: string, id: string) => btoa(`${key}|${id}`).replaceAll("=", "");
function decodeCursor(cursor: string): { key: string; id: string } {
  let decoded = "";
  try {
    decoded = atob(cursor);
  } catch { /* reported below */ }
  const [key, id] = decoded.split("|");
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(key ?? "") || !z.uuid().safeParse(id).success) {
    throw badRequest("Invalid cursor", [{ path: "cursor", message: "is not a cursor from a previous page" }]);
  }
  return { key, id };
}

type Fragment = postgres.PendingQuery<postgres.Row[]>;
const and = (sql: Queryable, parts: Fragment[]): Fragment =>
  parts.length ? parts.reduce((all, part) => sql`${all} and ${part}`) : sql`true`;

export function resourceRoutes(resource: Resource) {
  const { table, items, schemas } = resource;

  async function findOne(sql: Queryable, id: string) {
    const [row] = await sql`select * from ${sql(table)} where id = ${id}`;
    if (!row) throw notFound(`No such ${resource.path} row`);
    return items ? { ...row, items: await readLines(sql, items, id) } : row;
  }

  return new Hono<AppEnv>()
    .get("/", validate("query", schemas.list), async (c) => {
      const { limit, cursor, ...filters } = c.req.valid("query") as Record<string, unknown> & {
        limit: number;
        cursor?: string;
      };
      const { sql } = c.var;
      const after = cursor ? decodeCursor(cursor) : undefined;
      const conditions: Fragment[] = [
        ...Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) =>
          sql`${sql(k)} = ${v as string}`
        ),
        ...(after
          ? [sql`(created_at, id) < (${after.key}::timestamp at time zone 'UTC', ${after.id}::uuid)`]
          : []),
      ];
      const rows = await sql`
        select *, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as cursor_key
        from ${sql(table)} where ${and(sql, conditions)}
        order by created_at desc, id desc limit ${limit + 1}`;
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json({
        data: page.map(({ cursorKey: _, ...row }) => row),
        nextCursor: rows.length > limit && last ? encodeCursor(last.cursorKey, last.id) : null,
      });
    })
    .post("/", validate("json", schemas.create), async (c) => {
      const { items: lines, ...row } = c.req.valid("json") as Record<string, unknown> & { items?: never };
      const created = await transaction(c.var.sql, async (sql) => {
        const id = items
          ? await createDocument(sql, resource, row, lines!)
          : (await sql`insert into ${sql(table)} ${sql(row)} returning id`)[0].id;
        return await findOne(sql, id);
      });
      return c.json({ data: created }, 201);
    })
    .get("/:id", validate("param", idParam), async (c) => {
      return c.json({ data: await findOne(c.var.sql, c.req.valid("param").id) });
    })
    .patch("/:id", validate("param", idParam), validate("json", schemas.update), async (c) => {
      const { id } = c.req.valid("param");
      const { items: lines, ...row } = c.req.valid("json") as Record<string, unknown> & { items?: never };
      const updated = await transaction(c.var.sql, async (sql) => {
        if (items) {
          await patchDocument(sql, resource, id, row, lines);
        } else {
          const [found] = await sql`update ${sql(table)} set ${sql(row)} where id = ${id} returning id`;
          if (!found) throw notFound(`No such ${resource.path} row`);
        }
        return await findOne(sql, id);
      });
      return c.json({ data: updated });
    })
    .delete("/:id", requireRole("admin"), validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      await transaction(c.var.sql, async (sql) => {
        if (items) return await deleteDocument(sql, resource, id);
        const [deleted] = await sql`delete from ${sql(table)} where id = ${id} returning id`;
        if (!deleted) throw notFound(`No such ${resource.path} row`);
      }).catch((error) => {
        // 23503 on delete: other rows still point here (not a missing reference, as on insert).
        if (error?.code !== "23503") throw error;
        throw new ApiError(409, "conflict", "Still referenced by other rows", { cause: error });
      });
      return c.body(null, 204);
    });
}
