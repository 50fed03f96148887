// PostgreSQL's memory per app-role backend: each backend's private pages (Private_Clean +
// Private_Dirty in /proc/<pid>/smaps_rollup: its catalog caches, plan caches and work memory; shared
// buffers are shared and not counted), summed over the backends pg_stat_activity lists for the app
// role. Needs the local stack on this machine and the right to read the postgres user's /proc (root).
import { withSql } from "./stack.ts";

export type BackendMemory = {
  /** App-role backends pg_stat_activity listed. */
  listed: number;
  /** Of those, the ones whose smaps_rollup could be read (still alive, readable). */
  read: number;
  privateKb: number;
  pssKb: number;
  rssKb: number;
  /** Largest single backend's private memory. */
  maxPrivateKb: number;
};

function rollup(pid: number): Record<string, number> | undefined {
  try {
    const text = Deno.readTextFileSync(`/proc/${pid}/smaps_rollup`);
    return Object.fromEntries(
      [...text.matchAll(/^(\w+):\s+(\d+) kB$/gm)].map(([, key, kb]) => [key, Number(kb)]),
    );
  } catch {
    return undefined;
  }
}

export async function appBackendMemory(observerUrl: string, appRole: string): Promise<BackendMemory> {
  const rows = await withSql(
    observerUrl,
    (sql) => sql<{ pid: number }[]>`select pid from pg_stat_activity where usename = ${appRole}`,
  );
  const memory: BackendMemory = {
    listed: rows.length,
    read: 0,
    privateKb: 0,
    pssKb: 0,
    rssKb: 0,
    maxPrivateKb: 0,
  };
  for (const { pid } of rows) {
    const r = rollup(pid);
    if (!r || r.Rss === undefined) continue;
    const privateKb = (r.Private_Clean ?? 0) + (r.Private_Dirty ?? 0);
    memory.read++;
    memory.privateKb += privateKb;
    memory.pssKb += r.Pss ?? 0;
    memory.rssKb += r.Rss;
    memory.maxPrivateKb = Math.max(memory.maxPrivateKb, privateKb);
  }
  return memory;
}
