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
export const gstin = () =>
  z.string().toUpperCase()
    .regex(/^[0-9]{2}[A-Z0-9]{10}[0-9A-Z]{3}$/, "must be a 15-character GSTIN")
    // One issue per mistake: the state is only judged when the GSTIN starts with two digits.
    .refine((v) => !/^[0-9]{2}/.test(v) || v.slice(0, 2) in STATES, "must start with a GST state code");
export const pan = () =>
  z.string().toUpperCase().regex(/^[A-Z]{5}[0-9]{4}[A-Z]$/, "must be a PAN like ABCDE1234F");
export const hsnSac = () => z.string().regex(/^[0-9]{4,8}$/, "must be a 4 to 8 digit HSN/SAC code");
export const stateCode = () =>
  z.string().refine((v) => v in STATES, "must be a 2-digit GST state code (01-38, 97 or 99)");
/** Where a supply is taxed: a state or union territory (99, the Centre's jurisdiction, is not one). */
export const placeOfSupply = () =>
  z.string().refine((v) => v in STATES && v !== "99", "must be a 2-digit GST state code (01-38 or 97)");
/** A client-supplied document number (CGST Rule 46(b)). The server's own series shape
 * (PREFIX/YY-YY/serial) is reserved: a number taken from it by hand would later collide with the
 * series and stop it. */
export const documentNumber = () =>
  z.string().regex(/^[A-Za-z0-9/-]{1,16}$/, "must be 1 to 16 letters, digits, '-' or '/'")
    .refine(
      (v) => !/^[A-Za-z0-9-]{1,4}\/[0-9]{2}-[0-9]{2}\/[0-9]+$/.test(v),
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
