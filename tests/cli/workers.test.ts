// `deno task start` with API_WORKERS=2 on the real stack: the once-per-deployment chores, then
// `deno serve --parallel` with two isolates on one port that serve tenant traffic, and a SIGTERM that
// ends every process within the shutdown bound.
import { expect, it } from "vitest";
import { spawnApi } from "../support/api-process.ts";
import { hex, PASSWORD } from "../support/fixtures.ts";

const api = spawnApi({ API_WORKERS: "2" });
const { base, child } = api;

it("serves tenant traffic from two isolates on one port, then stops on SIGTERM", async () => {
  expect(await api.ready()).toMatchObject({ status: "ready" });
  const listening = `Listening on ${base}/ with 2 threads`;
  expect(await api.printed(listening), api.output()).toBe(true);

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
    (await new Deno.Command("pgrep", { args: ["-f", `--port ${new URL(base).port} `], stdout: "piped" })
      .output()).stdout,
  );
  expect(left.trim()).toBe("");
}, 60_000);
