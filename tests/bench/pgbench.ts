// pgbench ceilings: `bench_pgbench` (pgbench -i -s 1, owned by the admin role, readable by the app
// role), `pgbench -S` (or -N) as the app role through PgBouncer,
// or `-C -S` straight to PostgreSQL.
import type { PoolDelta } from "./poolstats.ts";
import type { BenchStack } from "./stack.ts";
import { withSql } from "./stack.ts";
import { outputWithin, percentile } from "./util.ts";

export const PGBENCH_DATABASE = "bench_pgbench";

type Target = { host: string; port: string; user: string; password: string; database: string };

const targetOf = (url: string): Target => {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port || "5432",
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
};

async function pgbench(stack: BenchStack, target: Target, args: string[], timeoutMs: number, cwd?: string) {
  const { code, stdout, stderr } = await outputWithin(
    new Deno.Command(`${stack.tools.pgBin}/pgbench`, {
      args: [...args, "-h", target.host, "-p", target.port, "-U", target.user, target.database],
      env: { PGPASSWORD: target.password, PGSSLMODE: "disable", PGAPPNAME: "bench-pgbench" },
      cwd,
      stdout: "piped",
      stderr: "piped",
    }),
    timeoutMs,
  );
  const out = new TextDecoder().decode(stdout);
  const err = new TextDecoder().decode(stderr);
  if (code !== 0) {
    throw new Error(`pgbench ${args.join(" ")} exited with ${code}: ${err.slice(-1500)}${out.slice(-1500)}`);
  }
  return out + "\n" + err;
}

/** Creates and initialises bench_pgbench (scale 1) once; the app role may connect and read it. */
export async function preparePgbench(stack: BenchStack): Promise<void> {
  const exists = await withSql(stack.servers.databaseUrl, async (sql) => {
    const [row] = await sql`select 1 from pg_database where datname = ${PGBENCH_DATABASE}`;
    if (!row) await sql`create database ${sql(PGBENCH_DATABASE)}`;
    return Boolean(row);
  });
  if (!exists) {
    await pgbench(stack, targetOf(stack.adminUrl(PGBENCH_DATABASE)), ["-i", "-s", "1", "-q"], 120_000);
  }
  await withSql(stack.servers.databaseUrl, async (sql) => {
    await sql`grant connect on database ${sql(PGBENCH_DATABASE)} to ${sql(stack.appRole)}`;
  });
  await withSql(stack.adminUrl(PGBENCH_DATABASE), async (sql) => {
    await sql`grant usage on schema public to ${sql(stack.appRole)}`;
    await sql`grant select, insert, update on all tables in schema public to ${sql(stack.appRole)}`;
  });
}

export async function dropPgbench(stack: BenchStack): Promise<void> {
  await withSql(
    stack.servers.databaseUrl,
    (sql) => sql`drop database if exists ${sql(PGBENCH_DATABASE)} with (force)`,
  );
}

export type PgbenchResult = {
  tps: number;
  transactions: number;
  failed: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number };
  command: string;
  cpu?: string;
  pool?: PoolDelta;
};

/** `pgbench -n -S` (or -N) for `durationSec`, per-transaction latencies from its log (-l). */
export async function runPgbench(
  stack: BenchStack,
  { via, clients, threads, durationSec, connectEach, builtin = "select-only" }: {
    via: "pooler" | "direct";
    /** -S (select-only) or -N (simple-update). */
    builtin?: "select-only" | "simple-update";
    clients: number;
    threads: number;
    durationSec: number;
    connectEach: boolean;
  },
): Promise<PgbenchResult> {
  const url = via === "pooler" ? stack.appPooledUrl(PGBENCH_DATABASE) : stack.appDirectUrl(PGBENCH_DATABASE);
  const args = [
    "-n",
    builtin === "simple-update" ? "-N" : "-S",
    ...(connectEach ? ["-C"] : []),
    "-c",
    String(clients),
    "-j",
    String(threads),
    "-T",
    String(durationSec),
    "-M",
    "simple",
    "-l",
    "--log-prefix=pgbench_log",
  ];
  const dir = await Deno.makeTempDir({ prefix: "bench-pgbench-" });
  try {
    const out = await pgbench(stack, targetOf(url), args, (durationSec + 60) * 1000, dir);
    const tps = Number(out.match(/tps = ([\d.]+)/)?.[1]);
    const transactions = Number(out.match(/number of transactions actually processed: (\d+)/)?.[1]);
    const failed = Number(out.match(/number of failed transactions: (\d+)/)?.[1] ?? 0);
    // Log lines: client_id transaction_no time(us) script_no time_epoch time_us
    const latencies: number[] = [];
    for await (const entry of Deno.readDir(dir)) {
      if (!entry.name.startsWith("pgbench_log")) continue;
      for (const line of (await Deno.readTextFile(`${dir}/${entry.name}`)).split("\n")) {
        const us = Number(line.split(" ")[2]);
        if (Number.isFinite(us) && line) latencies.push(us / 1000);
      }
    }
    const mean = latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1);
    return {
      tps,
      transactions,
      failed,
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        mean,
      },
      command: `pgbench ${args.filter((a) => !a.startsWith("--log") && a !== "-l").join(" ")} (${via})`,
    };
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}
