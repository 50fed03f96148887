// Where the CPU goes during a load (a profile hint): the bench process (which hosts the API) or a
// child API's process tree, PgBouncer and the PostgreSQL cluster (postmaster and its children), from
// /proc/<pid>/stat. Local stack only.

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime + stime of a process (every thread), or of one of its threads. */
function ticks(pid: number, thread?: number): number {
  try {
    const stat = Deno.readTextFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14, 15)
  } catch {
    return 0;
  }
}

/** CPU-seconds so far of a process's main thread (the JavaScript thread of a Deno process). */
export const mainThreadSeconds = (pid: number) => ticks(pid, pid) / CLOCK_TICKS;

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

export type CpuSnapshot = {
  at: number;
  api: number;
  pgbouncer: number;
  postgres: Map<number, number>;
  /** The whole machine (/proc/stat): idle ticks (idle + iowait) and all ticks, over every core. */
  machine: { idle: number; total: number };
};

function machineTicks(): { idle: number; total: number } {
  try {
    const line = Deno.readTextFileSync("/proc/stat").split("\n")[0]; // "cpu  user nice system idle iowait …"
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return { idle: NaN, total: NaN };
  }
}

/** `root` and every process below it (a child API that runs `deno serve --parallel` under it). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of Deno.readDirSync("/proc")) {
    const pid = Number(entry.name);
    if (!(pid > 0)) continue;
    const parent = parentOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** CPU ticks so far; the API's are this process's, or `apiRoot`'s whole process tree. */
export function cpuSnapshot(stackDir: string | undefined, apiRoot?: number): CpuSnapshot | undefined {
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
    api: apiRoot ? processTree(apiRoot).reduce((a, pid) => a + ticks(pid), 0) : ticks(Deno.pid),
    pgbouncer: pgbouncer ? ticks(pgbouncer) : 0,
    postgres,
    machine: machineTicks(),
  };
}

export type CpuSeconds = {
  seconds: number;
  api: number;
  pgbouncer: number;
  postgres: number;
  /** Share of all cores' time that was idle (wrk, other work on the machine and the rest are not idle). */
  machineIdle: number;
};

/** CPU-seconds each side used between two snapshots, over `seconds` of wall time (backends that
 * exited before the second snapshot are not counted: an undercount for short-lived connections). */
export function cpuSeconds(a: CpuSnapshot | undefined, b: CpuSnapshot | undefined): CpuSeconds | undefined {
  if (!a || !b) return undefined;
  // Per process: backends started during the load count from zero; those that ended are missed.
  let postgres = 0;
  for (const [pid, t] of b.postgres) postgres += t - (a.postgres.get(pid) ?? 0);
  return {
    seconds: (b.at - a.at) / 1000,
    api: (b.api - a.api) / CLOCK_TICKS,
    pgbouncer: (b.pgbouncer - a.pgbouncer) / CLOCK_TICKS,
    postgres: postgres / CLOCK_TICKS,
    machineIdle: (b.machine.idle - a.machine.idle) / (b.machine.total - a.machine.total),
  };
}

/** CPU use between two snapshots, in % of one core. */
export function cpuBetween(a: CpuSnapshot | undefined, b: CpuSnapshot | undefined): string {
  const s = cpuSeconds(a, b);
  if (!s) return "–";
  const pct = (x: number) => `${Math.round((x / s.seconds) * 100)}%`;
  return `${pct(s.api)} / ${pct(s.pgbouncer)} / ${pct(s.postgres)}; idle ${Math.round(s.machineIdle * 100)}%`;
}

export const CPU_COLUMN =
  "CPU, % of a core (bench+API / PgBouncer / PostgreSQL; idle = share of all cores' time idle)";
