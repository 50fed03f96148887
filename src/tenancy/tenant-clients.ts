// The client registry: one postgres.js client per agency database, to PgBouncer, which does the real
// pooling. At most `max` live clients; the least recently used one is ended on eviction (its
// in-flight queries finish first). No per-agency pool of 10 direct connections.
import { connect, type Sql } from "../platform/db.ts";
import { assertAgencyDatabaseName } from "./database-name.ts";

export type TenantClientsOptions = {
  poolerUrl: string;
  max: number;
  connectionsPerClient: number;
  idleTimeoutSeconds?: number;
};

export function createTenantClients(
  { poolerUrl, max, connectionsPerClient, idleTimeoutSeconds = 20 }: TenantClientsOptions,
) {
  const clients = new Map<string, Sql>(); // insertion order = recency order
  const counters = { created: 0, evictions: 0 };
  const closing = new Set<Promise<void>>();

  function end(sql: Sql) {
    const done = sql.end({ timeout: 10 }).finally(() => closing.delete(done));
    closing.add(done);
  }

  return {
    /** The client for an agency database; the name must already come from the catalog. */
    get(databaseName: string): Sql {
      let sql = clients.get(databaseName);
      if (sql) {
        clients.delete(databaseName);
      } else {
        const url = new URL(poolerUrl);
        url.pathname = `/${assertAgencyDatabaseName(databaseName)}`;
        sql = connect(url.toString(), {
          max: connectionsPerClient,
          idleTimeoutSeconds,
          applicationName: "buildflow-api",
        });
        counters.created++;
        if (clients.size >= max) {
          const [oldest, oldestSql] = clients.entries().next().value!;
          clients.delete(oldest);
          counters.evictions++;
          end(oldestSql);
        }
      }
      clients.set(databaseName, sql);
      return sql;
    },
    /** Ends an agency's client (suspend, archive, restore): the next request gets a fresh one. */
    evict(databaseName: string): void {
      const sql = clients.get(databaseName);
      if (!sql) return;
      clients.delete(databaseName);
      end(sql);
    },
    stats: () => ({ live: clients.size, max, ...counters }),
    async closeAll(): Promise<void> {
      for (const sql of clients.values()) end(sql);
      clients.clear();
      await Promise.all(closing);
    },
  };
}

export type TenantClients = ReturnType<typeof createTenantClients>;
