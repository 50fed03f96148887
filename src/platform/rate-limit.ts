// In-memory fixed-window rate limiting (no Redis): bounded in keys, so a flood of distinct keys
// cannot grow memory; per instance, which is enough to blunt credential stuffing.
import type { Context } from "hono";
import { ApiError } from "./errors.ts";

export type RateLimitOptions = { windowMs: number; max: number; maxKeys?: number };

type Window = { count: number; resetAt: number };

export function createRateLimiter({ windowMs, max, maxKeys = 100_000 }: RateLimitOptions) {
  // Every window lasts windowMs, so insertion order is expiry order: the expired are at the front.
  const windows = new Map<string, Window>();

  const tooMany = (resetAt: number, now: number) =>
    new ApiError(429, "rate_limited", "Too many attempts, retry later", {
      headers: { "Retry-After": String(Math.max(1, Math.ceil((resetAt - now) / 1000))) },
    });

  function live(key: string, now: number): Window | undefined {
    const w = windows.get(key);
    if (w && w.resetAt > now) return w;
    windows.delete(key);
  }

  return {
    /** Throws 429 with Retry-After when `key` has no attempt left; counts nothing. */
    check(key: string, now = Date.now()): void {
      const w = live(key, now);
      if (w && w.count >= max) throw tooMany(w.resetAt, now);
    },
    /** Counts one attempt for `key`; throws 429 past the limit. Expired windows make room for a new
     * key; a live one is never evicted (a spray of distinct keys would otherwise reset a victim's
     * count), so when every window is live a new key is refused until the oldest expires. */
    hit(key: string, now = Date.now()): void {
      let w = live(key, now);
      if (!w) {
        for (const [k, old] of windows) {
          if (old.resetAt > now) break;
          windows.delete(k);
        }
        const oldest = windows.values().next().value;
        if (oldest && windows.size >= maxKeys) throw tooMany(oldest.resetAt, now);
        windows.set(key, w = { count: 0, resetAt: now + windowMs });
      }
      if (++w.count > max) throw tooMany(w.resetAt, now);
    },
  };
}

/** The client's address: the X-Forwarded-For hop `trustedProxies` places from the right (the address
 * our outermost proxy saw; anything left of it the client could have written itself), or the socket's
 * when there is no proxy or fewer hops. */
export function clientAddress(c: Context, trustedProxies: number): string {
  const hops = trustedProxies > 0 ? c.req.header("x-forwarded-for")?.split(",") ?? [] : [];
  const forwarded = hops.length >= trustedProxies ? hops[hops.length - trustedProxies]?.trim() : undefined;
  if (forwarded) return forwarded;
  const info = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr;
  return info?.hostname ?? "local";
}
