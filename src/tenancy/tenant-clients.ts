// The client registry: postgres.js clients per agency database, to its cluster's PgBouncer, which
// does the real pooling. Keyed by cluster and database: a moved agency gets a client on its new
// cluster. An agency runs its requests on one connection, and on up to `connectionsPerClient` (the
// agency's lane) while it is busy and the registry has room; connections idle for a while are closed.
// At most `max` live agencies; the least recently used one is evicted, and its clients ended once the
// last request holding them lets go.
import { connect, isConnectionLost, type Sql } from "../platform/db.ts";
import { unavailable } from "../platform/errors.ts";
import { assertAgencyDatabaseName } from "./database-name.ts";

/** Where a request's database is: the catalog's word, never the token's; on one of the cluster's
 * replicas for a read the replica router allows. */
export type TenantDatabase = { cluster: string; databaseName: string; replica?: string };

export type TenantClientsOptions = {
  /** The app role's URL through a cluster's pooler (or one of its replicas' poolers). */
  poolerUrl(cluster: string, replica?: string): Promise<string>;
  max: number;
  connectionsPerClient: number;
  /** How long a request waits for one of its client's connections before 503 (a stuck one, e.g. a
   * database PgBouncer waits for, must not hold the agency's other requests for long). */
  waitTimeoutMs?: number;
  idleTimeoutSeconds?: number;
};

/** An agency's clients, the requests holding them, those running (at most `lanes` at once, one per
 * connection) and those waiting for a connection (each is handed the client of the one it takes). */
type Entry = {
  url: string;
  /** The first connection of the lane: every agency's, one request at a time. */
  first: Sql;
  firstBusy: boolean;
  /** The rest of the lane, made when the agency first needs it: postgres.js builds every connection a
   * client may open when it makes the client, and most agencies never need a second. */
  rest?: Sql;
  leases: number;
  evicted: boolean;
  running: number;
  lanes: number;
  waiting: ((sql: Sql) => void)[];
};

// Requests waiting behind a client's connections before it opens another: two requests of one agency
// meeting by chance (common when many agencies are served) wait a moment instead, since each connection
// beyond the first takes a PostgreSQL backend from the budget the warm agencies share, and at its cap
// PgBouncer would close another agency's to open it (deno task bench, scenario 3 at 1,000 agencies).
const WAITING_TO_GROW = 2;

export function createTenantClients(
  { poolerUrl, max, connectionsPerClient, waitTimeoutMs = 3000, idleTimeoutSeconds = 20 }:
    TenantClientsOptions,
) {
  const entries = new Map<string, Entry>(); // insertion order = recency order
  // Connections beyond each client's first count against `max` as clients do: with the registry full
  // (as many agencies in use as the budget keeps warm), each would cost another agency its backend, so
  // a busy agency then waits on its one connection (scenario 3 at 1,000 agencies, uniform).
  let extraLanes = 0;
  const counters = { created: 0, evictions: 0 };
  // Per cluster, for /metrics: requests served through its pooler (a bounded label: the clusters).
  const requestsByCluster = new Map<string, number>();
  const closing = new Set<Promise<void>>();

  const clientsOf = (entry: Entry) => entry.rest ? [entry.first, entry.rest] : [entry.first];

  function end(entry: Entry) {
    for (const sql of clientsOf(entry)) {
      const done = sql.end({ timeout: 10 }).finally(() => closing.delete(done));
      closing.add(done);
    }
  }

  /** A free connection of the lane (the caller made sure there is one): the first, else the rest's. */
  function take(entry: Entry): Sql {
    entry.running++;
    if (!entry.firstBusy) {
      entry.firstBusy = true;
      return entry.first;
    }
    return entry.rest ??= connect(entry.url, {
      max: connectionsPerClient - 1,
      idleTimeoutSeconds,
      applicationName: "buildflow-api",
    });
  }

  /** Hands a finishing request's connection to the next waiting one, or frees it. */
  function release(entry: Entry, sql: Sql) {
    const next = entry.waiting.shift();
    if (next) return next(sql);
    entry.running--;
    if (sql === entry.first) entry.firstBusy = false;
    if (entry.running === 0) { // idle: the extra connections close by themselves
      extraLanes -= entry.lanes - 1;
      entry.lanes = 1;
    }
  }

  /** Resolves with the client of a connection a finishing request hands over; 503 after waitTimeoutMs. */
  function waitForSlot(entry: Entry): Promise<Sql> {
    return new Promise((resolve, reject) => {
      const go = (sql: Sql) => {
        clearTimeout(timer);
        resolve(sql);
      };
      const timer = setTimeout(() => {
        entry.waiting.splice(entry.waiting.indexOf(go), 1);
        reject(unavailable("The agency's database is busy, retry shortly", 1));
      }, waitTimeoutMs);
      entry.waiting.push(go);
    });
  }

  const keyOf = (db: TenantDatabase) =>
    `${db.cluster}${db.replica ? `@${db.replica}` : ""}/${db.databaseName}`;

  function evict(key: string, entry: Entry) {
    entries.delete(key);
    entry.evicted = true;
    if (entry.leases === 0) end(entry); // else ended by the last release
  }

  function open(pooler: string, databaseName: string): Entry {
    const database = new URL(pooler);
    database.pathname = `/${assertAgencyDatabaseName(databaseName)}`;
    const url = database.toString();
    counters.created++;
    if (entries.size >= max) {
      const [oldest, entry] = entries.entries().next().value!;
      counters.evictions++;
      evict(oldest, entry);
    }
    return {
      url,
      first: connect(url, { max: 1, idleTimeoutSeconds, applicationName: "buildflow-api" }),
      firstBusy: false,
      leases: 0,
      evicted: false,
      running: 0,
      lanes: 1,
      waiting: [],
    };
  }

  return {
    /** Runs `work` with the client for an agency database (the name must come from the catalog).
     * The client is held meanwhile: eviction never ends a client a request is still using. */
    async use<T>(db: TenantDatabase, work: (sql: Sql) => Promise<T>): Promise<T> {
      const key = keyOf(db);
      requestsByCluster.set(db.cluster, (requestsByCluster.get(db.cluster) ?? 0) + 1);
      // The cluster's URL is looked up only for a new client: never on the warm path.
      const pooler = entries.has(key) ? undefined : await poolerUrl(db.cluster, db.replica);
      let entry = entries.get(key);
      if (entry) entries.delete(key);
      else entry = open(pooler!, db.databaseName);
      entries.set(key, entry);
      entry.leases++;
      // One request per connection at a time: postgres.js would pipeline concurrent requests'
      // queries onto one connection, and PgBouncer 1.18 in transaction mode can hand the server to
      // another client before a pipeline's last answer (it counts Syncs only: pgbouncer#759), which
      // wedged the agency's requests when a BEGIN followed reads. postgres.js opens a connection when
      // a query finds every open one busy, so `lanes` bounds the connections (a request runs one
      // query at a time).
      let sql: Sql;
      if (entry.running < entry.lanes) sql = take(entry);
      else if (
        entry.lanes < connectionsPerClient && entry.waiting.length + 1 >= WAITING_TO_GROW &&
        entries.size + extraLanes < max
      ) {
        entry.lanes++;
        extraLanes++;
        sql = take(entry);
      } else {
        sql = await waitForSlot(entry).catch((error) => {
          if (--entry.leases === 0 && entry.evicted) end(entry);
          throw error;
        });
      }
      try {
        return await work(sql);
      } catch (error) {
        // The pooler or server dropped its connection: a fresh client for the next request, since
        // postgres.js may keep queued work waiting on the dead one (see transaction()).
        if (isConnectionLost(error) && entries.get(key) === entry) evict(key, entry);
        throw error;
      } finally {
        release(entry, sql);
        if (--entry.leases === 0 && entry.evicted) end(entry);
      }
    },
    /** Ends an agency's clients on its cluster, the replicas' too (suspend, archive, restore, move):
     * the next request gets a fresh one. */
    evict(db: TenantDatabase): void {
      const primary = keyOf({ cluster: db.cluster, databaseName: db.databaseName });
      const replicas = `${db.cluster}@`;
      const suffix = `/${db.databaseName}`;
      for (const [key, entry] of entries) {
        if (key === primary || (key.startsWith(replicas) && key.endsWith(suffix))) evict(key, entry);
      }
    },
    /** Ends a replica's clients now, requests in flight included (they fail as connection lost, and
     * retryOnPrimary serves their reads again on the primary). */
    dropReplica(cluster: string, replica: string): void {
      const prefix = `${cluster}@${replica}/`;
      for (const [key, entry] of entries) {
        if (!key.startsWith(prefix)) continue;
        entries.delete(key);
        entry.evicted = true;
        for (const sql of clientsOf(entry)) sql.end({ timeout: 0 }).catch(() => {});
      }
    },
    stats: () => ({ live: entries.size, max, ...counters }),
    /** Live clients and requests served, per cluster. */
    clusterStats() {
      const live = new Map<string, number>();
      for (const key of entries.keys()) {
        const cluster = key.slice(0, key.search(/[@/]/));
        live.set(cluster, (live.get(cluster) ?? 0) + 1);
      }
      return [...new Set([...live.keys(), ...requestsByCluster.keys()])].sort().map((cluster) => ({
        cluster,
        live: live.get(cluster) ?? 0,
        requests: requestsByCluster.get(cluster) ?? 0,
      }));
    },
    async closeAll(): Promise<void> {
      for (const [name, entry] of entries) evict(name, entry);
      await Promise.all(closing);
    },
  };
}

export type TenantClients = ReturnType<typeof createTenantClients>;
