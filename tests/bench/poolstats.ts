// Connection churn and pooler waits during a load (a profile hint): PostgreSQL sessions opened
// (pg_stat_database.sessions, all databases) and PgBouncer's SHOW STATS (transactions, client wait
// time for a server connection), snapshotted before and after.
import postgres from "postgres";
import type { BenchStack } from "./stack.ts";

export type PoolSnapshot = { sessions: number; xacts: number; waitUs: number };

export async function poolSnapshot(stack: BenchStack): Promise<PoolSnapshot | undefined> {
  if (!stack.servers.poolerAdminUrl) return undefined;
  const observer = postgres(stack.observerUrl, { max: 1, onnotice: () => {}, fetch_types: false });
  const admin = postgres(stack.servers.poolerAdminUrl, { max: 1, onnotice: () => {}, fetch_types: false });
  try {
    // Cumulative statistics are flushed lazily (at most once a second per backend).
    const [{ sessions }] = await observer<{ sessions: string }[]>`
      select coalesce(sum(sessions), 0)::bigint::text as sessions from pg_stat_database`;
    const rows = await admin.unsafe("SHOW STATS").simple() as unknown as Record<string, string>[];
    const sum = (key: string) => rows.reduce((a, r) => a + Number(r[key] ?? 0), 0);
    return { sessions: Number(sessions), xacts: sum("total_xact_count"), waitUs: sum("total_wait_time") };
  } catch {
    return undefined;
  } finally {
    await Promise.all([observer.end({ timeout: 2 }), admin.end({ timeout: 2 })]);
  }
}

export type PoolDelta = { newSessions: number; xacts: number; waitMsPerXact: number };

export function poolDelta(a?: PoolSnapshot, b?: PoolSnapshot): PoolDelta | undefined {
  if (!a || !b) return undefined;
  const xacts = b.xacts - a.xacts;
  return {
    newSessions: b.sessions - a.sessions,
    xacts,
    waitMsPerXact: xacts ? (b.waitUs - a.waitUs) / 1000 / xacts : 0,
  };
}

export const poolText = (d?: PoolDelta) =>
  d
    ? `${d.newSessions} new PG sessions; ${d.xacts} pooled xacts, avg wait for a server ${
      d.waitMsPerXact.toFixed(2)
    } ms`
    : "–";

/** Local TCP ports of `pid`'s established connections to `port` on this machine (/proc: the
 * process's socket inodes, matched in the namespace's tcp tables). */
async function portsOf(pid: number, port: number): Promise<Set<number>> {
  const inodes = new Set<string>();
  for await (const fd of Deno.readDir(`/proc/${pid}/fd`)) {
    const link = await Deno.readLink(`/proc/${pid}/fd/${fd.name}`).catch(() => "");
    const inode = link.match(/^socket:\[(\d+)\]$/)?.[1];
    if (inode) inodes.add(inode);
  }
  const ports = new Set<number>();
  for (const table of ["tcp", "tcp6"]) {
    const text = await Deno.readTextFile(`/proc/${pid}/net/${table}`).catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== "01" || !inodes.has(f[9])) continue; // 01 = ESTABLISHED
      if (parseInt(f[2].split(":")[1], 16) === port) ports.add(parseInt(f[1].split(":")[1], 16));
    }
  }
  return ports;
}

/** PgBouncer's client connections (SHOW CLIENTS) that come from process `pid` and are logged in to
 * one of `databases`; undefined without the admin console. */
export async function pgbouncerClientsOf(
  stack: BenchStack,
  pid: number,
  databases: Set<string>,
): Promise<number | undefined> {
  if (!stack.servers.poolerAdminUrl) return undefined;
  const ports = await portsOf(pid, Number(new URL(stack.servers.poolerUrl).port || 6432));
  const admin = postgres(stack.servers.poolerAdminUrl, { max: 1, onnotice: () => {}, fetch_types: false });
  try {
    const rows = await admin.unsafe("SHOW CLIENTS").simple() as unknown as Record<string, string>[];
    return rows.filter((r) => ports.has(Number(r.port)) && databases.has(r.database)).length;
  } catch {
    return undefined;
  } finally {
    await admin.end({ timeout: 2 });
  }
}
