// Credentials as every route accepts them: one email rule, one password rule, one sign-in shape.
import { z } from "zod";
import { email } from "../platform/fields.ts";

/** A new account's email (signup, new users, operators). */
export const emailSchema = email();

export const passwordSchema = z.string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters")
  .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "must mix letters with digits or symbols");

/** What agency users and operators sign in with (the agency login adds which agency). The email is
 * not checked as an address: a wrong one fails as a wrong password does, at the same cost. */
export const credentialsSchema = z.strictObject({
  email: z.string().trim().min(3).max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(128),
});
