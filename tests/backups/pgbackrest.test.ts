// pgBackRest as the code finds and configures it: a missing binary is a clear error naming it; the
// configuration it writes keeps the passphrase out and refuses paths that would break the file or the
// archive_command; the schedule's durations parse as the README says.
import { describe, expect, it } from "vitest";
import { archiveCommand, repositoryConfig } from "../../src/backups/pgbackrest.ts";
import { loadConfig } from "../../src/config.ts";
import { findPgbackrest, MissingToolsError } from "../../src/platform/tools.ts";

const repo = {
  binary: "/usr/bin/pgbackrest",
  configFile: "/srv/pgbackrest.conf",
  cipherPass: "s3cret",
  scratchDir: "/s",
};

describe("pgBackRest", () => {
  it("is found on this machine, and a configured one that does not exist is named in the error", async () => {
    const found = findPgbackrest({ PGBACKREST_BIN: undefined });
    const out = await new Deno.Command(found, { args: ["version"], stdout: "piped" }).output();
    expect(new TextDecoder().decode(out.stdout)).toMatch(/^pgBackRest 2\.\d+/);
    const missing = () => findPgbackrest({ PGBACKREST_BIN: "/nope/pgbackrest" });
    expect(missing).toThrow(MissingToolsError);
    expect(missing).toThrow(/^Missing: pgbackrest/);
  });

  it("writes an encrypted, zstd repository with a stanza per cluster and no passphrase", () => {
    const conf = repositoryConfig("/data/backups", "/data/pgbackrest", [
      { name: "local", dataDir: "/data/pg", socketDir: "/data/run", port: 5433 },
    ]);
    expect(conf).toContain("repo1-cipher-type=aes-256-cbc\n");
    expect(conf).toContain("compress-type=zst\n");
    expect(conf).toContain("[local]\npg1-path=/data/pg\npg1-socket-path=/data/run\npg1-port=5433\n");
    expect(conf).not.toMatch(/cipher-pass/);
    expect(archiveCommand(repo, "local")).toBe(
      "/usr/bin/pgbackrest --config=/srv/pgbackrest.conf --stanza=local archive-push %p",
    );
  });

  it("refuses a path or name that would break the file or the server's archive_command", () => {
    for (const bad of ["/data/my backups", "/data/x\nrepo1-path=/tmp", "/data/'x"]) {
      expect(() => repositoryConfig(bad, "/s", []), bad).toThrow(/only letters, digits/);
    }
    expect(() => archiveCommand(repo, "local; rm -rf /")).toThrow(/stanza/);
  });

  it("reads the schedule's durations in seconds, and refuses what is not one", () => {
    const config = loadConfig({ BACKUP_FULL_EVERY: "2d", BACKUP_DIFF_EVERY: "12h", ARCHIVE_TIMEOUT: "90s" });
    expect([config.BACKUP_FULL_EVERY, config.BACKUP_DIFF_EVERY, config.ARCHIVE_TIMEOUT]).toEqual([
      172_800,
      43_200,
      90,
    ]);
    expect(loadConfig({}).BACKUP_RETENTION).toBe(30 * 86_400);
    expect(() => loadConfig({ BACKUP_RETENTION: "30" })).toThrow(/BACKUP_RETENTION: must be a duration/);
    expect(() => loadConfig({ BACKUP_CONFIG_FILE: "/etc/pgbackrest.conf" })).toThrow(
      /BACKUP_CIPHER_PASS: is required with BACKUP_CONFIG_FILE/,
    );
  });
});
