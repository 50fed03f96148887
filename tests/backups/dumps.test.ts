// The fleet's logical dumps on the schedule (DUMP_EVERY), on a stack of the file's own (every live agency
// on it is dumped, so none of the suite's others come and go meanwhile): a recorded `dumps` run
// writes the catalog and every live agency with a manifest, then keeps the fleet's dump sets by calendar
// (older ones removed, single-agency dumps and archives never); a set in which an agency's dump failed
// is a failed run that removes nothing.
import { expect, it } from "vitest";
import { dumpSetDir, fleetDumpSets } from "../../src/backups/dumps.ts";
import { scheduleFrom, takeDumps } from "../../src/backups/schedule.ts";
import { connect } from "../../src/platform/db.ts";
import { signupAgency } from "../support/fixtures.ts";
import { stack } from "../support/stack.ts";
import { clusterStack } from "../clusters/helpers.ts";

const s = clusterStack({
  DUMP_EVERY: "1d",
  DUMP_KEEP_DAILY: "2",
  DUMP_KEEP_WEEKLY: "0",
  DUMP_KEEP_MONTHLY: "0",
}, {
  clusters: 1,
});
const deps = () => ({
  control: s.services.control,
  catalogUrl: s.local.servers.databaseUrl,
  clusters: s.services.clusters,
  pgBin: stack().tools.pgBin,
  schedule: scheduleFrom(s.services.config),
});
const backupDir = () => s.services.config.BACKUP_DIR;

/** A dump set as an earlier run left it: a manifest of `createdAt`, `all` or not. */
async function earlierSet(createdAt: Date, all: boolean) {
  const dir = dumpSetDir(backupDir(), createdAt);
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(`${dir}/manifest.json`, JSON.stringify({ createdAt, all, entries: [] }));
  return dir;
}

const lastRun = async () =>
  (await s.services.control<
    { ok: boolean | null; error: string | null; details: { dir?: string; removed?: string[] } }[]
  >`
    select ok, error, details from backup_runs where kind = 'dumps' order by id desc limit 1`)[0];

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

it(
  "dumps every live agency and the catalog, then keeps the newest set of each of the last days",
  async () => {
    const tenant = await signupAgency(s.app, "dumps");
    const day = 86_400_000;
    const yesterday = await earlierSet(new Date(Date.now() - day), true);
    const lastWeek = await earlierSet(new Date(Date.now() - 7 * day), true);
    const twoDaysAgo = await earlierSet(new Date(Date.now() - 2 * day), true);
    const single = await earlierSet(new Date(Date.now() - 30 * day), false); // `backup --agency`

    const details = await takeDumps(deps());
    const run = await lastRun();
    expect(run.ok, run.error ?? "").toBe(true);
    expect(run.details.dir).toBe(details.dir);

    const manifest = JSON.parse(await Deno.readTextFile(`${details.dir}/manifest.json`));
    expect(manifest.all).toBe(true);
    const databases = manifest.entries.map((e: { database: string }) => e.database);
    expect(databases).toContain(tenant.agencyDatabase);
    expect(databases[0]).toBe(new URL(s.local.servers.databaseUrl).pathname.slice(1)); // the catalog first
    for (const e of manifest.entries) {
      expect(e.error).toBeUndefined();
      expect((await Deno.stat(e.file)).size).toBe(e.bytes);
    }
    // DUMP_KEEP_DAILY=2: today's (the new one) and yesterday's; the rest of the fleet's sets removed.
    expect(details.removed.sort()).toEqual([lastWeek, twoDaysAgo].sort());
    expect((await fleetDumpSets(backupDir())).map((s) => s.dir).sort()).toEqual(
      [details.dir, yesterday].sort(),
    );
    expect(await exists(single)).toBe(true);
  },
  120_000,
);

it("records a set with a failed dump as a failed run and removes nothing", async () => {
  const tenant = await signupAgency(s.app, "dumpsfail");
  const before = (await fleetDumpSets(backupDir())).map((s) => s.dir).sort();
  const old = await earlierSet(new Date(Date.now() - 3 * 86_400_000), true);
  // The agency's database is gone while the catalog says it is live: its dump fails.
  const su = connect(s.cluster("local").superuserUrl, { max: 1 });
  await su`drop database ${su(tenant.agencyDatabase)} with (force)`.finally(() => su.end());
  try {
    await expect(takeDumps(deps())).rejects.toThrow(/1 dumps failed/);
    const run = await lastRun();
    expect(run.ok).toBe(false);
    expect(run.error).toContain(tenant.agencyDatabase);
    expect(await exists(old)).toBe(true);
    for (const dir of before) expect(await exists(dir)).toBe(true);
  } finally {
    await s.services.control`update agencies set status = 'deleted' where id = ${tenant.agency.id}`;
  }
}, 120_000);
