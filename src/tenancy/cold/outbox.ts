// The lifecycle outbox: a notification (a warning, going cold, woken) is a row written in the same
// transaction as the agency event it announces, so neither exists without the other; a loop delivers
// each as a signed webhook (src/platform/webhook-signature.ts) to LIFECYCLE_WEBHOOK_URL, the hook the
// product's mailer listens on. At least once: a receiver dedupes on `BuildFlow-Event-Id`. A failed
// attempt is recorded (attempts, last status or error) and retried with doubling backoff; past the
// attempts allowed it is given up (gave_up_at), never silently dropped.
import { recordEvent } from "../../catalog/agencies.ts";
import type { Queryable, Sql } from "../../platform/db.ts";
import type { Actor } from "../lifecycle.ts";
import { SIGNATURE_HEADER, signWebhook } from "../../platform/webhook-signature.ts";

export type Notification = { agencyId: string; event: string; payload: Record<string, unknown> };

/** Who the cold sweep's events name: warnings, going cold, deletion for inactivity. */
export const COLD_SWEEP: Actor = { actor: "system:cold-sweep" };

export type NotifiedAgency = { id: string; name: string; domain: string | null; subscriptionPlan: string };

/** The agency as a notification names it. */
export const agencyPayload = (a: NotifiedAgency) => ({
  agency: { id: a.id, name: a.name, domain: a.domain, plan: a.subscriptionPlan },
});

/** Writes a notification in the caller's transaction. */
export async function enqueueNotification(sql: Queryable, { agencyId, event, payload }: Notification) {
  await sql`
    insert into lifecycle_outbox (agency_id, event, payload)
    values (${agencyId}, ${event}, ${sql.json(payload as never)})`;
}

/** An agency event of the cold sweep and its notification, both in the caller's transaction. */
export async function recordAndNotify(
  sql: Queryable,
  agency: NotifiedAgency,
  event: string,
  details: Record<string, unknown>,
) {
  await recordEvent(sql, agency.id, event, {}, COLD_SWEEP.actor, details);
  await enqueueNotification(sql, {
    agencyId: agency.id,
    event,
    payload: { ...agencyPayload(agency), ...details },
  });
}

export type OutboxOptions = {
  control: Sql;
  url?: string;
  secret?: string;
  pollMs: number;
  /** The first retry's delay; each one after doubles it, up to six hours. */
  retryMs: number;
  maxAttempts: number;
  /** How long one attempt may take (its claim lasts a little longer). */
  timeoutMs?: number;
};

type Claimed = Notification & { id: string; createdAt: Date; attempts: number };

const MAX_BACKOFF_MS = 6 * 3600_000;

export function createOutbox(
  { control, url, secret, pollMs, retryMs, maxAttempts, timeoutMs = 10_000 }: OutboxOptions,
) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;

  // Claimed by pushing the next attempt past this one's timeout: another instance skips it meanwhile,
  // and if this one dies, it is retried after that.
  const claim = (limit: number) =>
    control<Claimed[]>`
      update lifecycle_outbox set attempts = attempts + 1,
        next_attempt_at = now() + make_interval(secs => ${(timeoutMs * 2) / 1000})
      where id in (
        select id from lifecycle_outbox
        where delivered_at is null and gave_up_at is null and next_attempt_at <= now()
        order by id limit ${limit} for update skip locked)
      returning id::text, agency_id, event, payload, created_at, attempts`;

  async function post(n: Claimed): Promise<{ status?: number; error?: string }> {
    const body = JSON.stringify({
      id: n.id,
      event: n.event,
      createdAt: n.createdAt.toISOString(),
      agencyId: n.agencyId,
      ...n.payload,
    });
    try {
      const res = await fetch(url!, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "BuildFlow-Event": n.event,
          "BuildFlow-Event-Id": n.id,
          [SIGNATURE_HEADER]: await signWebhook(secret!, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      return res.ok ? { status: res.status } : { status: res.status, error: `HTTP ${res.status}` };
    } catch (error) {
      return { error: String((error as Error)?.message ?? error).slice(0, 500) };
    }
  }

  async function record(n: Claimed, { status, error }: { status?: number; error?: string }) {
    if (!error) {
      await control`
        update lifecycle_outbox set delivered_at = now(), last_status = ${status ?? null}, last_error = null
        where id = ${n.id}`;
      return;
    }
    const backoffMs = Math.min(retryMs * 2 ** (n.attempts - 1), MAX_BACKOFF_MS);
    await control`
      update lifecycle_outbox set last_status = ${status ?? null}, last_error = ${error},
        next_attempt_at = now() + make_interval(secs => ${backoffMs / 1000}),
        gave_up_at = case when attempts >= ${maxAttempts} then now() end
      where id = ${n.id}`;
  }

  /** Delivers what is due now; returns how many were delivered. */
  async function deliverDue(): Promise<number> {
    if (!url || !secret) return 0; // nowhere to send: they wait in the outbox
    let delivered = 0;
    for (let batch = await claim(10); batch.length; batch = await claim(10)) {
      for (const n of batch) {
        const outcome = await post(n);
        await record(n, outcome);
        if (!outcome.error) delivered++;
      }
    }
    return delivered;
  }

  const tick = () => {
    running ??= deliverDue()
      .catch((error) => {
        console.error(JSON.stringify({ outbox: "delivery failed", error: String(error) }));
        return 0;
      })
      .finally(() => (running = undefined));
  };

  return {
    deliverDue,
    start() {
      if (url) timer ??= setInterval(tick, pollMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
