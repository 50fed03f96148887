// `deno task dev` end to end: a cold start boots PostgreSQL and PgBouncer under a fresh DATA_DIR,
// migrates, serves the API on a kernel-chosen port (PORT=0) and writes stack.json; SIGINT stops
// every process of that stack; a warm restart on the same DATA_DIR comes back on the same cluster.
// How long a start takes is measured by the bench (scenario 10), not asserted here: the deadlines
// below only turn a hung process into a failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../src/platform/db.ts";
import { type DenoChild, ROOT, spawnDev } from "../support/dev-process.ts";
import { sleep } from "../support/fixtures.ts";

const CATALOG_TABLES = [
  "agencies",
  "agency_events",
  "clusters",
  "subscription_plans",
  "user_directory",
  "users",
];

type StackJson = { apiUrl: string; databaseUrl: string; poolerUrl: string; poolerAdminUrl?: string };

/** Hang guards, not performance claims (see the header). */
const READY_DEADLINE_MS = 60_000;
const STOP_DEADLINE_MS = 30_000;

/** Waits until the process announced its API URL, stack.json carries that same URL and GET /readyz
 * answers 200; returns stack.json, the announced URL and the readyz body. */
async function waitReady(dev: DenoChild, dataDir: string, timeoutMs: number) {
  const deadline = dev.spawnedAt + timeoutMs;
  let last = "nothing yet";
  while (performance.now() < deadline) {
    if (dev.exited) {
      throw new Error(`dev exited (${(await dev.status).code}) before ready:\n${dev.output()}`);
    }
    const printed = dev.output().match(/API\s+(http:\/\/\S+)/)?.[1];
    if (printed) {
      try {
        const json: StackJson = JSON.parse(await Deno.readTextFile(`${dataDir}/stack.json`));
        if (json.apiUrl !== printed) {
          last = `stack.json apiUrl ${json.apiUrl} is not the printed ${printed}`;
        } else {
          const res = await fetch(`${json.apiUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
          const body = await res.text();
          if (res.status === 200) return { json, printed, body };
          last = `readyz ${res.status} ${body}`;
        }
      } catch (error) {
        last = String(error);
      }
    }
    await sleep(100);
  }
  throw new Error(`not ready within ${timeoutMs} ms (${last}); output:\n${dev.output()}`);
}

/** The /metrics token dev printed, held to what it says: the printed curl gets 200, no token 401. */
async function printedMetricsToken(dev: DenoChild, apiUrl: string): Promise<string> {
  const [, token, url] = dev.output().match(/metrics\s+curl -H 'Authorization: Bearer (\S+)' (\S+)/) ?? [];
  expect(url, dev.output()).toBe(`${apiUrl}/metrics`);
  const scraped = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  expect(scraped.status).toBe(200);
  expect(await scraped.text()).toContain("buildflow_http_requests_total");
  const refused = await fetch(url);
  expect(refused.status).toBe(401);
  await refused.body?.cancel();
  return token;
}

type Proc = { pid: number; cmd: string };

function processes(): (Proc & { ppid: number })[] {
  const found: (Proc & { ppid: number })[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const cmd = Deno.readTextFileSync(`/proc/${entry.name}/cmdline`).replaceAll("\0", " ").trim();
      const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
      const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state[0] === "Z") continue; // a zombie holds no resources; its parent will reap it
      found.push({ pid: Number(entry.name), cmd, ppid: Number(state[1]) });
    } catch { /* exited while we looked */ }
  }
  return found;
}

/** Live processes whose command line mentions the data directory (postmaster: `-D DIR/pg`,
 * PgBouncer: `-d DIR/pgbouncer/pgbouncer.ini`). */
const mentioning = (dataDir: string) => processes().filter((p) => p.cmd.includes(`${dataDir}/`));

const alive = (pid: number) => processes().some((p) => p.pid === pid);

/** The stack's processes, by pid file: the postmaster, its children, PgBouncer. */
async function stackProcesses(dataDir: string): Promise<Proc[]> {
  const postmaster = Number((await Deno.readTextFile(`${dataDir}/pg/postmaster.pid`)).split("\n")[0]);
  const pgbouncer = Number((await Deno.readTextFile(`${dataDir}/pgbouncer/pgbouncer.pid`)).trim());
  const all = processes();
  return all.filter((p) => p.pid === postmaster || p.ppid === postmaster || p.pid === pgbouncer);
}

/** SIGINT, as Ctrl-C would; resolves with the exit status or rejects after `timeoutMs`. */
async function interrupt(dev: DenoChild, timeoutMs: number): Promise<Deno.CommandStatus> {
  dev.child.kill("SIGINT");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`dev still running ${timeoutMs} ms after SIGINT`)), timeoutMs);
  });
  try {
    return await Promise.race([dev.status, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whatever happened, leave no process behind: the child, then any daemon of its stack. */
async function killAll(dev: DenoChild | undefined, dataDir: string): Promise<void> {
  if (dev && !dev.exited) {
    await interrupt(dev, 20_000).catch(async () => {
      dev.child.kill("SIGKILL");
      await dev.status;
    });
  }
  for (const p of mentioning(dataDir)) {
    // SIGQUIT is PostgreSQL's immediate shutdown; PgBouncer stops on SIGTERM.
    try {
      Deno.kill(p.pid, /pgbouncer/.test(p.cmd) ? "SIGTERM" : "SIGQUIT");
    } catch { /* gone */ }
  }
  for (let i = 0; i < 100 && mentioning(dataDir).length; i++) await sleep(50);
}

async function expectStoppedCleanly(dev: DenoChild, dataDir: string, recorded: Proc[]) {
  const status = await interrupt(dev, STOP_DEADLINE_MS);
  expect(status.code, dev.output()).toBe(0);
  // pg_ctl stop -w and stopPooler wait for their processes, so nothing may linger even briefly.
  const survivors = mentioning(dataDir);
  expect(survivors.filter((p) => /postgres|pgbouncer/.test(p.cmd)), "postgres/pgbouncer survived").toEqual(
    [],
  );
  expect(survivors, "processes mentioning DATA_DIR survived").toEqual([]);
  expect(recorded.filter((p) => alive(p.pid)), "stack processes survived").toEqual([]);
}

describe("deno task dev", () => {
  let dataDir = "";
  let dev: DenoChild | undefined;
  let coldStarted = false;
  let metricsToken = "";

  beforeAll(async () => {
    dataDir = await Deno.makeTempDir({ prefix: "buildflow-dev-" });
    await Deno.chmod(dataDir, 0o755); // the postgres system user must enter it
  });

  afterAll(async () => {
    await killAll(dev, dataDir);
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
  });

  it("boots a fresh stack on PORT=0, serves /readyz, and stops every process on SIGINT", async () => {
    dev = spawnDev(dataDir);
    try {
      const ready = await waitReady(dev, dataDir, READY_DEADLINE_MS);

      // The announced URL carries the port the kernel chose, not 0.
      const api = new URL(ready.json.apiUrl);
      expect(Number(api.port)).toBeGreaterThan(0);
      metricsToken = await printedMetricsToken(dev, ready.json.apiUrl);
      expect(JSON.parse(ready.body)).toEqual({
        status: "ready",
        checks: { catalog: true, pooler: true, clusters: { local: true } },
      });
      expect(ready.json).toMatchObject({
        apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        databaseUrl: expect.stringMatching(/^postgres:\/\//),
        poolerUrl: expect.stringMatching(/^postgres:\/\//),
      });

      const catalog = connect(ready.json.databaseUrl, { max: 1 });
      try {
        const rows = await catalog<{ name: string }[]>`
          select table_name as name from information_schema.tables
          where table_schema = 'public' and table_name in ${catalog(CATALOG_TABLES)} order by 1`;
        expect(rows.map((r) => r.name)).toEqual(CATALOG_TABLES);
      } finally {
        await catalog.end({ timeout: 1 });
      }

      // The scan below can see this stack's daemons: otherwise "none survive" would prove nothing.
      const recorded = await stackProcesses(dataDir);
      expect(recorded.some((p) => /postgres/.test(p.cmd) && p.cmd.includes(dataDir))).toBe(true);
      expect(recorded.some((p) => /pgbouncer/.test(p.cmd) && p.cmd.includes(dataDir))).toBe(true);
      expect(mentioning(dataDir).length).toBeGreaterThanOrEqual(2);

      await expectStoppedCleanly(dev, dataDir, recorded);
      coldStarted = true;
      await expect(fetch(`${ready.json.apiUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects
        .toThrow();
    } finally {
      await killAll(dev, dataDir);
    }
  }, 120_000);

  it("restarts warm on the same DATA_DIR with the same secrets, and stops cleanly again", async () => {
    expect(coldStarted, "the cold start must have succeeded").toBe(true);
    const before = JSON.parse(await Deno.readTextFile(`${dataDir}/stack.json`)) as StackJson;
    const spawnedAt = Date.now();
    dev = spawnDev(dataDir);
    try {
      const ready = await waitReady(dev, dataDir, READY_DEADLINE_MS);
      // stack.json was rewritten for this run, not left over from the last.
      const written = (await Deno.stat(`${dataDir}/stack.json`)).mtime!.getTime();
      expect(written).toBeGreaterThanOrEqual(spawnedAt - 1000); // file systems may round mtimes
      // Same cluster, same secrets: the old credentials still log in to the new ports, and a scraper
      // keeps its token.
      expect(new URL(ready.json.databaseUrl).password).toBe(new URL(before.databaseUrl).password);
      expect(await printedMetricsToken(dev, ready.json.apiUrl)).toBe(metricsToken);

      const recorded = await stackProcesses(dataDir);
      expect(recorded.length).toBeGreaterThanOrEqual(2);
      await expectStoppedCleanly(dev, dataDir, recorded);
    } finally {
      await killAll(dev, dataDir);
    }
  }, 120_000);
});

describe("deno task dev with a replica that crashed", () => {
  it("stops every process of its stack within 10 s of Ctrl-C", async () => {
    const dir = await Deno.makeTempDir({ prefix: "buildflow-dev-replica-" });
    await Deno.chmod(dir, 0o755);
    const dev = spawnDev(dir, { env: { LOCAL_REPLICAS: "1", REPLICA_POLL_MS: "100" } });
    try {
      const ready = await waitReady(dev, dir, READY_DEADLINE_MS);
      const replicaPg = `${dir}/replica-r1/pg`;
      expect(mentioning(dir).some((p) => p.cmd.includes(replicaPg)), "the replica never ran").toBe(true);
      // A crash: the standby's postmaster and children gone at once, its PgBouncer left waiting.
      const postmaster = Number((await Deno.readTextFile(`${replicaPg}/postmaster.pid`)).split("\n")[0]);
      Deno.kill(postmaster, "SIGKILL");
      for (const p of mentioning(dir).filter((p) => p.cmd.includes(replicaPg))) {
        try {
          Deno.kill(p.pid, "SIGKILL");
        } catch { /* gone with it */ }
      }
      await sleep(1500); // the API notices (its polls fail) and keeps serving from the primary
      expect((await fetch(`${ready.json.apiUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).status)
        .toBe(200);
      const stopped = performance.now();
      await interrupt(dev, 10_000);
      const survivors = mentioning(dir);
      expect(survivors, `still running ${Math.round(performance.now() - stopped)} ms after Ctrl-C`).toEqual(
        [],
      );
    } finally {
      await killAll(dev, dir);
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  }, 120_000);
});

describe("deno task dev interrupted while booting", () => {
  it("leaves no process of its stack behind", async () => {
    const dir = await Deno.makeTempDir({ prefix: "buildflow-dev-early-" });
    await Deno.chmod(dir, 0o755);
    const early = spawnDev(dir);
    const exists = (path: string) => Deno.stat(path).then(() => true, () => false);
    try {
      // The pid file appears once PgBouncer is up; migrations and the API come after it.
      const deadline = performance.now() + READY_DEADLINE_MS;
      while (
        !(await exists(`${dir}/pgbouncer/pgbouncer.pid`)) && !early.exited && performance.now() < deadline
      ) {
        await sleep(10);
      }
      expect(early.exited, early.output()).toBe(false);
      expect(await exists(`${dir}/pgbouncer/pgbouncer.pid`), "PgBouncer never started").toBe(true);
      const interruptedBeforeReady = !(await exists(`${dir}/stack.json`));
      await interrupt(early, STOP_DEADLINE_MS);
      const survivors = mentioning(dir);
      expect(
        survivors,
        `Ctrl-C ${interruptedBeforeReady ? "during boot" : "after ready"} left the stack running`,
      ).toEqual([]);
    } finally {
      await killAll(early, dir);
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  }, 120_000);
});

// As root, a checkout the postgres user cannot enter (e.g. a clone under /root, mode 0700): the server
// files go where it can, the secrets and stack.json stay in the checkout, and Ctrl-C still stops
// everything. The code itself runs from inside the locked directory, as a clone there would.
describe.runIf(Deno.uid() === 0)("deno task dev in a directory the postgres user cannot enter", () => {
  let locked = "";
  let dataDir = "";
  let serverDir = "";
  let dev: DenoChild | undefined;

  beforeAll(async () => {
    locked = await Deno.makeTempDir({ prefix: "buildflow-locked-" });
    await Deno.chmod(locked, 0o700); // root's, like /root
    // What a clone holds that dev reads: the code, the migrations, the PgBouncer policy, the lockfile.
    await Deno.mkdir(`${locked}/checkout`);
    for (const entry of ["src", "db", "pgbouncer", "deno.json", "deno.lock"]) {
      const copied = await new Deno.Command("cp", { args: ["-r", `${ROOT}/${entry}`, `${locked}/checkout/`] })
        .output();
      expect(copied.success, `copy ${entry}`).toBe(true);
    }
    dataDir = `${locked}/checkout/.data`;
  });

  afterAll(async () => {
    await killAll(dev, serverDir || dataDir);
    await Deno.remove(locked, { recursive: true }).catch(() => {});
    if (serverDir) await Deno.remove(serverDir, { recursive: true }).catch(() => {});
  });

  it(
    "keeps the server files where the postgres user can reach them and stops everything on SIGINT",
    async () => {
      dev = spawnDev(dataDir, { checkout: `${locked}/checkout` });
      const ready = await waitReady(dev, dataDir, READY_DEADLINE_MS);
      expect(JSON.parse(ready.body)).toMatchObject({ status: "ready" });
      serverDir = dev.output().match(/server files\s+(\S+)/)?.[1] ?? "";
      expect(serverDir, dev.output()).toMatch(/^\/var\/lib\/buildflow\/checkout-[0-9a-f]{16}$/);
      expect(dev.output()).toContain(`cannot enter ${dataDir}`);
      // Secrets stay in the checkout, readable by root alone; the cluster lives in the server directory.
      expect((await Deno.stat(`${dataDir}/secrets.json`)).mode! & 0o777).toBe(0o600);
      expect((await Deno.stat(`${serverDir}/pg/PG_VERSION`)).isFile).toBe(true);
      await expect(Deno.stat(`${dataDir}/pg`)).rejects.toThrow(Deno.errors.NotFound);

      const recorded = await stackProcesses(serverDir);
      expect(recorded.some((p) => /postgres/.test(p.cmd))).toBe(true);
      expect(recorded.some((p) => /pgbouncer/.test(p.cmd))).toBe(true);
      await expectStoppedCleanly(dev, serverDir, recorded);
    },
    120_000,
  );
});
