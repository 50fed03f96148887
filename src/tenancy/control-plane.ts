// The control plane of one cluster: the catalog (the directory every cluster shares) and the cluster's
// own server, each over a direct connection with the admin role, and the app role. Server-level work
// (CREATE/DROP DATABASE, fences, clones) runs on `server`; catalog rows on `control`. Where the
// catalog lives on the cluster, both are the same connection.
import { connect, type Sql } from "../platform/db.ts";
import { restoreDump } from "../platform/pg-dump.ts";
import { sleep } from "../platform/sleep.ts";

export type ControlPlane = {
  /** The catalog over a direct connection with the admin role. */
  control: Sql;
  /** The catalog's URL: catalog-wide advisory locks (one lifecycle action per agency, whatever its
   * cluster). */
  catalogUrl: string;
  /** The cluster's name in the catalog. */
  cluster: string;
  /** The cluster's server over a direct connection with the admin role (may CREATE DATABASE). */
  server: Sql;
  /** The admin role's URL on the cluster: other databases on it by swapping the name. */
  databaseUrl: string;
  /** The request-serving role that gets CONNECT on each agency database. */
  appRole: string;
};

export function databaseUrlFor(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Runs `work` with a short-lived direct admin connection to one database. */
export async function withDatabase<T>(cp: ControlPlane, database: string, work: (sql: Sql) => Promise<T>) {
  const sql = connect(databaseUrlFor(cp.databaseUrl, database), {
    max: 1,
    applicationName: "buildflow-control",
  });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Only the app role may connect: a clone does not inherit the template's database-level grants. */
export async function restrictConnect(cp: ControlPlane, database: string): Promise<void> {
  const { server: sql } = cp;
  await sql`revoke all on database ${sql(database)} from public`;
  await sql`grant connect on database ${sql(database)} to ${sql(cp.appRole)}`;
}

/** Stops the app role's use of a database: no new session (CONNECT revoked, so no pooler can open
 * one) and every session it has terminated, PgBouncer's pooled ones included, so an open transaction
 * can no longer commit. Resolves once two looks 100 ms apart find none (a session may be starting). */
export async function fenceDatabase(cp: ControlPlane, database: string, timeoutMs = 10_000): Promise<void> {
  const { server: sql } = cp;
  await sql`revoke connect on database ${sql(database)} from ${sql(cp.appRole)}`;
  const deadline = Date.now() + timeoutMs;
  for (let quiet = 0; quiet < 2;) {
    const [{ sessions }] = await sql<{ sessions: number }[]>`
      select count(pg_terminate_backend(pid, 1000))::int as sessions from pg_stat_activity
      where datname = ${database} and usename = ${cp.appRole}`;
    quiet = sessions === 0 ? quiet + 1 : 0;
    if (sessions && Date.now() > deadline) {
      throw new Error(`${cp.appRole} sessions on ${database} did not end`);
    }
    await sleep(100);
  }
}

/** Restores a dump into a new database, checks it holds the tenant schema, lets the app role in;
 * drops it on any failure. Returns the schema version found in it. */
export async function restoreDatabase(
  cp: ControlPlane,
  pgBin: string | undefined,
  file: string,
  database: string,
  signal?: AbortSignal,
): Promise<string> {
  const { server: sql } = cp;
  await sql`create database ${sql(database)} template template0`;
  try {
    // Nobody connects before it is whole (a woken agency's database has the name requests use).
    await sql`revoke all on database ${sql(database)} from public`;
    await restoreDump(databaseUrlFor(cp.databaseUrl, database), pgBin, file, signal);
    const version = await withDatabase(cp, database, async (db) => {
      const [{ tables }] = await db<{ tables: number }[]>`
        select count(*)::int as tables from information_schema.tables where table_schema = 'public'`;
      const [{ version }] = await db<
        { version: string | null }[]
      >`select max(version) as version from schema_migrations`;
      if (tables < 2 || !version) throw new Error(`${file} does not hold an agency database`);
      return version;
    });
    await restrictConnect(cp, database);
    return version;
  } catch (error) {
    await dropDatabase(cp, database);
    throw error;
  }
}

export type DatabaseSize = { database: string; bytes: number };

/** The cluster's agency databases (or those of `names`) with their sizes, largest first, in one
 * statement. pg_database_size walks each database's files: callers cache what they can. */
export async function agencyDatabaseSizes(
  cp: Pick<ControlPlane, "server">,
  names?: string[],
): Promise<DatabaseSize[]> {
  const { server: sql } = cp;
  if (names?.length === 0) return [];
  return await sql<DatabaseSize[]>`
    select datname as database, pg_database_size(datname)::float8 as bytes from pg_database
    where datname like 'agency\\_%' ${names ? sql`and datname in ${sql(names)}` : sql``}
    order by 2 desc`;
}

/** Drops a database even while PgBouncer or a client still holds connections to it. */
export async function dropDatabase(cp: ControlPlane, database: string): Promise<void> {
  await cp.server`drop database if exists ${cp.server(database)} with (force)`;
}

/** An advisory lock: one bigint key, or a namespace and a name hashed in SQL (e.g. one per agency). */
export type LockKey = number | { namespace: number; name: string };

/** The lock was not free and the caller asked not to wait. */
export class LockBusy extends Error {
  override name = "LockBusy";
}
/** The session holding the lock ended before the work did (server restart, terminated backend). */
export class LockLost extends Error {
  override name = "LockLost";
}

export type HeldLock = {
  /** The session that holds the lock. */
  sql: Sql;
  /** Its backend: another session can check in pg_locks that the lock is still held. */
  pid: number;
  /** Aborted when that session ends: pass it to child processes, check it before a final step. */
  signal: AbortSignal;
  /** Asks the server whether the lock is still held (the session may have ended unnoticed). */
  held(): Promise<boolean>;
};

/** How a lock is taken: `exclusive` and `shared` wait (at most `waitMs` when given, then LockBusy);
 * `try` takes it exclusively at once or throws LockBusy. */
export type LockMode = "shared" | "exclusive" | "try" | { exclusive: true; waitMs: number };

/** Runs `work` while a session advisory lock is held in the database at `url` (see LockMode). The
 * session never idles out or ages out
 * (the work may spend minutes in pg_restore or dbmate), and if it ends anyway the work is aborted
 * through `signal` and LockLost is thrown: postgres.js would silently reconnect without the lock.
 * One connection, so every query shares the session (postgres.js's reserve() is avoided because it
 * never resolves for a fresh connection with fetch_types off). Ending the session releases it. */
export async function withAdvisoryLock<T>(
  url: string,
  key: LockKey,
  mode: LockMode,
  work: (lock: HeldLock) => Promise<T>,
): Promise<T> {
  const lost = new AbortController();
  let held = false;
  const sql = connect(url, {
    max: 1,
    applicationName: "buildflow-control",
    session: { onclose: () => held && lost.abort(new LockLost(`advisory lock ${describe(key)} was lost`)) },
  });
  const args = typeof key === "number"
    ? sql`${key}::bigint`
    : sql`${key.namespace}::int, hashtext(${key.name})`;
  const busy = () => new LockBusy(`advisory lock ${describe(key)} is held elsewhere`);
  try {
    // A bounded wait is the server's lock_timeout (55P03), set for this session only.
    if (typeof mode === "object") await sql`select set_config('lock_timeout', ${`${mode.waitMs}ms`}, false)`;
    const [{ granted, pid }] = await (mode === "try"
      ? sql`select pg_try_advisory_lock(${args}) as granted, pg_backend_pid() as pid`
      : mode === "shared"
      ? sql`select pg_advisory_lock_shared(${args}), true as granted, pg_backend_pid() as pid`
      : sql`select pg_advisory_lock(${args}), true as granted, pg_backend_pid() as pid`).catch((error) => {
        throw (error as { code?: string }).code === "55P03" ? busy() : error;
      });
    if (!granted) {
      throw busy();
    }
    held = true;
    const stillHeld = async () => {
      if (lost.signal.aborted) {
        return false;
      }
      // On a new session (postgres.js reconnects silently) the lock is not held, and the pid differs.
      const rows = await sql`
        select 1 from pg_locks where pid = pg_backend_pid() and pid = ${pid} and locktype = 'advisory'
          and granted`.catch(() => []);
      return rows.length > 0;
    };
    const result = await work({ sql, pid, signal: lost.signal, held: stillHeld });
    lost.signal.throwIfAborted(); // finished, but without the lock for part of the way
    return result;
  } catch (error) {
    throw lost.signal.aborted ? lost.signal.reason : error;
  } finally {
    held = false;
    await sql.end({ timeout: 5 });
  }
}

const describe = (key: LockKey) => typeof key === "number" ? String(key) : `${key.namespace}/${key.name}`;
