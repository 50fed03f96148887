// The global admission limit: at most `concurrency` tenant requests do database work at once, the
// rest wait in a bounded queue for a bounded time, then get 503 with Retry-After. Together with
// PgBouncer's max_user_connections this keeps thousands of agencies from exhausting PostgreSQL.
import { unavailable } from "../platform/errors.ts";

export type AdmissionOptions = { concurrency: number; queue: number; timeoutMs: number };

export function createAdmission({ concurrency, queue, timeoutMs }: AdmissionOptions) {
  let active = 0;
  const waiting: Array<() => void> = [];
  const counters = { admitted: 0, waited: 0, rejected: 0, timedOut: 0 };

  function release() {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else active--;
  }

  async function acquire(): Promise<void> {
    if (active < concurrency) {
      active++;
      return;
    }
    if (waiting.length >= queue) {
      counters.rejected++;
      throw unavailable("Too many requests in flight, retry shortly", 1);
    }
    counters.waited++;
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(grant), 1);
        counters.timedOut++;
        reject(unavailable("Timed out waiting for a database slot, retry shortly", 1));
      }, timeoutMs);
      waiting.push(grant);
    });
  }

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      await acquire();
      counters.admitted++;
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ active, waiting: waiting.length, concurrency, ...counters }),
  };
}

export type Admission = ReturnType<typeof createAdmission>;
