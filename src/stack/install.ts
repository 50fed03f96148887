// Installs what a task needs and this machine lacks, before `deno task dev`, `test` or `bench` goes
// on: apt-get and npm on Debian/Ubuntu, as root or with passwordless sudo. Elsewhere, or with
// BUILDFLOW_NO_INSTALL=1, it stops at once naming the one command to run.
import type { Config } from "../config.ts";
import { isRoot } from "../platform/command.ts";
import {
  findTools,
  installCommand,
  MissingToolsError,
  onPath,
  type Task,
  TOOL_PACKAGES,
  type ToolPackage,
  type Tools,
} from "../platform/tools.ts";

/** What decides whether, and how, we may install. */
export type Host = {
  os: typeof Deno.build.os;
  root: boolean;
  /** `sudo -n true` succeeds (asked only when not root). */
  sudo: boolean;
  apt: boolean;
  npm: boolean;
  noInstall: boolean;
};

export type InstallPlan = { install: ToolPackage[]; sudo: boolean } | { stop: string };

type ToolConfig = Parameters<ToolPackage["found"]>[0];

/** What `task` needs: all of it is missing on a fresh machine. */
export const packagesFor = (task: Task) => TOOL_PACKAGES.filter((p) => p.tasks.includes(task));

/** The packages `task` needs that this machine lacks; a tool whose path is configured is the user's. */
export function missingFor(task: Task, config: ToolConfig): ToolPackage[] {
  return packagesFor(task).filter((p) =>
    (p.when?.(config) ?? true) && !(p.variable && config[p.variable]) && !p.found(config)
  );
}

/** Why nothing may be installed here, if so. */
function refusal(missing: ToolPackage[], host: Host): string | undefined {
  if (host.noInstall) return "BUILDFLOW_NO_INSTALL=1, so nothing is installed.";
  if (host.os !== "linux" || !host.apt) return "Nothing is installed outside Debian and Ubuntu.";
  if (!host.root && !host.sudo) return "Installing needs root or passwordless sudo.";
  if (missing.some((p) => p.npm) && !host.npm) return "npm is not on PATH.";
}

/** Install all that is missing, or stop naming the command that would: unless only optional tools are
 * missing, which the task goes on without. */
export function planInstall(missing: ToolPackage[], host: Host): InstallPlan {
  const sudo = !host.root;
  const why = missing.length ? refusal(missing, host) : undefined;
  if (!why) return { install: missing, sudo };
  if (missing.every((p) => p.optional)) return { install: [], sudo };
  // Neither Debian nor macOS: both commands, for the reader to translate.
  const command = host.os === "darwin" || host.apt
    ? installCommand(missing, { brew: host.os === "darwin", sudo })
    : `Debian/Ubuntu: ${installCommand(missing, { sudo })}\n  macOS: ${
      installCommand(missing, { brew: true })
    }`;
  return {
    stop: `Missing: ${missing.map((p) => p.tool).join(", ")}.\n${why} Install ${
      missing.length === 1 ? "it" : "them"
    } with:\n  ${command}`,
  };
}

/** Runs `argv`; true when it exits 0. Its output is kept, and shown only when it fails (dpkg's
 * progress would bury the one line per package), or dropped when `quiet`. */
export type Run = (argv: string[], options?: { quiet?: boolean }) => Promise<boolean>;

const runCommand: Run = async (argv, { quiet = false } = {}) => {
  try {
    const { success, stdout, stderr } = await new Deno.Command(argv[0], {
      args: argv.slice(1),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!success && !quiet) {
      await Deno.stderr.write(stdout);
      await Deno.stderr.write(stderr);
    }
    return success;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
};

async function probeHost(config: Pick<Config, "BUILDFLOW_NO_INSTALL">): Promise<Host> {
  const root = isRoot();
  const apt = !!onPath("apt-get");
  return {
    os: Deno.build.os,
    root,
    sudo: !root && apt && !config.BUILDFLOW_NO_INSTALL &&
      await runCommand(["sudo", "-n", "true"], { quiet: true }),
    apt,
    npm: !!onPath("npm"),
    noInstall: config.BUILDFLOW_NO_INSTALL,
  };
}

const failed = (argv: string[]) =>
  new MissingToolsError(`\`${argv.join(" ")}\` failed (its output is above); run it yourself, then again.`);

/** apt-get's packages, then npm's; one line per package installed. */
export async function installPackages(packages: ToolPackage[], sudo: boolean, run: Run = runCommand) {
  const apt = packages.flatMap((p) => p.apt ?? []);
  const npm = packages.flatMap((p) => p.npm ?? []);
  const installed = (by: "apt" | "npm") => {
    for (const p of packages) if (p[by]) console.log(`installed ${p[by]} (${p.tool}) with ${by}`);
  };
  if (apt.length) {
    // Waits for another apt-get (a second task installing at the same time) instead of failing.
    const aptGet = (...args: string[]) => [
      ...(sudo ? ["sudo", "-n"] : []),
      ...["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-qq", "-o", "DPkg::Lock::Timeout=600"],
      ...args,
    ];
    const install = aptGet("install", "-y", ...apt);
    // A fresh image's package lists are empty and an old one's stale: refresh them once, when a
    // package is unknown or its install fails.
    const known = await Promise.all(apt.map((p) => run(["apt-cache", "show", p], { quiet: true })));
    if (!known.every(Boolean) || !(await run(install))) {
      if (!(await run(aptGet("update")))) throw failed(aptGet("update"));
      if (!(await run(install))) throw failed(install);
    }
    installed("apt");
  }
  if (npm.length) {
    const install = ["npm", "install", "-g", "--no-audit", "--no-fund", "--loglevel=error", ...npm];
    if (!(await run(install))) throw failed(install);
    installed("npm");
  }
}

/** The stack's tools for `task`, after installing what it needs and this machine lacks. */
export async function ensureTools(config: Config, task: Task): Promise<Tools> {
  const missing = missingFor(task, config);
  if (missing.length) {
    const plan = planInstall(missing, await probeHost(config));
    if ("stop" in plan) throw new MissingToolsError(plan.stop);
    if (plan.install.length) {
      console.log(
        `deno task ${task} installs ${plan.install.map((p) => p.tool).join(", ")} ` +
          `(BUILDFLOW_NO_INSTALL=1 stops it)`,
      );
      await installPackages(plan.install, plan.sudo);
    }
  }
  return findTools(config);
}
