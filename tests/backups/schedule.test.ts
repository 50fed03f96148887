// The schedule's and retention's decisions, as pure functions: what is due on a cluster given its
// backups and recorded runs, and which full backups fall out of the retention window.
import { describe, expect, it } from "vitest";
import type { BackupSet } from "../../src/backups/pgbackrest.ts";
import { expiredFullBackups } from "../../src/backups/retention.ts";
import { type BackupSchedule, dueWork } from "../../src/backups/schedule.ts";

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
