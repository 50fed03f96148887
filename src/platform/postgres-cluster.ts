// A throwaway PostgreSQL cluster under a directory: initdb once, then pg_ctl start/stop.
import { chownToServiceUser, ownedByServiceUser, run } from "./command.ts";

export type Cluster = {
  dataDir: string;
  runDir: string;
  port: number;
  pgBin: string;
  /** Server settings passed at start (-c name=value). */
  settings: Record<string, string | number>;
  /** The server's environment beyond ours (its archive_command's repository passphrase). */
  env?: Record<string, string>;
  /** How long a start may take (60 s; a restored cluster replays its WAL first). */
  startTimeoutSeconds?: number;
  /** The one role that logs in over the Unix socket without a password, and the OS user (the
   * pooler's) allowed to log in as it: peer authentication, for a pooler on the same host. */
  peer: { role: string; osUser: string };
  /** A hot standby of the local primary at this port: streams from it as the superuser. */
  standby?: { primaryPort: number; password: string; name: string };
};

/** Who may log in how: the pooler's OS user as the app role over the socket (peer, no password:
 * a new backend costs a fork, not a SCRAM exchange); every other login with a password. An OS user
 * that is not the pooler's gets no app-role session over the socket (peer fails, nothing falls
 * through), and over TCP the app role needs its password. Written at each start. */
async function writeAuthConfig(cluster: Cluster): Promise<void> {
  const { role, osUser } = cluster.peer;
  await Deno.writeTextFile(
    `${cluster.dataDir}/pg_hba.conf`,
    [
      "# Written by src/platform/postgres-cluster.ts at each start.",
      `local all ${role} peer map=pooler`,
      "local all all scram-sha-256",
      "host all all 127.0.0.1/32 scram-sha-256",
      // The local stack's replicas stream from it (pg_basebackup, then walreceiver) as the superuser.
      "host replication postgres 127.0.0.1/32 scram-sha-256",
      "host all all ::1/128 scram-sha-256",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  await Deno.writeTextFile(
    `${cluster.dataDir}/pg_ident.conf`,
    `# Written by src/platform/postgres-cluster.ts at each start.\npooler ${osUser} ${role}\n`,
    { mode: 0o600 },
  );
  await chownToServiceUser(`${cluster.dataDir}/pg_hba.conf`);
  await chownToServiceUser(`${cluster.dataDir}/pg_ident.conf`);
}

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

/** A standby's copy of its primary, taken once (pg_basebackup); reused across starts. */
export async function baseBackup(cluster: Cluster): Promise<void> {
  const { standby } = cluster;
  if (!standby) throw new Error("not a standby");
  try {
    await Deno.stat(`${cluster.dataDir}/PG_VERSION`);
    return;
  } catch { /* first start */ }
  await ownedByServiceUser(cluster.dataDir);
  await ownedByServiceUser(cluster.runDir);
  await run([
    `${cluster.pgBin}/pg_basebackup`,
    ...["-h", "127.0.0.1", "-p", String(standby.primaryPort), "-U", "postgres"],
    ...["-D", cluster.dataDir, "-X", "stream", "-c", "fast"],
  ], { asServiceUser: true, env: { PGPASSWORD: standby.password } });
}

/** A standby follows its primary at the primary's port of this start (ports change between starts). */
async function writeStandbyConfig(cluster: Cluster): Promise<void> {
  const { standby } = cluster;
  if (!standby) return;
  const conninfo = `host=127.0.0.1 port=${standby.primaryPort} user=postgres password=${standby.password} ` +
    `application_name=${standby.name}`;
  if (!/^[\w=. -]+$/.test(conninfo)) throw new Error("unexpected characters in the standby's conninfo");
  const files = {
    "standby.signal": "",
    "postgresql.auto.conf":
      `# Written by src/platform/postgres-cluster.ts at each start.\nprimary_conninfo = '${conninfo}'\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${cluster.dataDir}/${name}`, text, { mode: 0o600 });
    await chownToServiceUser(`${cluster.dataDir}/${name}`);
  }
}

export async function startCluster(cluster: Cluster): Promise<void> {
  await ownedByServiceUser(cluster.runDir);
  if (await isRunning(cluster)) await stopCluster(cluster); // left over by a killed run
  await writeAuthConfig(cluster);
  await writeStandbyConfig(cluster);
  const options = [
    `-p ${cluster.port}`,
    `-k ${cluster.runDir}`,
    "-c listen_addresses=127.0.0.1",
    "-c log_min_messages=warning",
    ...Object.entries(cluster.settings).map(([name, value]) => `-c ${name}=${shellWord(String(value))}`),
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
      String(cluster.startTimeoutSeconds ?? 60),
      "start",
    ],
  ], { asServiceUser: true, env: cluster.env });
}

/** pg_ctl hands -o to a shell: a value with spaces (archive_command) goes in single quotes. */
function shellWord(value: string): string {
  if (/^[\w.,:/+-]*$/.test(value)) return value;
  if (value.includes("'")) throw new Error(`a server setting may not contain a single quote: ${value}`);
  return `'${value}'`;
}

/** Stops the server: `fast` (sessions ended, a clean checkpoint), or `immediate` (no checkpoint: crash
 * recovery on the next start) when it must be down at once. */
export async function stopCluster(cluster: Cluster, immediate = false): Promise<void> {
  if (!(await isRunning(cluster))) return;
  const mode = immediate ? "immediate" : "fast";
  await run([`${cluster.pgBin}/pg_ctl`, "-D", cluster.dataDir, "-m", mode, "-w", "-t", "60", "stop"], {
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
