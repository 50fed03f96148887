// `deno task start` with API_WORKERS=2 on the real stack: the once-per-deployment chores, then
// `deno serve --parallel` with two isolates on one port that serve tenant traffic, and a SIGTERM that
// ends every process within the shutdown bound.
import { afterAll, expect, it } from "vitest";
import { freePort } from "../../src/stack/ports.ts";
import { cliEnv } from "../ops/helpers.ts";
import { spawnDeno } from "../support/dev-process.ts";
import { hex, PASSWORD, sleep } from "../support/fixtures.ts";

const port = freePort();
const base = `http://127.0.0.1:${port}`;
const api = spawnDeno(["run", "-A", "src/main.ts"], {
  env: cliEnv({ API_WORKERS: "2", PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "false" }),
});
const { child } = api;
afterAll(async () => {
  try {
    child.kill("SIGKILL");
  } catch { /* already ended */ }
  await child.status;
});

async function ready(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/readyz`).catch(() => undefined);
    if (res?.status === 200) return await res.json();
    await res?.body?.cancel();
    await sleep(200);
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${api.output()}`);
}

it("serves tenant traffic from two isolates on one port, then stops on SIGTERM", async () => {
  expect(await ready()).toMatchObject({ status: "ready" });
  expect(api.output()).toContain(`Listening on ${base}/ with 2 threads`);

  const id = hex(10);
  const signup = await fetch(`${base}/api/agencies`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: `Workers ${id}`,
      domain: `workers-${id}.example.com`,
      admin: { email: `admin.${id}@example.com`, password: PASSWORD, fullName: "Worker Admin" },
    }),
  });
  expect(signup.status).toBe(201);
  const { token } = await signup.json();
  // Enough requests, each on its own connection, for both isolates to take some.
  const statuses = await Promise.all(Array.from({ length: 20 }, async () => {
    const res = await fetch(`${base}/api/clients`, {
      headers: { authorization: `Bearer ${token}`, connection: "close" },
    });
    await res.body?.cancel();
    return res.status;
  }));
  expect(statuses).toEqual(Array(20).fill(200));

  const stopping = performance.now();
  child.kill("SIGTERM");
  const { code } = await child.status;
  expect(code).toBe(0);
  expect(performance.now() - stopping).toBeLessThan(15_000); // a hang guard; the bound is 10 s
  const left = new TextDecoder().decode(
    (await new Deno.Command("pgrep", { args: ["-f", `--port ${port} `], stdout: "piped" }).output()).stdout,
  );
  expect(left.trim()).toBe("");
}, 60_000);
