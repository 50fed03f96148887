// /api/settings: the agency's document series prefixes and GST registration; anyone reads, admins write.
import { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";
import { transaction } from "../platform/db.ts";
import { validate } from "../platform/validate.ts";
import { requireRole } from "./tenant/require-role.ts";
import {
  documentPrefixesSchema,
  findDocumentPrefixes,
  saveDocumentPrefixes,
} from "../settings/document-prefixes.ts";
import {
  findGstRegistration,
  gstRegistrationSchema,
  saveGstRegistration,
} from "../settings/gst-registration.ts";

export function settingsRoutes() {
  return new Hono<AppEnv>()
    .get("/documents", async (c) => c.json({ data: await findDocumentPrefixes(c.var.sql) }))
    .put("/documents", requireRole("admin"), validate("json", documentPrefixesSchema), async (c) => {
      const saved = await saveDocumentPrefixes(c.var.sql, c.req.valid("json"), c.var.claims.sub);
      return c.json({ data: saved });
    })
    .get("/gst", async (c) => c.json({ data: await findGstRegistration(c.var.sql) }))
    .put("/gst", requireRole("admin"), validate("json", gstRegistrationSchema), async (c) => {
      const input = c.req.valid("json");
      const saved = await transaction(c.var.sql, (sql) => saveGstRegistration(sql, input));
      return c.json({ data: saved });
    });
}
