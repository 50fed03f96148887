// The client registry: one postgres.js client per agency database, to PgBouncer, which does the real
// pooling. At most `max` live clients; the least recently used one is evicted, and ended once the
// last request holding it lets go. No per-agency pool of 10 direct connections.
import { connect, isConnectionLost, type Sql } from "../platform/db.ts";
import { assertAgencyDatabaseName } from "./database-name.ts";

export type TenantClientsOptions = {
  poolerUrl: string;
  max: number;
  connectionsPerClient: number;
  idleTimeoutSeconds?: number;
};

type Entry = { sql: Sql; leases: number; evicted: boolean };

export function createTenantClients(
  { poolerUrl, max, connectionsPerClient, idleTimeoutSeconds = 20 }: TenantClientsOptions,
) {
  const entries = new Map<string, Entry>(); // insertion order = recency order
  const counters = { created: 0, evictions: 0 };
  const closing = new Set<Promise<void>>();

  function end(entry: Entry) {
    const done = entry.sql.end({ timeout: 10 }).finally(() => closing.delete(done));
    closing.add(done);
  }

  function evict(databaseName: string, entry: Entry) {
    entries.delete(databaseName);
    entry.evicted = true;
    if (entry.leases === 0) end(entry); // else ended by the last release
  }

  function open(databaseName: string): Entry {
    const url = new URL(poolerUrl);
    url.pathname = `/${assertAgencyDatabaseName(databaseName)}`;
    counters.created++;
    if (entries.size >= max) {
      const [oldest, entry] = entries.entries().next().value!;
      counters.evictions++;
      evict(oldest, entry);
    }
    const sql = connect(url.toString(), {
      max: connectionsPerClient,
      idleTimeoutSeconds,
      applicationName: "buildflow-api",
    });
    return { sql, leases: 0, evicted: false };
  }

  return {
    /** Runs `work` with the client for an agency database (the name must come from the catalog).
     * The client is held meanwhile: eviction never ends a client a request is still using. */
    async use<T>(databaseName: string, work: (sql: Sql) => Promise<T>): Promise<T> {
      let entry = entries.get(databaseName);
      if (entry) entries.delete(databaseName);
      else entry = open(databaseName);
      entries.set(databaseName, entry);
      entry.leases++;
      try {
        return await work(entry.sql);
      } catch (error) {
        // The pooler or server dropped its connection: a fresh client for the next request, since
        // postgres.js may keep queued work waiting on the dead one (see transaction()).
        if (isConnectionLost(error) && entries.get(databaseName) === entry) evict(databaseName, entry);
        throw error;
      } finally {
        if (--entry.leases === 0 && entry.evicted) end(entry);
      }
    },
    /** Ends an agency's client (suspend, archive, restore): the next request gets a fresh one. */
    evict(databaseName: string): void {
      const entry = entries.get(databaseName);
      if (entry) evict(databaseName, entry);
    },
    stats: () => ({ live: entries.size, max, ...counters }),
    async closeAll(): Promise<void> {
      for (const [name, entry] of entries) evict(name, entry);
      await Promise.all(closing);
    },
  };
}

export type TenantClients = ReturnType<typeof createTenantClients>;
