// Credentials as every route accepts them: one email rule, one password rule.
import { z } from "zod";

export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());

export const passwordSchema = z.string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters")
  .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "must mix letters with digits or symbols");
