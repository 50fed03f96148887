// Field schemas the resource declarations and the agency's settings are built from: Indian ERP formats
// (GSTIN, PAN, HSN/SAC, INR amounts as exact decimal strings), dates as YYYY-MM-DD, references as UUIDs.
import { z } from "zod";

export const text = (max = 200) => z.string().trim().min(1, "must not be blank").max(max);
export const longText = () => z.string().max(10_000);
// Lower-cased as a string-to-string step (not a transform), so the email stays an email in the contract.
export const email = () => z.email().max(254).toLowerCase();
export const phone = () => z.string().regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number");
/** GST state codes (the first two digits of a GSTIN); 97 other territory, 99 Centre jurisdiction. */
export const STATES: Record<string, string> = {
  "01": "Jammu and Kashmir",
  "02": "Himachal Pradesh",
  "03": "Punjab",
  "04": "Chandigarh",
  "05": "Uttarakhand",
  "06": "Haryana",
  "07": "Delhi",
  "08": "Rajasthan",
  "09": "Uttar Pradesh",
  "10": "Bihar",
  "11": "Sikkim",
  "12": "Arunachal Pradesh",
  "13": "Nagaland",
  "14": "Manipur",
  "15": "Mizoram",
  "16": "Tripura",
  "17": "Meghalaya",
  "18": "Assam",
  "19": "West Bengal",
  "20": "Jharkhand",
  "21": "Odisha",
  "22": "Chhattisgarh",
  "23": "Madhya Pradesh",
  "24": "Gujarat",
  "25": "Daman and Diu",
  "26": "Dadra and Nagar Haveli and Daman and Diu",
  "27": "Maharashtra",
  "28": "Andhra Pradesh (before 2014)",
  "29": "Karnataka",
  "30": "Goa",
  "31": "Lakshadweep",
  "32": "Kerala",
  "33": "Tamil Nadu",
  "34": "Puducherry",
  "35": "Andaman and Nicobar Islands",
  "36": "Telangana",
  "37": "Andhra Pradesh",
  "38": "Ladakh",
  "97": "Other Territory",
  "99": "Centre Jurisdiction",
};
const GSTIN_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** The GSTIN's 15th character: weights 1, 2, 1, 2… over the first 14 in base 36, digits of each
 * product summed (quotient + remainder), the check the complement of the sum modulo 36. */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = GSTIN_CHARS.indexOf(first14[i]) * (i % 2 ? 2 : 1);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARS[(36 - (sum % 36)) % 36];
}
/** A regular registration's GSTIN: state code, the holder's PAN, entity number, 'Z', check character.
 * One issue per GSTIN, the first mistake found, so the client is told what to fix. */
export const gstin = () =>
  z.string().toUpperCase().superRefine((v, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message, input: v });
    if (!/^[0-9A-Z]{15}$/.test(v)) return fail("must be a 15-character GSTIN");
    if (!(v.slice(0, 2) in STATES)) return fail("must start with a GST state code");
    if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(v.slice(2, 12))) return fail("must hold a PAN in characters 3 to 12");
    if (!/^[1-9A-Z]$/.test(v[12])) return fail("must have an entity number (1-9, A-Z) in character 13");
    if (v[13] !== "Z") return fail("must have 'Z' in character 14");
    if (v[14] !== gstinCheckCharacter(v)) return fail("has a wrong check character (character 15)");
  });
export const pan = () =>
  z.string().toUpperCase().regex(/^[A-Z]{5}[0-9]{4}[A-Z]$/, "must be a PAN like ABCDE1234F");
export const hsnSac = () => z.string().regex(/^[0-9]{4,8}$/, "must be a 4 to 8 digit HSN/SAC code");
export const stateCode = () =>
  z.string().refine((v) => v in STATES, "must be a 2-digit GST state code (01-38, 97 or 99)");
/** Where a supply is taxed: a state or union territory (99, the Centre's jurisdiction, is not one). */
export const placeOfSupply = () =>
  z.string().refine(
    (v) => v in PLACES,
    "must be a 2-digit GST state code (01-38 or 97), or 96 (other country)",
  );
/** Places of supply and their names: a state or union territory, or 96 for a supply out of India. */
export const PLACES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(STATES).filter(([code]) => code !== "99")),
  "96": "Other Country",
};
/** A client-supplied document number (CGST Rule 46(b)), in the shape the e-invoice schema takes for
 * DocDtls.No: upper case, not starting with '0', '/' or '-'. The server's own series shape
 * (PREFIX/YY-YY/serial) is reserved: a number taken from it by hand would later collide with the
 * series and stop it. */
export const DOCUMENT_NUMBER = /^[A-Z1-9][A-Z0-9/-]{0,15}$/;
export const documentNumber = () =>
  z.string().regex(
    DOCUMENT_NUMBER,
    "must be 1 to 16 upper-case letters, digits, '-' or '/', not starting with 0, / or -",
  )
    .refine(
      (v) => !/^[A-Z0-9-]{1,4}\/[0-9]{2}-[0-9]{2}\/[0-9]+$/.test(v),
      "is reserved for the server's series",
    );
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
/** A numeric column as answered: postgres.js reads numeric as an exact decimal string ("1500.25"). */
export const numericString = () => z.string().regex(/^-?\d+(\.\d+)?$/);
export const quantity = () => decimal(3, 1e9).refine((v) => Number(v) > 0, "must be greater than 0");
/** Any percentage with at most 2 decimals: whether it is a GST rate in force on the document's date
 * is checked against the gst_rates table (src/resources/gst.ts). */
export const gstRate = () =>
  z.union([z.number(), z.string()])
    .transform(String)
    .pipe(
      z.string()
        .regex(/^\d{1,3}(\.\d{1,2})?$/, "must be a percentage with at most 2 decimals")
        .refine((v) => Number(v) <= 100, "must be at most 100"),
    );
