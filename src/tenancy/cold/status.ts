// The fleet's cold agencies at a glance, counted apart from the live ones: how many are cold, going cold
// or waking, how many are warned, the bytes their dumps hold (what cold costs), and the lifecycle
// outbox's backlog. Read by `deno task stats`, GET /api/admin/stats, the console and /metrics.
import { z } from "zod";
import type { Queryable } from "../../platform/db.ts";

const count = () => z.number().int();
export const coldStatusSchema = z.strictObject({
  cold: count(),
  cooling: count(),
  waking: count(),
  /** Active agencies warned that they will go cold. */
  warned: count(),
  /** The cold agencies' latest dumps, summed. */
  dumpBytes: count(),
  /** Notifications not yet delivered, and given up after every attempt. */
  outboxPending: count(),
  outboxGivenUp: count(),
});
export type ColdStatus = z.infer<typeof coldStatusSchema>;

export async function coldStatus(sql: Queryable): Promise<ColdStatus> {
  const [row] = await sql<ColdStatus[]>`
    select
      count(*) filter (where a.status = 'cold')::int as cold,
      count(*) filter (where a.status = 'cooling')::int as cooling,
      count(*) filter (where a.status = 'waking')::int as waking,
      count(*) filter (where a.status = 'active' and a.cold_warned_at is not null)::int as warned,
      coalesce(sum((
        select (e.details ->> 'bytes')::bigint from agency_events e
        where e.agency_id = a.id and e.event = 'agency.cold' order by e.id desc limit 1
      )) filter (where a.status = 'cold'), 0)::float8 as dump_bytes,
      (select count(*)::int from lifecycle_outbox where delivered_at is null and gave_up_at is null)
        as outbox_pending,
      (select count(*)::int from lifecycle_outbox where gave_up_at is not null) as outbox_given_up
    from agencies a where a.status in ('active', 'cooling', 'cold', 'waking')`;
  return row;
}

/** As Prometheus gauges (no agency label). */
export const coldGauges = (s: ColdStatus): Record<string, number> => ({
  'agencies_cold{status="cold"}': s.cold,
  'agencies_cold{status="cooling"}': s.cooling,
  'agencies_cold{status="waking"}': s.waking,
  agencies_cold_warned: s.warned,
  agencies_cold_dump_bytes: s.dumpBytes,
  lifecycle_outbox_pending: s.outboxPending,
  lifecycle_outbox_given_up: s.outboxGivenUp,
});
