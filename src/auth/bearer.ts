// The bearer token of a request, or 401.
import type { Context } from "hono";
import { unauthorized } from "../platform/errors.ts";

export function bearerToken(c: Context, missing = "Missing bearer token"): string {
  const token = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw unauthorized(missing);
  return token;
}
