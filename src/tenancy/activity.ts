// When each agency was last used (agencies.last_active_at), what decides when it goes cold. The request
// path only adds the agency's id to an in-memory set (a logged-in user, an agency token's request); a
// timer writes the set in one statement every ACTIVITY_FLUSH_INTERVAL, and once more at shutdown, so
// each instance writes an agency at most once per interval and no request waits on the catalog.
// Operators' actions never pass here: they do not keep an agency warm.
import type { Sql } from "../platform/db.ts";

export type Activity = ReturnType<typeof createActivity>;

export function createActivity({ control, flushMs }: { control: Sql; flushMs: number }) {
  let touched = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let flushing: Promise<void> = Promise.resolve();

  async function write(ids: string[]) {
    // One statement for the lot (the ids are agency ids from the catalog, one text parameter); never
    // backwards (another instance may have written a later time).
    await control`
      update agencies set last_active_at = now()
      from unnest(string_to_array(${ids.join(",")}, ',')::uuid[]) as used(id)
      where agencies.id = used.id and (last_active_at is null or last_active_at < now())`;
  }

  /** Writes what was touched since the last flush; a failed write keeps the ids for the next one. */
  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      if (touched.size === 0) return;
      const ids = [...touched];
      touched = new Set();
      await write(ids).catch((error) => {
        for (const id of ids) touched.add(id);
        console.error(
          JSON.stringify({ activity: "flush failed", agencies: ids.length, error: String(error) }),
        );
      });
    });
    return flushing;
  }

  return {
    /** The agency was used now (request path: a set insertion). */
    touch(agencyId: string) {
      touched.add(agencyId);
    },
    flush,
    start() {
      timer ??= setInterval(flush, flushMs);
    },
    /** Stops the timer and writes what is left. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}
