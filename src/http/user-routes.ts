// GET /api/me, and user management inside an agency (/api/users): admins add users, change roles
// and deactivate them, keeping the catalog's user_directory in step so login stays one lookup.
import { Hono } from "hono";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { agencyView, agencyViewSchema } from "../catalog/agencies.ts";
import type { PlanLimits } from "../limits/plan-limits.ts";
import { storageGuard } from "./storage-guard.ts";
import type { AppEnv } from "./app-env.ts";
import { type Sql, transaction } from "../platform/db.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { validate } from "../platform/validate.ts";
import { requireRole } from "./tenant/require-role.ts";
import {
  AGENCY_ROLES,
  type AgencyUser,
  findUser,
  insertUser,
  listUsers,
  updateUser,
  userView,
  userViewSchema,
} from "../auth/agency-users.ts";
import { hashPassword } from "../auth/password.ts";
import { emailSchema, passwordSchema } from "../auth/schemas.ts";

export const newUserSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  fullName: z.string().trim().min(1).max(100),
  role: z.enum(AGENCY_ROLES).default("employee"),
});

export const userPatchSchema = z.strictObject({
  fullName: z.string().trim().min(1).max(100).optional(),
  role: z.enum(AGENCY_ROLES).optional(),
  isActive: z.boolean().optional(),
}).refine((p) => Object.keys(p).length > 0, "nothing to change");

export const meSchema = z.strictObject({ user: userViewSchema, agency: agencyViewSchema });

const idParam = z.object({ id: z.uuid() });
export const userListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional(),
});

export function meRoutes() {
  return new Hono<AppEnv>().get("/", async (c) => {
    const user = await findUser(c.var.sql, c.var.claims.sub);
    if (!user || !user.isActive) throw notFound("User not found");
    return c.json({ user: userView(user), agency: agencyView(c.var.agency) });
  });
}

export type UserRoutesDeps = {
  /** Writes the catalog's directory (the request role only reads the catalog). */
  control: Sql;
  limits: PlanLimits;
};

// What the audit trail keeps of a user: never the password hash.
const audited = (user: AgencyUser | undefined) => user && userView(user);

export function userRoutes({ control, limits }: UserRoutesDeps) {
  return new Hono<AppEnv>()
    .get("/", validate("query", userListQuery), async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const rows = await listUsers(c.var.sql, limit + 1, cursor);
      const page = rows.slice(0, limit);
      return c.json({ data: page.map(userView), nextCursor: rows.length > limit ? page.at(-1)!.id : null });
    })
    .get("/:id", validate("param", idParam), async (c) => {
      const user = await findUser(c.var.sql, c.req.valid("param").id);
      if (!user) throw notFound("User not found");
      return c.json({ data: userView(user) });
    })
    .post("/", requireRole("admin"), storageGuard(limits), validate("json", newUserSchema), async (c) => {
      const input = c.req.valid("json");
      const { sql, agency, claims, origin } = c.var;
      const passwordHash = await hashPassword(input.password);
      const id = await transaction(sql, async (tx) => {
        await limits.ensureRoom(tx, agency, "users");
        const id = await insertUser(tx, { ...input, passwordHash });
        const after = audited(await findUser(tx, id));
        await recordAudit(tx, origin, {
          actor: claims.sub,
          action: "create",
          table: "users",
          recordId: id,
          after,
        });
        return id;
      });
      try {
        await control`insert into user_directory (email, agency_id, user_id) values (${input.email}, ${agency.id}, ${id})`;
      } catch (error) {
        await transaction(sql, async (tx) => { // no user that cannot log in, nor a record of one
          await tx`delete from audit_log where record_id = ${id} and table_name = 'users'`;
          await tx`delete from users where id = ${id}`;
        });
        throw error;
      }
      return c.json({ data: userView((await findUser(sql, id))!) }, 201);
    })
    .patch(
      "/:id",
      requireRole("admin"),
      validate("param", idParam),
      validate("json", userPatchSchema),
      async (c) => {
        const { id } = c.req.valid("param");
        const patch = c.req.valid("json");
        if (id === c.var.claims.sub && (patch.isActive === false || (patch.role && patch.role !== "admin"))) {
          throw conflict("Admins cannot deactivate or demote themselves");
        }
        const { sql, agency, claims, origin } = c.var;
        const found = await transaction(sql, async (tx) => {
          const [user] = await tx`select id, is_active from users where id = ${id} for update`;
          if (!user) return false;
          if (patch.isActive && !user.isActive) await limits.ensureRoom(tx, agency, "users"); // takes a seat
          const before = audited(await findUser(tx, id));
          await updateUser(tx, id, patch);
          const after = audited(await findUser(tx, id));
          await recordAudit(tx, origin, {
            actor: claims.sub,
            action: "update",
            table: "users",
            recordId: id,
            before,
            after,
          });
          return true;
        });
        if (!found) throw notFound("User not found");
        c.set("accessChanged", id); // the role or deactivation applies now
        return c.json({ data: userView((await findUser(sql, id))!) });
      },
    );
}
