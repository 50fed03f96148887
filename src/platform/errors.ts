// One error type with a stable code, the contract's error body, and PostgreSQL errors mapped by
// SQLSTATE in one place.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type Issue = { path: string; message: string };
export type ErrorBody = { error: string; code: string; issues?: Issue[] };

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: { issues?: Issue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(status, { message, cause: extra.cause });
  }
}

export const badRequest = (message: string, issues?: Issue[]) =>
  new ApiError(400, "validation_failed", message, { issues });
export const unauthorized = (message = "Unauthorized", code = "unauthorized") =>
  new ApiError(401, code, message);
export const forbidden = (message = "Forbidden", code = "forbidden") => new ApiError(403, code, message);
export const notFound = (message = "Not found") => new ApiError(404, "not_found", message);
/** The request is fine, but the state it meets is not (an agency not in the status the action needs,
 * a name already taken): retrying the same request will not help until that state changes. */
export const conflict = (message: string, extra?: { issues?: Issue[]; cause?: unknown }) =>
  new ApiError(409, "conflict", message, extra);
export const unavailable = (message: string, retryAfterSeconds = 1, cause?: unknown) =>
  new ApiError(503, "unavailable", message, { headers: { "Retry-After": String(retryAfterSeconds) }, cause });

// Client mistakes PostgreSQL catches for us: constraint violations and malformed values.
const BY_SQLSTATE: Record<string, [ContentfulStatusCode, string, string]> = {
  "23505": [409, "conflict", "Already exists"],
  "23503": [422, "invalid_reference", "A referenced row does not exist"],
  "23514": [400, "validation_failed", "A value is out of range"],
  "23502": [400, "validation_failed", "A required value is missing"],
  "22P02": [400, "validation_failed", "A value has the wrong format"],
  "22001": [400, "validation_failed", "A value is too long"],
  "22021": [400, "validation_failed", "A value is not valid UTF-8 text"],
  "22P05": [400, "validation_failed", "A value holds a character text cannot store (e.g. \\u0000)"],
  "22003": [400, "validation_failed", "A number is out of range"],
  "22007": [400, "validation_failed", "A date or time has the wrong format"],
  "22008": [400, "validation_failed", "A date or time is out of range"],
  // Two lifecycle actions raced (e.g. two restores creating the same database).
  "42P04": [409, "conflict", "Already exists"],
};
// Any other data exception (class 22) is a value the client sent that PostgreSQL cannot take.
const DATA_EXCEPTION: [ContentfulStatusCode, string, string] = [
  400,
  "validation_failed",
  "A value is invalid",
];

/** Serialization failure and deadlock: the transaction may simply be run again (see transaction()). */
export const RETRYABLE = new Set(["40001", "40P01"]);

// The server or the pooler is down, full or restarting, a retried transaction failed again, or a
// statement or idle transaction outlived the app role's limits: retryable (class 08, 25P03,
// 40001/40P01, 53, 57P0x, 57014; PgBouncer reports its own errors, e.g. query_wait_timeout, as 08P01).
const UNAVAILABLE = /^(08|25P03|40001|40P01|53|57P0|57014)/;
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);
/** Maps an error thrown by postgres.js to the contract, or returns undefined for a bug. */
export function fromDatabaseError(error: unknown): ApiError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== "string") return;
  const known = BY_SQLSTATE[code] ?? (code.startsWith("22") ? DATA_EXCEPTION : undefined);
  if (known) {
    const detail = error as { detail?: string; constraint_name?: string };
    const issues = detail.constraint_name ? [{ path: detail.constraint_name, message: known[2] }] : undefined;
    return new ApiError(known[0], known[1], known[2], { issues, cause: error });
  }
  if (UNAVAILABLE.test(code) || NETWORK.has(code)) {
    return unavailable("The database is unavailable, retry shortly", 2, error);
  }
}

export function errorBody(error: ApiError): ErrorBody {
  return {
    error: error.message,
    code: error.code,
    ...(error.extra.issues ? { issues: error.extra.issues } : {}),
  };
}

/** Hono's own exceptions (malformed JSON, body limit, ...) in the contract's terms. */
function fromHttpException(error: HTTPException): ApiError {
  if (error instanceof ApiError) return error;
  const status = error.status as ContentfulStatusCode;
  const code = status === 400
    ? "validation_failed"
    : status === 401
    ? "unauthorized"
    : status === 404
    ? "not_found"
    : status === 413
    ? "payload_too_large"
    : "error";
  return new ApiError(status, code, error.message || "Request failed", { cause: error });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof HTTPException) return fromHttpException(error);
  return fromDatabaseError(error) ?? new ApiError(500, "internal", "Internal server error", { cause: error });
}

export function renderError(error: ApiError, c: Context) {
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) c.header(name, value);
  return c.json(errorBody(error), error.status as ContentfulStatusCode);
}
