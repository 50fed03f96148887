// Helpers shared by the operations and platform-admin tests: agencies signed up through the real API
// (each from its own client address, so the per-client signup limit never interferes), JSON requests,
// short-lived superuser connections to one database, and the CLIs run as child processes against the
// shared stack.
import type { Hono } from "hono";
import { expect } from "vitest";
import { connect, type Sql } from "../../src/platform/db.ts";
import { databaseUrlFor } from "../../src/tenancy/control-plane.ts";
import { stack } from "../support/stack.ts";

// deno-lint-ignore no-explicit-any
export type AnyApp = Hono<any, any, any>;

export const PASSWORD = "Correct-horse-9-battery";
export const hex = (n: number) => crypto.randomUUID().replaceAll("-", "").slice(0, n);
const rand255 = () => crypto.getRandomValues(new Uint8Array(1))[0];
/** A client address nobody else uses (the app must be made with TRUST_PROXY=true). */
export const freshAddress = () => `10.${rand255()}.${rand255()}.${rand255()}`;

export type Tenant = {
  token: string;
  agencyDatabase: string;
  agency: { id: string; name: string; domain: string | null; databaseName: string; status: string };
  user: { id: string; email: string; fullName: string; role: string };
  email: string;
  password: string;
  domain: string;
};

/** POST /api/agencies from a fresh address; `domain` may be reused from a deleted agency. */
export async function signupAgency(app: AnyApp, tag: string, domain?: string): Promise<Tenant> {
  const id = hex(10);
  const email = `admin.${id}@example.com`;
  domain ??= `${tag}-${id}.example.com`;
  const res = await app.request("/api/agencies", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({
      name: `Ops ${tag} ${id}`,
      domain,
      admin: { email, password: PASSWORD, fullName: `Admin ${id}` },
    }),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { ...body, email, password: PASSWORD, domain };
}

export type Reply = { status: number; headers: Headers; body: Record<string, unknown> | null };

/** A JSON request with an optional bearer token; the body is parsed when there is one. */
export async function call(
  app: AnyApp,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await app.request(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = { text };
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/** The `data` of a reply that must have `status`, with the body in the failure message. */
export function dataOf<T = Record<string, unknown>>(reply: Reply, status = 200): T {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return (reply.body as { data: T }).data;
}

/** POST /api/auth/login from a fresh address. */
export async function agencyLogin(app: AnyApp, email: string, password: string) {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: await res.json() };
}

/** Runs `work` on a one-connection superuser client to `database`, closed right after. */
export async function asSuperuser<T>(database: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = connect(databaseUrlFor(stack().superuserUrl, database), { max: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function databaseExists(sql: Sql, name: string): Promise<boolean> {
  const [row] = await sql`select 1 from pg_database where datname = ${name}`;
  return Boolean(row);
}

/** Every row of `table`, ordered by id, as the superuser reads it (all columns). */
export const tableRows = (database: string, table: string) =>
  asSuperuser(database, (sql) => sql`select * from ${sql(table)} order by id`);

/** The environment a CLI needs to reach the shared stack (no .data/stack.json lookup). */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const { servers, tools, jwtSecret } = stack();
  return {
    ...Deno.env.toObject(),
    APP_ENV: "test",
    DATABASE_URL: servers.databaseUrl,
    POOLER_URL: servers.poolerUrl,
    POOLER_ADMIN_URL: servers.poolerAdminUrl,
    JWT_SECRET: jwtSecret,
    PG_BINDIR: tools.pgBin,
    PGBOUNCER_BIN: tools.pgbouncer,
    DBMATE_BIN: tools.dbmate,
    NO_COLOR: "1",
    ...extra,
  };
}

/** `deno run -A src/cli/<script> ...args` from the project root; never throws on a non-zero exit. */
export async function runCli(script: string, args: string[], env: Record<string, string> = {}) {
  const root = new URL("../../", import.meta.url).pathname;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `src/cli/${script}`, ...args],
    cwd: root,
    env: cliEnv(env),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function sha256Hex(file: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(file));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
