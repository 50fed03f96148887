// What the control plane needs to manage agency databases: the admin role's direct connection to
// the catalog, its URL (other databases on the same server by swapping the name), and the app role.
import { connect, type Sql } from "../platform/db.ts";

export type ControlPlane = {
  /** The catalog over a direct connection with the admin role (may CREATE DATABASE). */
  control: Sql;
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
  const { control: sql } = cp;
  await sql`revoke all on database ${sql(database)} from public`;
  await sql`grant connect on database ${sql(database)} to ${sql(cp.appRole)}`;
}

/** Drops a database even while PgBouncer or a client still holds connections to it. */
export async function dropDatabase(cp: ControlPlane, database: string): Promise<void> {
  await cp.control`drop database if exists ${cp.control(database)} with (force)`;
}

/** Runs `work` on a one-connection client holding a session advisory lock on the catalog (one
 * connection, so every query shares the session; postgres.js's reserve() is avoided because it
 * never resolves for a fresh connection with fetch_types off). Ending the session releases it. */
export async function withAdvisoryLock<T>(
  cp: ControlPlane,
  lock: number,
  mode: "shared" | "exclusive",
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const conn = connect(cp.databaseUrl, { max: 1, applicationName: "buildflow-control" });
  try {
    if (mode === "shared") await conn`select pg_advisory_lock_shared(${lock})`;
    else await conn`select pg_advisory_lock(${lock})`;
    return await work(conn);
  } finally {
    await conn.end({ timeout: 5 });
  }
}
