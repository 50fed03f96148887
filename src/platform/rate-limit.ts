// In-memory fixed-window rate limiting (no Redis): bounded in keys, so a flood of distinct keys
// cannot grow memory; per instance, which is enough to blunt credential stuffing.
import type { Context } from "hono";
import { ApiError } from "./errors.ts";

export type RateLimitOptions = { windowMs: number; max: number; maxKeys?: number };

export function createRateLimiter({ windowMs, max, maxKeys = 100_000 }: RateLimitOptions) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Counts one attempt for `key`; throws 429 rate_limited with Retry-After past the limit. */
    hit(key: string, now = Date.now()): void {
      let w = windows.get(key);
      if (!w || w.resetAt <= now) {
        windows.delete(key);
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!); // oldest first
        w = { count: 0, resetAt: now + windowMs };
        windows.set(key, w);
      }
      if (++w.count > max) {
        const retryAfter = Math.max(1, Math.ceil((w.resetAt - now) / 1000));
        throw new ApiError(429, "rate_limited", "Too many attempts, retry later", {
          headers: { "Retry-After": String(retryAfter) },
        });
      }
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}

/** The client's address: the socket's, or behind a trusted proxy the first X-Forwarded-For hop
 * (trusting it otherwise would let a client pick its own rate-limit key). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy && c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  const info = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr;
  return info?.hostname ?? "local";
}
