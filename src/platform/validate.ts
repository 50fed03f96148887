// zod validation for every input, failing in the contract's shape: 400 validation_failed + issues.
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { badRequest, type Issue } from "./errors.ts";

export function issuesOf(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** `validate("json", schema)`: the parsed value is `c.req.valid("json")`; failures throw 400. */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw badRequest(`Invalid ${target === "json" ? "body" : target}`, issuesOf(result.error));
    }
  });
}
