// `deno task dev` with BUILDFLOW_NO_INSTALL=1 on a Debian machine that lacks a tool (here dbmate, hidden
// by a PATH of our own): it stops at once, installs and starts nothing, and names the command to run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnDev } from "../support/dev-process.ts";

/** A hang guard, not a performance claim. */
const EXIT_DEADLINE_MS = 30_000;

describe("deno task dev with BUILDFLOW_NO_INSTALL=1 and dbmate missing", () => {
  let dir = "";

  beforeAll(async () => {
    dir = await Deno.makeTempDir({ prefix: "buildflow-no-install-" });
  });
  afterAll(async () => {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  });

  it("exits 1 before starting anything, naming the command to run", async () => {
    // No dbmate on this PATH, nor npm; an apt-get stand-in that only leaves a mark makes it Debian.
    await Deno.mkdir(`${dir}/bin`);
    await Deno.writeTextFile(`${dir}/bin/apt-get`, `#!/bin/sh\n: > ${dir}/apt-get-ran\nexit 1\n`, {
      mode: 0o755,
    });
    const dataDir = `${dir}/data`;
    const dev = spawnDev(dataDir, { env: { BUILDFLOW_NO_INSTALL: "1", PATH: `${dir}/bin` } });
    const timer = setTimeout(() => dev.child.kill("SIGKILL"), EXIT_DEADLINE_MS);
    const status = await dev.status.finally(() => clearTimeout(timer));
    const exitedAfterMs = performance.now() - dev.spawnedAt;

    expect(status.code, dev.output()).toBe(1);
    expect(dev.output()).toContain(
      "Missing: dbmate.\nBUILDFLOW_NO_INSTALL=1, so nothing is installed. Install it with:\n" +
        "  npm install -g dbmate\n",
    );
    expect(dev.output()).not.toContain("BuildFlow is up");
    // Stopped before the stack: no data directory, so no cluster was created; and apt-get never ran.
    await expect(Deno.stat(dataDir)).rejects.toThrow(Deno.errors.NotFound);
    await expect(Deno.stat(`${dir}/apt-get-ran`)).rejects.toThrow(Deno.errors.NotFound);
    console.log(`dev stopped ${exitedAfterMs.toFixed(0)} ms after spawn`);
  }, EXIT_DEADLINE_MS + 10_000);
});
