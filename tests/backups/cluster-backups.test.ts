// A cluster's backups on a stack that archives to its own repository: the schedule (shortened by
// configuration) takes full and differential backups by itself and expires them per retention, each
// run recorded in the catalog; `deno task backups:verify` verifies the repository and restores a sample
// of agencies to check them; and after a disaster (PostgreSQL killed with SIGKILL under a writer, its
// data directory deleted) the cluster comes back from the repository with every write acknowledged
// more than archive_timeout + 5 s before the kill.
import { describe, expect, it } from "vitest";
import { backupCluster } from "../../src/backups/cluster-backup.ts";
import { stanzaInfo } from "../../src/backups/pgbackrest.ts";
import { recoverCluster } from "../../src/backups/recover.ts";
import { scheduleFrom, startScheduler, takeBackup } from "../../src/backups/schedule.ts";
import { backupStatus } from "../../src/backups/status.ts";
import { browser } from "../console/helpers.ts";
import { startCluster } from "../../src/platform/postgres-cluster.ts";
import {
  call,
  connectedTo,
  METRICS_TOKEN,
  scrape,
  signupAgency,
  sleep,
  type Tenant,
} from "../support/fixtures.ts";
import { runCli } from "../ops/helpers.ts";
import { stack as shared } from "../support/stack.ts";
import { clusterStack, operator } from "../clusters/helpers.ts";

const ARCHIVE_TIMEOUT_SECONDS = 5;
const SCHEDULE = {
  BACKUP_FULL_EVERY: "12s",
  BACKUP_DIFF_EVERY: "1s",
  BACKUP_VERIFY_EVERY: "7d",
  BACKUP_RETENTION: "1s",
};
const s = clusterStack({ ...SCHEDULE, METRICS_TOKEN }, {
  clusters: 1,
  archiveTimeoutSeconds: ARCHIVE_TIMEOUT_SECONDS,
});

const runsOf = async (kind: string) =>
  await s.services.control<
    { ok: boolean | null; error: string | null; details: { expired?: string[]; label?: string } }[]
  >`select ok, error, details from backup_runs where cluster = 'local' and kind = ${kind} order by id`;

describe("the schedule", () => {
  it("takes full and differential backups by itself and expires them per retention", async () => {
    const scheduler = startScheduler({
      control: s.services.control,
      catalogUrl: s.local.servers.databaseUrl,
      clusters: s.services.clusters,
      repo: s.services.backups!,
      pgBin: shared().tools.pgBin,
      schedule: scheduleFrom(s.services.config),
    }, 500);
    const deadline = Date.now() + 150_000;
    try {
      // Until a newer full backup puts the first one out of the 1 s retention: the expiry after the run
      // that first sees it past the window (a full or a differential) removes it.
      const expiredOne = async () =>
        [...await runsOf("full"), ...await runsOf("diff")].some((r) => r.details.expired?.length);
      while (Date.now() < deadline && !(await expiredOne())) await sleep(500);
    } finally {
      await scheduler.stop();
    }
    const fulls = await runsOf("full");
    const diffs = await runsOf("diff");
    expect(fulls.filter((r) => r.ok).length).toBeGreaterThanOrEqual(2);
    expect(diffs.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    expect([...fulls, ...diffs].filter((r) => r.ok === false)).toEqual([]);
    const expired = [...fulls, ...diffs].flatMap((r) => r.details.expired ?? []);
    expect(expired).toContain(fulls[0].details.label);
    // The repository agrees: the expired set is gone, the newest are there.
    const { backups } = await stanzaInfo(s.services.backups!, "local");
    const labels = backups.map((b) => b.label);
    for (const label of expired) expect(labels).not.toContain(label);
    expect(labels).toContain(fulls.at(-1)!.details.label);
    // What operators see: the oldest recoverable time as the latest run (full or differential) found it.
    const status = await backupStatus(s.services.control, [await s.services.clusters.get("local")]);
    expect(status.get("local")?.recoverableFrom).toEqual(backups[0].stoppedAt);
  }, 180_000);

  it("backups:verify verifies the repository and finds the sampled agencies as they are live", async () => {
    await signupAgency(s.app, "verify");
    await call(s.app, "GET", "/readyz");
    const { code, stdout, stderr } = await runCli("backups.ts", ["verify", "--sample", "2"], s.env());
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^local: verified/m);
    expect(stdout).toMatch(/\bmatch\b/);
    const verified = await runsOf("verify");
    expect(verified.at(-1)?.ok).toBe(true);
  }, 120_000);
});

/** A gauge's value in a /metrics page (undefined when absent). */
const gauge = (page: string, name: string) => {
  const line = page.split("\n").find((l) => l.startsWith(`buildflow_${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
};

describe("what operators and alerting see", () => {
  it("shows each cluster's backups, and a failed one, in the metrics, stats and the console", async () => {
    const local = await s.services.clusters.get("local");
    const wrongKey = { ...s.services.backups!, cipherPass: "not-the-repository-passphrase" };
    const schedule = scheduleFrom(s.services.config);
    await expect(takeBackup({ control: s.services.control, repo: wrongKey, schedule }, local, "diff")).rejects
      .toThrow();
    const { backups } = await stanzaInfo(s.services.backups!, "local");

    const metrics = await (await scrape(s.app)).text();
    expect(gauge(metrics, 'backup_last_attempt_failed{cluster="local",kind="diff"}')).toBe(1);
    expect(gauge(metrics, 'backup_last_attempt_failed{cluster="local",kind="full"}')).toBe(0);
    for (const kind of ["full", "verify"]) {
      const age = gauge(metrics, `backup_last_success_age_seconds{cluster="local",kind="${kind}"}`);
      expect(age, kind).toBeGreaterThanOrEqual(0);
      expect(age, kind).toBeLessThan(600);
    }
    expect(gauge(metrics, 'backup_oldest_recoverable_timestamp_seconds{cluster="local"}'))
      .toBe(backups[0].stoppedAt.getTime() / 1000);
    expect(gauge(metrics, 'backup_archive_lag_seconds{cluster="local"}')).toBeGreaterThanOrEqual(0);

    const stats = await runCli("stats.ts", [], s.env());
    expect(stats.code, stats.stderr).toBe(0);
    const row = stats.stdout.slice(stats.stdout.indexOf("Backups per cluster")).split("\n")
      .find((l) => l.startsWith("local "));
    expect(row).toContain(backups[0].stoppedAt.toISOString().replace(/\.\d+Z$/, "Z"));
    expect(row).toMatch(/diff: .*\S/);

    const { email } = await operator(s);
    const page = browser(s.app);
    expect((await page.signIn(email)).status).toBe(303);
    const fleet = await page.get("/console");
    const backupsSection = fleet.html.slice(fleet.html.indexOf('id="backups"'));
    expect(backupsSection).toMatch(/<td>local<\/td>/);
    expect(backupsSection).toContain(`diff at `);
    const tenant = await signupAgency(s.app, "console");
    const agencyPage = await page.get(`/console/agencies/${tenant.agency.id}`);
    expect(agencyPage.html).toContain("Recoverable from");
    expect(agencyPage.html).toContain(`/console/agencies/${tenant.agency.id}/restore-to-time`);
  });
});

describe("a lost cluster", () => {
  it(
    "comes back from the repository with every write acknowledged before archive_timeout + 5 s",
    async () => {
      await backupCluster(
        s.services.backups!,
        { cluster: "local", superuserUrl: s.local.superuserUrl },
        "diff",
      );
      const tenant: Tenant = await signupAgency(s.app, "disaster");
      const acknowledged: { name: string; at: number }[] = [];
      let stopped = false;
      const writer = (async () => {
        for (let i = 0; !stopped && i < 5000; i++) {
          const name = `d-${i}`;
          const res = await call(s.app, "POST", "/api/clients", { token: tenant.token, body: { name } });
          if (res.status === 201) acknowledged.push({ name, at: Date.now() });
          await sleep(res.status === 201 ? 20 : 200);
        }
      })();
      await sleep((ARCHIVE_TIMEOUT_SECONDS + 8) * 1000);
      const { dataDir } = s.local.cluster;
      const pid = Number((await Deno.readTextFile(`${dataDir}/postmaster.pid`)).split("\n")[0]);
      Deno.kill(pid, "SIGKILL");
      const killedAt = Date.now();
      await Deno.remove(dataDir, { recursive: true });
      await sleep(1000);
      stopped = true;
      await writer;

      await recoverCluster(s.services.backups!, "local", dataDir);
      await startCluster(s.local.cluster);
      // It accepts sessions once consistent, then replays the archive to its end and promotes.
      await connectedTo(s.local.superuserUrl, "buildflow", async (sql) => {
        for (let i = 0; i < 600 && (await sql`select pg_is_in_recovery() as r`)[0].r; i++) await sleep(100);
      });
      const present = await connectedTo(
        s.local.superuserUrl,
        tenant.agencyDatabase,
        async (sql) => new Set((await sql<{ name: string }[]>`select name from clients`).map((r) => r.name)),
      );
      const due = acknowledged.filter((x) => x.at < killedAt - (ARCHIVE_TIMEOUT_SECONDS + 5) * 1000);
      expect(due.length).toBeGreaterThan(20);
      expect(due.filter((x) => !present.has(x.name))).toEqual([]);
    },
    120_000,
  );
});
