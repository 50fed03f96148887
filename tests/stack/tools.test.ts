// findTools: a missing or mis-configured binary is one clear error naming each tool with install
// commands; on this machine every tool is found and runnable.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { findTools, MissingToolsError } from "../../src/platform/tools.ts";

function isExecutableFile(path: string): boolean {
  const info = Deno.statSync(path);
  return info.isFile && ((info.mode ?? 0) & 0o111) !== 0;
}

describe("findTools", () => {
  it("names every tool configured at a path that does not exist, with install commands", () => {
    let error: unknown;
    try {
      findTools({ PG_BINDIR: "/nonexistent", PGBOUNCER_BIN: undefined, DBMATE_BIN: "/nope/dbmate" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingToolsError);
    const message = (error as Error).message;
    // The first line names what is missing; the install hint below it names every tool anyway.
    const [missing, ...hint] = message.split("\n");
    expect(missing).toMatch(/PostgreSQL/);
    expect(missing).toMatch(/dbmate/);
    // pgbouncer was not configured and is installed here: it is not reported missing.
    expect(missing).not.toMatch(/pgbouncer/i);
    expect(hint.join("\n")).toContain("apt-get install");
    expect(hint.join("\n")).toContain("brew install");
  });

  it("names a configured pgbouncer that does not exist", () => {
    const find = () =>
      findTools({ PG_BINDIR: undefined, PGBOUNCER_BIN: "/nope/pgbouncer", DBMATE_BIN: undefined });
    expect(find).toThrow(MissingToolsError);
    expect(find).toThrow(/^Missing: pgbouncer/);
  });

  it("finds PostgreSQL, PgBouncer and dbmate in the real environment, each executable", async () => {
    const tools = findTools(loadConfig(Deno.env.toObject()));
    for (const name of ["initdb", "pg_ctl", "postgres"]) {
      expect(isExecutableFile(`${tools.pgBin}/${name}`), `${tools.pgBin}/${name}`).toBe(true);
    }
    expect(isExecutableFile(tools.pgbouncer), tools.pgbouncer).toBe(true);
    expect(isExecutableFile(tools.dbmate), tools.dbmate).toBe(true);
    // And they run: each prints its version.
    const version = async (argv: string[]) => {
      const out = await new Deno.Command(argv[0], { args: argv.slice(1), stdout: "piped", stderr: "piped" })
        .output();
      expect(out.code, argv.join(" ")).toBe(0);
      return new TextDecoder().decode(out.stdout);
    };
    expect(await version([`${tools.pgBin}/postgres`, "--version"])).toMatch(/PostgreSQL\)? \d+/);
    expect(await version([tools.pgbouncer, "--version"])).toMatch(/PgBouncer \d+\.\d+/i);
    expect(await version([tools.dbmate, "--version"])).toMatch(/dbmate version \d+/);
  });
});
