// Edge-readiness: `deno serve src/server.ts` with only --allow-net, --allow-env and --allow-read (no
// --allow-run, --allow-write, --allow-ffi or --allow-sys, as on Deno Deploy), against the shared
// stack, serves a signup, a login, a resource round trip and a logout, each answer held to the
// contract, and logs no permission it was denied.
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort, waitForPort } from "../../src/platform/ports.ts";
import { checked } from "../support/contract.ts";
import { spawnDeno } from "../support/dev-process.ts";
import { type AnyApp, apiFor, dataOf, loginToken, signupAgency, sleep } from "../support/fixtures.ts";
import { stack, superuser } from "../support/stack.ts";

const PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read"];
const port = freePort();
const base = `http://127.0.0.1:${port}`;
const { servers, jwtSecret } = stack();
const su = superuser();
// What a deployment sets, and nothing of this machine's tools (PG_BINDIR, DBMATE_BIN...).
const env: Record<string, string> = {
  APP_ENV: "production",
  DATABASE_URL: servers.databaseUrl,
  POOLER_URL: servers.poolerUrl,
  POOLER_ADMIN_URL: servers.poolerAdminUrl,
  JWT_SECRET: jwtSecret,
  LOG_REQUESTS: "false",
  ACTIVITY_FLUSH_INTERVAL: "1s",
  NO_COLOR: "1",
  // Where deno finds its cache.
  ...Object.fromEntries(["HOME", "DENO_DIR", "PATH"].flatMap((k) => {
    const value = Deno.env.get(k);
    return value ? [[k, value]] : [];
  })),
};
const server = spawnDeno(
  ["serve", ...PERMISSIONS, "--no-prompt", "--port", String(port), "--host", "127.0.0.1", "src/server.ts"],
  { env },
);
/** The server over HTTP, as the fixtures drive an app, every answer checked against the contract. */
const edge = checked({
  request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init),
} as unknown as AnyApp);

beforeAll(async () => {
  const exited = server.status.then(({ code }) => {
    throw new Error(`deno serve exited (${code}):\n${server.output()}`);
  });
  exited.catch(() => {}); // afterAll ends it too
  await Promise.race([waitForPort(port, 30_000), exited]);
});

afterAll(async () => {
  try {
    server.child.kill("SIGKILL");
  } catch { /* already ended */ }
  await server.status;
});

it("signs up, logs in, creates and reads a client, and logs out with net, env and read only", async () => {
  const tenant = await signupAgency(edge, "edge");
  const token = await loginToken(edge, tenant.email, tenant.password);
  const api = apiFor(edge, token);
  const created = dataOf<{ id: string; name: string }>(
    await api.post("/api/clients", { name: "Edge Co" }),
    201,
  );
  expect(dataOf(await api.get(`/api/clients/${created.id}`))).toMatchObject({
    id: created.id,
    name: "Edge Co",
  });
  expect((await api.post("/api/auth/logout", undefined)).status).toBe(204);
  expect((await api.get("/api/me")).status).toBe(401);
  // The agency's use is written to the catalog (what keeps it from going cold), from this server too.
  let lastActive: Date | null = null;
  for (let i = 0; i < 50 && !lastActive; i++) {
    [{ lastActiveAt: lastActive }] = await su<{ lastActiveAt: Date | null }[]>`
      select last_active_at from agencies where id = ${tenant.agency.id}`;
    if (!lastActive) await sleep(100);
  }
  expect(lastActive).not.toBeNull();
  // Nothing on the way asked for more: a denied permission is logged, or fails the request.
  expect(server.output()).not.toMatch(/NotCapable|Requires \w+ access|PermissionDenied/);
}, 60_000);
