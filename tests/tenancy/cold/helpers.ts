// What the cold-agency tests share: a webhook receiver (a real Deno.serve) that checks each delivery's
// signature with its own HMAC code, not the sender's, and a plan of their own whose periods are
// seconds (the shared stack's other agencies stay on plans that go cold after weeks, or never).
import { afterAll } from "vitest";
import type { Sql } from "../../../src/platform/db.ts";
import { hex } from "../../support/fixtures.ts";
import { sleep } from "../../../src/platform/sleep.ts";

export const WEBHOOK_SECRET = `whsec-${hex(32)}`;

export type Delivery = {
  id: string;
  event: string;
  body: Record<string, unknown>;
  /** The signature matched the body and a timestamp within 5 minutes. */
  valid: boolean;
  at: number;
};

async function hmacHex(secret: string, message: string) {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    enc.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [
      "sign",
    ],
  );
  return [...new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(message)))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Checks `t=…,v1=…` as a receiver would: the HMAC of `${t}.${body}`, and `t` within 5 minutes. */
export async function signatureValid(secret: string, header: string | null, body: string) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  if (Math.abs(Date.now() / 1000 - Number(match[1])) > 300) return false;
  return (await hmacHex(secret, `${match[1]}.${body}`)) === match[2];
}

/** A receiver on a free port; `failFirst`: answers 500 to the first attempt of each event id. */
export function webhookReceiver({ failFirst = false } = {}) {
  const deliveries: Delivery[] = [];
  const attempts = new Map<string, number>();
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, async (req) => {
    const text = await req.text();
    const id = req.headers.get("BuildFlow-Event-Id") ?? "";
    const n = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, n);
    if (failFirst && n === 1) return new Response("try again", { status: 500 });
    const body = JSON.parse(text);
    deliveries.push({
      id,
      event: req.headers.get("BuildFlow-Event") ?? "",
      body,
      valid: await signatureValid(WEBHOOK_SECRET, req.headers.get("BuildFlow-Signature"), text),
      at: Date.now(),
    });
    return new Response(null, { status: 204 });
  });
  afterAll(() => server.shutdown());
  return {
    url: `http://127.0.0.1:${server.addr.port}/hooks/lifecycle`,
    deliveries,
    attempts,
    /** The first delivery of `event` for the agency, waited for. */
    async received(event: string, agencyId: string, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = deliveries.find((d) => d.event === event && d.body.agencyId === agencyId);
        if (found) return found;
        await sleep(100);
      }
      throw new Error(`no ${event} for ${agencyId} within ${timeoutMs} ms: ${JSON.stringify(deliveries)}`);
    },
  };
}

/** A plan of the test's own, not self-service, whose agencies go cold after `coldAfter` seconds. */
export async function createColdPlan(su: Sql, code: string) {
  await su`
    insert into subscription_plans (code, name, max_users, max_projects, storage_mb, price_inr)
    values (${code}, ${`Cold test ${code}`}, 10, 10, 1024, 0)`;
  afterAll(async () => {
    await su`update agencies set subscription_plan = 'starter' where subscription_plan = ${code}`;
    await su`delete from subscription_plans where code = ${code}`;
  });
}

/** Polls `read` until it returns something truthy. */
export async function until<T>(
  read: () => Promise<T>,
  what: string,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}
