// What dev, test and bench install on a machine that lacks their tools: the plan for each kind of host
// (Debian as root or with sudo, without either, macOS, BUILDFLOW_NO_INSTALL=1), the apt-get and npm
// commands it runs (recorded, not run: this machine is shared), and the real look-up on this machine.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.ts";
import {
  ensureTools,
  type Host,
  installPackages,
  missingFor,
  packagesFor,
  planInstall,
  type Run,
} from "../../src/stack/install.ts";
import { findTools, MissingToolsError, type ToolPackage } from "../../src/platform/tools.ts";
import { ROOT } from "../support/dev-process.ts";

const debianRoot: Host = { os: "linux", root: true, sudo: false, apt: true, npm: true, noInstall: false };
const names = (packages: ToolPackage[]) => packages.map((p) => p.apt ?? p.npm);
const stopOf = (plan: ReturnType<typeof planInstall>) => ("stop" in plan ? plan.stop : undefined);

describe("planInstall on a fresh machine", () => {
  it("installs the stack's tools for dev, adds Chromium for test and wrk for bench, as root", () => {
    const plan = (task: "dev" | "test" | "bench") => planInstall(packagesFor(task), debianRoot);
    expect(plan("dev")).toEqual({ install: expect.any(Array), sudo: false });
    expect(names((plan("dev") as { install: ToolPackage[] }).install)).toEqual([
      "postgresql",
      "pgbouncer",
      "dbmate",
      "pgbackrest",
    ]);
    expect(names((plan("test") as { install: ToolPackage[] }).install)).toEqual([
      "postgresql",
      "pgbouncer",
      "dbmate",
      "pgbackrest",
      "chromium",
    ]);
    expect(names((plan("bench") as { install: ToolPackage[] }).install)).toEqual([
      "postgresql",
      "pgbouncer",
      "dbmate",
      "pgbackrest",
      "wrk",
    ]);
  });

  it("installs through sudo when not root but sudo needs no password", () => {
    const plan = planInstall(packagesFor("dev"), { ...debianRoot, root: false, sudo: true });
    expect(plan).toMatchObject({ sudo: true });
    expect(stopOf(plan)).toBeUndefined();
  });

  it("with BUILDFLOW_NO_INSTALL=1 installs nothing and names the one command to run", () => {
    expect(loadConfig({}).BUILDFLOW_NO_INSTALL).toBe(false);
    expect(loadConfig({ BUILDFLOW_NO_INSTALL: "0" }).BUILDFLOW_NO_INSTALL).toBe(false);
    const noInstall = loadConfig({ BUILDFLOW_NO_INSTALL: "1" }).BUILDFLOW_NO_INSTALL;
    const stop = stopOf(planInstall(packagesFor("test"), { ...debianRoot, noInstall }));
    expect(stop).toBe(
      "Missing: PostgreSQL server tools, PgBouncer, dbmate, pgBackRest, Chromium.\n" +
        "BUILDFLOW_NO_INSTALL=1, so nothing is installed. Install them with:\n" +
        "  apt-get update && apt-get install -y postgresql pgbouncer pgbackrest chromium && npm install -g dbmate",
    );
  });

  it("not root and without passwordless sudo, names the command with sudo", () => {
    const stop = stopOf(planInstall(packagesFor("dev"), { ...debianRoot, root: false, sudo: false }));
    expect(stop).toContain("Installing needs root or passwordless sudo.");
    expect(stop).toMatch(
      /\n {2}sudo apt-get update && sudo apt-get install -y postgresql pgbouncer pgbackrest && npm install -g dbmate$/,
    );
  });

  it("on macOS names Homebrew's command", () => {
    const stop = stopOf(planInstall(packagesFor("dev"), { ...debianRoot, os: "darwin", apt: false }));
    expect(stop).toMatch(/\n {2}brew install postgresql@15 pgbouncer dbmate pgbackrest$/);
  });

  it("on another Linux, names both commands, as root without sudo", () => {
    const stop = stopOf(planInstall(packagesFor("dev"), { ...debianRoot, apt: false }));
    expect(stop).toBe(
      "Missing: PostgreSQL server tools, PgBouncer, dbmate, pgBackRest.\n" +
        "Nothing is installed outside Debian and Ubuntu. Install them with:\n" +
        "  Debian/Ubuntu: apt-get update && apt-get install -y postgresql pgbouncer pgbackrest && npm install -g dbmate\n" +
        "  macOS: brew install postgresql@15 pgbouncer dbmate pgbackrest",
    );
  });

  it("without npm, stops for dbmate rather than installing half", () => {
    const stop = stopOf(planInstall(packagesFor("dev"), { ...debianRoot, npm: false }));
    expect(stop).toMatch(/^Missing: .*dbmate, pgBackRest\.\nnpm is not on PATH\./);
  });
});

describe("planInstall with only Chromium missing", () => {
  const chromium = packagesFor("test").filter((p) => p.apt === "chromium");

  it("installs it where it may", () => {
    expect(names((planInstall(chromium, debianRoot) as { install: ToolPackage[] }).install)).toEqual([
      "chromium",
    ]);
  });

  it("goes on without it where it may not: the browser tests are skipped, as before", () => {
    expect(planInstall(chromium, { ...debianRoot, noInstall: true })).toEqual({ install: [], sudo: false });
    expect(planInstall(chromium, { ...debianRoot, root: false })).toEqual({ install: [], sudo: true });
  });
});

describe("installPackages", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Records each command; `fails` says which ones exit non-zero. */
  function recorder(fails: (argv: string) => boolean = () => false) {
    const calls: string[] = [];
    const run: Run = (argv) => {
      calls.push(argv.join(" "));
      return Promise.resolve(!fails(argv.join(" ")));
    };
    return { calls, run };
  }
  const APT = "env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=600";

  it("runs apt-get once for the known packages, then npm, and prints one line per package", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { calls, run } = recorder();
    await installPackages(packagesFor("test"), false, run);
    expect(calls).toEqual([
      "apt-cache show postgresql",
      "apt-cache show pgbouncer",
      "apt-cache show pgbackrest",
      "apt-cache show chromium",
      `${APT} install -y postgresql pgbouncer pgbackrest chromium`,
      "npm install -g --no-audit --no-fund --loglevel=error dbmate",
    ]);
    expect(log.mock.calls.map(([line]) => line)).toEqual([
      "installed postgresql (PostgreSQL server tools) with apt",
      "installed pgbouncer (PgBouncer) with apt",
      "installed pgbackrest (pgBackRest) with apt",
      "installed chromium (Chromium) with apt",
      "installed dbmate (dbmate) with npm",
    ]);
  });

  it("runs apt-get update first when a package is unknown (empty package lists), and only once", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const { calls, run } = recorder((argv) => argv === "apt-cache show pgbouncer");
    await installPackages(packagesFor("dev"), true, run);
    expect(calls.filter((c) => !c.startsWith("apt-cache"))).toEqual([
      `sudo -n ${APT} update`,
      `sudo -n ${APT} install -y postgresql pgbouncer pgbackrest`,
      "npm install -g --no-audit --no-fund --loglevel=error dbmate",
    ]);
  });

  it("updates once and retries when an install fails, then stops naming the command", async () => {
    const { calls, run } = recorder((argv) => argv.includes(" install -y "));
    const attempt = installPackages(packagesFor("dev"), false, run);
    await expect(attempt).rejects.toThrow(MissingToolsError);
    await expect(attempt).rejects.toThrow(`\`${APT} install -y postgresql pgbouncer pgbackrest\` failed`);
    expect(calls.filter((c) => c.includes(" update"))).toHaveLength(1);
    expect(calls.filter((c) => c.includes(" install -y "))).toHaveLength(2);
    expect(calls.some((c) => c.startsWith("npm"))).toBe(false);
  });
});

describe("on this machine", () => {
  const config = loadConfig({ ...Deno.env.toObject(), BUILDFLOW_NO_INSTALL: "1" });

  it("dev lacks nothing (global-setup saw to it), and ensureTools gives findTools' tools", async () => {
    expect(missingFor("dev", config)).toEqual([]);
    expect(await ensureTools(config, "dev")).toEqual(findTools(config));
  });

  it("needs pgBackRest only while the local stack archives (LOCAL_ARCHIVING)", () => {
    const pgbackrest = packagesFor("dev").find((p) => p.apt === "pgbackrest")!;
    expect(pgbackrest.when?.({ ...config, LOCAL_ARCHIVING: true })).toBe(true);
    expect(pgbackrest.when?.({ ...config, LOCAL_ARCHIVING: false })).toBe(false);
  });

  it("never installs a tool whose path is configured: findTools names its variable instead", async () => {
    const configured = { ...config, DBMATE_BIN: "/nonexistent/dbmate" };
    expect(missingFor("dev", configured)).toEqual([]);
    await expect(ensureTools(configured, "dev")).rejects.toThrow(/^Missing: dbmate \(set DBMATE_BIN\)/);
  });
});

// The real spawns (probe, apt-cache, env, apt-get, output inherited) in a child process whose PATH holds
// stand-ins for apt-cache and apt-get: they log their calls, and "install" wrk by creating it. wrk is what
// bench lacks there (the other tools are found outside PATH, or linked in).
describe.runIf(Deno.build.os === "linux")("ensureTools in a child process, with stand-in apt-get", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await Deno.makeTempDir({ prefix: "buildflow-install-" });
  });
  afterAll(async () => {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  });

  const which = async (tool: string) => {
    const found = await new Deno.Command("sh", { args: ["-c", `command -v ${tool}`], stdout: "piped" })
      .output();
    return new TextDecoder().decode(found.stdout).trim();
  };

  const pick = (...keys: string[]) =>
    Object.fromEntries(keys.flatMap((k) => Deno.env.get(k) === undefined ? [] : [[k, Deno.env.get(k)!]]));

  async function bench(name: string, env: Record<string, string> = {}) {
    const bin = `${dir}/${name}`;
    const log = `${bin}/calls.log`;
    await Deno.mkdir(bin);
    const script = async (tool: string, body: string) => {
      await Deno.writeTextFile(`${bin}/${tool}`, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    };
    // Unknown until an update, as on a fresh image with empty package lists.
    await script("apt-cache", `echo "apt-cache $*" >> ${log}; [ -f ${bin}/updated ]`);
    const chmod = await which("chmod");
    await script(
      "apt-get",
      `echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> ${log}
case "$*" in
  *" update") : > ${bin}/updated ;;
  *" install -y wrk") echo "Setting up wrk"; : > ${bin}/wrk; ${chmod} +x ${bin}/wrk ;;
esac`,
    );
    // Only reached when the suite does not run as root: passwordless, as the install path needs.
    await script("sudo", `[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"`);
    for (const tool of ["env", "dbmate"]) await Deno.symlink(await which(tool), `${bin}/${tool}`);
    const code = `import { loadConfig } from "${ROOT}src/config.ts";
import { ensureTools } from "${ROOT}src/stack/install.ts";
await ensureTools(loadConfig(Deno.env.toObject()), "bench");`;
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", code],
      cwd: ROOT,
      // Nothing inherited (this shell may already say DEBIAN_FRONTEND=noninteractive, or name tools).
      clearEnv: true,
      env: { PATH: bin, ...pick("HOME", "DENO_DIR"), ...env },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    return {
      code: out.code,
      stdout: text(out.stdout),
      stderr: text(out.stderr),
      calls: await Deno.readTextFile(log).then((s) => s.trim().split("\n"), () => []),
      installed: await Deno.stat(`${bin}/wrk`).then(() => true, () => false),
    };
  }

  it("refreshes the empty package lists once, installs wrk non-interactively and says so", async () => {
    const run = await bench("installs");
    expect(run.code, run.stderr).toBe(0);
    const aptGet = "apt-get -qq -o DPkg::Lock::Timeout=600";
    expect(run.calls).toEqual([
      "apt-cache show wrk",
      `${aptGet} update (DEBIAN_FRONTEND=noninteractive)`,
      `${aptGet} install -y wrk (DEBIAN_FRONTEND=noninteractive)`,
    ]);
    expect(run.installed).toBe(true);
    expect(run.stdout).toBe(
      // apt-get's own output is kept back (shown only if it fails): our one line per package.
      "deno task bench installs wrk (BUILDFLOW_NO_INSTALL=1 stops it)\ninstalled wrk (wrk) with apt\n",
    );
  });

  it("with BUILDFLOW_NO_INSTALL=1 runs nothing and stops naming the command", async () => {
    const run = await bench("opted-out", { BUILDFLOW_NO_INSTALL: "1" });
    expect(run.code).not.toBe(0);
    expect(run.calls).toEqual([]);
    expect(run.installed).toBe(false);
    expect(run.stderr).toContain(
      "Missing: wrk.\nBUILDFLOW_NO_INSTALL=1, so nothing is installed. Install it with:\n" +
        "  apt-get update && apt-get install -y wrk",
    );
  });
});
