// Fair admission: at most `concurrency` tenant requests do database work at once, and at most
// `perAgency` of them for one agency. Waiters queue per agency; a freed slot goes round-robin to the
// agencies that are waiting, so a quiet agency never waits behind another's backlog. Past an
// agency's own queue: 429 for that agency only; past the global queue or the wait: 503. Together
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

type Lane = { active: number; waiters: Array<() => void> };

export function createAdmission(
  { concurrency, queue, timeoutMs, perAgency, perAgencyQueue }: AdmissionOptions,
) {
  let active = 0;
  let waiting = 0;
  const lanes = new Map<string, Lane>();
  // Agencies with waiters, in round-robin order: the one served moves to the back.
  const turn = new Set<Lane>();
  const counters = { admitted: 0, waited: 0, rejected: 0, timedOut: 0, agencyRejected: 0 };

  const laneOf = (agency: string) => {
    let lane = lanes.get(agency);
    if (!lane) lanes.set(agency, lane = { active: 0, waiters: [] });
    return lane;
  };

  /** Hands free slots to waiting agencies, one at a time each, in turn. */
  function dispatch() {
    for (const lane of turn) {
      if (active >= concurrency) return;
      if (lane.active >= perAgency) continue;
      turn.delete(lane);
      waiting--;
      active++;
      lane.active++;
      lane.waiters.shift()!();
      if (lane.waiters.length) turn.add(lane);
    }
  }

  function release(agency: string, lane: Lane) {
    active--;
    lane.active--;
    dispatch();
    if (lane.active === 0 && !lane.waiters.length) lanes.delete(agency);
  }

  async function acquire(agency: string, lane: Lane): Promise<void> {
    if (active < concurrency && lane.active < perAgency && !lane.waiters.length) {
      active++;
      lane.active++;
      return;
    }
    if (lane.waiters.length >= perAgencyQueue) {
      counters.agencyRejected++;
      throw new ApiError(429, "rate_limited", "Too many requests for this agency, retry shortly", {
        headers: { "Retry-After": "1" },
      });
    }
    if (waiting >= queue) {
      counters.rejected++;
      throw unavailable("Too many requests in flight, retry shortly", 1);
    }
    counters.waited++;
    waiting++;
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        lane.waiters.splice(lane.waiters.indexOf(grant), 1);
        waiting--;
        if (!lane.waiters.length) turn.delete(lane);
        if (lane.active === 0 && !lane.waiters.length) lanes.delete(agency);
        counters.timedOut++;
        reject(unavailable("Timed out waiting for a database slot, retry shortly", 1));
      }, timeoutMs);
      lane.waiters.push(grant);
      turn.add(lane);
    });
  }

  return {
    /** Runs `work` for `agency` (its id) once a slot is free for it. */
    async run<T>(agency: string, work: () => Promise<T>): Promise<T> {
      const lane = laneOf(agency);
      await acquire(agency, lane);
      counters.admitted++;
      try {
        return await work();
      } finally {
        release(agency, lane);
      }
    },
    stats() {
      const busiest = [...lanes].sort(([, a], [, b]) =>
        b.waiters.length - a.waiters.length || b.active - a.active
      )
        .slice(0, 10).map(([agency, lane]) => ({
          agency,
          active: lane.active,
          waiting: lane.waiters.length,
        }));
      return {
        active,
        waiting,
        concurrency,
        perAgency,
        agenciesActive: [...lanes.values()].filter((l) => l.active > 0).length,
        agenciesWaiting: turn.size,
        busiest,
        ...counters,
      };
    },
  };
}

export type Admission = ReturnType<typeof createAdmission>;
