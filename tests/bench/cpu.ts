// Where the CPU goes during a load (a profile hint): the bench process (which hosts the API), PgBouncer
// and the PostgreSQL cluster (postmaster and its children), from /proc/<pid>/stat. Local stack only.

const CLOCK_TICKS = 100; // USER_HZ on Linux

function ticks(pid: number): number {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14, 15)
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(Deno.readTextFileSync(path).split("\n")[0].trim());
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export type CpuSnapshot = { at: number; api: number; pgbouncer: number; postgres: Map<number, number> };

export function cpuSnapshot(stackDir: string | undefined): CpuSnapshot | undefined {
  if (!stackDir) return undefined;
  const pgbouncer = readPid(`${stackDir}/pgbouncer/pgbouncer.pid`);
  const postmaster = readPid(`${stackDir}/pg/postmaster.pid`);
  const postgres = new Map<number, number>();
  if (postmaster) {
    postgres.set(postmaster, ticks(postmaster));
    for (const entry of Deno.readDirSync("/proc")) {
      const pid = Number(entry.name);
      if (pid > 0 && parentOf(pid) === postmaster) postgres.set(pid, ticks(pid));
    }
  }
  return {
    at: performance.now(),
    api: ticks(Deno.pid),
    pgbouncer: pgbouncer ? ticks(pgbouncer) : 0,
    postgres,
  };
}

/** CPU use between two snapshots, in % of one core (backends that exited before the second snapshot
 * are not counted: an undercount for short-lived connections). */
export function cpuBetween(a: CpuSnapshot | undefined, b: CpuSnapshot | undefined): string {
  if (!a || !b) return "–";
  const seconds = (b.at - a.at) / 1000;
  const pct = (x: number, y: number) => `${Math.round(((y - x) / CLOCK_TICKS / seconds) * 100)}%`;
  // Per process: backends started during the load count from zero; those that ended are missed.
  let postgres = 0;
  for (const [pid, t] of b.postgres) postgres += t - (a.postgres.get(pid) ?? 0);
  return `${pct(a.api, b.api)} / ${pct(a.pgbouncer, b.pgbouncer)} / ${pct(0, postgres)}`;
}

export const CPU_COLUMN = "CPU, % of a core (bench+API / PgBouncer / PostgreSQL)";
