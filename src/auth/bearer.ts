// The bearer token of a request, or 401.
import type { Context } from "hono";
import { unauthorized } from "../platform/errors.ts";

/** The request's bearer token, if it sends one. */
export const bearerOf = (c: Context): string | undefined =>
  c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];

export function bearerToken(c: Context, missing = "Missing bearer token"): string {
  const token = bearerOf(c);
  if (!token) throw unauthorized(missing);
  return token;
}
