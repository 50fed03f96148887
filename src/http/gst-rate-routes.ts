// /api/admin/gst-rates: the GST rate table every agency checks its documents against (the catalog's
// gst_rates). Operators add a rate from a date, or close one (valid_to); viewers read. A change is in
// force in every agency from its date: documents read the table on each write, nothing is cached.
import { Hono } from "hono";
import { z } from "zod";
import type { Tokens } from "../auth/tokens.ts";
import type { AppEnv } from "./app-env.ts";
import type { Sql } from "../platform/db.ts";
import { badRequest, conflict, notFound } from "../platform/errors.ts";
import { validate } from "../platform/validate.ts";
import * as f from "../platform/fields.ts";
import type { OperatorAuth } from "../admin/operator-auth.ts";
import { platform, requireOperatorRole } from "./platform-middleware.ts";
import { idParam } from "./params.ts";

export const gstRateSchema = z.strictObject({
  id: f.ref(),
  rate: f.numericString(),
  validFrom: f.date(),
  validTo: f.date().nullable(),
  description: z.string(),
  notification: z.string().nullable(),
  createdAt: f.timestamp(),
  updatedAt: f.timestamp(),
});
export const gstRateCreateSchema = z.strictObject({
  rate: f.gstRate(),
  validFrom: f.date(),
  validTo: f.date().optional(),
  description: f.text(200),
  /** The rate notification, e.g. 19/2025-CT(Rate). */
  notification: f.text(200).optional(),
});
/** Closing a rate: its last day (inclusive), or null to reopen it. */
export const gstRateCloseSchema = z.strictObject({ validTo: f.date().nullable() });
const COLUMNS = Object.keys(gstRateSchema.shape);

const checkDates = (from: string, to?: string | null) => {
  if (to && to < from) {
    throw badRequest("A rate ends after it starts", [{ path: "validTo", message: `is before ${from}` }]);
  }
};

export function gstRateRoutes(
  { control, tokens, operators }: { control: Sql; tokens: Tokens; operators: OperatorAuth },
) {
  return new Hono<AppEnv>()
    .use(platform({ tokens, currentOperator: operators.current }))
    .get("/", async (c) => {
      const rows = await control`select ${control(COLUMNS)} from gst_rates order by valid_from, rate`;
      return c.json({ data: rows });
    })
    .post("/", requireOperatorRole("owner", "operator"), validate("json", gstRateCreateSchema), async (c) => {
      const input = c.req.valid("json");
      checkDates(input.validFrom, input.validTo);
      const [row] = await control`insert into gst_rates ${control(input)} returning ${control(COLUMNS)}`
        .catch((error) => {
          if (error?.code !== "23505") throw error;
          throw conflict(`${input.rate}% from ${input.validFrom} is already in the table`);
        });
      return c.json({ data: row }, 201);
    })
    .patch(
      "/:id",
      requireOperatorRole("owner", "operator"),
      validate("param", idParam),
      validate("json", gstRateCloseSchema),
      async (c) => {
        const { validTo } = c.req.valid("json");
        const [current] = await control`select valid_from from gst_rates where id = ${
          c.req.valid("param").id
        }`;
        if (!current) throw notFound("No such GST rate");
        checkDates(current.validFrom, validTo);
        const [row] = await control`update gst_rates set valid_to = ${validTo}
          where id = ${c.req.valid("param").id} returning ${control(COLUMNS)}`;
        return c.json({ data: row });
      },
    );
}
