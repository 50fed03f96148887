// The agency's GST registration (the primary row of gst_settings): its GSTIN's first two digits are
// the supplier's state on the agency's invoices and quotations.
import { z } from "zod";
import type { Queryable } from "../platform/db.ts";
import * as f from "../platform/fields.ts";

export const gstRegistrationSchema = z.strictObject({
  gstin: f.gstin(),
  legalName: f.text(200),
  tradeName: f.text(200).nullish(),
  registrationType: z.enum(["regular", "composition", "sez_unit", "isd", "casual"]).optional(),
  address: f.longText().nullish(),
  pincode: f.pincode().nullish(),
  registrationDate: f.date().nullish(),
  /** Aggregate turnover in the previous year: HSN/SAC takes 4 digits up to ₹5 crore, 6 above
   * (Notification 78/2020-CT). */
  turnoverBand: z.enum(["up_to_5_crore", "above_5_crore"]).optional(),
  /** The letter of undertaking (Rule 96A) exports and SEZ supplies go under without IGST. */
  lutReference: f.text(50).nullish(),
});
export type GstRegistrationInput = z.infer<typeof gstRegistrationSchema>;

/** The registration as answered; state and PAN follow from the GSTIN. */
export const gstRegistrationViewSchema = z.strictObject({
  gstin: z.string(),
  legalName: z.string(),
  tradeName: z.string().nullable(),
  pan: z.string(),
  registrationType: z.string(),
  state: z.string(),
  stateCode: z.string(),
  address: z.string().nullable(),
  pincode: z.string().nullable(),
  registrationDate: f.date().nullable(),
  turnoverBand: z.string(),
  lutReference: z.string().nullable(),
  updatedAt: f.timestamp(),
});
const VIEW_KEYS = Object.keys(gstRegistrationViewSchema.shape);

const view = (row: Record<string, unknown>) => Object.fromEntries(VIEW_KEYS.map((key) => [key, row[key]]));

export async function findGstRegistration(sql: Queryable) {
  const [row] = await sql`select * from gst_settings where is_primary and is_active`;
  return row ? view(row) : null;
}

/** The supplier's state code on the agency's own documents, or null before it registers. */
export async function agencyStateCode(sql: Queryable): Promise<string | null> {
  return (await primaryRegistration(sql))?.stateCode ?? null;
}

/** The primary registration's row (GSTIN, state, type, turnover band, LUT), or undefined. */
export async function primaryRegistration(sql: Queryable) {
  const [row] = await sql`select * from gst_settings where is_primary and is_active`;
  return row;
}

/** Replaces the primary registration (state and PAN follow from the GSTIN); caller's transaction. */
export async function saveGstRegistration(sql: Queryable, input: GstRegistrationInput) {
  const stateCode = input.gstin.slice(0, 2);
  const row = {
    gstin: input.gstin,
    legalName: input.legalName,
    tradeName: input.tradeName ?? null,
    pan: input.gstin.slice(2, 12),
    registrationType: input.registrationType ?? "regular",
    state: f.STATES[stateCode],
    stateCode,
    address: input.address ?? null,
    pincode: input.pincode ?? null,
    registrationDate: input.registrationDate ?? null,
    turnoverBand: input.turnoverBand ?? "up_to_5_crore",
    lutReference: input.lutReference ?? null,
    isPrimary: true,
    isActive: true,
  };
  const [current] = await sql`select id from gst_settings where is_primary for update`;
  const [saved] = current
    ? await sql`update gst_settings set ${sql(row)} where id = ${current.id} returning *`
    : await sql`insert into gst_settings ${sql(row)} returning *`;
  return view(saved);
}
