// The schedule's and retention's decisions, as pure functions: what is due on a cluster given its
// backups and recorded runs, which full backups fall out of the retention window, when the fleet's
// logical dumps are due and which dump sets the calendar keeps.
import { describe, expect, it } from "vitest";
import type { BackupSet } from "../../src/backups/pgbackrest.ts";
import { type DumpSet, keptDumpSets } from "../../src/backups/dumps.ts";
import { expiredFullBackups } from "../../src/backups/retention.ts";
import { type BackupSchedule, dueWork, dumpsDue } from "../../src/backups/schedule.ts";

const NOW = new Date("2026-12-07T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const HOUR = 3600;
const DAY = 24 * HOUR;

const set = (type: BackupSet["type"], secondsAgo: number): BackupSet => ({
  label: `${type}-${secondsAgo}`,
  type,
  startedAt: ago(secondsAgo + 60),
  stoppedAt: ago(secondsAgo),
  bytes: 1,
  repoBytes: 1,
  prior: null,
});

const WEEKLY: BackupSchedule = {
  fullEverySeconds: 7 * DAY,
  diffEverySeconds: DAY,
  verifyEverySeconds: 7 * DAY,
  retentionSeconds: 30 * DAY,
  dumps: { everySeconds: null, dir: "backups", keep: { daily: 7, weekly: 4, monthly: 12 } },
};

describe("what is due", () => {
  it("a full backup first, then a differential a day after the newest backup, then a full a week on", () => {
    expect(dueWork(NOW, [], [], WEEKLY)).toEqual({ backup: "full", verify: false });
    expect(dueWork(NOW, [set("full", HOUR)], [], WEEKLY).backup).toBeUndefined();
    expect(dueWork(NOW, [set("full", 2 * DAY)], [], WEEKLY).backup).toBe("diff");
    expect(dueWork(NOW, [set("full", 2 * DAY), set("diff", HOUR)], [], WEEKLY).backup).toBeUndefined();
    expect(dueWork(NOW, [set("full", 8 * DAY), set("diff", HOUR)], [], WEEKLY).backup).toBe("full");
  });

  it("a drill once a week after a full backup exists; a failed run waits before it is tried again", () => {
    const backups = [set("full", HOUR)];
    expect(dueWork(NOW, backups, [], WEEKLY).verify).toBe(true);
    const verified = {
      kind: "verify" as const,
      lastSuccessAt: ago(DAY),
      lastAttemptAt: ago(DAY),
      lastOk: true,
    };
    expect(dueWork(NOW, backups, [verified], WEEKLY).verify).toBe(false);
    const failed = { kind: "full" as const, lastSuccessAt: null, lastAttemptAt: ago(60), lastOk: false };
    expect(dueWork(NOW, [], [failed], WEEKLY).backup).toBeUndefined();
    expect(dueWork(NOW, [], [{ ...failed, lastAttemptAt: ago(16 * 60) }], WEEKLY).backup).toBe("full");
  });
});

describe("retention", () => {
  it("keeps every full backup inside the window and the one it starts in; never the newest", () => {
    const backups = [
      set("full", 40 * DAY),
      set("full", 33 * DAY),
      set("diff", 32 * DAY),
      set("full", 26 * DAY),
    ];
    expect(expiredFullBackups(backups, 30 * DAY, NOW).map((b) => b.label)).toEqual(["full-3456000"]);
    expect(expiredFullBackups(backups, 50 * DAY, NOW)).toEqual([]);
    expect(expiredFullBackups(backups, 1, NOW).map((b) => b.label)).toEqual(["full-3456000", "full-2851200"]);
    expect(expiredFullBackups([set("full", 90 * DAY)], 1, NOW)).toEqual([]);
  });
});

describe("the fleet's logical dumps", () => {
  const run = (
    over: Partial<{ lastSuccessAt: Date | null; lastAttemptAt: Date; lastOk: boolean | null }>,
  ) => ({
    kind: "dumps" as const,
    lastSuccessAt: null,
    lastAttemptAt: ago(0),
    lastOk: true,
    ...over,
  });

  it("are due only when DUMP_EVERY is set and the last good set is older; a failure waits its period", () => {
    expect(dumpsDue(NOW, [], null)).toBe(false);
    expect(dumpsDue(NOW, [], DAY)).toBe(true);
    expect(dumpsDue(NOW, [run({ lastSuccessAt: ago(DAY - 60) })], DAY)).toBe(false);
    expect(dumpsDue(NOW, [run({ lastSuccessAt: ago(DAY) })], DAY)).toBe(true);
    const failed = run({ lastSuccessAt: ago(2 * DAY), lastOk: false, lastAttemptAt: ago(600) });
    expect(dumpsDue(NOW, [failed], DAY)).toBe(false); // 15 minutes at most between tries
    expect(dumpsDue(NOW, [{ ...failed, lastAttemptAt: ago(900) }], DAY)).toBe(true);
  });

  it("are kept by calendar: the newest of each of the last 7 days, 4 ISO weeks and 12 months", () => {
    // Two sets a day (03:00 and 15:00 UTC) for 400 days up to 2026-12-07 (a Monday).
    const sets: DumpSet[] = [];
    for (let d = 0; d < 400; d++) {
      for (const hour of [15, 3]) {
        sets.push({ dir: `d${d}h${hour}`, createdAt: new Date(Date.UTC(2026, 11, 7 - d, hour)) });
      }
    }
    const kept = [...keptDumpSets(sets, { daily: 7, weekly: 4, monthly: 12 })]
      .map((s) => s.createdAt.toISOString().slice(0, 13)).sort().reverse();
    expect(kept).toEqual([
      // the last 7 days' newest (the first of them is also this ISO week's and this month's)
      "2026-12-07T15",
      "2026-12-06T15", // also week 49's newest (Sunday)
      "2026-12-05T15",
      "2026-12-04T15",
      "2026-12-03T15",
      "2026-12-02T15",
      "2026-12-01T15",
      "2026-11-30T15", // November's newest
      "2026-11-29T15", // week 48's
      "2026-11-22T15", // week 47's
      "2026-10-31T15", // and each month's back to January 2026
      "2026-09-30T15",
      "2026-08-31T15",
      "2026-07-31T15",
      "2026-06-30T15",
      "2026-05-31T15",
      "2026-04-30T15",
      "2026-03-31T15",
      "2026-02-28T15",
      "2026-01-31T15",
    ]);
    expect(keptDumpSets(sets, { daily: 0, weekly: 0, monthly: 0 }).size).toBe(0);
  });
});
