// Where a request came from, as the audit trail records it: the client address (behind the configured
// number of trusted proxies) and its user agent.
import type { Context } from "hono";
import { z } from "zod";
import { clientAddress } from "./rate-limit.ts";

export type RequestOrigin = { ipAddress: string | null; userAgent: string | null };

const ip = z.union([z.ipv4(), z.ipv6()]);

export function requestOrigin(c: Context, trustProxy: number): RequestOrigin {
  const address = clientAddress(c, trustProxy);
  return {
    // audit_log.ip_address is inet: "local" (no socket, as under app.request) is stored as NULL.
    ipAddress: ip.safeParse(address).success ? address : null,
    userAgent: c.req.header("user-agent")?.slice(0, 500) ?? null,
  };
}
