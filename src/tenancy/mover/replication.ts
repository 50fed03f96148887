// The PostgreSQL mechanics of a move, each idempotent so an interrupted move can be undone or
// finished from its catalog row alone: a publication on the source and a subscription on the target
// (logical replication: the copy runs while the source serves), a sentinel row that proves the target
// has applied everything the source committed, a fence on the source's writes that outlives the
// mover (a prepared transaction holding EXCLUSIVE locks: reads go on, writes wait), and checksums.
import type { Sql } from "../../platform/db.ts";
import { sleep } from "../../platform/sleep.ts";

/** Holds the row the catch-up waits for; created in the agency database for the move only. */
export const SENTINEL_SCHEMA = "buildflow_move";

/** A libpq connection string for CREATE SUBSCRIPTION, from a postgres:// URL (values quoted). */
export function conninfo(url: string): string {
  const u = new URL(url);
  const quote = (v: string) => `'${v.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return [
    ["host", u.hostname],
    ["port", u.port || "5432"],
    ["user", decodeURIComponent(u.username)],
    ["password", decodeURIComponent(u.password)],
    ["dbname", decodeURIComponent(u.pathname.slice(1))],
  ].map(([k, v]) => `${k}=${quote(v)}`).join(" ");
}

const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** The move's name for its publication, subscription, slot and prepared transaction: generated
 * from the move's id, so interpolating it into DDL is safe. */
export const moveTag = (moveId: number) => {
  if (!Number.isSafeInteger(moveId) || moveId < 1) throw new Error(`not a move id: ${moveId}`);
  return `buildflow_move_${moveId}`;
};

export async function createSentinel(sql: Sql): Promise<void> {
  await sql`create schema if not exists ${sql(SENTINEL_SCHEMA)}`;
  await sql`create table if not exists ${sql(SENTINEL_SCHEMA)}.fence (token uuid primary key)`;
}

export async function dropSentinel(sql: Sql): Promise<void> {
  await sql`drop schema if exists ${sql(SENTINEL_SCHEMA)} cascade`;
}

/** Every table of the agency (public) and the sentinel's. Needs a superuser (TABLES IN SCHEMA). */
export async function createPublication(sourceSu: Sql, tag: string): Promise<void> {
  const [exists] = await sourceSu`select 1 from pg_publication where pubname = ${tag}`;
  if (!exists) {
    await sourceSu.unsafe(`create publication ${tag} for tables in schema public, ${SENTINEL_SCHEMA}`);
  }
}

export async function dropPublication(sourceSu: Sql, tag: string): Promise<void> {
  await sourceSu.unsafe(`drop publication if exists ${tag}`);
}

/** Creates the subscription (a superuser on PostgreSQL 15), which copies every table, then streams. */
export async function createSubscription(
  targetSu: Sql,
  sourceSu: Sql,
  tag: string,
  sourceUrl: string,
): Promise<void> {
  const [exists] = await targetSu`select 1 from pg_subscription where subname = ${tag}`;
  if (exists) return;
  // The slot first, on the source, in no transaction of the target's: a CREATE SUBSCRIPTION that
  // creates it holds a transaction id on the target while the source waits for every transaction
  // running there to end, so two moves in opposite directions waited for each other forever.
  const [slot] = await sourceSu`select 1 from pg_replication_slots where slot_name = ${tag}`;
  if (!slot) await sourceSu`select pg_create_logical_replication_slot(${tag}, 'pgoutput')`;
  await targetSu.unsafe(
    `create subscription ${tag} connection ${literal(conninfo(sourceUrl))} publication ${tag} ` +
      `with (copy_data = true, create_slot = false, slot_name = ${literal(tag)})`,
  );
}

/** Resolves once every table's initial copy is done (state ready or synchronized). */
export async function waitForInitialCopy(targetSu: Sql, tag: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ total, pending }] = await targetSu<{ total: number; pending: number }[]>`
      select count(*)::int as total, count(*) filter (where r.srsubstate not in ('r', 's'))::int as pending
      from pg_subscription_rel r join pg_subscription s on s.oid = r.srsubid where s.subname = ${tag}`;
    if (total > 0 && pending === 0) return total;
    if (Date.now() > deadline) {
      throw new Error(`the initial copy did not finish within ${timeoutMs} ms (${pending} of ${total} left)`);
    }
    await sleep(100);
  }
}

/** Drops the subscription and its slots on the source. Without a reachable source, detaches the
 * subscription first, then drops whatever slots of it the source still has (`sourceSu`). */
export async function dropSubscription(targetSu: Sql | undefined, sourceSu: Sql, tag: string) {
  let oid: number | undefined;
  if (targetSu) {
    const [sub] = await targetSu<
      { oid: number }[]
    >`select oid::int from pg_subscription where subname = ${tag}`;
    oid = sub?.oid;
    if (sub) {
      await targetSu.unsafe(`drop subscription if exists ${tag}`).catch(async () => {
        await targetSu.unsafe(`alter subscription ${tag} disable`);
        await targetSu.unsafe(`alter subscription ${tag} set (slot_name = none)`);
        await targetSu.unsafe(`drop subscription if exists ${tag}`);
      });
    }
  }
  // The main slot, and the initial copy's per-table slots (pg_<subid>_sync_…) of an interrupted copy.
  const sync = oid === undefined ? null : `pg\\_${oid}\\_sync\\_%`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const slots = await sourceSu<{ slotName: string; activePid: number | null }[]>`
      select slot_name, active_pid from pg_replication_slots
      where database = current_database() and (slot_name = ${tag} or slot_name like ${sync})`;
    if (!slots.length) return;
    for (const slot of slots) {
      if (slot.activePid) await sourceSu`select pg_terminate_backend(${slot.activePid})`;
      else await sourceSu`select pg_drop_replication_slot(${slot.slotName})`.catch(() => {});
    }
    await sleep(100);
  }
  throw new Error(`replication slots of ${tag} are still in use on the source`);
}

/** Every agency table, quoted by PostgreSQL itself. */
export async function agencyTables(sql: Sql): Promise<string[]> {
  return (await sql<{ name: string }[]>`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname = 'public' order by 1`).map((r) => r.name);
}

/** Fences the source's writes: EXCLUSIVE locks on every table (reads go on; writes wait, and a write
 * already running is waited for), held by a prepared transaction, so they outlive this session and
 * the mover. Released by releaseWrites. A superuser's: an autovacuum in the way is cancelled first,
 * and the lock waits at most 100 ms before cancelling one that starts meanwhile (deadlock_timeout, 1 s
 * by default, is when a lock waiter cancels an autovacuum; only a superuser may lower it). */
export async function holdWrites(su: Sql, tag: string, lockTimeoutMs: number): Promise<void> {
  const tables = await agencyTables(su);
  await su`
    select pg_cancel_backend(pid) from pg_stat_activity
    where datname = current_database() and backend_type = 'autovacuum worker'`;
  // A write already running holds one table and may want another the fence has just locked: one of
  // the two is cancelled as a deadlock, and with deadlock_timeout at 100 ms it is the fence. That
  // write then finishes (before the catch-up, so it moves), and the fence is taken again, as often as
  // a busy agency's writes (one per connection of its lane, on every instance) make it lose, within
  // the lock timeout.
  const deadline = performance.now() + lockTimeoutMs;
  for (;;) {
    try {
      await su.unsafe(
        `begin; set local deadlock_timeout = 100; set local lock_timeout = ${Math.trunc(lockTimeoutMs)}; ` +
          `lock table ${tables.join(", ")} in exclusive mode; prepare transaction ${literal(tag)}`,
      ).simple();
      return;
    } catch (error) {
      await su.unsafe("rollback").simple().catch(() => {});
      if ((error as { code?: string }).code !== "40P01" || performance.now() > deadline) throw error;
    }
  }
}

/** Ends the fence, if this move still holds one. */
export async function releaseWrites(su: Sql, tag: string): Promise<void> {
  const [held] = await su`select 1 from pg_prepared_xacts where gid = ${tag}`;
  if (held) await su.unsafe(`rollback prepared ${literal(tag)}`);
}

/** Writes a new sentinel row on the source and waits for the target to have applied it: then the
 * target holds every transaction the source committed before. Returns the wait in ms. */
export async function catchUp(sourceSu: Sql, targetSu: Sql, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const token = crypto.randomUUID();
  await sourceSu`insert into ${sourceSu(SENTINEL_SCHEMA)}.fence (token) values (${token})`;
  for (;;) {
    const [seen] = await targetSu`select 1 from ${targetSu(SENTINEL_SCHEMA)}.fence where token = ${token}`;
    if (seen) return performance.now() - started;
    if (performance.now() - started > timeoutMs) {
      throw new Error(`the target did not catch up within ${timeoutMs} ms`);
    }
    await sleep(5);
  }
}

/** Sequences are not replicated: each takes the source's position. */
export async function syncSequences(sourceSu: Sql, targetSu: Sql): Promise<number> {
  const sequences = await sourceSu<{ name: string; lastValue: string }[]>`
    select format('%I.%I', schemaname, sequencename) as name, last_value::text from pg_sequences
    where schemaname = 'public' and last_value is not null`;
  for (const s of sequences) await targetSu`select setval(${s.name}::regclass, ${s.lastValue}::bigint, true)`;
  return sequences.length;
}

export type TableChecksum = { table: string; rows: number; sum: string };

/** Row count and an order-independent checksum of every row's text, per table. */
export async function checksums(sql: Sql, tables: string[]): Promise<TableChecksum[]> {
  const out: TableChecksum[] = [];
  for (const table of tables) {
    // `table` comes from agencyTables (quoted by format('%I')).
    const [row] = await sql.unsafe<{ rows: string; sum: string }[]>(
      `select count(*)::text as rows, coalesce(sum(hashtextextended(t::text, 0)), 0)::text as sum from ${table} t`,
    );
    out.push({ table, rows: Number(row.rows), sum: row.sum });
  }
  return out;
}
