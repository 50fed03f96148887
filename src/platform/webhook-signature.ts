// Signed webhooks, in the style of Stripe's: the header `BuildFlow-Signature: t=<unix seconds>,v1=<hex>`
// where v1 is HMAC-SHA256(secret, `${t}.${body}`). The timestamp is signed with the body, so a
// receiver that refuses a `t` older than its tolerance (5 minutes) cannot be fed a recorded delivery
// again later; comparing in constant time keeps the signature from leaking byte by byte.
import { timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "BuildFlow-Signature";

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The signature header's value for `body` sent at `at`. */
export async function signWebhook(secret: string, body: string, at = new Date()): Promise<string> {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${await hmacHex(secret, `${t}.${body}`)}`;
}

/** Whether `header` signs `body` with `secret` within `toleranceSeconds` of `now`. */
export async function verifyWebhook(
  secret: string,
  header: string | null,
  body: string,
  { toleranceSeconds = 300, now = new Date() } = {},
): Promise<boolean> {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  return timingSafeEqual(encoder.encode(expected), encoder.encode(parts.v1));
}
