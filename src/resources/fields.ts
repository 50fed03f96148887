// Field schemas the resource declarations are built from: Indian ERP formats (GSTIN, PAN, HSN/SAC,
// INR amounts as exact decimal strings), dates as YYYY-MM-DD, references as UUIDs.
import { z } from "zod";

export const text = (max = 200) => z.string().trim().min(1, "must not be blank").max(max);
export const longText = () => z.string().max(10_000);
export const email = () => z.email().max(254).transform((e) => e.toLowerCase());
export const phone = () => z.string().regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number");
export const gstin = () =>
  z.string().toUpperCase().regex(/^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$/, "must be a 15-character GSTIN");
export const pan = () =>
  z.string().toUpperCase().regex(/^[A-Z]{5}[0-9]{4}[A-Z]$/, "must be a PAN like ABCDE1234F");
export const hsnSac = () => z.string().regex(/^[0-9]{4,8}$/, "must be a 4 to 8 digit HSN/SAC code");
export const stateCode = () => z.string().regex(/^[0-9]{2}$/, "must be a 2-digit GST state code");
export const pincode = () => z.string().regex(/^[1-9][0-9]{5}$/, "must be a 6-digit PIN code");
export const date = () => z.iso.date();
export const timestamp = () => z.iso.datetime({ offset: true });
export const ref = () => z.uuid();

/** A non-negative decimal with at most `scale` places, as a number or a string; stored exactly. */
export const decimal = (scale = 2, max = 1e12) =>
  z.union([z.number(), z.string()])
    .transform(String)
    .pipe(
      z.string()
        .regex(
          new RegExp(`^\\d+(\\.\\d{1,${scale}})?$`),
          `must be a non-negative number with at most ${scale} decimals`,
        )
        .refine((v) => Number(v) <= max, `must be at most ${max}`),
    );

export const money = () => decimal(2);
export const quantity = () => decimal(3, 1e9).refine((v) => Number(v) > 0, "must be greater than 0");
export const gstRate = () =>
  z.union([
    z.literal(0),
    z.literal(0.25),
    z.literal(3),
    z.literal(5),
    z.literal(12),
    z.literal(18),
    z.literal(28),
  ]);
