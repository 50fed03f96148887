// postgres.js clients, configured one way: camelCase rows, no named prepared statements (PgBouncer
// 1.18 in transaction mode cannot keep them), no type fetch at connect, bounded timeouts.
import postgres from "postgres";

export type Sql = postgres.Sql;
/** A client or a transaction's scoped handle: what helpers that only run queries accept. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export type ClientOptions = { max?: number; idleTimeoutSeconds?: number; applicationName?: string };

export function connect(url: string, options: ClientOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 4,
    prepare: false,
    fetch_types: false,
    idle_timeout: options.idleTimeoutSeconds ?? 30,
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

/** Resolves when the server answers `select 1`, rejects after `timeoutMs`. */
export async function ping(sql: Sql, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
