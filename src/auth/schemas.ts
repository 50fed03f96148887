// Credentials as every route accepts them: one email rule, one password rule.
import { z } from "zod";

// Lower-cased as a string-to-string step (not a transform), so the email stays an email in the contract.
export const emailSchema = z.email().max(254).toLowerCase();

export const passwordSchema = z.string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters")
  .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "must mix letters with digits or symbols");
