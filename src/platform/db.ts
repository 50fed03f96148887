// postgres.js clients, configured one way: camelCase rows, no named prepared statements (PgBouncer
// 1.18 in transaction mode cannot keep them), no type fetch at connect, bounded timeouts.
import postgres from "postgres";
import { RETRYABLE } from "./errors.ts";

export type Sql = postgres.Sql;
/** A client or a transaction's scoped handle: what helpers that only run queries accept. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export type ClientOptions = {
  max?: number;
  idleTimeoutSeconds?: number;
  applicationName?: string;
  /** A session that must outlive any idle spell or age (it holds an advisory lock): no idle timeout,
   * no maximum lifetime, and `onclose` when the server or the network ends it anyway. */
  session?: { onclose(): void };
};

export function connect(url: string, options: ClientOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 4,
    prepare: false,
    fetch_types: false,
    idle_timeout: options.session ? 0 : options.idleTimeoutSeconds ?? 30,
    ...(options.session ? { max_lifetime: null, onclose: options.session.onclose } : {}),
    connect_timeout: 5,
    transform: postgres.camel,
    // `date` columns stay "YYYY-MM-DD" strings: a Date would shift them by the server's time zone.
    types: {
      dateOnly: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x },
    },
    connection: { application_name: options.applicationName ?? "buildflow" },
    onnotice: () => {},
  });
}

/** A value written into the statement's text instead of sent as a parameter. Without named prepared
 * statements, postgres.js sends a statement that has parameters in two round trips (it asks the server
 * for their types first) and one that has none in one: the request path's reads inline their values.
 * Only integers, booleans and strings; a string is quoted as PostgreSQL's quote_literal does (quotes
 * doubled, and backslashes doubled in an E'' string, so it reads the same whatever
 * standard_conforming_strings says), and postgres.js always speaks UTF-8. */
export function inline(sql: Queryable, value: string | number | boolean) {
  if (typeof value === "boolean") return sql.unsafe(String(value));
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer to inline: ${value}`);
    return sql.unsafe(String(value));
  }
  // A NUL would end the statement's text inside the literal: refused as PostgreSQL refuses it in text.
  if (value.includes("\0")) {
    throw Object.assign(new Error("a string to inline holds \\u0000"), { code: "22P05" });
  }
  const quoted = `'${value.replaceAll("'", "''")}'`;
  return sql.unsafe(value.includes("\\") ? `E${quoted.replaceAll("\\", "\\\\")}` : quoted);
}

/** The query's answer, or a rejection once `timeoutMs` has passed without one. */
export async function answerWithin<T>(query: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the server answers `select 1`, rejects after `timeoutMs`. */
export async function ping(sql: Sql, timeoutMs: number): Promise<void> {
  await answerWithin(sql`select 1`, timeoutMs);
}

// postgres.js 3.4.9 mishandles a connection the server or pooler closes under a transaction:
// - it sends its own ROLLBACK on it afterwards, and that write throws from a timer, which ends the
//   process (porsager/postgres#1208). By then begin() has already rejected with CONNECTION_CLOSED, so
//   when the callback fails for that reason its rejection is withheld and the ROLLBACK never sent;
// - a BEGIN queued behind it can wait forever, so a transaction that has not started in time fails
//   as CONNECT_TIMEOUT (503), and the caller should not reuse the client (isConnectionLost).
const CONNECTION_LOST = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNRESET",
  "EPIPE",
]);
const BEGIN_TIMEOUT_MS = 10_000;

/** Whether an error means the client's connection is gone (not a query's own failure). */
export const isConnectionLost = (error: unknown) =>
  CONNECTION_LOST.has((error as { code?: string })?.code ?? "");

function beginBounded<T>(sql: Sql, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      if (!started) {
        reject(Object.assign(new Error(`transaction not started within ${BEGIN_TIMEOUT_MS} ms`), {
          code: "CONNECT_TIMEOUT",
        }));
      }
    }, BEGIN_TIMEOUT_MS);
    (sql.begin((tx) => {
      started = true;
      return work(tx).catch((error) =>
        isConnectionLost(error) ? new Promise<never>(() => {}) : Promise.reject(error)
      );
    }) as Promise<T>).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The one way to run a transaction: `sql.begin(work)`, run once more after a serialization failure
 * or deadlock (40001, 40P01), as PostgreSQL advises (a second one reaches the client as 503), and
 * safe when the server drops the connection mid-way. `work` must not act outside the transaction
 * (it may run twice). */
export async function transaction<T>(
  sql: Sql,
  work: (tx: postgres.TransactionSql) => Promise<T>,
): Promise<T> {
  try {
    return await beginBounded(sql, work);
  } catch (error) {
    if (!RETRYABLE.has((error as { code?: string })?.code ?? "")) throw error;
    return await beginBounded(sql, work);
  }
}
