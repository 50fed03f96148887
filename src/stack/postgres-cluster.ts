// A throwaway PostgreSQL cluster under a directory: initdb once, then pg_ctl start/stop.
import { chownToServiceUser, ownedByServiceUser, run } from "../platform/command.ts";

export type Cluster = {
  dataDir: string;
  runDir: string;
  port: number;
  pgBin: string;
  /** Server settings passed at start (-c name=value). */
  settings: Record<string, string | number>;
};

export async function initCluster(cluster: Cluster, superPassword: string): Promise<void> {
  try {
    await Deno.stat(`${cluster.dataDir}/PG_VERSION`);
    return; // reused across starts
  } catch { /* first start */ }
  await ownedByServiceUser(cluster.dataDir);
  await ownedByServiceUser(cluster.runDir);
  const pwfile = `${cluster.runDir}/initdb.pw`;
  await Deno.writeTextFile(pwfile, superPassword, { mode: 0o600 });
  await chownToServiceUser(pwfile);
  try {
    await run([
      `${cluster.pgBin}/initdb`,
      ...["-D", cluster.dataDir, "-U", "postgres", "--pwfile", pwfile, "-E", "UTF8", "--no-locale"],
      ...["--auth-local=scram-sha-256", "--auth-host=scram-sha-256"],
    ], { asServiceUser: true });
  } finally {
    await Deno.remove(pwfile);
  }
}

export async function startCluster(cluster: Cluster): Promise<void> {
  await ownedByServiceUser(cluster.runDir);
  if (await isRunning(cluster)) await stopCluster(cluster); // left over by a killed run
  const options = [
    `-p ${cluster.port}`,
    `-k ${cluster.runDir}`,
    "-c listen_addresses=127.0.0.1",
    "-c log_min_messages=warning",
    ...Object.entries(cluster.settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(" ");
  await run([
    `${cluster.pgBin}/pg_ctl`,
    ...[
      "-D",
      cluster.dataDir,
      "-l",
      `${cluster.runDir}/postgres.log`,
      "-o",
      options,
      "-w",
      "-t",
      "60",
      "start",
    ],
  ], { asServiceUser: true });
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  if (!(await isRunning(cluster))) return;
  await run([`${cluster.pgBin}/pg_ctl`, "-D", cluster.dataDir, "-m", "fast", "-w", "-t", "60", "stop"], {
    asServiceUser: true,
  });
}

async function isRunning(cluster: Cluster): Promise<boolean> {
  try {
    await run([`${cluster.pgBin}/pg_ctl`, "-D", cluster.dataDir, "status"], { asServiceUser: true });
    return true;
  } catch {
    return false;
  }
}
