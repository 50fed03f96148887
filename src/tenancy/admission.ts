// Fair admission: at most `concurrency` tenant requests do database work at once, and at most
// `perAgency` of them for one agency. Waiters queue per agency; a freed slot goes to the waiting
// agency holding the fewest, round-robin among equals, and an eighth of the slots is kept for agencies
// holding none, so a quiet agency never waits behind another's backlog. The global queue
// is shared fairly: while n agencies wait, each may hold queue / n waiters (`perAgencyQueue` caps one
// agency alone), and an agency under its share finds room even in a full queue, by pushing out the
// newest waiter of the agency furthest over it. Past its share or its own queue: 429 for that agency
// only; past the global queue (more agencies waiting than it has places) or the wait: 503. Together
// with PgBouncer's max_user_connections this keeps thousands of agencies from exhausting PostgreSQL.
import { ApiError, unavailable } from "../platform/errors.ts";

export type AdmissionOptions = {
  concurrency: number;
  queue: number;
  timeoutMs: number;
  /** Requests of one agency doing database work at once. */
  perAgency: number;
  /** Requests of one agency waiting at once. */
  perAgencyQueue: number;
};

/** Why an agency's request was refused while others are served: past its own queue (AGENCY_QUEUE),
 * past its share of the global queue while other agencies wait, or pushed out of the queue to make
 * room for an agency under its share. */
export type Mechanism = "agency_queue" | "fair_share" | "pushed_out";

const REFUSED = "Too many requests for this agency, retry shortly";
/** The Retry-After of every refusal. */
export const RETRY_AFTER_SECONDS = 1;
const RETRY_AFTER = { "Retry-After": String(RETRY_AFTER_SECONDS) };

/** 429 for one agency: the mechanism that held it back says why. */
export class AgencyRefused extends ApiError {
  constructor(readonly agency: string, readonly mechanism: Mechanism) {
    super(429, "rate_limited", REFUSED, { headers: RETRY_AFTER });
  }
}

/** The same answer, built once, for refusals that need no error of their own (admission-backoff.ts):
 * building an Error (its stack) was the largest single cost of an early refusal. */
export const agencyRefusal = new ApiError(429, "rate_limited", REFUSED, { headers: RETRY_AFTER });

const noRefusals = (): Record<Mechanism, number> => ({ agency_queue: 0, fair_share: 0, pushed_out: 0 });
const TIERS = 8;

type Waiter = { grant(): void; refuse(error: Error): void };
type Lane = {
  agency: string;
  active: number;
  waiters: Waiter[];
  /** Where it waits for a slot, by its `active`, while it has waiters and a free lane slot. */
  tier?: Set<Lane>;
  refused: Record<Mechanism, number>;
};

export function createAdmission(
  { concurrency, queue, timeoutMs, perAgency, perAgencyQueue }: AdmissionOptions,
) {
  let active = 0;
  let waiting = 0;
  const lanes = new Map<string, Lane>();
  // Agencies with waiters.
  const queued = new Set<Lane>();
  // Those that may take a slot, by how many they hold: a freed slot goes to an agency holding the
  // fewest (a quiet agency's next request does not wait for the busy ones to be served first), in
  // round-robin order among equals (the one served moves to the back of the next tier). Those holding
  // TIERS - 1 or more share the last tier, so a dispatch looks at TIERS sets at most.
  const tiers = Array.from({ length: Math.min(perAgency, TIERS) }, () => new Set<Lane>());
  // Slots an agency already holding one may not take: a request of an agency holding none (a quiet
  // one, one request at a time) finds a slot at once while busy agencies fill the rest.
  const reserved = Math.floor(concurrency / 8);
  const free = (lane: Lane) => active < concurrency - (lane.active ? reserved : 0);
  const counters = { admitted: 0, waited: 0, rejected: 0, timedOut: 0 };

  const refused = noRefusals();

  const laneOf = (agency: string) => {
    let lane = lanes.get(agency);
    if (!lane) lanes.set(agency, lane = { agency, active: 0, waiters: [], refused: noRefusals() });
    return lane;
  };
  /** Files `lane` again after its slots or its waiters changed. */
  function place(lane: Lane) {
    const tier = lane.waiters.length && lane.active < perAgency
      ? tiers[Math.min(lane.active, tiers.length - 1)]
      : undefined;
    if (tier !== lane.tier) {
      lane.tier?.delete(lane);
      tier?.add(lane);
      lane.tier = tier;
    }
    if (lane.waiters.length) queued.add(lane);
    else queued.delete(lane);
    if (lane.active === 0 && !lane.waiters.length) lanes.delete(lane.agency);
  }

  /** Each waiting agency's places in the global queue, counting `lane` as waiting. */
  const shareBeside = (lane?: Lane) =>
    Math.max(1, Math.floor(queue / (queued.size + (lane && queued.has(lane) ? 0 : 1))));

  /** What a request of `lane`'s agency gets now: a slot, a place in the queue, or a refusal. */
  function verdict(lane: Lane): "admit" | "wait" | Mechanism | "full" {
    if (free(lane) && lane.active < perAgency && !lane.waiters.length) return "admit";
    if (lane.waiters.length >= perAgencyQueue) return "agency_queue";
    const share = shareBeside(lane);
    if (queued.size > (queued.has(lane) ? 1 : 0) && lane.waiters.length >= share) return "fair_share";
    if (waiting < queue) return "wait";
    return overShare(share) ? "wait" : "full";
  }

  /** The waiting agency furthest over `share`, if any. */
  function overShare(share: number): Lane | undefined {
    let found: Lane | undefined;
    for (const lane of queued) {
      if (lane.waiters.length > Math.max(share, found?.waiters.length ?? 0)) found = lane;
    }
    return found;
  }

  /** Makes room in a full queue: the newest waiter of the agency furthest over its share gets 429. */
  function pushOut(share: number) {
    const lane = overShare(share)!;
    const waiter = lane.waiters.pop()!;
    waiting--;
    refused.pushed_out++;
    lane.refused.pushed_out++;
    place(lane);
    waiter.refuse(new AgencyRefused(lane.agency, "pushed_out"));
  }

  /** Hands free slots to waiting agencies, those holding the fewest first. */
  function dispatch() {
    for (const tier of tiers) {
      for (const lane of tier) {
        if (!free(lane)) return; // the tiers after it hold slots too
        waiting--;
        active++;
        lane.active++;
        const waiter = lane.waiters.shift()!;
        place(lane);
        waiter.grant();
      }
    }
  }

  function release(lane: Lane) {
    active--;
    lane.active--;
    place(lane);
    dispatch();
  }

  async function acquire(lane: Lane): Promise<void> {
    const now = verdict(lane);
    if (now === "admit") {
      active++;
      lane.active++;
      return;
    }
    if (now === "full") {
      counters.rejected++;
      place(lane);
      throw unavailable("Too many requests in flight, retry shortly", 1);
    }
    if (now !== "wait") {
      refused[now]++;
      lane.refused[now]++;
      place(lane);
      throw new AgencyRefused(lane.agency, now);
    }
    if (waiting >= queue) pushOut(shareBeside(lane));
    counters.waited++;
    waiting++;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        lane.waiters.splice(lane.waiters.indexOf(waiter), 1);
        waiting--;
        counters.timedOut++;
        place(lane);
        reject(unavailable("Timed out waiting for a database slot, retry shortly", 1));
      }, timeoutMs);
      const waiter: Waiter = {
        grant() {
          clearTimeout(timer);
          resolve();
        },
        refuse(error) {
          clearTimeout(timer);
          reject(error);
        },
      };
      lane.waiters.push(waiter);
      place(lane);
    });
  }

  /** What refuses a request of `agency` now (its queue or its share full), if anything; changes
   * nothing. */
  function refusing(agency: string): Mechanism | undefined {
    const lane = lanes.get(agency);
    const now = lane && verdict(lane);
    return now === "agency_queue" || now === "fair_share" ? now : undefined;
  }

  return {
    /** Runs `work` for `agency` (its id) once a slot is free for it. */
    async run<T>(agency: string, work: () => Promise<T>): Promise<T> {
      const lane = laneOf(agency);
      await acquire(lane);
      counters.admitted++;
      try {
        return await work();
      } finally {
        release(lane);
      }
    },
    /** What refuses a request naming `agency` now, before its token is checked (admission-backoff.ts),
     * if anything. Counted in the totals only: no lane's figures take an unchecked name. */
    refuseUnchecked(agency: string): Mechanism | undefined {
      const mechanism = refusing(agency);
      if (mechanism) refused[mechanism]++;
      return mechanism;
    },
    stats() {
      const busiest = [...lanes].sort(([, a], [, b]) =>
        b.waiters.length - a.waiters.length || b.active - a.active
      )
        .slice(0, 10).map(([agency, lane]) => ({
          agency,
          active: lane.active,
          waiting: lane.waiters.length,
          /** What refuses its next request now, if anything. */
          heldBack: refusing(agency) ?? null,
          /** Its refusals by mechanism since its lane opened (it closes when the agency goes idle). */
          refused: { ...lane.refused },
        }));
      return {
        active,
        waiting,
        concurrency,
        perAgency,
        queue,
        /** Places in the global queue each waiting agency may hold now. */
        share: Math.min(perAgencyQueue, Math.floor(queue / Math.max(1, queued.size))),
        agenciesActive: [...lanes.values()].filter((l) => l.active > 0).length,
        agenciesWaiting: queued.size,
        busiest,
        ...counters,
        refused: { ...refused },
      };
    },
  };
}

export type Admission = ReturnType<typeof createAdmission>;
